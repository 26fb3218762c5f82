/**
 * PGlite's WebAssembly module and file-system bundle, read and compiled once per process. PGlite reads and compiles
 * both each time an instance starts unless they are handed to it; a process that opens many (the test suite opens
 * an in-memory copy per suite, and the demo build, the CLI and the server open one or two) saves about 0.15 s of
 * CPU on every open after the first. The files are PGlite's own, from the installed package.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PgliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

let assets: Promise<PgliteAssets> | undefined;

export function pgliteAssets(): Promise<PgliteAssets> {
  assets ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, data] = await Promise.all([
      readFile(path.join(dist, 'pglite.wasm')),
      readFile(path.join(dist, 'pglite.data')),
    ]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([data]) };
  })();
  return assets;
}
