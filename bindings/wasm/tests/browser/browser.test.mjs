// Browser smoke test: headless Chromium (the system's /usr/bin/chromium, driven by
// playwright-core) loads a page from a local HTTP server; the page imports the package's
// browser entry through an import map and shows a quote's total.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ceseda smoke test</title>
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "ceseda": "/pkg/index.js" } }</script>
</head>
<body>
<p>Total: <output id="total">…</output></p>
<p>Error: <output id="error">…</output></p>
<script type="module">
  import { quote, CesedaError } from 'ceseda';
  document.getElementById('total').textContent = quote({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }).total;
  try {
    quote({ permit: 'visiteur', procedure: 'first_issue', date: '2020-02-30' });
  } catch (e) {
    document.getElementById('error').textContent = (e instanceof CesedaError) + ' ' + e.code;
  }
</script>
</body>
</html>`;

// A calculator that only prices: ceseda/pricing, then the full module on demand.
const PRICING_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ceseda/pricing smoke test</title>
<link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "ceseda/pricing": "/pkg/pricing.js" } }</script>
</head>
<body>
<p>Total: <output id="total">…</output></p>
<script type="module">
  import { total } from 'ceseda/pricing';
  document.getElementById('total').textContent = total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' });
</script>
</body>
</html>`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

function serve() {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.push(path);
    if (path === '/' || path === '/pricing') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(path === '/' ? PAGE : PRICING_PAGE);
      return;
    }
    const file = normalize(join(PKG, path.replace(/^\/pkg\//, '')));
    if (!path.startsWith('/pkg/') || !file.startsWith(PKG.endsWith(sep) ? PKG : PKG + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests, port: server.address().port })));
}

describe('browser', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} not found (scripts/install-deps.sh browser)` }, () => {
  let http;
  let context;
  let profile;
  before(async () => {
    http = await serve();
    profile = mkdtempSync(join(tmpdir(), 'ceseda-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await context?.close();
    http?.server.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('a page importing the package shows 225.00 for a first visitor card in March 2024', async () => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(`http://127.0.0.1:${http.port}/`);
    await page.waitForFunction(() => document.getElementById('total').textContent !== '…', null, { timeout: 30_000 });
    assert.equal(await page.textContent('#total'), '225.00');
    assert.equal(await page.textContent('#error'), 'true invalid_date');
    assert.deepEqual(problems, []);
    assert.ok(http.requests.includes('/pkg/wasm/ceseda_bg.wasm'), `the wasm was not fetched: ${http.requests}`);
  });

  test('a page importing ceseda/pricing fetches the small module only, and the full one on demand', async () => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
    const from = http.requests.length;
    await page.goto(`http://127.0.0.1:${http.port}/pricing`);
    await page.waitForFunction(() => document.getElementById('total').textContent !== '…', null, { timeout: 30_000 });
    assert.equal(await page.textContent('#total'), '225.00');
    const fetched = http.requests.slice(from);
    assert.ok(fetched.includes('/pkg/wasm/pricing_bg.wasm'), `${fetched}`);
    assert.ok(!fetched.includes('/pkg/wasm/ceseda_bg.wasm'), `the full module was fetched: ${fetched}`);
    const message = await page.evaluate(async () => {
      const p = await import('/pkg/pricing.js');
      await p.loadFull();
      try {
        p.total({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }, 'fr');
      } catch (e) {
        return [e instanceof p.CesedaError, e.suggestion, e.message.includes('Vouliez-vous dire')];
      }
      return null;
    });
    assert.deepEqual(message, [true, 'visiteur', true]);
    assert.ok(http.requests.slice(from).includes('/pkg/wasm/ceseda_bg.wasm'));
    assert.deepEqual(problems, []);
  });

  test('the whole API works in the page, including Date objects, quoteMany and quoteTable', async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${http.port}/`);
    const result = await page.evaluate(async () => {
      const m = await import('ceseda');
      const many = m.quoteMany([{ permit: 'visiteur', procedure: 'first_issue', date: new Date(2024, 2, 1) }, null]);
      return {
        date: m.quote({ permit: 'visiteur', procedure: 'first_issue', date: new Date(2024, 2, 1, 23, 59) }).date,
        many: [many[0].total, many[1] instanceof m.CesedaError, many[1].code],
        table: (({ total, error }) => [total, error])(m.quoteTable([{ permit: 'visiteur', procedure: 'first_issue', date: new Date(2024, 2, 1) }, null])),
        json: JSON.parse(m.quoteJson('{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}')).quote.total,
        permits: m.permits().length > 80,
        regimes: m.regimes().map((r) => r.id).join(','),
        window: m.renewalWindow({ permit: 'salarie', expiry: '2024-06-30', filingDate: '2024-03-01', onlineApplication: true }).opens,
        codes: m.ERROR_CODES.length,
        explain: m.explain({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }, 'fr').split('\n')[0],
        french: (() => { try { m.quote({ permit: 'visiteur' }, 'fr'); } catch (e) { return e.message; } })(),
        dueAtFiling: m.quote({ permit: 'salarie', procedure: 'first_issue', date: '2024-03-01', irregularEntry: true }).dueAtFiling,
        labels: m.VOCABULARIES.component.length,
        history: m.history({ permit: 'visiteur', procedure: 'first_issue', applicationDate: new Date(2009, 0, 5) }).periods.map((p) => p.total).join(','),
      };
    });
    assert.deepEqual(result, {
      date: '2024-03-01', many: ['225.00', true, 'invalid_json'], table: [['225.00', null], [null, 'invalid_json']], json: '225.00', permits: true,
      regimes: 'statute_2009_01_05,statute_2010_06_26,statute_2011_01_01,statute_2011_02_12,table_2011,statute_2012_01_01,statute_2012_12_31,statute_2013_01_01,statute_2014_01_01,statute_2014_08_06,table_2016,table_2020,lf_2026', window: '2024-03-02', codes: 12,
      explain: 'visiteur — first_issue — 2024-03-01', french: 'champ obligatoire manquant : procedure', dueAtFiling: '50.00', labels: 8,
      history: '300.00,340.00,359.00,368.00,260.00,269.00,225.00,350.00',
    });
  });
});
