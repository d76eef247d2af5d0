// Expands rendered ELM credentials with jsonld.js in safe mode (any dropped property or
// invalid value is an error), using only bundled contexts (no network).
// Usage: node elm-safe-expand.cjs <contexts-dir> <file.jsonld>...
// (run from tests/interop after `npm ci`, or with NODE_PATH pointing at a node_modules that has jsonld)
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');

const [contextsDir, ...files] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(path.join(contextsDir, 'index.json'), 'utf8'));

const documentLoader = async (url) => {
  const file = index[url];
  if (!file) throw new Error(`context not bundled (network refused): ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(fs.readFileSync(path.join(contextsDir, file), 'utf8')) };
};

(async () => {
  let failed = 0;
  for (const f of files) {
    const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
    try {
      const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
      const nquads = await jsonld.toRDF(doc, { documentLoader, safe: true, format: 'application/n-quads' });
      console.log(`ok   ${path.basename(f)}: ${JSON.stringify(expanded).length} chars expanded, ${nquads.split('\n').filter(Boolean).length} quads`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${path.basename(f)}: ${e.name}: ${e.message} ${e.details ? JSON.stringify(e.details).slice(0, 600) : ''}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
