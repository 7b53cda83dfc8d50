import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Three projects, all run by `npm test` (vitest run):
//   unit    - plain Node, test/**/*.test.ts (minus workers/ and browser/)
//   workers - test/workers/**, inside workerd, configured from wrangler.toml;
//             call the app with `exports.default.fetch(...)` from
//             "cloudflare:workers" (or the deprecated `SELF` from "cloudflare:test").
//   browser - plain Node driving /usr/bin/chromium via playwright-core,
//             one file at a time (the machine has 2 cores).
//   package - test/package/**: npm run build + npm pack, then apps outside the repo that install
//             the tarball and run wrangler dev; after the other projects (groupOrder 1).
// the demo's D1 schema (wrangler.toml's migrations_dir), applied by the D1 tests inside workerd
const migrations = await readD1Migrations("./migrations");

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
      {
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
          name: "workers",
          include: ["test/workers/**/*.test.ts"],
          // the demo imports Graphviz's binary as a compiled module: written from @viz-js/viz first
          globalSetup: ["./scripts/graphviz-wasm.mjs"],
          // the first request of a file loads the whole worker into workerd, which takes seconds
          // when the machine's two cores are busy
          testTimeout: 20_000,
        },
      },
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
