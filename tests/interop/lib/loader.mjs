// Shared helpers for the interop tests: locating the repository and the shared test data, and a
// jsonld.js document loader that serves the bundled contexts (/work/shared/contexts, mapped by
// index.json) and never touches the network.
import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (the directory containing VcService.sln). */
export const repoRoot = (() => {
  let dir = here;
  while(!existsSync(path.join(dir, 'VcService.sln'))) {
    const parent = path.dirname(dir);
    if(parent === dir) {
      throw new Error(`VcService.sln not found above ${here}`);
    }
    dir = parent;
  }
  return dir;
})();

/** The read-only shared data directory (../shared from the repository root, or $VCSERVICE_SHARED). */
export const sharedDir = process.env.VCSERVICE_SHARED ?? path.resolve(repoRoot, '..', 'shared');

/** The contexts the service bundles (src/VcService.LinkedData/Contexts, a copy of shared/contexts). */
export const contextsDir = path.join(repoRoot, 'src', 'VcService.LinkedData', 'Contexts');

/** URL -> parsed context document, from contexts/index.json. */
export function loadContexts(dir = contextsDir) {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const documents = new Map();
  for(const [url, file] of Object.entries(index)) {
    documents.set(url, JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  }
  return documents;
}

/**
 * A jsonld.js documentLoader over the bundled contexts. Unknown URLs are an error ("no network"),
 * as in the service's BundledDocumentLoader.
 */
export function createDocumentLoader(documents = loadContexts()) {
  return async url => {
    const document = documents.get(url);
    if(document === undefined) {
      throw new Error(`no bundled document for ${url} (network loading is disabled)`);
    }
    return {contextUrl: null, documentUrl: url, document};
  };
}

/** Context URLs a JSON-LD document references (top-level @context only) that are not bundled. */
export function missingContexts(doc, documents = loadContexts()) {
  const contexts = [doc?.['@context'] ?? []].flat();
  return contexts.filter(c => typeof c === 'string' && !documents.has(c));
}
