// Side-by-side peer: mean time of jsonld.js canonize (RDFC-1.0, safe mode, bundled contexts, no
// network) per document, warm, N iterations in one process. Usage:
//   node bench/canonicalize-jsonld.mjs N FILE... [--check]
// Prints one line per file: "<file>\t<mean ms>", with --check also "\t<sha256 hex of the output>".
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {performance} from 'node:perf_hooks';
import {createDocumentLoader} from '../tests/interop/lib/loader.mjs';

const require = createRequire(new URL('../tests/interop/package.json', import.meta.url));
const jsonld = require('jsonld');

const args = process.argv.slice(2);
const check = args.includes('--check');
const [count, ...files] = args.filter(a => a !== '--check');
const iterations = Number.parseInt(count, 10);
if(!(iterations > 0) || files.length === 0) {
  console.error('usage: node canonicalize-jsonld.mjs N FILE...');
  process.exit(2);
}
const documentLoader = createDocumentLoader();
const options = {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true};

for(const file of files) {
  const text = readFileSync(file, 'utf8');
  // Same work per iteration as `vcservice rdf canonicalize --repeat`: JSON parse + toRdf + RDFC-1.0.
  const once = () => jsonld.canonize(JSON.parse(text), options);
  // warm-up as `vcservice --repeat`: max(20, N) runs and at least 4 s, so the JIT has settled
  const warmStart = performance.now();
  for(let i = 0; i < Math.max(20, iterations) || performance.now() - warmStart < 4000; i++) {
    await once();
  }
  const start = performance.now();
  for(let i = 0; i < iterations; i++) {
    await once();
  }
  const mean = (performance.now() - start) / iterations;
  const digest = check ? '\t' + createHash('sha256').update(await once(), 'utf8').digest('hex') : '';
  console.log(`${file}\t${mean.toFixed(4)}${digest}`);
}
