// Issue #4: the Digital Credentials Consortium's verifier (@digitalcredentials/verifier-core) verifies the
// service's eddsa-rdfc-2022 credentials offline. It builds its document loader at import time (did:web over
// HTTPS, remote contexts over HTTP), so it runs behind lib/offline-fetch.mjs: bundled contexts from the
// files, the service's did:web answered by the service under test, everything else refused. What it then
// cannot do offline: fetch a credentialSchema (reported by it as "schema_check" additional information).
// Status: it ignores StatusList2021 entries (elm) by design, and reads only JSON-LD (Data Integrity) status
// list credentials, so for the demo tenant, whose VC 2.0 lists are vc+jwt (its default format is jwt), it
// logs revocation_status as a status_list_error; a tenant whose default format is a di-… one serves DI lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installOfflineFetch } from './lib/offline-fetch.mjs';
import { sampleRecords, issue, serviceUrl } from './lib/service.mjs';
import { profiles } from './lib/profiles.mjs';

const skip = !serviceUrl && 'VCSERVICE_URL not set';
const record = sampleRecords()[0].record;

let verifyCredential;
let shim;
async function verifier() {
  if (!verifyCredential) {
    shim = installOfflineFetch(serviceUrl);
    ({ verifyCredential } = await import('@digitalcredentials/verifier-core'));
  }
  return verifyCredential;
}

const logEntry = (result, id) => result.log?.find(entry => entry.id === id);

for (const profile of profiles) {
  test(`${profile} di-eddsa-rdfc-2022: verified by @digitalcredentials/verifier-core, offline`, { skip }, async () => {
    const verify = await verifier();
    const issued = await issue(record, { profile, format: 'di-eddsa-rdfc-2022' });
    const result = await verify({ credential: issued.credential, knownDIDRegistries: [] });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(logEntry(result, 'valid_signature')?.valid, true, JSON.stringify(result.log));
    assert.equal(logEntry(result, 'expiration')?.valid, true);
    const refused = shim.log.filter(url => !url.startsWith(serviceUrl) && !url.includes(new URL(serviceUrl).host));
    // Only contexts (served from the bundle) and schemas (refused) were asked for beyond the service.
    for (const url of refused) assert.ok(!url.includes('did.json'), url);

    const tampered = structuredClone(issued.credential);
    tampered.credentialSubject.id = 'did:example:someone-else';
    const bad = await verify({ credential: tampered, knownDIDRegistries: [] });
    assert.notEqual(logEntry(bad, 'valid_signature')?.valid, true, JSON.stringify(bad.log ?? bad.errors));
  });
}
