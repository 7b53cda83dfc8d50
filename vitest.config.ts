import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Three projects, all run by `npm test` (vitest run):
//   unit    - plain Node, test/**/*.test.ts (minus workers/ and browser/)
//   workers - test/workers/**, inside workerd, configured from wrangler.toml (the files that
//             draw a Mermaid diagram in "workers-diagrams", see DIAGRAM_FILES);
//             call the app with `exports.default.fetch(...)` from
//             "cloudflare:workers" (or the deprecated `SELF` from "cloudflare:test").
//   browser - plain Node driving /usr/bin/chromium via playwright-core,
//             one file at a time (the machine has 2 cores).
//   package - test/package/**: npm run build + npm pack, then apps outside the repo that install
//             the tarball and run wrangler dev; after the other projects (groupOrder 1).
// the demo's D1 schema (wrangler.toml's migrations_dir), applied by the D1 tests inside workerd
const migrations = await readD1Migrations("./migrations");

/**
 * The tests that draw the demo's Mermaid diagram, in a project (a Vite server) of their own: once a
 * run has loaded Mermaid's layout engine (elkjs, 1.6 MB) through the module runner, later test
 * files of the same project crashed at start on a message over workerd's 1 MiB WebSocket limit.
 */
const DIAGRAM_FILES = ["test/workers/mermaid-in-workerd.test.ts", "test/workers/gallery-in-workerd.test.ts", "test/workers/charts-in-workerd.test.ts"];

/** A project whose test files run inside workerd, configured from wrangler.toml. */
function workersProject(name: string, files: { include?: string[]; exclude?: string[] }) {
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // an R2 bucket for the R2 store's tests (the demo itself uses the Durable Object), and
        // development mode, as `npm run dev`'s .dev.vars sets it (plain http on localhost); the
        // demo's D1 migrations, for the tests to apply to the DB binding (wrangler.toml)
        miniflare: { r2Buckets: ["TEST_BUCKET"], bindings: { FORMLIT_DEV: "1", TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      name,
      include: files.include ?? ["test/workers/**/*.test.ts"],
      exclude: files.exclude ?? [],
      // the demo imports Graphviz's binary as a compiled module: written from @viz-js/viz first
      globalSetup: ["./scripts/graphviz-wasm.mjs"],
      // the first request of a file loads the whole worker into workerd, which takes seconds
      // when the machine's two cores are busy
      testTimeout: 20_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/workers/**", "test/browser/**", "test/package/**", "**/node_modules/**"],
        },
      },
      workersProject("workers", { exclude: DIAGRAM_FILES }),
      workersProject("workers-diagrams", { include: DIAGRAM_FILES }),
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          // a rerun over fetch can take more than expect.poll's default 1 s on a busy 2-core machine
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "package",
          environment: "node",
          include: ["test/package/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
