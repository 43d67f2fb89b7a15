// Declarations of the `ceseda/init` entry (hand-written): the package's API, plus init().
export * from './index.js';

/**
 * Instantiates the WebAssembly module; every other function may be called once the promise
 * resolves. `wasm` is the module's URL (as a bundler's file loader gives it, e.g. esbuild's
 * `import url from 'ceseda/ceseda_bg.wasm'` with `--loader:.wasm=file`), a `Response`, its
 * bytes or a compiled `WebAssembly.Module`; by default the file next to this entry. Calling it
 * again returns the same promise.
 */
export declare function init(wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
