/**
 * The client script as served: the minified build of enhance.ts (scripts/build-client.mjs writes
 * it into script.generated.ts), a content hash for a URL that can be cached forever, and the
 * stable URL hosts use for <formlit-app>.
 */
import { CLIENT_SOURCE } from "./script.generated.ts";
import { digest } from "../shared/hash.ts";

export const CLIENT_JS = CLIENT_SOURCE;
export const CLIENT_HASH = digest(CLIENT_JS);
/** The hashed file name the app's own pages load (immutable, cached for a year). */
export const CLIENT_FILE = `client.${CLIENT_HASH}.js`;
