/**
 * When a page's widgets leave session state on a visit to another page (Streamlit 1.46): at the
 * start of the new page's run, not at its end. The entrypoint's widgets stay, and so does a key
 * the app re-saves (the seed's option 3), as Streamlit's page-change clean-up leaves them.
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { browse, expectClean, secret, ss, test, values } from "./support.ts";

/** What the top of a page sees of a key. */
const atTop = (key: string) => st.text(`${key} at the top: ${key in ss ? JSON.stringify(ss[key]) : "none"}`);

describe("a page change drops the left page's widgets before the new page runs", () => {
  test("a page reading a left page's key at its top sees nothing; an entrypoint widget's key is still there", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          const a = () => {
            atTop("on_a");
            st.numberInput("on a", { key: "on_a" });
          };
          const b = () => {
            atTop("on_a");
            atTop("kept");
          };
          await st.navigation([st.Page(a, { title: "A", urlPath: "a" }), st.Page(b, { title: "B", urlPath: "b" })]).run();
          // drawn after the page: the page reads it before the entrypoint draws it in this run
          st.sidebar.numberInput("kept", { key: "kept" });
        },
      }),
    );
    await client.get("/");
    client.set("on a", 4).set("kept", 3);
    await client.apply();
    expectClean(client);
    expect(client.texts()).toEqual(["on_a at the top: 4"]);

    // the same page again keeps its own widgets
    await client.reload();
    expect(client.texts()).toEqual(["on_a at the top: 4"]);

    await client.nav("B");
    expectClean(client);
    expect(client.texts()).toEqual(["on_a at the top: none", "kept at the top: 3"]);
    expect(client.state()).toEqual({ kept: 3 });

    await client.nav("A");
    expectClean(client);
    expect(client.texts()).toEqual(["on_a at the top: none"]);
    expect(values(client)).toEqual({ "on a": 0, kept: 3 });
  });

  test("a key the entrypoint re-saves (the seed's option 3) survives the change and is there at the new page's top", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          if ("resaved" in ss) ss.resaved = ss.resaved;
          const a = () => st.numberInput("on a", { key: "resaved" });
          const b = () => atTop("resaved");
          await st.navigation([st.Page(a, { title: "A", urlPath: "a" }), st.Page(b, { title: "B", urlPath: "b" })]).run();
        },
      }),
    );
    await client.get("/");
    await client.change("on a", 4);
    expectClean(client);

    await client.nav("B");
    expectClean(client);
    expect(client.texts()).toEqual(["resaved at the top: 4"]);
    expect(client.state()).toEqual({ resaved: 4 });

    await client.nav("A");
    expectClean(client);
    expect(values(client)).toEqual({ "on a": 4 });
  });

  test("a page's own re-save at its top keeps its key for the new page's run only", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          const a = () => {
            if ("own" in ss) ss.own = ss.own;
            st.numberInput("on a", { key: "own" });
          };
          const b = () => atTop("own");
          await st.navigation([st.Page(a, { title: "A", urlPath: "a" }), st.Page(b, { title: "B", urlPath: "b" })]).run();
        },
      }),
    );
    await client.get("/");
    await client.change("on a", 4);

    // re-saved in A's last run: still there while B runs, gone at its end (B does not re-save it)
    await client.nav("B");
    expectClean(client);
    expect(client.texts()).toEqual(["own at the top: 4"]);
    expect(client.state()).toEqual({});

    await client.nav("A");
    expect(values(client)).toEqual({ "on a": 0 });
  });
});
