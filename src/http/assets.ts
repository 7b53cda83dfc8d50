/** The client script's routes: a hashed URL cached for a year, and a stable one for embedding hosts. */
import type { Hono } from "hono";
import { CLIENT_FILE, CLIENT_JS } from "../client/asset.ts";

export function serveClientScript(app: Hono<any>): void {
  app.get("/_formlit/:file{client(\\.[a-z0-9]+)?\\.js}", (c) => {
    const file = c.req.param("file");
    if (file !== CLIENT_FILE && file !== "client.js") return c.notFound();
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", file === CLIENT_FILE ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return c.body(CLIENT_JS);
  });
}
