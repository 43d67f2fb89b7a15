// Writes the package's package.json (the code lists, index.d.ts and codes.js are generated from
// the core's schema by `cargo run -p ceseda-codegen` into js/, and copied by build.sh):
//   package.json
// Usage: node scripts/gen-pkg.mjs <package directory> (called by build.sh).

import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const pkg = resolve(process.argv[2] ?? 'pkg');
const repo = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');

function fail(message) {
  console.error(`gen-pkg: ${message}`);
  process.exit(1);
}

// The version is the core's (the root workspace's [workspace.package] version).
const cargo = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
const section = cargo.split(/^\[/m).find((s) => s.startsWith('workspace.package]')) ?? '';
const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1] ?? fail('no [workspace.package] version in Cargo.toml');

// The license texts ship with the package: copied from the repository's top level.
const licenses = ['LICENSE-MIT', 'LICENSE-APACHE'];
for (const name of licenses) copyFileSync(join(repo, name), join(pkg, name));

// No repository, homepage or bugs URL yet: add them once the project is public.
const manifest = {
  name: 'ceseda',
  version,
  description:
    'What a French residence permit (titre de séjour) costs: taxes, stamp duties and regularisation charges, itemised with their CESEDA articles, by date. WebAssembly build of the Rust library.',
  license: 'MIT OR Apache-2.0',
  author: 'the ceseda developers',
  keywords: ['france', 'immigration', 'tax', 'ceseda', 'residence-permit', 'titre-de-sejour', 'wasm', 'webassembly'],
  type: 'module',
  // "node" (Node, and bundlers targeting it) reads the .wasm synchronously with fs; "import" and
  // "default" (browsers, bundlers, Deno, workers) fetch it with top-level await. `require('ceseda')`
  // takes the "node" entry too: Node loads an ES module with require() from 20.19 and 22.12
  // (no top-level await in that entry), which is why engines asks for 20.19.
  exports: {
    '.': {
      types: './index.d.ts',
      node: './node.js',
      import: './index.js',
      default: './index.js',
    },
    // No top-level await: `await init()` first (esbuild's IIFE, CommonJS bundles, own .wasm URL).
    './init': { types: './init.d.ts', default: './init.js' },
    // The module itself, for a bundler's file loader (esbuild: --loader:.wasm=file).
    './ceseda_bg.wasm': './wasm/ceseda_bg.wasm',
    // The pricing-only module (totals and amounts, numbers across the boundary); it loads the
    // full module only when asked (loadFull).
    './pricing': {
      types: './pricing.d.ts',
      node: './pricing-node.js',
      import: './pricing.js',
      default: './pricing.js',
    },
    './package.json': './package.json',
  },
  main: './node.js',
  module: './index.js',
  browser: './index.js',
  types: './index.d.ts',
  // Exactly what ships (npm adds package.json): no tests, no build files.
  files: [
    'index.js',
    'node.js',
    'init.js',
    'api.js',
    'codes.js',
    'index.d.ts',
    'codes.d.ts',
    'init.d.ts',
    'wasm/ceseda.js',
    'wasm/ceseda_bg.wasm',
    'error.js',
    'ids.js',
    'ids.d.ts',
    'pricing.js',
    'pricing-node.js',
    'pricing-api.js',
    'pricing.d.ts',
    'wasm/pricing.js',
    'wasm/pricing_bg.wasm',
    'README.md',
    ...licenses,
  ],
  // Only the two entries have an effect on import: each instantiates the WebAssembly module.
  sideEffects: ['./index.js', './node.js', './pricing.js', './pricing-node.js'],
  engines: { node: '>=20.19' },
};
const missing = manifest.files.filter((f) => !existsSync(join(pkg, f)));
if (missing.length > 0) fail(`files listed in package.json are missing from ${pkg}: ${missing.join(', ')}`);
writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
