/**
 * The part of the WebAssembly API that src/db/pglite-assets.ts uses. Node has it globally, but TypeScript declares it
 * only in the browser's libraries (lib "dom"), which this server-side project leaves out.
 */
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- an opaque compiled module, as in lib.dom
  class Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
}
