// Issue #4 (obv3 profile): every sample rendered as an Open Badges 3.0 micro-credential by the CLI
// (`vcservice render --profile obv3`) expands and converts to RDF with jsonld.js in safe mode over the
// bundled contexts (no property dropped, no relative IRI), and has the OB 3.0 JSON shape.
// Needs only the CLI (VCSERVICE_CLI, or a local Release build); the served-context test needs the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import jsonld from 'jsonld';
import { vcserviceCli, runCli } from './lib/cli.mjs';
import { createDocumentLoader, loadContexts, repoRoot } from './lib/loader.mjs';
import { sampleRecords, serviceUrl } from './lib/service.mjs';

const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const ANNEX_I = 'https://w3id.org/vcservice/annex-i#';
const ANNEX_I_CONTEXT = 'https://w3id.org/vcservice/annex-i/v1';
const documents = loadContexts();
const documentLoader = createDocumentLoader(documents);
const cli = vcserviceCli();
const asArray = v => (v === undefined ? [] : [v].flat());

const rendered = new Map();
/** The CLI's obv3 rendering of a sample (fixed id, time and issuer DID), once per sample. */
function render(name) {
  if (!rendered.has(name)) rendered.set(name, renderWithCli(name));
  return structuredClone(rendered.get(name));
}

function renderWithCli(name) {
  const file = path.join(repoRoot, 'samples', name);
  const { status, stdout, stderr } = runCli(cli, ['render', '--profile', 'obv3', '--id', 'urn:uuid:7d9f5a52-2b1e-4c55-9a43-1b0c3a5e8f10',
    '--issued', '2025-07-16T07:30:15Z', '--issuer-did', 'did:web:credentials.example.edu', file]);
  assert.equal(status, 0, stderr);
  return JSON.parse(stdout);
}

/** Every property name and @id/@type value of an expanded document that is not an absolute IRI. */
function relativeIris(node, found = []) {
  if (Array.isArray(node)) { node.forEach(n => relativeIris(n, found)); return found; }
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith('@') && !/^[a-z][a-z0-9+.-]*:/i.test(key)) found.push(key);
    if (key === '@id' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) found.push(value);
    if (key === '@type') asArray(value).filter(t => !/^[a-z][a-z0-9+.-]*:/i.test(t)).forEach(t => found.push(t));
    if (key !== '@value') relativeIris(value, found);
  }
  return found;
}

/** Extension terms with @container @language: their entries are values of one property. */
const LANGUAGE_MAPS = new Set(['title', 'grade', 'legalName', 'text', 'body', 'towards', 'prerequisites', 'furtherInformation',
  'assessmentDescription', 'participationDescription']);

/** Counts JSON members (not @context/id/type; language-map entries as one) and expanded properties. */
function countMembers(node) {
  if (Array.isArray(node)) return node.reduce((n, v) => n + countMembers(v), 0);
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@context') continue;
    if (key !== 'id' && key !== 'type') n++;
    if (!LANGUAGE_MAPS.has(key)) n += countMembers(value);
  }
  return n;
}
function countExpanded(node) {
  if (Array.isArray(node)) return node.reduce((n, v) => n + countExpanded(v), 0);
  if (node === null || typeof node !== 'object' || '@value' in node || '@language' in node) return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@id' || key === '@type') continue;
    n++;
    n += countExpanded(value);
  }
  return n;
}

test('the bundled contexts include the Annex I extension context, protected', () => {
  const context = documents.get(ANNEX_I_CONTEXT)?.['@context'];
  assert.ok(context, `${ANNEX_I_CONTEXT} is in the bundled index.json`);
  assert.equal(context['@protected'], true);
  for (const type of ['AnnexIProfile', 'AnnexISubject', 'AnnexIAchievement']) {
    assert.equal(context[type]['@id'], ANNEX_I + type);
    assert.equal(context[type]['@context']['@protected'], true);
  }
});

for (const { name, record } of sampleRecords()) {
  test(`obv3 rendering of ${name} expands in jsonld.js safe mode with every property kept`, async () => {
    const credential = render(name);
    const expanded = await jsonld.expand(credential, { documentLoader, safe: true });
    assert.equal(expanded.length, 1);
    assert.ok(expanded[0]['@type'].includes(`${OB}OpenBadgeCredential`), `expanded type: ${expanded[0]['@type']}`);
    assert.deepEqual(relativeIris(expanded), [], 'no relative IRI');
    assert.equal(countExpanded(expanded), countMembers(credential), 'as many expanded properties as JSON members: nothing dropped');
    assert.ok(!JSON.stringify(expanded).includes('issuer-dependent#'), 'no term falls back to an undefined-term vocabulary');

    const nquads = await jsonld.toRDF(credential, { format: 'application/n-quads', documentLoader, safe: true });
    assert.match(nquads, /<https:\/\/w3id\.org\/vcservice\/annex-i#awardingBody>/);
    assert.match(nquads, /"MicroCredential"/);
  });

  test(`obv3 rendering of ${name} has the Open Badges 3.0 shape`, () => {
    const vc = render(name);
    assert.deepEqual(vc['@context'], ['https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ANNEX_I_CONTEXT]);
    assert.deepEqual(vc.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.equal(vc.validFrom, '2025-07-16T07:30:15Z');
    assert.equal(typeof vc.name, 'string');
    assert.equal(vc.issuer.id, 'did:web:credentials.example.edu');
    assert.ok(asArray(vc.issuer.type).includes('Profile'));
    assert.equal(typeof vc.issuer.name, 'string');
    assert.match(vc.issuer.address.addressCountryCode, /^[A-Z]{2}$/);
    assert.deepEqual(vc.issuer.issuerCountry, record.issuerCountries);

    const subject = vc.credentialSubject;
    assert.ok(asArray(subject.type).includes('AchievementSubject'));
    assert.equal(subject.id, record.learner.did, 'the subject id is the learner DID (absent without one)');
    const identities = asArray(subject.identifier);
    assert.ok(identities.length > 0 || subject.id, 'OB: an id or an identifier identifies the learner');
    for (const identity of identities) {
      assert.equal(identity.type, 'IdentityObject');
      assert.equal(identity.hashed, false);
      assert.ok(['name', 'emailAddress', 'nationalIdentityNumber'].includes(identity.identityType));
    }

    const achievement = subject.achievement;
    assert.ok(asArray(achievement.type).includes('Achievement'));
    assert.equal(achievement.achievementType, 'MicroCredential');
    assert.match(achievement.id, /^urn:uuid:/);
    for (const field of ['name', 'description']) assert.equal(typeof achievement[field], 'string', field);
    assert.equal(typeof achievement.criteria.narrative, 'string');
    assert.equal(achievement.name, Object.values(record.title)[0]);
    if (record.workload.ects !== undefined) {
      assert.equal(achievement.creditsAvailable, record.workload.ects);
      assert.equal(subject.creditsEarned, record.workload.ects);
    }
    const eqf = asArray(achievement.alignment).find(a => a.targetFramework === 'European Qualifications Framework');
    if (record.level.eqf !== undefined) assert.equal(eqf?.targetUrl, `http://data.europa.eu/snb/eqf/${record.level.eqf}`);
    for (const skill of record.learningOutcomes.map(o => o.escoSkill).filter(Boolean)) {
      assert.ok(asArray(achievement.alignment).some(a => a.targetUrl === skill && a.targetType === 'ceasn:Competency'), skill);
    }
    if (record.grade) {
      const description = achievement.resultDescription[0];
      assert.equal(subject.result[0].resultDescription, description.id);
      assert.equal(typeof subject.result[0].value, 'string');
    }
    assert.equal(achievement.awardingBody.length, record.awardingBodies.length);
  });
}

test('the service serves the bundled Annex I context', { skip: !serviceUrl && 'VCSERVICE_URL not set' }, async () => {
  const response = await fetch(`${serviceUrl}/contexts/annex-i/v1`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/ld\+json/);
  assert.ok(response.headers.get('etag'));
  assert.match(response.headers.get('cache-control'), /max-age=\d{7,}/);
  assert.deepEqual(await response.json(), documents.get(ANNEX_I_CONTEXT));
});
