// Side-by-side peer: @digitalbazaar/vc issue (eddsa-rdfc-2022 DataIntegrityProof) and verifyCredential
// of the same credential, warm, N iterations each in one process, bundled contexts, did:key resolved
// locally (no network). Usage:
//   node bench/di-vc.mjs N FILE [--out SIGNED.json] [--check-other SIGNED-BY-VCSERVICE.json]
// FILE is the unsecured credential with its issuer already set to a did:key; the script signs with a
// fresh Ed25519 key of its own and rewrites the issuer to that key's did:key (same document otherwise).
// Prints "<file>\t<issue mean ms>\t<verify mean ms>".
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createVcDocumentLoader, dbIssue, dbVerify, didKeySigner } from '../tests/interop/lib/dbvc.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : null;
const otherIndex = args.indexOf('--check-other');
const other = otherIndex >= 0 ? args.splice(otherIndex, 2)[1] : null;
const [count, file] = args;
const iterations = Number.parseInt(count, 10);
if (!(iterations > 0) || !file) {
  console.error('usage: node bench/di-vc.mjs N FILE [--out SIGNED.json]');
  process.exit(2);
}

const documentLoader = createVcDocumentLoader({});
const signer = await didKeySigner('eddsa-rdfc-2022');
const text = readFileSync(file, 'utf8');

// Same work per iteration as `vcservice sign --repeat`: add one proof to the parsed document.
const issueOnce = () => dbIssue(JSON.parse(text), signer, documentLoader);
const signed = await issueOnce();
const check = await dbVerify(signed, documentLoader);
if (!check.verified) {
  console.error(`their own credential does not verify: ${check.error}`);
  process.exit(1);
}
if (out) writeFileSync(out, JSON.stringify(signed, null, 2));
if (other) {
  // The other side's signature over the same document must verify here before timings mean anything.
  const result = await dbVerify(JSON.parse(readFileSync(other, 'utf8')), documentLoader);
  if (!result.verified) {
    console.error(`${other} does not verify with @digitalbazaar/vc: ${result.error}`);
    process.exit(1);
  }
}
const signedText = JSON.stringify(signed);
const verifyOnce = async () => {
  const result = await dbVerify(JSON.parse(signedText), documentLoader);
  if (!result.verified) throw new Error(result.error);
};

async function time(once) {
  // warm-up as `vcservice --repeat`: max(20, N) runs and at least 2 s, so the JIT has settled
  const warmStart = performance.now();
  for (let i = 0; i < Math.max(20, iterations) || performance.now() - warmStart < 2000; i++) await once();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await once();
  return (performance.now() - start) / iterations;
}

const issueMs = await time(issueOnce);
const verifyMs = await time(verifyOnce);
console.log(`${file}\t${issueMs.toFixed(4)}\t${verifyMs.toFixed(4)}`);
