// Issue #2: every ELM credential the service produces expands with the bundled contexts in
// jsonld.js safe mode: no property dropped, no relative IRI, no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { sampleRecords, issue, verify, jwtPayload, serviceUrl } from './lib/service.mjs';
import { createDocumentLoader } from './lib/loader.mjs';

const bundledLoader = createDocumentLoader();

for (const { name, record } of sampleRecords()) {
  test(`ELM credential from ${name} expands in safe mode with bundled contexts`, { skip: !serviceUrl && 'VCSERVICE_URL not set' }, async () => {
    const issued = await issue(record, { profile: 'elm', format: 'jwt' });
    const credential = jwtPayload(issued.credential).vc;
    assert.ok(credential, 'the JWT has a vc claim');
    const expanded = await jsonld.expand(credential, { documentLoader: bundledLoader, safe: true });
    assert.equal(expanded.length, 1);
    assert.ok(expanded[0]['@type'].includes('http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential'),
      `expanded type: ${expanded[0]['@type']}`);
    // The expanded form also round-trips to RDF without loss in safe mode.
    const nquads = await jsonld.toRDF(credential, { format: 'application/n-quads', documentLoader: bundledLoader, safe: true });
    assert.ok(nquads.length > 0);

    const { status, body } = await verify(issued.credential);
    assert.equal(status, 200);
    assert.equal(body.verified, true, JSON.stringify(body.checks));
  });
}
