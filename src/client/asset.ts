/**
 * The client script as served: its source (a function's text, so no build step), a content hash
 * for a URL that can be cached forever, and the stable URL hosts use for <formlit-app>.
 */
import { formlitClient } from "./enhance.ts";
import { digest } from "../engine/widget-id.ts";

// Bundlers that keep function names (wrangler's esbuild does) wrap inner functions in a module
// helper, `__name(fn, "name")`, which the function's text refers to: define it for the script.
export const CLIENT_JS = `(()=>{var __name=(f)=>f;(${formlitClient.toString()})()})();\n`;
export const CLIENT_HASH = digest(CLIENT_JS);
/** The hashed file name the app's own pages load (immutable, cached for a year). */
export const CLIENT_FILE = `client.${CLIENT_HASH}.js`;
