// The npm tarball as it would be published: its file list, its package.json, `npm publish
// --dry-run`, and a user's install of it into a fresh project outside the repository, used from
// ESM (`import { quote } from 'ceseda'`) and from CommonJS (`require('ceseda')`).
//
// The tarball is $CESEDA_NPM_TARBALL (scripts/release.sh passes dist/ceseda-<version>.tgz);
// without it, the built package (../../pkg, see build.sh) is packed into a temporary folder.
// Run: node --test bindings/wasm/tests/release/
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const WASM_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG_DIR = join(WASM_DIR, 'pkg');
const REPO = join(WASM_DIR, '..', '..');

// What ships, and nothing else (npm adds package.json; the tarball puts it all under package/).
const EXPECTED_FILES = [
  'LICENSE-APACHE',
  'LICENSE-MIT',
  'README.md',
  'api.js',
  'codes.d.ts',
  'codes.js',
  'error.js',
  'ids.d.ts',
  'ids.js',
  'index.d.ts',
  'index.js',
  'init.d.ts',
  'init.js',
  'node.js',
  'package.json',
  'pricing-api.js',
  'pricing-node.js',
  'pricing.d.ts',
  'pricing.js',
  'wasm/ceseda.js',
  'wasm/ceseda_bg.wasm',
  'wasm/pricing.js',
  'wasm/pricing_bg.wasm',
];

const env = { ...process.env, npm_config_update_notifier: 'false' };
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
// Exit status, stdout and stderr, whatever the status.
const runAll = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

function cargoVersion() {
  const cargo = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
  const section = cargo.split(/^\[/m).find((s) => s.startsWith('workspace.package]')) ?? '';
  return /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
}

describe('the npm tarball', () => {
  let work;
  let tarball;
  let entries;
  let manifest;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'ceseda-npm-release-'));
    if (process.env.CESEDA_NPM_TARBALL) {
      tarball = resolve(process.env.CESEDA_NPM_TARBALL);
    } else {
      const packed = JSON.parse(run('npm', ['pack', PKG_DIR, '--json', '--pack-destination', work, '--loglevel=error'], work));
      tarball = join(work, packed[0].filename);
    }
    entries = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('holds exactly the package files, under package/', () => {
    assert.ok(entries.every((e) => e.startsWith('package/')), entries.join('\n'));
    const files = entries.map((e) => e.slice('package/'.length)).filter((e) => e && !e.endsWith('/')).sort();
    assert.deepEqual(files, EXPECTED_FILES);
    assert.ok(files.some((f) => f.endsWith('.wasm')), 'the .wasm module');
    assert.ok(files.some((f) => f.endsWith('.d.ts')), 'the TypeScript declarations');
    assert.ok(!files.some((f) => /(^|\/)tests?\/|\.test\.|\.spec\./.test(f)), 'no test files');
  });

  test('ships the license texts of the repository, unchanged', () => {
    for (const name of ['LICENSE-MIT', 'LICENSE-APACHE']) {
      assert.equal(run('tar', ['-xzOf', tarball, `package/${name}`], work), readFileSync(join(REPO, name), 'utf8'), name);
    }
  });

  test('package.json: the published metadata', () => {
    assert.equal(manifest.name, 'ceseda');
    assert.equal(manifest.version, cargoVersion(), 'the core version ([workspace.package] in Cargo.toml)');
    assert.equal(manifest.license, 'MIT OR Apache-2.0');
    assert.equal(manifest.type, 'module');
    assert.ok(manifest.description.length > 20);
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes('ceseda'));
    assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', node: './node.js', import: './index.js', default: './index.js' });
    assert.equal(manifest.types, './index.d.ts');
    assert.deepEqual([...manifest.files].sort(), EXPECTED_FILES.filter((f) => f !== 'package.json').sort());
    assert.deepEqual(manifest.sideEffects, ['./index.js', './node.js', './pricing.js', './pricing-node.js']);
    assert.match(manifest.engines.node, /^>=20\.19/);
    // No placeholder URL: repository/homepage/bugs are added once the project is public.
    for (const key of ['repository', 'homepage', 'bugs']) assert.equal(manifest[key], undefined, key);
    assert.doesNotMatch(JSON.stringify(manifest), /example\.invalid/);
    assert.equal(manifest.scripts, undefined, 'no install scripts');
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
  });

  test('npm publish --dry-run accepts it', () => {
    const out = runAll('npm', ['publish', '--dry-run', tarball, '--json', '--loglevel=error'], work);
    assert.equal(out.status, 0, `npm publish --dry-run failed:\n${out.stdout}\n${out.stderr}`);
    const report = JSON.parse(out.stdout);
    const published = report[manifest.name] ?? report;
    assert.equal(published.id, `ceseda@${manifest.version}`);
    assert.deepEqual(published.files.map((f) => f.path).sort(), EXPECTED_FILES);
  });

  describe('installed into a fresh project', () => {
    let project;
    const request = "{ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }";
    before(() => {
      project = mkdtempSync(join(tmpdir(), 'ceseda-npm-user-'));
      // A plain project (CommonJS by default), as `npm init -y` writes; .mjs files are ESM.
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-user-project', version: '1.0.0', private: true }));
      // No dependency to fetch: the install reads the tarball and nothing else.
      run('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], project);
    });
    after(() => rmSync(project, { recursive: true, force: true }));

    test('import { quote } from "ceseda" (ESM)', () => {
      writeFileSync(join(project, 'main.mjs'), `import { quote, CesedaError } from 'ceseda';
const q = quote(${request});
let code;
try { quote({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }); } catch (e) { code = e instanceof CesedaError && e.code; }
console.log(JSON.stringify({ total: q.total, code, entry: import.meta.resolve('ceseda') }));
`);
      const out = runAll(process.execPath, ['main.mjs'], project);
      assert.equal(out.status, 0, out.stderr);
      const answer = JSON.parse(out.stdout);
      assert.equal(answer.total, '225.00');
      assert.equal(answer.code, 'unknown_code');
      assert.ok(answer.entry.endsWith('/node_modules/ceseda/node.js'), answer.entry);
    });

    test('require("ceseda") (CommonJS), with no warning', () => {
      writeFileSync(join(project, 'main.cjs'), `const { quote, ERROR_CODES } = require('ceseda');
console.log(JSON.stringify({ total: quote(${request}).total, codes: ERROR_CODES.length, entry: require.resolve('ceseda') }));
`);
      const out = runAll(process.execPath, ['main.cjs'], project);
      assert.equal(out.status, 0, `require('ceseda') failed on Node ${process.version} (Node >= 20.19 loads ES modules with require):\n${out.stderr}`);
      const answer = JSON.parse(out.stdout);
      assert.equal(answer.total, '225.00');
      assert.ok(answer.codes > 0);
      assert.ok(answer.entry.endsWith('/node_modules/ceseda/node.js'), answer.entry);
      // Without --no-warnings: Node prints no ExperimentalWarning for it.
      const warned = runAll(process.execPath, ['-e', "require('ceseda'); console.log('ok')"], project);
      assert.equal(warned.status, 0, warned.stderr);
      assert.doesNotMatch(warned.stderr, /Warning/);
    });
  });
});
