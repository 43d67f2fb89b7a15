// Nothing here is for ceseda (vite needs no configuration for it: it emits the .wasm the package
// loads through `new URL(…, import.meta.url)`). Relative asset URLs let dist/ be served from any folder.
export default { base: './' };
