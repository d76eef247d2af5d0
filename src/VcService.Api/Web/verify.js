// The verification page: posts the credential to /v1/verify and renders the report.
// Everything from the credential is shown with textContent, never as HTML.
'use strict';

const $ = id => document.getElementById(id);

document.addEventListener('DOMContentLoaded', () => {
  $('verify-form').addEventListener('submit', event => { event.preventDefault(); verify(); });
  $('file').addEventListener('change', async () => {
    const file = $('file').files[0];
    if (file) { $('credential').value = (await file.text()).trim(); verify(); }
  });
});

/** A compact JWS stays a string; anything else must be a JSON object. */
function parseInput(text) {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('Paste a credential first.');
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(~.*)?$/.test(trimmed)) return trimmed;
  try {
    const json = JSON.parse(trimmed);
    // A wrapped issuer response ({id, credential, …}) is accepted too.
    if (json && typeof json === 'object' && !Array.isArray(json) && json.credential && !json['@context']) return json.credential;
    return json;
  } catch (e) {
    throw new Error(`This is neither a compact JWT nor JSON: ${e.message}`);
  }
}

async function verify() {
  $('error').hidden = true;
  $('result').hidden = true;
  let credential;
  try { credential = parseInput($('credential').value); } catch (e) { return showError(e.message); }
  $('verify').disabled = true;
  try {
    const response = await fetch('/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ credential }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const problems = body && Array.isArray(body.errors) ? body.errors.map(e => `${e.path}: ${e.message}`).join('; ') : '';
      return showError(`${(body && (body.detail || body.title)) || `HTTP ${response.status}`}${problems ? ` (${problems})` : ''}`);
    }
    render(body);
  } catch (e) {
    showError(`The verifier could not be reached: ${e.message}`);
  } finally {
    $('verify').disabled = false;
  }
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

function render(report) {
  const verdict = $('verdict');
  verdict.replaceChildren();
  verdict.className = report.verified ? 'ok' : 'failed';
  verdict.append(report.verified ? 'Verified' : 'Not verified');
  const failed = (report.checks || []).filter(c => c.status === 'failed').map(c => c.check);
  const sub = document.createElement('span');
  sub.className = 'sub';
  const parts = [];
  if (failed.length) parts.push(`Failed: ${failed.join(', ')}.`);
  if (report.issuerRecognised === true) parts.push('Issuer recognised.');
  else if (report.issuerRecognised === false) parts.push('Issuer not recognised by this verifier.');
  if (report.profile) parts.push(`Profile ${report.profile}${report.format ? `, ${report.format}` : ''}.`);
  sub.textContent = parts.join(' ');
  verdict.append(sub);

  const tbody = $('checks').tBodies[0];
  tbody.replaceChildren(...(report.checks || []).map(check => {
    const row = document.createElement('tr');
    row.dataset.check = check.check;
    for (const [text, cls] of [[check.check], [check.status, `status-${check.status}`], [check.message || '']]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    return row;
  }));

  const issuer = report.issuer || (report.issuerDid ? { did: report.issuerDid } : null);
  $('issuer-box').hidden = !issuer;
  if (issuer) fill($('issuer'), issuer);
  $('annex-box').hidden = !report.annexI;
  if (report.annexI) fill($('annex'), report.annexI);
  $('result').hidden = false;
}

/** Fills a <dl> with the fields of an object; nested values are shown as readable text. */
function fill(dl, object) {
  dl.replaceChildren();
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.dataset.field = key;
    dd.textContent = describe(value);
    dl.append(dt, dd);
  }
}

function describe(value) {
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(describe).join('\n');
  const keys = Object.keys(value);
  // A language map {"en": "…"} reads best as its values.
  if (keys.length > 0 && keys.every(k => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k)) && keys.every(k => typeof value[k] === 'string'))
    return keys.map(k => keys.length > 1 ? `${value[k]} (${k})` : value[k]).join('\n');
  return keys.map(k => `${k}: ${describe(value[k])}`).join('\n');
}
