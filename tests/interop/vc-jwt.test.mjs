// Issue #4: VC-JOSE-COSE (application/vc+jwt) output of the service verifies with `jose`, the key taken
// from the service's did.json (the JsonWebKey method named by the header's kid); the payload is the
// credential itself. A vc+jwt that `jose` signs with a did:jwk issuer verifies in the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as jose from 'jose';
import { sampleRecords, issue, verify, serviceUrl } from './lib/service.mjs';
import { profiles } from './lib/profiles.mjs';

const skip = (!serviceUrl && 'VCSERVICE_URL not set') || (!profiles.includes('obv3') && 'vc+jwt secures the obv3 profile, not merged yet');
const record = sampleRecords()[0].record;

async function didDocument(did) {
  const path = did.split(':').slice(3).map(decodeURIComponent).join('/');
  const response = await fetch(`${serviceUrl}/${path}/did.json`);
  assert.equal(response.status, 200);
  return response.json();
}

/** The public JWK behind a kid: the method itself when it is a JsonWebKey, else its -jwk twin. */
async function keyOf(kid) {
  const document = await didDocument(kid.split('#')[0]);
  const method = document.verificationMethod.find(m => m.id === kid && m.publicKeyJwk)
    ?? document.verificationMethod.find(m => m.id === `${kid}-jwk`);
  assert.ok(method, `no JWK for ${kid}`);
  assert.ok(document.assertionMethod.includes(method.id), 'the key may assert');
  return method.publicKeyJwk;
}

async function joseVerify(compact, algorithms) {
  const { kid } = jose.decodeProtectedHeader(compact);
  const key = await jose.importJWK(await keyOf(kid), jose.decodeProtectedHeader(compact).alg);
  return jose.compactVerify(compact, key, { algorithms, typ: 'vc+jwt' });
}

test('obv3 vc+jwt: verified by jose with the key from did.json; the payload is the credential', { skip }, async () => {
  const issued = await issue(record, { profile: 'obv3', format: 'vc+jwt' });
  assert.equal(typeof issued.credential, 'string');
  const header = jose.decodeProtectedHeader(issued.credential);
  assert.equal(header.typ, 'vc+jwt');
  assert.equal(header.alg, 'EdDSA');
  assert.match(header.kid, /^did:web:.*#key-\d+$/);

  const { payload } = await joseVerify(issued.credential, ['EdDSA', 'ES256']);
  const credential = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(credential['@context'][0], 'https://www.w3.org/ns/credentials/v2');
  assert.ok(credential.type.includes('VerifiableCredential'));
  assert.equal(credential.vc, undefined, 'no vc claim');
  assert.equal(credential.issuer.id ?? credential.issuer, header.kid.split('#')[0]);

  // Tampered payload: jose refuses it too.
  const [h, , s] = issued.credential.split('.');
  const changed = Buffer.from(JSON.stringify({ ...credential, name: 'changed' })).toString('base64url');
  await assert.rejects(joseVerify(`${h}.${changed}.${s}`, ['EdDSA', 'ES256']));
});

test('obv3 vc+jwt: its BitstringStatusList credential is a vc+jwt that jose verifies', { skip }, async () => {
  const issued = await issue(record, { profile: 'obv3', format: 'vc+jwt' });
  const credential = jose.decodeJwt(issued.credential);
  const entry = [credential.credentialStatus].flat()[0];
  assert.equal(entry.type, 'BitstringStatusListEntry');
  const response = await fetch(`${serviceUrl}${new URL(entry.statusListCredential).pathname}`);
  assert.equal(response.headers.get('content-type').split(';')[0], 'application/vc+jwt');
  const { payload } = await joseVerify(await response.text(), ['EdDSA', 'ES256']);
  const list = JSON.parse(new TextDecoder().decode(payload));
  assert.ok(list.type.includes('BitstringStatusListCredential'));
});

test('a vc+jwt signed by jose (did:jwk issuer, ES256) verifies in the service; alg none does not', { skip: !serviceUrl && 'VCSERVICE_URL not set' }, async () => {
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const did = `did:jwk:${Buffer.from(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).toString('base64url')}`;
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Ana' },
  };
  const compact = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: `${did}#0` })
    .sign(privateKey);
  const { status, body } = await verify(compact);
  assert.equal(status, 200);
  assert.equal(body.format, 'vc+jwt');
  assert.equal(body.verified, true, JSON.stringify(body.checks));

  const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt', kid: `${did}#0` })).toString('base64url')}.${compact.split('.')[1]}.`;
  const refused = await verify(none);
  assert.equal(refused.status, 200);
  assert.equal(refused.body.verified, false);
  assert.equal(refused.body.checks.find(c => c.check === 'signature').status, 'failed');
});
