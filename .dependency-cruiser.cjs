/**
 * The layers of src/ and what each may import (ARCHITECTURE.md draws them). Checked by
 * test/architecture/layers.test.ts and `npm run lint:layers`. A rule is a `forbidden` entry: a
 * dependency matching `from` and `to` is a violation.
 */
const layer = (name) => `^src/${name}/`;
const anyOf = (...names) => `^src/(${names.join("|")})/`;
/** the files at the top: the public API (and its Node entry, which extends it) and `st` */
const top = "^src/(index|st|latex|node)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "engine-stands-alone",
      comment:
        "The engine knows nothing of HTTP, cookies, stores, rendering, navigation or elements: those are built on it. It may import only the protocol and shared helpers.",
      severity: "error",
      from: { path: layer("engine") },
      to: { path: [anyOf("http", "cookie", "render", "navigation", "elements", "control", "client", "auth"), top] },
    },
    {
      name: "cookie-carries-opaque-json",
      comment: "The cookie layer seals and opens JSON; what the session is, is the engine's business.",
      severity: "error",
      from: { path: layer("cookie") },
      to: { path: [anyOf("engine", "http", "store", "render", "navigation", "elements", "control", "client", "protocol"), top] },
    },
    {
      name: "store-stands-alone",
      comment: "Stores keep records by id; they know nothing of sessions' contents or of HTTP.",
      severity: "error",
      from: { path: layer("store") },
      to: { path: [anyOf("engine", "http", "cookie", "render", "navigation", "elements", "control", "client", "protocol"), top] },
    },
    {
      name: "foundations-import-nothing",
      comment: "The form protocol and the shared helpers are what every layer may import: they import no layer.",
      severity: "error",
      from: { path: anyOf("protocol", "shared") },
      to: { path: ["^src/", top], pathNot: anyOf("protocol", "shared") },
    },
    {
      name: "navigation-on-the-engine",
      comment: "Navigation (st.navigation, pages-directory mode) is built on the engine and knows nothing of HTTP, cookies, rendering or elements.",
      severity: "error",
      from: { path: layer("navigation") },
      to: { path: [anyOf("http", "cookie", "store", "render", "elements", "client"), top] },
    },
    {
      name: "client-is-browser-code",
      comment: "The client script runs in the browser: it shares only the protocol and the shared helpers with the server.",
      severity: "error",
      from: { path: layer("client") },
      to: { path: ["^src/", top], pathNot: [anyOf("client", "protocol", "shared")] },
    },
    {
      name: "control-below-http",
      comment: "st.* control (session state, query parameters, secrets, caches) works inside a run: no HTTP, cookies or rendering.",
      severity: "error",
      from: { path: layer("control") },
      to: { path: [anyOf("http", "cookie", "store", "render", "client"), top] },
    },
    {
      name: "elements-below-http",
      comment: "Elements draw into the run and render themselves: no HTTP, cookies or stores.",
      severity: "error",
      from: { path: layer("elements") },
      to: { path: [anyOf("http", "cookie", "client"), top] },
    },
    {
      name: "uploads-only-as-an-interface",
      comment:
        "The engine carries, and st.fileUploader uses, the UploadStore interface (store/uploads.ts) as a type; which store keeps the bytes is createApp's choice. Nothing else of store/.",
      severity: "error",
      from: { path: anyOf("engine", "elements") },
      to: { path: layer("store"), pathNot: "^src/store/uploads\\.ts$" },
    },
    {
      name: "uploads-interface-is-a-type",
      comment: "Only the UploadStore type crosses: no store code runs in the engine or the elements.",
      severity: "error",
      from: { path: anyOf("engine", "elements") },
      to: { path: layer("store"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "auth-below-http",
      comment: "Sign-in (the OpenID Connect flow, its cookies' contents, Cloudflare Access) works on values: no HTTP, cookies written, rendering or elements. The engine's types only.",
      severity: "error",
      from: { path: layer("auth") },
      to: { path: [anyOf("http", "cookie", "store", "render", "navigation", "elements", "control", "client"), top] },
    },
    {
      name: "only-http-knows-auth",
      comment: "st.user and st.login read and write plain data (RequestInfo.auth); how an identity is verified is the HTTP layer's business, through auth/.",
      severity: "error",
      from: { path: anyOf("control", "elements", "navigation", "render", "cookie", "store") },
      to: { path: layer("auth") },
    },
    {
      name: "render-knows-no-elements",
      comment: "render/ holds the document shell, the base theme and escaping; each element family registers its own renderer.",
      severity: "error",
      from: { path: layer("render") },
      to: { path: [layer("elements"), layer("http"), layer("cookie"), layer("store"), top] },
    },
    {
      name: "nothing-imports-the-top",
      comment: "index.ts and st.ts gather the public API; no layer imports them back.",
      severity: "error",
      from: { path: "^src/", pathNot: top },
      to: { path: "^src/(index|st)\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.generated\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
