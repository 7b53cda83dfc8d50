/**
 * formlit as an author gets it: `npm run build` and `npm pack` here, then, in folders outside the
 * repo, (1) a tiny app that depends on the packed tarball, type-checked against the shipped .d.ts
 * and served by `wrangler dev`, and (2) an app written by the create-formlit starter, served by its
 * own `npm run dev` and bundled by `wrangler deploy --dry-run`. Installs come from npm's cache
 * where they can (the repo's `npm ci` fills it with the same versions).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, freePort, npmInstall, run, startServer, timings, type Server } from "./support.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const repoPkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const STARTER = path.join(ROOT, "packages/create-formlit/index.mjs");

let work = "";
let tarball = "";
let packed: string[] = [];
const servers: Server[] = [];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "formlit-package-"));
  run("npm", ["run", "build"], ROOT);
  const out = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], ROOT);
  const info = JSON.parse(out.stdout.slice(out.stdout.indexOf("[")))[0];
  tarball = path.join(work, info.filename);
  packed = info.files.map((f: { path: string }) => f.path);
}, 180_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`package tests, time per step:\n  ${timings.join("\n  ")}`);
}, 60_000);

test("the tarball holds the built library, README and SECURITY, and no tests, demo or benchmarks", () => {
  expect(existsSync(tarball)).toBe(true);
  for (const f of ["package.json", "README.md", "SECURITY.md", "dist/index.js", "dist/index.d.ts", "dist/store/durable-object.js", "dist/store/durable-object.d.ts", "dist/node.js", "dist/node.d.ts", "dist/store/memory.js", "dist/store/files.js", "dist/mermaid.js", "dist/mermaid.d.ts"]) {
    expect(packed).toContain(f);
  }
  expect(packed.filter((f) => !f.startsWith("dist/") && !["package.json", "README.md", "SECURITY.md", "LICENSE"].includes(f))).toEqual([]);
  expect(packed.filter((f) => /^dist\/(bench|node\.mjs)|\.test\.|\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  // every relative import of the emitted JavaScript names a .js file that is in the package
  const index = readFileSync(path.join(ROOT, "dist/index.js"), "utf8");
  expect(index).not.toMatch(/from "\.[^"]*\.ts"/);
});

describe("a tiny app on the packed tarball", () => {
  let app = "";

  beforeAll(() => {
    app = path.join(work, "tiny-app");
    mkdirSync(path.join(app, "src"), { recursive: true });
    const dev = repoPkg.devDependencies;
    writeFileSync(
      path.join(app, "package.json"),
      JSON.stringify(
        {
          name: "tiny-app",
          private: true,
          type: "module",
          dependencies: { formlit: `file:${tarball}`, hono: dev.hono },
          devDependencies: { wrangler: dev.wrangler, typescript: dev.typescript, "@cloudflare/workers-types": dev["@cloudflare/workers-types"] },
          allowScripts: { esbuild: true, workerd: true },
        },
        null,
        2,
      ),
    );
    writeFileSync(
      path.join(app, "src/index.ts"),
      `import { st, createApp } from "formlit";
import { durableObjectStore, FormlitSessionStore } from "formlit/store/durable-object";
import { enableMermaid } from "formlit/mermaid";

export { FormlitSessionStore };
enableMermaid();

export default createApp({
  entrypoint: () => {
    st.title("Tiny formlit app");
    const n = st.numberInput("How many", { key: "n", value: 1, minValue: 0 }) ?? 0;
    st.write(\`Twice that is \${n * 2}.\`);
    st.mermaidChart("graph LR\\n  Tiny --> Diagram");
  },
  store: (env: { SESSION_STORE?: DurableObjectNamespace<FormlitSessionStore> }) => (env.SESSION_STORE ? durableObjectStore(env.SESSION_STORE) : null),
});
`,
    );
    writeFileSync(
      path.join(app, "wrangler.toml"),
      `name = "tiny-app"
main = "src/index.ts"
compatibility_date = "2026-10-28"
compatibility_flags = ["nodejs_als"]

[[durable_objects.bindings]]
name = "SESSION_STORE"
class_name = "FormlitSessionStore"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["FormlitSessionStore"]
`,
    );
    // skipLibCheck off: the shipped .d.ts files must check too
    writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["@cloudflare/workers-types"] },
        include: ["src"],
      }),
    );
    npmInstall(app);
  }, 600_000);

  test("it type-checks against the shipped declarations (NodeNext resolution, skipLibCheck off)", () => {
    run(path.join(app, "node_modules/.bin/tsc"), ["-p", "."], app, 120_000);
  }, 180_000);

  test("wrangler dev in development mode (FORMLIT_DEV=1) serves it without a configured secret (a development secret, with a warning), its formlit/mermaid diagram drawn, and a form post round-trips a value", async () => {
    const port = await freePort();
    const inspector = await freePort();
    const wrangler = path.join(app, "node_modules/wrangler/bin/wrangler.js");
    const server = await startServer(process.execPath, [wrangler, "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--var", "FORMLIT_DEV:1"], app, port);
    servers.push(server);

    const b = new Browser(server.url);
    await b.get("/");
    expect(b.status).toBe(200);
    expect(b.html).toContain("Tiny formlit app");
    expect(b.html).toContain("Twice that is 2.");
    // formlit/mermaid, as packed, lays the diagram out and draws it inside workerd
    expect(b.html).toContain('data-kind="mermaid_chart"');
    expect(b.html).toContain(">Diagram</text>");
    expect(b.html).not.toContain('class="fl-exception"');
    expect([...b.jar.cookies.keys()]).toContain("formlit");

    await b.submit({ "How many": "21" });
    expect(b.status).toBe(200);
    expect(b.html).toContain("Twice that is 42.");
    // the value lives in the session: a plain GET shows it again
    await b.get("/");
    expect(b.html).toContain("Twice that is 42.");
    // a post without the session's Origin is refused (Hono's csrf)
    const foreign = await fetch(server.url + "/", { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "_apply=1" });
    expect(foreign.status).toBe(403);

    // no SESSION_SECRET anywhere: in development mode formlit signs with a development secret and says so
    // (workerd's console reaches wrangler's output a moment after the response)
    const warning = "no SESSION_SECRET configured; using a random development secret";
    for (let i = 0; i < 100 && !server.log().includes(warning); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.log()).toContain(warning);
    await server.stop();
  }, 180_000);

  test("on Node, `formlit` is its Node entry: a session too large for cookies is kept with no store configured", () => {
    writeFileSync(
      path.join(app, "node-check.mjs"),
      `import { createApp, st } from "formlit";
const app = createApp({
  secret: "${"k".repeat(8)}-0aZ9bY8cX7dW6eV5fU4gT3hS2iR1jQ0pL-mNoP",
  entrypoint: () => {
    if (!st.sessionState.get("big")) st.sessionState.big = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 10007).join(",");
    st.text("kept: " + st.sessionState.big.length);
  },
});
const first = await app.request("https://example.com/");
const cookie = first.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const again = await (await app.request("https://example.com/", { headers: { cookie } })).text();
console.log(JSON.stringify({ cookie: cookie.length, kept: /kept: (\\d+)/.exec(again)?.[1], notice: /fl-notice" role="status">([^<]*)/.exec(again)?.[1] ?? null }));
`,
    );
    const out = JSON.parse(run(process.execPath, ["node-check.mjs"], app).stdout);
    expect(out.notice).toBeNull();
    expect(Number(out.kept)).toBeGreaterThan(14_000);
    expect(out.cookie).toBeLessThan(1000);
  });
});

describe("an app from the create-formlit starter", () => {
  let app = "";

  beforeAll(() => {
    app = path.join(work, "My Starter App");
    // as `npm create formlit@latest` runs it: npm exec of the package's bin (here from its tarball)
    const packedStarter = run("npm", ["pack", "--json", "--pack-destination", work], path.dirname(STARTER)).stdout;
    const starterTgz = path.join(work, JSON.parse(packedStarter.slice(packedStarter.indexOf("[")))[0].filename);
    const out = run("npm", ["exec", "--yes", `--package=file:${starterTgz}`, "--", "create-formlit", app, "--formlit", `file:${tarball}`], work);
    expect(out.stdout).toContain("npx wrangler secret put SESSION_SECRET");
    npmInstall(app);
  }, 600_000);

  test("it writes the files an author needs: deploy steps, a git-ignored generated secret, nodejs_als", () => {
    expect(readdirSync(app).sort()).toEqual([".dev.vars", ".gitignore", "README.md", "node_modules", "package-lock.json", "package.json", "src", "tsconfig.json", "wrangler.toml"]);
    const pkg = JSON.parse(readFileSync(path.join(app, "package.json"), "utf8"));
    expect(pkg.name).toBe("my-starter-app");
    expect(pkg.dependencies.formlit).toBe(`file:${tarball}`);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(["dev", "deploy"]));
    expect(readFileSync(path.join(app, ".dev.vars"), "utf8")).toMatch(/^SESSION_SECRET=[A-Za-z0-9_-]{48}\nFORMLIT_DEV=1\n$/);
    expect(readFileSync(path.join(app, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining([".dev.vars", "node_modules/", ".wrangler/"]));
    const toml = readFileSync(path.join(app, "wrangler.toml"), "utf8");
    expect(toml).toContain('compatibility_flags = ["nodejs_als"]');
    expect(toml).toContain('name = "my-starter-app"');
    const readme = readFileSync(path.join(app, "README.md"), "utf8");
    expect(readme).toContain("npx wrangler secret put SESSION_SECRET");
    expect(readme).toContain("npx wrangler deploy");
    // Node 24 from the `node` devDependency, as in this repo
    expect(readFileSync(path.join(app, "node_modules/.bin/node"), null).length).toBeGreaterThan(0);
  });

  test("the starter's pinned versions and compatibility date are this repo's", async () => {
    const starter = await import(pathToFileURL(STARTER).href);
    const dev = repoPkg.devDependencies;
    expect(starter.VERSIONS).toEqual({
      formlit: `^${repoPkg.version}`,
      hono: dev.hono,
      wrangler: dev.wrangler,
      node: dev.node,
      typescript: dev.typescript,
      "@cloudflare/workers-types": dev["@cloudflare/workers-types"],
    });
    const date = /compatibility_date = "([^"]+)"/.exec(readFileSync(path.join(ROOT, "wrangler.toml"), "utf8"))![1];
    expect(starter.COMPATIBILITY_DATE).toBe(date);
  });

  test("npm run typecheck passes", () => {
    run("npm", ["run", "typecheck"], app, 120_000);
  }, 180_000);

  test("npm run dev serves both pages with the .dev.vars secret; a button's callback updates session state", async () => {
    const port = await freePort();
    const inspector = await freePort();
    const server = await startServer("npm", ["run", "dev", "--", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector)], app, port);
    servers.push(server);

    const b = new Browser(server.url);
    await b.get("/");
    expect(b.status).toBe(200);
    expect(b.html).toContain("Hello, formlit");
    expect(b.html).toContain("Counter");
    await b.submit({ "Your name": "Ada", "Pick a number": "12" });
    expect(b.html).toContain("Nice to meet you, Ada.");
    expect(b.html).toContain("144");

    await b.get("/counter");
    expect(b.status).toBe(200);
    expect(b.html).toMatch(/<h1[^>]*>Counter<\/h1>/);
    await b.submit({}, "Add one");
    await b.submit({}, "Add one");
    expect(b.html).toMatch(/Clicks[\s\S]*?>2</);

    // the secret came from .dev.vars, so no development-secret warning
    expect(server.log()).not.toContain("no SESSION_SECRET configured");
    await server.stop();
  }, 180_000);

  test("npx wrangler deploy --dry-run bundles it (no account needed)", () => {
    const outdir = path.join(work, "deploy-out");
    const out = run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], app, 120_000);
    expect(out.all).toContain("--dry-run: exiting now.");
    expect(existsSync(path.join(outdir, "index.js"))).toBe(true);
    // Workers bundlers resolve formlit without its `node` condition: no Node store, no node:fs
    expect(readFileSync(path.join(outdir, "index.js"), "utf8")).not.toMatch(/fileSessionStore|memorySessionStore|node:fs/);
  }, 180_000);
});
