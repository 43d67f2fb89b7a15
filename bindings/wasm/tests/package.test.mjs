// The published package: `npm pack` it, install the tarball into a fresh project, and use it
// there as a user would: `import` and `require` under Node (the "node" export condition),
// TypeScript with NodeNext and Bundler resolution, and the browser entry's files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PKG_DIR, WASM_DIR } from './lib.mjs';

const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--offline', '--loglevel=error'], { cwd, stdio: 'pipe' }).toString();
const node = (args, cwd) => execFileSync(process.execPath, args, { cwd, stdio: 'pipe' }).toString().trim();

describe('the npm package', () => {
  let dir;
  let installed;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ceseda-pkg-'));
    const tarball = JSON.parse(npm(['pack', PKG_DIR, '--json', '--pack-destination', dir], dir))[0].filename;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
    npm(['install', join(dir, tarball)], dir);
    installed = join(dir, 'node_modules', 'ceseda');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('package.json: name, ESM, export conditions, files', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'ceseda');
    assert.equal(manifest.type, 'module');
    assert.match(manifest.version, /^\d+\.\d+\.\d+/);
    const root = manifest.exports['.'];
    assert.deepEqual(Object.keys(root), ['types', 'node', 'import', 'default']);
    assert.equal(root.types, './index.d.ts');
    assert.equal(root.import, './index.js');
    assert.equal(manifest.types, './index.d.ts');
    assert.deepEqual(manifest.exports['./init'], { types: './init.d.ts', default: './init.js' });
    assert.equal(manifest.exports['./ceseda_bg.wasm'], './wasm/ceseda_bg.wasm');
    const files = readdirSync(installed, { recursive: true }).map(String).sort();
    assert.deepEqual(files, ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'api.js', 'codes.d.ts', 'codes.js', 'error.js', 'ids.d.ts', 'ids.js', 'index.d.ts', 'index.js', 'init.d.ts', 'init.js', 'node.js', 'package.json', 'pricing-api.js', 'pricing-node.js', 'pricing.d.ts', 'pricing.js', 'wasm', 'wasm/ceseda.js', 'wasm/ceseda_bg.wasm', 'wasm/pricing.js', 'wasm/pricing_bg.wasm']);
  });

  test('import "ceseda" in Node resolves to the node entry and quotes', () => {
    const out = node(['--input-type=module', '-e', `
      import { quote, ERROR_CODES } from 'ceseda';
      console.log(import.meta.resolve('ceseda').endsWith('/node_modules/ceseda/node.js'), quote({permit:'visiteur',procedure:'first_issue',date:'2024-03-01'}).total, ERROR_CODES.length);`], dir);
    assert.equal(out, 'true 225.00 12');
  });

  test('either entry file imported by path in Node quotes (index.js reads the wasm with fs there)', () => {
    for (const entry of ['index.js', 'node.js']) {
      const script = `const m = await import(${JSON.stringify(join(installed, entry))});
        const q = m.quote({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' });
        let code; try { m.quote({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }); } catch (e) { code = e instanceof m.CesedaError && e.code; }
        console.log(q.total, code);`;
      assert.equal(node(['--input-type=module', '-e', script], dir), '225.00 unknown_code', entry);
    }
  });

  test('"ceseda/pricing" resolves to the pricing module\'s node entry, prices, and loads the full module on demand', () => {
    const out = node(['--input-type=module', '-e', `
      import { total, loadFull, CesedaError } from 'ceseda/pricing';
      let code; try { total({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' }); } catch (e) { code = e instanceof CesedaError && e.code; }
      const full = await loadFull();
      console.log(import.meta.resolve('ceseda/pricing').endsWith('/node_modules/ceseda/pricing-node.js'), total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }), code, full.quote({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }).lines.length);`], dir);
    assert.equal(out, 'true 225.00 unknown_code 2');
    writeFileSync(join(dir, 'pricing.cjs'), `const { total } = require('ceseda/pricing');\nconsole.log(total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }));\n`);
    assert.equal(node(['--no-warnings', 'pricing.cjs'], dir), '225.00');
  });

  test('require("ceseda") works (the node entry has no top-level await)', () => {
    writeFileSync(join(dir, 'use.cjs'), `const { quote } = require('ceseda');\nconsole.log(quote({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' }).total);\n`);
    assert.equal(node(['--no-warnings', 'use.cjs'], dir), '225.00');
  });

  test('the browser entry is the "import" condition and loads the wasm next to it', () => {
    const entry = readFileSync(join(installed, 'index.js'), 'utf8');
    assert.match(entry, /new URL\('\.\/wasm\/ceseda_bg\.wasm', import\.meta\.url\)/);
    assert.doesNotMatch(entry + readFileSync(join(installed, 'api.js'), 'utf8'), /node:/);
  });

  for (const resolution of ['NodeNext', 'Bundler']) {
    test(`TypeScript (moduleResolution ${resolution}) finds the types through the export map`, () => {
      const sub = mkdtempSync(join(dir, 'ts-'));
      writeFileSync(join(sub, 'main.ts'), `import { quote, CesedaError, type Quote, type Permit } from 'ceseda';
const p: Permit = 'visiteur';
const q: Quote = quote({ permit: p, procedure: 'first_issue', date: new Date() });
const t: string | null = q.total;
export const ok = [t, CesedaError];
`);
      const module = resolution === 'NodeNext' ? 'NodeNext' : 'ESNext';
      writeFileSync(join(sub, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], typeRoots: [] },
        files: ['main.ts'],
      }));
      writeFileSync(join(sub, 'package.json'), JSON.stringify({ type: 'module' }));
      const tsc = join(WASM_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
      try {
        execFileSync(process.execPath, [tsc, '-p', sub], { cwd: sub, stdio: 'pipe' });
      } catch (e) {
        assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
      }
    });
  }
});
