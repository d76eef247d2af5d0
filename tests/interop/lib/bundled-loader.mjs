// A jsonld.js document loader that serves only the contexts bundled with the service
// (src/VcService.LinkedData/Contexts, index.json maps URL -> file). Anything else is an error:
// tests never reach the network.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './service.mjs';

const dir = [join(repoRoot, 'src', 'VcService.LinkedData', 'Contexts'), join(repoRoot, '..', 'shared', 'contexts')]
  .find(d => existsSync(join(d, 'index.json')));
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));

export const contextsDirectory = dir;

export async function bundledLoader(url) {
  const file = index[url];
  if (!file) throw new Error(`context not bundled: ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
}
