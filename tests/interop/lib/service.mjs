// Helpers for interop tests that talk to a running VcService (started by ./test.sh).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './loader.mjs';

export const serviceUrl = process.env.VCSERVICE_URL;
export const apiKey = process.env.VCSERVICE_API_KEY;

/** The HEI record samples shipped in samples/. */
export function sampleRecords() {
  const dir = join(repoRoot, 'samples');
  return readdirSync(dir).filter(f => f.endsWith('.json')).sort()
    .map(name => ({ name, record: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

export async function issue(record, { issuer = 'demo', profile, format } = {}) {
  const query = new URLSearchParams();
  if (profile) query.set('profile', profile);
  if (format) query.set('format', format);
  const response = await fetch(`${serviceUrl}/v1/issuers/${issuer}/credentials?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(record),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`issue failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function verify(credential) {
  const response = await fetch(`${serviceUrl}/v1/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credential }),
  });
  return { status: response.status, body: await response.json() };
}

/** The payload of a compact JWS (no signature check). */
export function jwtPayload(compact) {
  return JSON.parse(Buffer.from(compact.split('.')[1], 'base64url').toString('utf8'));
}
