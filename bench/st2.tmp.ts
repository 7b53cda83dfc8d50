import { spawn } from "node:child_process";
const [cfg, script] = [process.argv[2]!, process.argv[3]!]; const port = 8977;
const t0 = performance.now();
const args = ["node_modules/.bin/wrangler", "dev", ...(script ? [script, "--no-bundle"] : []), "--config", cfg, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(port + 1000), "--log-level", "warn", "--var", "SESSION_SECRET:formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz", "--var", "FORMLIT_DEV:1", "--var", "BASELINE_HTML_BYTES:4000"];
let log = "";
const child = spawn(process.execPath, args, { env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
child.stdout!.on("data", (d) => (log += d)); child.stderr!.on("data", (d) => (log += d));
for (let k = 0; k < 300; k++) {
  const s = performance.now();
  try { const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(8000) }); await r.arrayBuffer(); console.log(`attempt ${k} at ${(s - t0).toFixed(0)} ms: ${r.status} in ${(performance.now() - s).toFixed(0)} ms`); break; }
  catch (e) { }
  await new Promise((r) => setTimeout(r, 50));
}
if (log.trim()) console.log(log.slice(0, 1500));
process.kill(-child.pid!, "SIGKILL");
