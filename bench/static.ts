/** Sizes that need no load: the Worker bundle, the client script, the home page. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Hono } from "hono";
import { ORIGIN } from "../test/support/client.ts";
import { runWrangler } from "./load.ts";

export const gzipBytes = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/**
 * `wrangler deploy --dry-run --outdir <tmp>` of a wrangler config (the demo's by default): gzip of
 * every module it would upload (no maps).
 */
export async function bundleSize(config?: string) {
  const outdir = mkdtempSync(path.join(tmpdir(), "formlit-bundle-"));
  try {
    const { code, output } = await runWrangler(["deploy", "--dry-run", "--outdir", outdir, ...(config ? ["--config", config] : [])], 120_000);
    if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output}`);
    const modules = files(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
    if (modules.length === 0) throw new Error(`wrangler deploy --dry-run wrote no module to ${outdir}:\n${output}`);
    let raw = 0;
    let gzip = 0;
    for (const f of modules) {
      const data = readFileSync(f);
      raw += data.length;
      gzip += gzipBytes(data);
    }
    // wrangler's own figure ("Total Upload: 412.16 KiB / gzip: 111.75 KiB"), for comparison
    const reported = output.match(/gzip:\s*([\d.]+)\s*KiB/)?.[1];
    return { raw, gzip, modules: modules.length, wranglerGzipKiB: reported ? Number(reported) : null };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Scripts the page loads: external ones fetched from the app, inline ones as written. */
export async function clientScript(app: Hono<any>, html: string) {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((s) => s.trim());
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const res = await app.request(new URL(src, ORIGIN + "/").href);
    const body = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`client script ${src} answered ${res.status}`);
    raw += body.length;
    gzip += gzipBytes(body);
  }
  for (const s of inline) {
    raw += Buffer.byteLength(s);
    gzip += gzipBytes(s);
  }
  return { sources, inline: inline.length, raw, gzip };
}

/**
 * Everything in the page that would make the browser fetch from another host by itself (absolute
 * or protocol-relative URLs): src/srcset/poster/data/background of any element, href of <link>,
 * url(...) and @import in inline CSS. Links and form targets are not requests until followed.
 */
export function externalRequests(html: string): string[] {
  const found: string[] = [];
  const external = (u: string) => /^\s*(https?:)?\/\//i.test(u);
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    for (const m of tag[2]!.matchAll(/\b([\w-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const attr = m[1]!.toLowerCase();
      const value = m[3] ?? m[4] ?? m[5] ?? "";
      const loads = ["src", "srcset", "poster", "data", "background"].includes(attr) || (attr === "href" && name === "link");
      if (!loads) continue;
      for (const part of attr === "srcset" ? value.split(",").map((p) => p.trim().split(/\s+/)[0]!) : [value]) {
        if (external(part)) found.push(`<${name} ${attr}=${part}>`);
      }
    }
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/gi)) if (external(m[1]!)) found.push(`url(${m[1]})`);
  for (const m of html.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) if (external(m[1]!)) found.push(`@import ${m[1]}`);
  return found;
}
