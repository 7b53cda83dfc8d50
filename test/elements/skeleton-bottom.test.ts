/**
 * st.skeleton and st.bottom over HTTP. A skeleton is a pulsing placeholder of its size until
 * content replaces it; with `.with(fn)` it is gone when `fn` ends and what `fn` wrote stays where
 * the skeleton was called. st.bottom is one container drawn after the main area's flow, in the
 * sticky part where a chat input on the main area goes too.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk, showErrors } from "../support/browse.ts";

describe("st.skeleton", () => {
  test("a placeholder of the height asked (a widget's by default), announced as loading; the first element written to it takes its place", async () => {
    const client = browse(() => {
      st.skeleton();
      st.skeleton(120, { width: 300 });
      st.skeleton("stretch");
      const slot = st.skeleton(80);
      slot.text("first");
      slot.text("second");
    });
    await client.get("/");
    expectOk(client);
    const sk = [...client.doc.querySelectorAll(".fl-skeleton")] as any[];
    expect(sk.map((s) => s.getAttribute("style"))).toEqual([null, "height:120px;width:300px;max-width:100%;", "height:100%;"]);
    expect(sk.map((s) => [s.getAttribute("role"), s.textContent])).toEqual(Array(3).fill(["status", "Loading…"]));
    expect(client.texts()).toEqual(["second"]);
    expect(client.doc.querySelectorAll("[data-kind=skeleton]").length).toBe(4);
  });

  test("with(fn): gone when fn ends (sync or async, or when it throws); what fn writes goes to the container it was called on", async () => {
    const client = browse(async () => {
      const [left] = st.columns(2);
      left!.skeleton(50).with(() => st.text("in the column"));
      await st.skeleton().with(async () => {
        await Promise.resolve();
        st.text("after an await");
      });
      try {
        st.skeleton().with(() => {
          throw new Error("failed");
        });
      } catch {
        st.text("caught");
      }
    });
    await client.get("/");
    expectOk(client);
    expect(client.doc.querySelectorAll(".fl-skeleton").length).toBe(0);
    expect(client.doc.querySelector(".fl-column").textContent).toBe("in the column");
    expect(client.texts()).toEqual(["in the column", "after an await", "caught"]);
  });

  test("Streamlit's errors for a bad height or width", async () => {
    const client = browse(() => {
      showErrors([() => st.skeleton(0), () => st.skeleton("content" as never), () => st.skeleton(10, { width: "content" as never })]);
    });
    await client.get("/");
    expect(client.texts()).toEqual([
      "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or None.",
      "Invalid height value: 'content'. Height must be either a positive integer (pixels), 'stretch', or None.",
      "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
    ]);
  });
});

describe("st.bottom", () => {
  test("one container after the flow, in the pinned part with the chat input; with() and method calls both write there", async () => {
    const client = browse(() => {
      st.bottom.text("pinned one");
      st.text("in the flow");
      st.chatInput("Say something");
      st.bottom.with(() => st.button("Pinned button"));
      st.text("more flow");
    });
    await client.get("/");
    expectOk(client);
    const main = client.doc.querySelector(".fl-main");
    const pinned = main.querySelector(".fl-bottom");
    expect(pinned.parentNode).toBe(main);
    expect(main.lastElementChild).toBe(pinned);
    expect(pinned.querySelectorAll("[data-kind=bottom]").length).toBe(1);
    expect([...pinned.querySelectorAll(".fl-text")].map((t: any) => t.textContent)).toEqual(["pinned one"]);
    expect(pinned.querySelector("[data-kind=bottom] [data-kind=button]")).not.toBeNull();
    expect(pinned.querySelector("[data-kind=chat_input]")).not.toBeNull();
    expect(client.texts()).toEqual(["in the flow", "more flow", "pinned one"]);
  });

  test("a button in st.bottom works like any other (its press reaches the script)", async () => {
    const client = browse(() => {
      if (st.bottom.button("Add")) st.sessionState.n = st.sessionState.get("n", 0) + 1;
      st.text(`n ${st.sessionState.get("n", 0)}`);
    });
    await client.get("/");
    await client.click("Add");
    expectOk(client);
    expect(client.texts()).toEqual(["n 1"]);
  });

  test("not in the sidebar, nor in a fragment", async () => {
    const client = browse(() => {
      try {
        st.sidebar.with(() => st.bottom.text("x"));
      } catch (err) {
        st.text((err as Error).message);
      }
      st.fragment(() => {
        try {
          st.bottom.text("y");
        } catch (err) {
          st.text((err as Error).message);
        }
      })();
    });
    await client.get("/");
    expect(client.texts()).toEqual([
      "`st.bottom` is only available in the main area of the app, not in `st.sidebar`.",
      "Calling `st.bottom` in a function wrapped with `st.fragment` is not supported.",
    ]);
    expect(client.doc.querySelector(".fl-bottom")).toBeNull();
  });

  test("the page's stylesheet pins it: sticky at the bottom of the main column, on the page's background", async () => {
    const client = browse(() => st.bottom.text("pinned"));
    await client.get("/");
    const css = await client.stylesheet();
    expect(css).toContain(".fl-bottom{position:sticky;bottom:0;z-index:1;background:var(--fl-bg)");
  });
});
