/**
 * Embedding across two origins on 127.0.0.1: the app (wrangler dev, port 8793) inside a host page
 * (a plain Node server, port 8794) as a <formlit-app> custom element, as an included fragment, and
 * in an iframe; each time a widget change round-trips the state.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startWrangler, type DevServer } from "./support/server.ts";

const APP = "http://127.0.0.1:8793";
const HOST_PORT = 8794;
const HOST = `http://127.0.0.1:${HOST_PORT}`;

let app: DevServer;
let host: Server;
let browser: Browser;
/** what reached the host's /evil address: a link the app did not make points there */
const evil: { method: string; formlit: boolean }[] = [];

const hostPage = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><h1>The host's own page</h1>${body}</body></html>`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startWrangler(8793, new URL("./support/embed.wrangler.toml", import.meta.url).pathname), launchChromium()]);
  host = createServer(async (req, res) => {
    let body = "";
    if (req.url === "/evil") evil.push({ method: req.method ?? "", formlit: req.headers["x-formlit"] !== undefined });
    if (req.url === "/custom") {
      body = `<script src="${APP}/_formlit/client.js" defer></script><formlit-app src="${APP}/"></formlit-app>`;
    } else if (req.url === "/include") {
      // a server-side include: the host fetches the fragment and puts it in its page
      body = await (await fetch(`${APP}/_embed/`)).text();
    } else if (req.url === "/include-js") {
      // the same include, on a host page that also loads the client script
      const fragment = await (await fetch(`${APP}/_embed/`)).text();
      body = `<formlit-app src="${APP}/">${fragment}</formlit-app><script src="${APP}/_formlit/client.js" defer></script>`;
    } else if (req.url === "/bad-src") {
      // addresses the app cannot be fetched from: the element falls back to a plain link
      const srcs = ['http://a"id="injected"/', "javascript://x/%0Adocument.title='pwned'", "http://127.0.0.1:9/", "x:not a base"];
      body = `<script src="${APP}/_formlit/client.js" defer></script>` + srcs.map((src) => `<formlit-app src='${src}'></formlit-app>`).join("");
    } else if (req.url === "/notes-iframe") {
      body = `<iframe src="${APP}/notes" title="Notes" width="900" height="600"></iframe>`;
    } else if (req.url === "/iframe") {
      body = `<iframe src="${APP}/" title="The embedded app" width="900" height="600"></iframe>`;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(hostPage(body));
  });
  await new Promise<void>((r) => host.listen(HOST_PORT, "127.0.0.1", r));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((r) => host?.close(r));
});

async function open(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(HOST + path);
  return page;
}

describe("embedding on another origin", () => {
  test("<formlit-app>: the app loads into the host page, and a change round-trips without leaving it", async () => {
    const page = await open("/custom", true);
    const input = page.getByLabel("Number of filters", { exact: true });
    await page.locator("formlit-app.fl-js").waitFor();
    await page.evaluate(() => ((window as any).__host = "kept"));
    await input.fill("4");
    await input.press("Enter");
    await page.getByRole("link", { name: "Option 1: entrypoint widget", exact: true }).click();
    await expect.poll(() => page.getByText("The entrypoint's widget holds 4.").count()).toBe(1);
    expect(new URL(page.url()).origin).toBe(HOST);
    expect(await page.evaluate(() => (window as any).__host)).toBe("kept");
    expect(await page.getByRole("heading", { name: "The host's own page" }).count()).toBe(1);
    // the app's styles stay inside the embed: the host's heading keeps the browser's default font
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/system-ui/);
    await page.context().close();
  });

  test("<formlit-app>: a link the app did not make, even one of the app's class, never gets the form or the page", async () => {
    const page = await open("/custom", true);
    await page.locator("formlit-app.fl-js").waitFor();
    // as if a visitor's link in st.html had kept the class of the app's own page links
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement("a"), { className: "fl-to", href, textContent: "A visitor's link" });
      (document.querySelector("formlit-app form.fl-app .fl-main") as any).prepend(a);
    }, `${HOST}/evil`);
    await page.getByLabel("Number of filters", { exact: true }).fill("9");
    await page.getByRole("link", { name: "A visitor's link" }).click();
    // the browser follows it as any link (a GET of the page), and nothing more reaches that address
    await expect.poll(() => evil.length).toBeGreaterThan(0);
    await page.waitForURL(`${HOST}/evil`);
    expect(evil).toEqual([{ method: "GET", formlit: false }]);
    await page.context().close();
  });

  test("<formlit-app>: a link loads its page in place, and st.switchPage's redirect is followed across origins", async () => {
    const page = await open("/custom", true);
    await page.locator("formlit-app.fl-js").waitFor();
    await page.getByRole("link", { name: "Forms", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "st.form: batch changes" }).count()).toBe(1);
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.getByRole("button", { name: "Place an order", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "st.form: batch changes" }).count()).toBe(1);
    expect(await page.locator('formlit-app a.fl-nav-link[aria-current="page"]').textContent()).toBe("Forms");
    expect(page.url()).toBe(HOST + "/custom");
    await page.context().close();
  });

  test("an included fragment without JavaScript posts to the app and shows the app's full page", async () => {
    const page = await open("/include", false);
    await page.getByLabel("Number of filters", { exact: true }).fill("7");
    // typed and not applied: the navigation entry is the twin that applies it first
    await page.getByRole("button", { name: "Option 1: entrypoint widget", exact: true }).click();
    await page.waitForURL(APP + "/option_1");
    expect(await page.getByText("The entrypoint's widget holds 7.").count()).toBe(1);
    await page.getByRole("link", { name: "Home", exact: true }).click();
    expect(await page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("7");
    await page.context().close();
  });

  test("an included fragment with JavaScript on the host is enhanced by the client script in place", async () => {
    const page = await open("/include-js", true);
    await page.locator("formlit-app.fl-js").waitFor();
    const input = page.getByLabel("Number of filters", { exact: true });
    await input.waitFor();
    await input.fill("5");
    await input.press("Enter");
    // the rerun has answered when the page drawn holds 5 as the field's own value
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).evaluate((e: HTMLInputElement) => e.defaultValue), { timeout: 20_000 }).toBe("5");
    await page.getByRole("link", { name: "Option 1: entrypoint widget", exact: true }).click();
    await expect.poll(() => page.getByText("The entrypoint's widget holds 5.").count(), { timeout: 20_000 }).toBe(1);
    expect(new URL(page.url()).origin).toBe(HOST);
    await page.context().close();
  });

  test("iframe mode: the app works inside a frame on the host's page, with its session cookie", async () => {
    const page = await open("/iframe", true);
    const frame = page.frameLocator('iframe[title="The embedded app"]');
    await frame.getByLabel("Number of filters", { exact: true }).fill("3");
    await frame.getByLabel("Number of filters", { exact: true }).press("Enter");
    await frame.getByRole("link", { name: "Option 1: entrypoint widget", exact: true }).click();
    await expect.poll(() => frame.getByText("The entrypoint's widget holds 3.").count()).toBe(1);
    const cookies = await page.context().cookies(APP);
    const session = cookies.find((c) => c.name === "formlit");
    expect(session?.sameSite).toBe("None");
    expect(session?.secure).toBe(true);
    await page.context().close();
  });

  test("<formlit-app> that cannot load its app shows a plain link built with the DOM: no markup from src, only http(s) targets", async () => {
    const page = await open("/bad-src", true);
    await expect.poll(() => page.locator("formlit-app a").count()).toBe(4);
    expect(await page.locator("#injected").count()).toBe(0);
    const links = await page.locator("formlit-app a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href"), [...a.attributes].map((x) => x.name)]));
    // the quote in the first address cannot end the href: at most an href, never another attribute
    expect(links[0]![0]).toBe("Open the app");
    expect(links[0]![2]).toEqual(links[0]![1] === null ? [] : ["href"]);
    expect(links.slice(1)).toEqual([
      ["Open the app", null, []],
      ["Open the app", "http://127.0.0.1:9/", ["href"]],
      ["Open the app", null, []],
    ]);
    await page.context().close();
  });

  test("a session that grows to three partitioned cookies and shrinks back keeps working: the stale chunks are deleted", async () => {
    const page = await open("/notes-iframe", false);
    const frame = page.frameLocator('iframe[title="Notes"]');
    const chunks = async () => (await page.context().cookies(APP)).filter((c) => c.name.startsWith("notes")).map((c) => c.name).sort();
    // random text does not compress: about 8 KB of token, three cookies
    const noise = Buffer.from(Array.from({ length: 4500 }, (_, i) => (i * 7919) % 251)).toString("base64").slice(0, 6000);
    await frame.getByLabel("Notes", { exact: true }).fill(noise);
    await frame.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => frame.getByText("notes: 6000 chars").count()).toBe(1);
    expect(await chunks()).toEqual(["notes", "notes.1", "notes.2"]);
    const session = (await page.context().cookies(APP)).find((c) => c.name === "notes");
    expect(session?.sameSite).toBe("None");

    await frame.getByLabel("Notes", { exact: true }).fill("short");
    await frame.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => frame.getByText("notes: 5 chars").count()).toBe(1);
    expect(await chunks()).toEqual(["notes"]);
    // the next requests still carry a session that verifies: no fresh session, the value is kept
    await frame.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => frame.getByText("notes: 5 chars").count()).toBe(1);
    expect(await frame.getByText("could not be verified").count()).toBe(0);
    expect(await frame.getByLabel("Notes", { exact: true }).inputValue()).toBe("short");
    await page.context().close();
  });

  test("the app answers with frame-ancestors naming the host, and CORS only for the host", async () => {
    const res = await fetch(APP + "/_embed/", { headers: { Origin: HOST } });
    expect(res.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${HOST}`);
    expect(res.headers.get("access-control-allow-origin")).toBe(HOST);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    const other = await fetch(APP + "/_embed/", { headers: { Origin: "http://127.0.0.1:9" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const html = await res.text();
    expect(html.startsWith('<div class="formlit-embed"><style>')).toBe(true);
    expect(html).toContain(`action="${APP}/"`);
  });
});
