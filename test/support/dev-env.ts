/** Where test and benchmark requests go, and the environment they run in (no imports, so a benchmark's harness loads none of formlit's modules). */
export const ORIGIN = "http://localhost";
/** What `.dev.vars` gives `wrangler dev`: development mode, so plain http on localhost works. */
export const DEV_ENV = { FORMLIT_DEV: "1" };
