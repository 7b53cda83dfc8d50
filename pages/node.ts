/**
 * The same demo served from Node through @hono/node-server (`npm run start:node`). Session secret
 * from SESSION_SECRET in the environment; on localhost a development secret is generated.
 */
import { serve } from "@hono/node-server";
import { createWorker } from "./worker.ts";

const port = Number(process.env.PORT ?? 8788);
serve({ fetch: createWorker().fetch, port, hostname: "127.0.0.1" }, (info) => {
  console.log(`formlit demo on http://127.0.0.1:${info.port}`);
});
