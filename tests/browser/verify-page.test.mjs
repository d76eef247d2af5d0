// Browser tests of the verification page (GET /verify) in Debian's Chromium, against the service
// that ./test.sh starts (env VCSERVICE_URL, VCSERVICE_API_KEY).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const serviceUrl = process.env.VCSERVICE_URL;
const apiKey = process.env.VCSERVICE_API_KEY;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const sample = JSON.parse(readFileSync(new URL('../../samples/mc-ects-eqf.json', import.meta.url), 'utf8'));

let browser;
const consoleErrors = [];

before(async () => {
  assert.ok(serviceUrl, 'VCSERVICE_URL must point at a running service');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
});
after(async () => { await browser?.close(); });

async function issue(record) {
  const response = await fetch(`${serviceUrl}/v1/issuers/demo/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(record),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return body;
}

async function openPage() {
  const page = await browser.newPage();
  page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', error => consoleErrors.push(String(error)));
  await page.goto(`${serviceUrl}/verify`);
  return page;
}

async function verifyText(page, text) {
  await page.fill('#credential', text);
  await page.click('#verify');
  await page.waitForSelector('#result:not([hidden]), #error:not([hidden])');
}

test('an issued credential is shown as verified, with its checks and Annex I content', async () => {
  const issued = await issue(sample);
  const page = await openPage();
  await verifyText(page, typeof issued.credential === 'string' ? issued.credential : JSON.stringify(issued.credential));

  assert.match(await page.textContent('#verdict'), /^Verified/);
  assert.equal(await page.getAttribute('#verdict', 'class'), 'ok');
  for (const check of ['format', 'signature', 'status', 'validity', 'annexI'])
    assert.equal(await page.textContent(`#checks tr[data-check="${check}"] td:nth-child(2)`), 'ok', check);
  const title = await page.textContent('#annex dd[data-field="title"]');
  for (const [language, text] of Object.entries(sample.title)) assert.ok(title.includes(`${text} (${language})`), title);
  assert.deepEqual(consoleErrors, [], 'no script or CSP errors');
  await page.close();
});

test('a tampered credential is shown as not verified, naming the failed signature check', async () => {
  const { credential } = await issue(sample);
  const [header, payload, signature] = credential.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url'));
  // A claim inside the credential changes; everything else (header, envelope claims) stays consistent.
  const achievement = JSON.stringify(claims.vc.credentialSubject);
  assert.ok(achievement.includes('Machine Learning'));
  claims.vc.credentialSubject = JSON.parse(achievement.replaceAll('Machine Learning', 'Quantum Computing'));
  const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');

  const page = await openPage();
  await verifyText(page, tampered);

  assert.match(await page.textContent('#verdict'), /^Not verified/);
  assert.match(await page.textContent('#verdict .sub'), /signature/);
  assert.equal(await page.textContent('#checks tr[data-check="signature"] td:nth-child(2)'), 'failed');
  await page.close();
});

test('a revoked credential is shown as not verified by the status check', async () => {
  const issued = await issue(sample);
  const revoke = await fetch(`${serviceUrl}/v1/issuers/demo/credentials/${issued.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ action: 'revoke', reason: 'browser test' }),
  });
  assert.equal(revoke.status, 200, await revoke.text());

  const page = await openPage();
  await verifyText(page, issued.credential);

  assert.match(await page.textContent('#verdict'), /^Not verified/);
  assert.equal(await page.textContent('#checks tr[data-check="status"] td:nth-child(2)'), 'failed');
  assert.match(await page.textContent('#checks tr[data-check="status"] td:nth-child(3)'), /revoked/i);
  await page.close();
});

test('markup inside a credential is displayed as text, never run', async () => {
  const hostile = structuredClone(sample);
  hostile.title = { en: '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>' };
  const issued = await issue(hostile);
  const page = await openPage();
  await verifyText(page, issued.credential);

  assert.equal(await page.textContent('#annex dd[data-field="title"]'), hostile.title.en);
  assert.equal(await page.locator('#annex img, #annex script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('a credential opened from a file is verified', async () => {
  const issued = await issue(sample);
  const page = await openPage();
  await page.setInputFiles('#file', { name: 'credential.jwt', mimeType: 'text/plain', buffer: Buffer.from(issued.credential) });
  await page.waitForSelector('#result:not([hidden])');

  assert.match(await page.textContent('#verdict'), /^Verified/);
  await page.close();
});

test('input that is not a credential gives a readable error', async () => {
  const page = await openPage();
  await verifyText(page, 'this is not a credential');
  assert.match(await page.textContent('#error'), /neither a compact JWT nor JSON/);

  await verifyText(page, '[1, 2, 3]');
  assert.match(await page.textContent('#error'), /credential/i);
  assert.equal(await page.isHidden('#result'), true);
  await page.close();
});
