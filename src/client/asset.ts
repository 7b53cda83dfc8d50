/**
 * The client script as served: its source (a function's text, so no build step), a content hash
 * for a URL that can be cached forever, and the stable URL hosts use for <formlit-app>.
 */
import { formlitClient } from "./enhance.ts";
import { digest } from "../engine/widget-id.ts";

export const CLIENT_JS = `(${formlitClient.toString()})();\n`;
export const CLIENT_HASH = digest(CLIENT_JS);
/** The hashed file name the app's own pages load (immutable, cached for a year). */
export const CLIENT_FILE = `client.${CLIENT_HASH}.js`;
