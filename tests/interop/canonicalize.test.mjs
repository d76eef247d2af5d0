// Interop: `vcservice rdf canonicalize FILE` must be byte-identical to jsonld.js
// canonize(doc, {algorithm: 'RDFC-1.0', safe: true}) over the same bundled contexts.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import {sharedDir, loadContexts, createDocumentLoader, missingContexts} from './lib/loader.mjs';
import {vcserviceCli, runCli} from './lib/cli.mjs';

const documents = [
  'reference/elm/Sample-MC-Annex1-unsigned.jsonld',
  'w3c/vc-di-eddsa/TestVectors/unsigned.json',
  'w3c/vc-di-eddsa/TestVectors/employmentAuth.json',
  'w3c/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json',
  'w3c/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json',
  'w3c/vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json',
  'w3c/vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json',
  'w3c/vc-di-ecdsa/TestVectors/unsigned.json',
  'w3c/vc-di-ecdsa/TestVectors/employmentAuth.json',
  'w3c/vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/signedECDSAP256.json',
  'w3c/vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json',
  'w3c/vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json',
];

// The service's own samples (ELM and Open Badges 3.0 profiles of the four Annex I examples) and test fixtures:
// all of them take the fused expansion/toRdf walk, so this compares that path with jsonld.js too.
const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoDocuments = [
  ...['samples/elm', 'samples/obv3'].flatMap(folder =>
    readdirSync(path.join(repoDir, folder)).sort().map(name => `${folder}/${name}`)),
  'tests/VcService.LinkedData.Tests/JsonLd/Fixtures/ob3-credential.json',
  'tests/VcService.LinkedData.Tests/JsonLd/Fixtures/did-document.json',
];

const contexts = loadContexts();
const documentLoader = createDocumentLoader(contexts);
let cli;

before(() => {
  cli = vcserviceCli();
});

for(const [relative, file] of [
  ...documents.map(relative => [relative, path.join(sharedDir, relative)]),
  ...repoDocuments.map(relative => [relative, path.join(repoDir, relative)]),
]) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const missing = missingContexts(doc, contexts);
  const skip = missing.length > 0 ?
    `context not bundled and no network: ${missing.join(', ')}` : false;

  test(`canonical N-Quads of ${relative} match jsonld.js`, {skip}, async () => {
    const expected = await jsonld.canonize(doc, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true,
    });
    const ours = runCli(cli, ['rdf', 'canonicalize', file]);
    assert.equal(ours.status, 0, ours.stderr);
    assert.ok(expected.length > 0);
    assert.equal(ours.stdout, expected);
  });
}

test('both reject the poisoned RDFC-1.0 dataset (10-clique)', async () => {
  const file = path.join(sharedDir, 'w3c/rdf-canon/rdfc10/test074-in.nq');
  const ours = runCli(cli, ['rdf', 'canonicalize', '--input', 'nquads', file]);
  assert.equal(ours.status, 4);
  assert.match(ours.stderr, /work limit exceeded/);
  await assert.rejects(jsonld.canonize(readFileSync(file, 'utf8'), {
    algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads',
  }));
});
