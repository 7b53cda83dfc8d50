/**
 * The client script's and the page stylesheet's routes: hashed URLs cached for a year, and a
 * stable script URL for embedding hosts.
 */
import type { Hono } from "hono";
import { CLIENT_FILE, CLIENT_JS } from "../client/asset.ts";
import { ELEMENTS } from "../elements/index.ts";
import { digest } from "../shared/hash.ts";
import { appStyle, type AppStyle } from "../render/custom-theme.ts";
import type { ThemeOptions } from "../render/theme-options.ts";

/** An app's stylesheet and the name it is served under. */
export interface ServedStyle extends AppStyle {
  file: string;
}

/**
 * The page's stylesheet (the theme, the app's own theme, and every element family's rules),
 * served once instead of inline in every answer: named by a digest of its text, so a new release
 * or a changed theme is a new address. A theme's invalid values are reported here, once.
 */
export function servedStyle(theme: ThemeOptions | undefined): ServedStyle {
  const style = appStyle(ELEMENTS.css.page, theme);
  for (const warning of style.warnings) console.warn(`formlit: ${warning}`);
  return { ...style, file: `style.${digest(style.page)}.css` };
}

export function serveStylesheet(app: Hono<any>, style: ServedStyle): void {
  app.get("/_formlit/:file{style\\.[a-z0-9]+\\.css}", (c) => {
    if (c.req.param("file") !== style.file) return c.notFound();
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(style.page);
  });
}

export function serveClientScript(app: Hono<any>): void {
  app.get("/_formlit/:file{client(\\.[a-z0-9]+)?\\.js}", (c) => {
    const file = c.req.param("file");
    if (file !== CLIENT_FILE && file !== "client.js") return c.notFound();
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", file === CLIENT_FILE ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return c.body(CLIENT_JS);
  });
}
