// Issue #5: the status lists the service serves decode with Digital Bazaar's
// @digitalbazaar/vc-bitstring-status-list and show exactly the bits the issuer API set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { sampleRecords, issue, verify, jwtPayload, serviceUrl, apiKey } from './lib/service.mjs';
import { createDocumentLoader } from './lib/loader.mjs';

const bundledLoader = createDocumentLoader();

const skip = !serviceUrl && 'VCSERVICE_URL not set';

function entries(issued) {
  const status = jwtPayload(issued.credential).vc.credentialStatus;
  return Array.isArray(status) ? status : [status];
}

async function changeStatus(issued, action, reason) {
  const response = await fetch(`${serviceUrl}/v1/issuers/demo/credentials/${issued.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ action, reason }),
  });
  return { status: response.status, body: await response.json() };
}

/** Fetches the list behind an entry (on the service under test, whatever host the URL names). */
async function fetchList(entry, headers = {}) {
  const url = new URL(entry.statusListCredential);
  return fetch(`${serviceUrl}${url.pathname}`, { headers });
}

/** Decodes a served StatusList2021 / BitstringStatusList credential's list with the Digital Bazaar package. */
async function decodeServed(jwt) {
  const { encodedList } = jwtPayload(jwt).vc.credentialSubject;
  // StatusList2021 (VC 1.1) writes plain base64url; Bitstring Status List adds the multibase 'u' prefix.
  // The compressed bytes are the same, so the 2021 form decodes once prefixed.
  return decodeList({ encodedList: encodedList.startsWith('u') ? encodedList : 'u' + encodedList });
}

function setBits(list) {
  const set = [];
  for (let i = 0; i < list.length; i++) if (list.getStatus(i)) set.push(i);
  return set;
}

test('served status lists decode with @digitalbazaar/vc-bitstring-status-list and show exactly the bits set', { skip }, async () => {
  const { record } = sampleRecords()[0];
  const revoked = await issue(record);
  const suspended = await issue(record);
  const untouched = await issue(record);
  const [revocationEntry, suspensionEntry] = entries(revoked);
  assert.equal(revocationEntry.type, 'StatusList2021Entry');
  assert.equal(revocationEntry.statusPurpose, 'revocation');
  assert.equal(suspensionEntry.statusPurpose, 'suspension');

  const before = await fetchList(revocationEntry);
  assert.equal(before.status, 200);
  assert.match(before.headers.get('cache-control'), /max-age=\d+/);
  const etag = before.headers.get('etag');
  assert.ok(etag);
  const listBefore = await decodeServed(await before.text());
  assert.equal(listBefore.length, 131072);
  const setBefore = setBits(listBefore);

  // Nothing changed: 304 for the same ETag.
  assert.equal((await fetchList(revocationEntry, { 'if-none-match': etag })).status, 304);

  assert.equal((await changeStatus(revoked, 'revoke', 'interop: awarded in error')).status, 200);
  assert.equal((await changeStatus(suspended, 'suspend', 'interop: under investigation')).status, 200);

  const revocationList = await decodeServed(await (await fetchList(revocationEntry)).text());
  const expectedRevoked = [...new Set([...setBefore, Number(revocationEntry.statusListIndex)])].sort((a, b) => a - b);
  assert.deepEqual(setBits(revocationList), expectedRevoked);
  assert.equal(revocationList.getStatus(Number(entries(suspended)[0].statusListIndex)), false);
  assert.equal(revocationList.getStatus(Number(entries(untouched)[0].statusListIndex)), false);

  const suspensionList = await decodeServed(await (await fetchList(entries(suspended)[1])).text());
  assert.equal(suspensionList.getStatus(Number(entries(suspended)[1].statusListIndex)), true);
  assert.equal(suspensionList.getStatus(Number(entries(untouched)[1].statusListIndex)), false);

  assert.equal((await verify(revoked.credential)).body.verified, false);
  assert.equal((await verify(suspended.credential)).body.verified, false);
  assert.equal((await verify(untouched.credential)).body.verified, true);
  assert.equal((await changeStatus(revoked, 'reinstate', 'interop')).status, 409);
});

test('status list credential and status entries expand in JSON-LD safe mode with bundled contexts', { skip }, async () => {
  const issued = await issue(sampleRecords()[0].record);
  const credential = jwtPayload(issued.credential).vc;
  const expanded = await jsonld.expand(credential, { documentLoader: bundledLoader, safe: true });
  const status = expanded[0]['https://www.w3.org/2018/credentials#credentialStatus'];
  assert.ok(status.some(s => s['@type'].includes('https://w3id.org/vc/status-list#StatusList2021Entry')));

  const listJwt = await (await fetchList(entries(issued)[0])).text();
  const listCredential = jwtPayload(listJwt).vc;
  const listExpanded = await jsonld.expand(listCredential, { documentLoader: bundledLoader, safe: true });
  assert.ok(listExpanded[0]['@type'].includes('https://w3id.org/vc/status-list#StatusList2021Credential'));
});
