// A fetch shim for libraries that resolve did:web and contexts over HTTPS with no way to inject a
// document loader (@digitalcredentials/verifier-core builds its loader at import time). Installed
// before such a library is imported, it answers:
//   - bundled context URLs (src/VcService.LinkedData/Contexts) from the files;
//   - https://<service host>/… (did:web documents, status lists, the service's own contexts) by a plain
//     HTTP GET to the service under test;
// and refuses everything else, so nothing ever reaches the internet.
import { loadContexts } from './loader.mjs';

export function installOfflineFetch(serviceUrl, { contexts = loadContexts(), log = [] } = {}) {
  const realFetch = globalThis.fetch;
  const service = new URL(serviceUrl);
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.push(url);
    const context = contexts.get(url);
    if (context !== undefined) {
      return new Response(JSON.stringify(context), { status: 200, headers: { 'content-type': 'application/ld+json' } });
    }
    const target = new URL(url);
    if (target.origin === service.origin) return realFetch(input, init);
    if (target.host === service.host) {
      // did:web resolves to https://host:port/…; the service under test answers plain HTTP.
      const request = input instanceof Request ? input : new Request(url, init);
      return realFetch(`${serviceUrl}${target.pathname}${target.search}`, { method: request.method, headers: request.headers });
    }
    throw new TypeError(`offline: refusing to fetch ${url}`);
  };
  return { restore: () => { globalThis.fetch = realFetch; }, log };
}
