/**
 * The same demo served from Node through @hono/node-server (`npm run start:node`). SESSION_SECRET
 * and FORMLIT_DEV come from the environment (the npm script loads .dev.vars with --env-file);
 * without FORMLIT_DEV=1 it is a production server, which wants HTTPS in front of it. Sessions too
 * large for cookies and uploaded files are kept by Node's default stores (formlit/node): in
 * memory, or in the directory FORMLIT_STORE_DIR names.
 */
import { serve } from "@hono/node-server";
import { nodeStores } from "../src/node.ts";
import { createWorker } from "./worker.ts";

const port = Number(process.env.PORT ?? 8788);
// (an app importing `formlit` on Node gets these without asking; the demo imports src/ directly)
serve({ fetch: createWorker(undefined, nodeStores()).fetch, port, hostname: "127.0.0.1" }, (info) => {
  console.log(`formlit demo on http://127.0.0.1:${info.port}`);
});
