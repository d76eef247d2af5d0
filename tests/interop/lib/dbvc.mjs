// The Digital Bazaar VC stack, set up the way a relying party would, but offline: a document loader
// that serves the bundled contexts, resolves did:key locally and the service's did:web by an HTTP
// GET to the service under test, and refuses everything else (no internet).
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { loadContexts } from './loader.mjs';

export { vc };

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** The cryptosuites npm has for the service's Data Integrity formats (no eddsa-jcs-2022 package exists there). */
export const cryptosuites = { 'eddsa-rdfc-2022': eddsaRdfc2022, 'ecdsa-rdfc-2019': ecdsaRdfc2019 };

/** did:key:zX → its DID document (did:key spec §3.1.1, Multikey form). */
export function didKeyDocument(did) {
  const multikey = did.slice('did:key:'.length);
  const id = `${did}#${multikey}`;
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
    assertionMethod: [id],
    authentication: [id],
  };
}

/**
 * did:web:host%3Aport:issuers:x → GET {serviceUrl}/issuers/x/did.json. Only the service under test
 * is asked: its DIDs name the host it was started on.
 */
async function resolveDidWeb(did, serviceUrl) {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const host = parts.shift();
  const service = new URL(serviceUrl);
  if (host !== service.host) throw new Error(`did:web host ${host} is not the service under test (${service.host}); no network`);
  const response = await fetch(`${serviceUrl}/${parts.join('/')}/did.json`);
  if (!response.ok) throw new Error(`${did}: HTTP ${response.status}`);
  return response.json();
}

/** A jsonld.js / jsonld-signatures document loader over bundled contexts, did:key and the service's did:web. */
export function createVcDocumentLoader({ serviceUrl, contexts = loadContexts() } = {}) {
  const didCache = new Map();
  return async url => {
    const context = contexts.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    if (url.startsWith('did:key:') || url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#');
      // did:key documents are a pure function of the DID; did:web documents are fetched each time (keys are added).
      let document = didCache.get(did);
      if (!document) {
        document = did.startsWith('did:key:') ? didKeyDocument(did) : await resolveDidWeb(did, serviceUrl);
        if (did.startsWith('did:key:')) didCache.set(did, document);
      }
      if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
      const method = (document.verificationMethod ?? []).find(m => m.id === url || m.id === `#${fragment}`);
      if (!method) throw new Error(`${did} has no verification method #${fragment}`);
      return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY_CONTEXT, ...method } };
    }
    throw new Error(`no bundled document for ${url} (network loading is disabled)`);
  };
}

/**
 * A checkStatus for @digitalbazaar/vc: fetches each entry's list from the service under test and reads
 * the bit with @digitalbazaar/vc-bitstring-status-list's decodeList. The list's own securing (a JWT for
 * the VC 1.1 StatusList2021 lists, which the Digital Bazaar stack does not read) is checked by the
 * status-list interop tests, not here.
 */
export function createCheckStatus(serviceUrl) {
  return async ({ credential }) => {
    const entries = [credential.credentialStatus ?? []].flat();
    for (const entry of entries) {
      const url = new URL(entry.statusListCredential);
      const text = await (await fetch(`${serviceUrl}${url.pathname}`)).text();
      const list = text.startsWith('{') ? JSON.parse(text) : JSON.parse(Buffer.from(text.split('.')[1], 'base64url').toString('utf8'));
      const subject = (list.vc ?? list).credentialSubject;
      const encoded = subject.encodedList.startsWith('u') ? subject.encodedList : 'u' + subject.encodedList;
      const bits = await decodeList({ encodedList: encoded });
      if (bits.getStatus(Number(entry.statusListIndex))) return { verified: false, error: new Error(`${entry.statusPurpose} bit set`) };
    }
    return { verified: true };
  };
}

/** Verifies a credential with @digitalbazaar/vc; returns {verified, error} with the first error's message. */
export async function dbVerify(credential, documentLoader, checkStatus) {
  const suite = Object.values(cryptosuites).map(cryptosuite => new DataIntegrityProof({ cryptosuite }));
  const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
  const error = result.error?.errors?.[0]?.message ?? result.error?.message ?? result.results?.find(r => !r.verified)?.error?.message;
  return { verified: result.verified, error, result };
}

/** A fresh did:key signer for a suite: the key pair with its id and controller set. */
export async function didKeySigner(suiteName) {
  const keyPair = suiteName === 'ecdsa-rdfc-2019'
    ? await EcdsaMultikey.generate({ curve: 'P-256' })
    : await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return { did, keyPair, suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: cryptosuites[suiteName] }) };
}

/** Signs a copy of the credential with @digitalbazaar/vc, issuer set to the signer's did:key. */
export async function dbIssue(credential, signer, documentLoader) {
  const copy = structuredClone(credential);
  if (copy.issuer && typeof copy.issuer === 'object') copy.issuer = { ...copy.issuer, id: signer.did };
  else copy.issuer = signer.did;
  delete copy.proof;
  return vc.issue({ credential: copy, suite: signer.suite, documentLoader });
}
