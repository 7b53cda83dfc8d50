import { spawn } from "node:child_process";
const cfg = process.argv[2]!; const port = 8977;
const t0 = performance.now();
const child = spawn(process.execPath, ["node_modules/.bin/wrangler", "dev", "--config", cfg, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(port + 1000), "--log-level", "warn", "--var", "SESSION_SECRET:formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz", "--var", "FORMLIT_DEV:1", "--var", "BASELINE_HTML_BYTES:4000"], { env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" }, stdio: "ignore", detached: true });
for (let k = 0; k < 400; k++) {
  const s = performance.now();
  try { const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(8000) }); await r.arrayBuffer(); const e = performance.now(); console.log(`attempt ${k} at ${(s - t0).toFixed(0)} ms: ${r.status} in ${(e - s).toFixed(0)} ms`);
    const s2 = performance.now(); const r2 = await fetch(`http://127.0.0.1:${port}/`); await r2.arrayBuffer(); console.log(`second: ${(performance.now() - s2).toFixed(0)} ms`); break; }
  catch (e) { if (k % 8 === 0) console.log(`attempt ${k} at ${(s - t0).toFixed(0)} ms failed after ${(performance.now() - s).toFixed(0)} ms: ${(e as Error).cause ?? e}`); }
  await new Promise((r) => setTimeout(r, 100));
}
process.kill(-child.pid!, "SIGKILL");
