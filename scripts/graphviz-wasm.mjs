#!/usr/bin/env node
// Writes the Graphviz WebAssembly binary of the installed @viz-js/viz to a .wasm file (default:
// src/generated/graphviz.wasm), so that a Worker can import it as a compiled module: Workers refuse
// to compile WebAssembly from bytes at run time, which is how @viz-js/viz loads it (its binary is
// embedded in its JavaScript). The bytes are taken from @viz-js/viz's own loader, as it hands them
// to WebAssembly.instantiate, so the file always matches the installed version's glue code.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Writes the binary to `out` unless it is there already (same bytes): returns the path. */
export async function writeGraphvizWasm(out = path.join(root, "src/generated/graphviz.wasm")) {
  const original = WebAssembly.instantiate;
  let bytes = null;
  WebAssembly.instantiate = (source, imports) => {
    if (!(source instanceof WebAssembly.Module)) bytes ??= new Uint8Array(source);
    return original.call(WebAssembly, source, imports);
  };
  try {
    const { instance } = await import("@viz-js/viz");
    await instance();
  } finally {
    WebAssembly.instantiate = original;
  }
  if (!bytes) throw new Error("@viz-js/viz did not hand its WebAssembly binary to WebAssembly.instantiate");
  if (existsSync(out) && Buffer.compare(readFileSync(out), bytes) === 0) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  return out;
}

/** vitest's globalSetup: the Worker tests import the demo, which imports the binary. */
export async function setup() {
  await writeGraphvizWasm();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = await writeGraphvizWasm(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`graphviz wasm: ${path.relative(process.cwd(), out)}`);
}
