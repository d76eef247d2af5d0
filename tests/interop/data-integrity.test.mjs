// Issue #4: Data Integrity interop with Digital Bazaar's stack, both directions.
// - credentials the service issues (each DI format, each profile) verify with @digitalbazaar/vc;
// - credentials @digitalbazaar/vc signs (did:key issuer) verify in the service's /v1/verify;
// - tampered copies fail on both sides.
// eddsa-jcs-2022 has no package on npm, so it is covered only in the service → service direction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleRecords, issue, verify, serviceUrl } from './lib/service.mjs';
import { createVcDocumentLoader, createCheckStatus, dbVerify, dbIssue, didKeySigner } from './lib/dbvc.mjs';
import { profiles } from './lib/profiles.mjs';

const skip = !serviceUrl && 'VCSERVICE_URL not set';
const documentLoader = createVcDocumentLoader({ serviceUrl });
const checkStatus = createCheckStatus(serviceUrl);
const record = sampleRecords()[0].record;
const npmSuites = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'];

function check(report, name) {
  return report.checks.find(c => c.check === name);
}

for (const profile of profiles) {
  for (const suiteName of npmSuites) {
    const format = `di-${suiteName}`;

    test(`${profile} ${format}: issued by the service, verified by @digitalbazaar/vc`, { skip }, async () => {
      const issued = await issue(record, { profile, format });
      assert.equal(typeof issued.credential, 'object', 'DI credentials come back as JSON');
      assert.equal(issued.credential.proof.cryptosuite, suiteName);
      const { verified, error } = await dbVerify(issued.credential, documentLoader, checkStatus);
      assert.equal(verified, true, error);

      const tampered = structuredClone(issued.credential);
      tampered.credentialSubject.id = 'did:example:someone-else';
      assert.equal((await dbVerify(tampered, documentLoader, checkStatus)).verified, false);
    });

    test(`${profile} ${format}: signed by @digitalbazaar/vc (did:key), verified by the service`, { skip }, async () => {
      const template = (await issue(record, { profile, format })).credential;
      delete template.credentialStatus; // the service's lists belong to the service's issuer, not to the did:key
      const signer = await didKeySigner(suiteName);
      const signed = await dbIssue(template, signer, documentLoader);
      assert.equal((await dbVerify(signed, documentLoader)).verified, true, 'their own check first');

      const { status, body } = await verify(signed);
      assert.equal(status, 200);
      assert.equal(check(body, 'signature').status, 'ok', JSON.stringify(body.checks));
      assert.equal(body.issuerDid, signer.did);
      assert.equal(check(body, 'format').status, 'ok');
      assert.equal(body.verified, true, JSON.stringify(body.checks));

      const tampered = structuredClone(signed);
      tampered.credentialSubject.id = 'did:example:someone-else';
      const bad = await verify(tampered);
      assert.equal(bad.status, 200);
      assert.equal(bad.body.verified, false);
      assert.equal(check(bad.body, 'signature').status, 'failed');
    });
  }

  test(`${profile} di-eddsa-jcs-2022: issued and verified by the service (no npm peer)`, { skip }, async () => {
    const issued = await issue(record, { profile, format: 'di-eddsa-jcs-2022' });
    const { body } = await verify(issued.credential);
    assert.equal(body.verified, true, JSON.stringify(body.checks));
  });
}

test('a proof from @digitalbazaar/vc with a changed proof option fails in the service, naming the signature check', { skip }, async () => {
  const template = (await issue(record, { profile: 'elm', format: 'di-eddsa-rdfc-2022' })).credential;
  delete template.credentialStatus;
  const signed = await dbIssue(template, await didKeySigner('eddsa-rdfc-2022'), documentLoader);
  signed.proof.created = '2001-01-01T00:00:00Z';
  const { status, body } = await verify(signed);
  assert.equal(status, 200);
  assert.equal(body.verified, false);
  assert.match(check(body, 'signature').message, /signature does not match/);
});
