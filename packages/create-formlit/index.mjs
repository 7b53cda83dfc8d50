#!/usr/bin/env node
// create-formlit: `npm create formlit@latest my-app` writes a two-page formlit app for Cloudflare
// Workers into ./my-app. No dependencies: only Node's fs, path and crypto.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { d1Migration, d1Page, d1Readme, d1Scripts, d1Wrangler } from "./d1.mjs";

/** Versions the app starts with (the ones formlit 0.1 is built and tested with). */
export const VERSIONS = {
  formlit: "^0.1.0",
  hono: "^4.13.19",
  wrangler: "^4.164.0",
  node: "^24.21.0",
  typescript: "^5.9.3",
  "@cloudflare/workers-types": "^5.20261117.1",
};
/** Not newer than the workerd that the wrangler above ships supports. */
export const COMPATIBILITY_DATE = "2026-10-28";

const HELP = `Usage: npm create formlit@latest [folder] [-- options]
       npx create-formlit [folder] [options]

Writes a formlit app (a two-page Streamlit-style app on Cloudflare Workers) into [folder]
(default: my-formlit-app).

Options:
  --formlit <spec>   the formlit dependency (default "${VERSIONS.formlit}"); a tarball works too:
                     --formlit file:/path/to/formlit-0.1.0.tgz
  --d1               add a D1 database (migrations/, migrated locally by npm run dev) and a
                     Notes page that reads and edits it with st.connection
  --force            write into a folder that is not empty (an existing .dev.vars is kept)
  -h, --help         this text
`;

function parseArgs(argv) {
  const out = { dir: null, formlit: VERSIONS.formlit, force: false, help: false, d1: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") out.help = true;
    else if (a === "--force") out.force = true;
    else if (a === "--d1") out.d1 = true;
    else if (a === "--formlit" || a.startsWith("--formlit=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!value) throw new Error("--formlit needs a version or a path, e.g. --formlit ^0.1.0");
      out.formlit = value;
    } else if (a.startsWith("-")) throw new Error(`Unknown option ${a}. Run with --help to see the options.`);
    else if (out.dir === null) out.dir = a;
    else throw new Error(`One folder only (got "${out.dir}" and "${a}").`);
  }
  return out;
}

/** A name npm and Cloudflare both accept: lower case letters, digits and dashes, at most 63. */
export function workerName(dir) {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 63)
    .replace(/-$/, "");
  return name || "formlit-app";
}

/** The files of a new app, by relative path. */
export function appFiles({ name, formlit, d1 = false }) {
  const pkg = {
    name,
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      ...(d1 ? d1Scripts : {}),
      dev: "wrangler dev",
      deploy: "wrangler deploy",
      typecheck: "tsc --noEmit",
    },
    dependencies: { formlit, hono: VERSIONS.hono },
    devDependencies: {
      "@cloudflare/workers-types": VERSIONS["@cloudflare/workers-types"],
      // wrangler needs Node 22 or newer: npm puts this Node first on the PATH of npm scripts
      node: VERSIONS.node,
      typescript: VERSIONS.typescript,
      wrangler: VERSIONS.wrangler,
    },
    // npm 11 runs install scripts only of the packages named here
    allowScripts: { node: true, esbuild: true, workerd: true },
  };

  const wrangler = `name = "${name}"
main = "src/index.ts"
compatibility_date = "${COMPATIBILITY_DATE}"
# formlit finds the current run through AsyncLocalStorage (or use "nodejs_compat").
compatibility_flags = ["nodejs_als"]
# Smaller uploads; the free plan's Worker size limit is 3 MB gzipped.
minify = true
${d1 ? d1Wrangler(name) : ""}`;

  const app = `import { st, createApp${d1 ? ", type D1Statement, type EditingState" : ""} } from "formlit";

// A page is a function that writes to \`st\`; every widget returns its current value.
function home() {
  st.title("Hello, formlit");
  st.markdown("Every change is an ordinary form post: this app works with JavaScript off.");
  const name = st.textInput("Your name", { key: "name", placeholder: "Ada" });
  if (name) st.success(\`Nice to meet you, \${name}.\`);
  const n = st.numberInput("Pick a number", { key: "n", value: 7, minValue: 0, maxValue: 1000 }) ?? 0;
  st.write(\`\${n} squared is **\${n * n}**.\`);
}

// Session state lives in a signed cookie; callbacks run before the page reruns.
function counter() {
  st.title("Counter");
  if (!("count" in st.sessionState)) st.sessionState.count = 0;
  st.button("Add one", {
    onClick: () => {
      st.sessionState.count += 1;
    },
  });
  if (st.button("Reset")) st.sessionState.count = 0;
  st.metric("Clicks", st.sessionState.count);
}
${d1 ? d1Page : ""}
export default createApp({
  name: "${name}",
  title: "${name}",
  entrypoint: async () => {
    const page = st.navigation([
      st.Page(home, { title: "Home", icon: "🏠", default: true }),
      st.Page(counter, { title: "Counter", icon: "🔢", urlPath: "counter" }),${d1 ? `
      st.Page(notes, { title: "Notes", icon: "📝", urlPath: "notes" }),` : ""}
    ]);
    await page.run();
  },
});
`;

  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["@cloudflare/workers-types"],
    },
    include: ["src"],
  };

  const readme = `# ${name}

A [formlit](https://www.npmjs.com/package/formlit) app: Streamlit's app model in TypeScript, served
by a Cloudflare Worker as plain HTML form posts.

## Develop

\`\`\`sh
npm install
npm run dev          # http://localhost:8787, reloads on save
npm run typecheck
\`\`\`

\`src/index.ts\` is the app: \`st.navigation\` with two \`st.Page\`s. \`.dev.vars\` holds a generated
\`SESSION_SECRET\` that protects the session cookie during development, and \`FORMLIT_DEV=1\`, which
turns on development mode (stack traces on the page, cookies over plain http). Only \`wrangler dev\`
reads it, so a deployed app never runs in development mode; it is git-ignored, so keep it out of
version control.

## Deploy

\`\`\`sh
npx wrangler login                       # once, opens the browser
npx wrangler secret put SESSION_SECRET   # paste a long random string (at least 32 characters), e.g. from: openssl rand -base64 48
npx wrangler deploy                      # or: npm run deploy
\`\`\`

Without \`SESSION_SECRET\` the deployed app answers with an error page that names the command above.
To rotate the secret, set \`SESSION_SECRETS=new,old\` (newest first) the same way.
`;

  return {
    "package.json": JSON.stringify(pkg, null, 2) + "\n",
    "wrangler.toml": wrangler,
    "src/index.ts": app,
    "tsconfig.json": JSON.stringify(tsconfig, null, 2) + "\n",
    ".gitignore": "node_modules/\n.wrangler/\n.dev.vars\n.dev.vars.*\ndist/\n",
    "README.md": readme + (d1 ? d1Readme : ""),
    ...(d1 ? { "migrations/0001_notes.sql": d1Migration } : {}),
  };
}

/** Writes the app into `dir`; returns the relative paths written. */
export function create(dir, { formlit = VERSIONS.formlit, force = false, d1 = false } = {}) {
  const root = path.resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0 && !force) {
    throw new Error(`${dir} exists and is not empty. Choose another folder, or pass --force to write into it.`);
  }
  const files = appFiles({ name: workerName(root), formlit, d1 });
  const written = [];
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(rel);
  }
  const devVars = path.join(root, ".dev.vars");
  if (!existsSync(devVars)) {
    // FORMLIT_DEV=1: development mode (plain-http cookies, stack traces). Only wrangler dev reads
    // .dev.vars, so a deployed Worker never carries it.
    writeFileSync(devVars, `SESSION_SECRET=${randomBytes(36).toString("base64url")}\nFORMLIT_DEV=1\n`);
    written.push(".dev.vars");
  }
  return written;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`create-formlit: ${e.message}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const dir = args.dir ?? "my-formlit-app";
  try {
    const written = create(dir, args);
    console.log(`Created ${dir}/ with ${written.join(", ")}.\n`);
  } catch (e) {
    console.error(`create-formlit: ${e.message}`);
    process.exit(1);
  }
  const cd = /\s/.test(dir) ? JSON.stringify(dir) : dir;
  console.log(`Next:

  cd ${cd}
  npm install
  npm run dev            # http://localhost:8787

Deploy to Cloudflare (see README.md):

  npx wrangler secret put SESSION_SECRET
  npx wrangler deploy
`);
}

// Run when executed (npm create, npx, node index.mjs), not when imported by a test.
function isMain() {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isMain()) main();
