/**
 * What an isolate keeps between requests to draw faster (number formatters, the emoji check of
 * icons, the time zone's offset formatter, Mermaid's SVG rewritten for the page, inline Markdown,
 * the parsed cookies, plain copies of widget values, the page menu) keeps only pure results: the
 * pages are the same byte for byte on cold isolates (a new app per request) and on a warm one, on
 * the first request (nothing kept yet in this file's modules) and on later ones, and what the
 * script does to a widget's returned list never reaches the session.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableMermaid } from "../../src/mermaid.ts";
import { TEST_SECRET as secret, type FormClient } from "../support/client.ts";
import { clientOn, onBothIsolates } from "../support/isolates.ts";

enableMermaid();

const entrypoint = () => {
  st.metric("Revenue", 1234567, { format: "compact", delta: 0.125, deltaDescription: "since May" });
  st.metric("Price", 19.5, { format: "dollar", icon: "🇩🇪" });
  st.button("Launch", { icon: "🚀", key: "go" });
  st.info("Saved", { icon: "👨‍👩‍👧" });
  st.caption("Plain caption words");
  st.caption("A **bold** caption");
  st.mermaidChart("graph TD\n  A[Post] --> B[Run]\n  B --> C[Page]");
  const picks = st.multiselect("Picks", ["a", "b", "c"], { default: ["a"], key: "picks" });
  (picks as string[]).push("changed by the script");
  st.text(`kept: ${JSON.stringify(st.sessionState.picks)}; zone ${st.context.timezone} at ${st.context.timezoneOffset}`);
};

/** The app's part of the page, without what differs by session (CSRF token, nonce, the session's own values). */
const drawn = (client: FormClient) =>
  String(client.doc.querySelector("main")?.innerHTML ?? "")
    .replace(/nonce="[^"]*"/g, "")
    .replace(/name="_(csrf|v|run)" value="[^"]*"/g, "");

test("kept renderings: cold and warm isolates, first and later requests, draw the same page", async () => {
  const pages: Record<string, string[]> = { cold: [], warm: [] };
  await onBothIsolates(async (isolates, watch) => {
    const client = watch(clientOn(isolates, () => createApp({ secret, entrypoint })));
    for (let round = 0; round < 2; round++) {
      await client.get("/");
      pages[isolates]!.push(drawn(client));
      const form = client.formData(null);
      form.set("_tz", "Asia/Kolkata");
      await client.request("POST", "/", form);
      pages[isolates]!.push(drawn(client));
    }
    expect(client.exceptions()).toEqual([]);
    expect(client.texts()).toContain('kept: ["a"]; zone Asia/Kolkata at -330');
  });
  const [first] = pages.cold;
  expect(first).toContain("1.2M");
  expect(first).toContain("$19.50");
  expect(first).toContain("🚀");
  expect(first).toContain("<strong>bold</strong>");
  expect(first).toMatch(/<figure class="fl-chart fl-mermaid"[\s\S]*>Run<\/text>/);
  // the first request of the file (nothing kept yet) draws what every later one draws
  expect(pages.cold.slice(0, 1).concat(pages.cold.slice(2, 3), pages.warm.filter((_, i) => i % 2 === 0))).toEqual(Array(4).fill(first));
  expect(pages.warm).toEqual(pages.cold);
});

test("the kept page menu: cold and warm isolates, first and later requests, draw the same menu for each page shown", async () => {
  const menus: Record<string, string[]> = { cold: [], warm: [] };
  const app = () =>
    createApp({
      secret,
      entrypoint: () =>
        st
          .navigation({
            "": [st.Page(() => st.write("home"), { title: "**Home**", urlPath: "home", default: true })],
            "Reports & costs": [st.Page(() => st.write("r"), { title: "Sales: Q1", urlPath: "sales", icon: "📈" })],
          })
          .run(),
    });
  const menu = (client: FormClient) => String(client.doc.querySelector("nav.fl-nav")?.outerHTML ?? "");
  await onBothIsolates(async (isolates, watch) => {
    const client = watch(clientOn(isolates, app));
    for (const path of ["/", "/sales?x=1", "/", "/sales?x=1"]) {
      await client.get(path);
      menus[isolates]!.push(menu(client));
    }
    expect(client.exceptions()).toEqual([]);
  });
  const [home, sales] = menus.cold;
  expect(home).toContain("<strong>Home</strong>");
  expect(home).toContain("Reports &amp; costs");
  expect(sales).toMatch(/href="[^"]*\/sales\?x=1"[^>]*aria-current="page"/);
  expect(home).not.toEqual(sales);
  expect(menus.cold).toEqual([home, sales, home, sales]);
  expect(menus.warm).toEqual(menus.cold);
});
