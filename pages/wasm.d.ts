/** wrangler compiles an imported .wasm file ahead of time: the import is a WebAssembly.Module. */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
