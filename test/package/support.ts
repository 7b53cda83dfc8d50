/**
 * For the package tests: npm and wrangler in folders outside the repo, a free port, and a small
 * no-JavaScript browser over fetch (the page's form fields, cookies, the Origin header).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { CookieJar } from "../support/cookie-jar.ts";

/**
 * The environment for npm and wrangler in another folder: without the `npm_*` variables that the
 * `npm test` around us sets (npm_config_local_prefix and friends would point them at this repo),
 * and with wrangler's telemetry and network look-ups off.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_registry", "npm_config_cache", "npm_config_userconfig"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.toLowerCase().startsWith("npm_") && !keep.has(k.toLowerCase())) continue;
    if (k === "INIT_CWD" || k === "VITEST" || k.startsWith("VITEST_") || k === "NODE_ENV") continue;
    env[k] = v;
  }
  // Node 24 (this repo's `node` devDependency, running this test) first on the PATH.
  env.PATH = [path.dirname(process.execPath), env.PATH].join(path.delimiter);
  return {
    ...env,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_HIDE_BANNER: "true",
    NO_COLOR: "1",
    ...extra,
  };
}

/** Runs a command to the end; throws with its output when it fails. Returns stdout, then stderr. */
export function run(cmd: string, args: string[], cwd: string, timeoutMs = 300_000): { stdout: string; all: string } {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: childEnv(), encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed with ${r.status ?? r.signal ?? r.error}:\n${out.slice(-6000)}`);
  }
  timings.push(`${label(cmd, args)}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { stdout: r.stdout ?? "", all: out };
}

/** How long each step took, printed at the end of the file. */
export const timings: string[] = [];

const label = (cmd: string, args: string[]) => [cmd, ...args.slice(0, 2)].map((a) => (path.isAbsolute(a) ? path.basename(a) : a)).join(" ");

/** `npm install` in `dir`, from npm's cache where it can. */
export function npmInstall(dir: string): void {
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], dir, 540_000);
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `cmd args` (wrangler dev, or `npm run dev -- ...`) in its own process group, waits until
 * GET / answers, and stops the whole group (npm, wrangler, workerd) afterwards.
 */
export async function startServer(cmd: string, args: string[], cwd: string, port: number): Promise<Server> {
  const started = Date.now();
  const child: ChildProcess = spawn(cmd, args, { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(" ")} exited early:\n${log}`);
    try {
      const res = await fetch(url + "/");
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      kill("SIGKILL");
      throw new Error(`${cmd} ${args.join(" ")} did not answer within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  timings.push(`${label(cmd, args)} until it answered: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    url,
    log: () => log,
    stop: async () => {
      kill("SIGTERM");
      for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) await new Promise((r) => setTimeout(r, 100));
      kill("SIGKILL");
    },
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) out[m[1].toLowerCase()] = decode(m[2] ?? "");
  return out;
}

/** A browser without JavaScript: keeps cookies, posts the page's form as a browser would. */
export class Browser {
  readonly jar = new CookieJar();
  html = "";
  status = 0;
  path = "/";

  constructor(readonly base: string) {}

  async request(method: "GET" | "POST", pathname: string, body?: URLSearchParams): Promise<void> {
    const headers: Record<string, string> = {};
    if (this.jar.cookies.size) headers.cookie = this.jar.header();
    if (method === "POST") {
      headers.origin = this.base;
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const res = await fetch(this.base + pathname, { method, headers, body: body?.toString(), redirect: "manual" });
    this.jar.take(res);
    this.status = res.status;
    this.html = await res.text();
    this.path = pathname;
  }

  get(pathname = "/"): Promise<void> {
    return this.request("GET", pathname);
  }

  /** The name of the control whose <label> (or button text) is `label`. */
  private nameOf(label: string): string {
    for (const m of this.html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)) {
      if (decode(m[2].replace(/<[^>]*>/g, "")).trim() === label) return attrs(m[1]).name;
    }
    for (const m of this.html.matchAll(/<label\b[^>]*\bfor="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g)) {
      if (decode(m[2].replace(/<[^>]*>/g, "")).trim() !== label) continue;
      const control = [...this.html.matchAll(/<(?:input|textarea|select)\b([^>]*)>/g)].map((c) => attrs(c[1])).find((a) => a.id === m[1]);
      if (control?.name) return control.name;
    }
    throw new Error(`no control labelled "${label}" on the page:\n${this.html.slice(0, 4000)}`);
  }

  /**
   * Submits the app's form: every text/number/hidden input with its value (and `changes`, by
   * label), and the button labelled `click` (default: Apply).
   */
  async submit(changes: Record<string, string> = {}, click?: string): Promise<void> {
    const form = /<form\b([^>]*\bid="fl"[^>]*)>/.exec(this.html);
    if (!form) throw new Error(`no app form on the page:\n${this.html.slice(0, 4000)}`);
    const action = attrs(form[1]).action ?? this.path;
    const body = new URLSearchParams();
    const byName = new Map(Object.entries(changes).map(([label, value]) => [this.nameOf(label), value]));
    for (const m of this.html.matchAll(/<input\b([^>]*)>/g)) {
      const a = attrs(m[1]);
      if (!a.name || "disabled" in a) continue;
      const type = (a.type ?? "text").toLowerCase();
      if (["submit", "button", "file", "image", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !("checked" in a)) continue;
      body.append(a.name, byName.get(a.name) ?? a.value ?? "");
      byName.delete(a.name);
    }
    for (const [name, value] of byName) body.set(name, value);
    if (click) body.append(this.nameOf(click), "1");
    else body.append("_apply", "1");
    await this.request("POST", action, body);
  }
}
