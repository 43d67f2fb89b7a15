// The package as a user bundles it: a page built with each bundler, in a project as `npm init`
// writes it ("type": "commonjs"), loaded in headless Chromium, showing a quote. vite (no
// configuration) and no bundler (an import map) in every run; esbuild and webpack, with the
// configuration the README shows, with CESEDA_FULL=1. The projects are written under
// examples/web/.bundlers/ and resolve `ceseda` from examples/web/node_modules, where build.sh
// installed the packed tarball.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NO_CHROMIUM, WEB, launch, screenshotPath, serve, watchedPage } from './browser.mjs';

const FULL = process.env.CESEDA_FULL === '1';
const ROOT = join(WEB, '.bundlers');
const BIN = join(WEB, 'node_modules', '.bin');
// Seed 004, CST Visiteur, first issue: 225 (200+25).
const REQUEST = "{ permit: 'visiteur', procedure: 'first_issue', date: '2022-06-15' }";
const SHOW = `document.body.dataset.total = quote(${REQUEST}).total;`;

function project(name, files) {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `bundler-${name}`, version: '1.0.0', type: 'commonjs' }, null, 2)}\n`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const html = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ceseda</title><link rel="icon" href="data:,">${script}</head><body></body></html>\n`;
const run = (cmd, args, cwd) => execFileSync(join(BIN, cmd), args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

describe('the package in each bundler', { skip: NO_CHROMIUM }, () => {
  let browser;
  const servers = [];
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) s.server.close();
  });

  async function load(root, path, name) {
    const http = await serve(root);
    servers.push(http);
    const { page, problems } = await watchedPage(browser.context);
    await page.goto(`${http.url}${path}`);
    await page.waitForSelector('body[data-total]', { state: 'attached', timeout: 30_000 });
    assert.equal(await page.getAttribute('body', 'data-total'), '225.00');
    assert.deepEqual(problems, []);
    assert.ok(http.requests.some((r) => r.endsWith('.wasm')), `no .wasm fetched: ${http.requests}`);
    await page.close();
    writeFileSync(screenshotPath(`bundler-${name}-requests`).replace(/\.png$/, '.txt'), `${http.requests.join('\n')}\n`);
  }

  test('vite, no configuration', async () => {
    const dir = project('vite', {
      'index.html': html('<script type="module" src="./main.js"></script>'),
      'main.js': `import { quote } from 'ceseda';\n${SHOW}\n`,
    });
    run('vite', ['build', '--logLevel', 'warn'], dir);
    assert.ok(readdirSync(join(dir, 'dist', 'assets')).some((f) => f.endsWith('.wasm')), 'vite emitted the .wasm');
    await load(join(dir, 'dist'), '', 'vite');
  });

  test('no bundler: an import map to the installed package', async () => {
    project('plain', {
      'index.html': html(`<script type="importmap">{ "imports": { "ceseda": "/node_modules/ceseda/index.js" } }</script>\n<script type="module">import { quote } from 'ceseda';\n${SHOW}</script>`),
    });
    await load(WEB, '.bundlers/plain/', 'plain');
  });

  test('esbuild: ceseda/init and the .wasm through the file loader, as an IIFE', { skip: !FULL && 'CESEDA_FULL=1 only' }, async () => {
    const dir = project('esbuild', {
      'main.js': `import { init, quote } from 'ceseda/init';\nimport wasm from 'ceseda/ceseda_bg.wasm';\ninit(wasm).then(() => { ${SHOW} });\n`,
      'dist/index.html': html('<script src="./main.js"></script>'),
    });
    run('esbuild', ['main.js', '--bundle', '--loader:.wasm=file', '--outdir=dist', '--log-level=warning'], dir);
    await load(join(dir, 'dist'), '', 'esbuild');
  });

  test('webpack: the default entry (top-level await, the .wasm as an asset)', { skip: !FULL && 'CESEDA_FULL=1 only' }, async () => {
    const dir = project('webpack', {
      'main.mjs': `import { quote } from 'ceseda';\n${SHOW}\n`,
      'dist/index.html': html('<script src="./main.js"></script>'),
    });
    run('webpack', ['--mode', 'production', '--entry', './main.mjs', '--output-path', 'dist', '--no-stats'], dir);
    assert.ok(readdirSync(join(dir, 'dist')).some((f) => f.endsWith('.wasm')), 'webpack emitted the .wasm');
    await load(join(dir, 'dist'), '', 'webpack');
  });
});
