/**
 * Fragments' rules, over HTTP with a new app per request: Streamlit's error messages for misuse,
 * fragments in the sidebar and in columns, timers (runEvery), callbacks and clean-up in a fragment's
 * rerun, and what the session records so that the next request, on any isolate, replays the page
 * as it is after fragment reruns.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { browse, jsPost, textsIn } from "./support.ts";

const ss = st.sessionState;
const appOf = (entrypoint: () => void) => () => createApp({ secret: TEST_SECRET, entrypoint });

describe("misuse keeps Streamlit's messages", () => {
  test('st.rerun({ scope: "fragment" }) outside a fragment', async () => {
    const c = browse(appOf(() => st.rerun({ scope: "fragment" })));
    await c.get("/");
    expect(c.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: 'scope="fragment" can only be specified from `@st.fragment`-decorated functions during fragment reruns.' },
    ]);
  });

  test('st.rerun({ scope: "fragment" }) in a fragment during a run of the whole app shows inside the fragment', async () => {
    const frag = st.fragment(() => st.rerun({ scope: "fragment" }));
    const c = browse(appOf(() => frag()));
    await c.get("/");
    expect(c.doc.querySelector(".fl-fragment .fl-exception-message")?.textContent).toContain('scope="fragment" can only be specified');
  });

  test("a fragment may not write widgets to a container made outside it", async () => {
    const frag = st.fragment((outside: ReturnType<typeof st.container>) => outside.button("x"));
    const c = browse(appOf(() => frag(st.container())));
    await c.get("/");
    expect(c.exceptions()).toEqual([{ type: "StreamlitFragmentWidgetsNotAllowedOutsideError", message: "Fragments cannot write widgets to outside containers." }]);
  });

  test("st.sidebar inside a fragment is refused; a fragment called inside st.sidebar.with works", async () => {
    const direct = st.fragment(() => st.sidebar.write("no"));
    let c = browse(appOf(() => direct()));
    await c.get("/");
    expect(c.exceptions()[0]!.message).toBe(
      "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write elements to the sidebar with a fragment, call your fragment function inside a `with st.sidebar` context manager.",
    );
    const inSidebar = st.fragment(() => {
      ss.sideRuns = (ss.get("sideRuns", 0) as number) + 1;
      st.checkbox("side box");
      st.write(`side fragment ran ${ss.sideRuns} times`);
    });
    c = browse(
      appOf(() => {
        ss.appRuns = (ss.get("appRuns", 0) as number) + 1;
        st.sidebar.with(() => inSidebar());
        st.write(`app ran ${ss.appRuns} times`);
      }),
    );
    await c.get("/");
    await c.change("side box", true);
    expect(textsIn(c, ".fl-sidebar")).toEqual(["side fragment ran 2 times"]);
    expect(c.texts()).toContain("app ran 1 times");
    expect(c.exceptions()).toEqual([]);
  });

  test("a fragment in a column reruns alone and stays in its column", async () => {
    const frag = st.fragment(() => {
      ss.colRuns = (ss.get("colRuns", 0) as number) + 1;
      st.button("in column");
      st.write(`column fragment ran ${ss.colRuns} times`);
    });
    const c = browse(
      appOf(() => {
        const [, right] = st.columns(2);
        right!.with(() => frag());
        ss.appRuns = (ss.get("appRuns", 0) as number) + 1;
      }),
    );
    await c.get("/");
    await c.click("in column");
    expect(textsIn(c, ".fl-column:nth-child(2) .fl-fragment")).toEqual(["column fragment ran 2 times"]);
    expect(c.state()).toMatchObject({ appRuns: 1, colRuns: 2 });
  });

  test("an async fragment reruns alone too; tabs inside a fragment keep their names when it reruns", async () => {
    const frag = st.fragment(async () => {
      await Promise.resolve();
      ss.asyncRuns = (ss.get("asyncRuns", 0) as number) + 1;
      const [a] = st.tabs(["One", "Two"]);
      a!.button("async button");
      st.write(`async fragment ran ${ss.asyncRuns} times`);
    });
    const c = browse(
      appOf(async () => {
        st.tabs(["Outside"]);
        await frag();
        st.write("after the fragment");
      }),
    );
    await c.get("/");
    const names = () => [...c.doc.querySelectorAll(".fl-tab-radio")].map((r: any) => r.getAttribute("name"));
    const before = names();
    expect(new Set(before).size).toBe(2);
    const swapped = await jsPost(c, c.widget("async button").querySelector("button"));
    expect(swapped.target).toMatch(/^fl-frag-/);
    expect(c.texts()).toEqual(["async fragment ran 2 times", "after the fragment"]);
    expect(names()).toEqual(before);
  });

  test("a runEvery that is no duration gives Streamlit's message", async () => {
    const c = browse(appOf(() => st.fragment(() => 1, { runEvery: "soon" })()));
    await c.get("/");
    expect(c.exceptions()[0]!.message).toBe("Time string doesn't look right. It should be formatted as`'1d2h34m'` or `2 days`, for example. Got: soon");
  });
});

describe("runEvery", () => {
  const ticking = st.fragment(
    () => {
      ss.ticks = (ss.get("ticks", 0) as number) + 1;
      st.write(`ticked ${ss.ticks}`);
    },
    { runEvery: "2s" },
  );
  const app = appOf(() => {
    ss.appRuns = (ss.get("appRuns", 0) as number) + 1;
    ticking();
    st.textInput("name", { key: "name" });
  });

  test("the fragment carries its interval; a timer's post naming it reruns only it", async () => {
    const c = browse(app);
    await c.get("/");
    const el = c.doc.querySelector(".fl-fragment");
    expect(el.getAttribute("data-run-every")).toBe("2");
    const swapped = await jsPost(c, null, { _frag: el.getAttribute("data-fragment") });
    expect(swapped.target).toBe(el.getAttribute("id"));
    expect(textsIn(c, ".fl-fragment")).toEqual(["ticked 2"]);
    expect(c.state()).toMatchObject({ appRuns: 1, ticks: 2 });
  });

  test("a post naming no fragment of the page (or a change outside the fragment) runs the whole app", async () => {
    const c = browse(app);
    await c.get("/");
    const swapped = await jsPost(c, null, { _frag: "nonsense" });
    expect(c.status).toBe(200);
    expect(swapped.target).toBeNull();
    expect(c.state()).toMatchObject({ appRuns: 2 });
    c.set("name", "Ada");
    const id = c.doc.querySelector(".fl-fragment").getAttribute("data-fragment");
    const body = c.formData(null);
    body.set("_frag", id);
    await c.request("POST", "/", body);
    expect(c.state()).toMatchObject({ appRuns: 3, name: "Ada" });
  });
});

describe("callbacks, clean-up and the next request", () => {
  const clicked: unknown[] = [];
  const frag = st.fragment((n: number) => {
    st.button(`add ${n}`, { onClick: (k: number) => (ss.total += k), args: [n] });
    if (st.checkbox(`details ${n}`, { key: `details${n}` })) st.textInput(`note ${n}`, { key: `note${n}` });
    ss[`runs${n}`] = (ss.get(`runs${n}`, 0) as number) + 1;
    st.write(`fragment ${n}: ${ss[`runs${n}`]} runs, total ${ss.total}`);
  });
  const app = appOf(() => {
    if (!("total" in ss)) ss.total = 0;
    ss.appRuns = (ss.get("appRuns", 0) as number) + 1;
    st.textInput("outside", { key: "outside", onChange: (tag: string) => clicked.push(tag), args: [`app run ${ss.appRuns}`] });
    frag(1);
    frag(10);
    st.write(`app: ${ss.appRuns} runs, total ${ss.total}`);
  });

  test("a fragment's callback fires with the arguments of the run that drew it, before the fragment reruns", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("add 10");
    await c.click("add 1");
    expect(c.texts()).toEqual(["fragment 1: 2 runs, total 11", "fragment 10: 2 runs, total 10", "app: 1 runs, total 0"]);
    expect(c.state()).toMatchObject({ total: 11, appRuns: 1 });
  });

  test("after fragment reruns the page shows each fragment's latest output, and the session records one rerun per fragment", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("add 1");
    await c.click("add 10");
    await c.click("add 1");
    expect(c.texts()).toEqual(["fragment 1: 3 runs, total 12", "fragment 10: 2 runs, total 11", "app: 1 runs, total 0"]);
    expect(c.session().fr?.map(([id]) => id)).toHaveLength(2);
    // the next run of the whole app sees everything, and starts the record afresh
    clicked.length = 0;
    await c.change("outside", "hi");
    expect(clicked).toEqual(["app run 1"]);
    expect(c.texts()).toEqual(["fragment 1: 4 runs, total 12", "fragment 10: 3 runs, total 12", "app: 2 runs, total 12"]);
    expect(c.session().fr).toBeUndefined();
  });

  test("clean-up after a fragment's rerun drops only that fragment's widgets it did not draw again", async () => {
    const c = browse(app);
    await c.get("/");
    await c.change("outside", "kept");
    await c.change("details 1", true);
    await c.change("note 1", "a note");
    await c.change("details 10", true);
    await c.change("note 10", "other");
    expect(c.state()).toMatchObject({ outside: "kept", note1: "a note", note10: "other" });
    await c.change("details 1", false);
    const state = c.state();
    expect(state).not.toHaveProperty("note1");
    expect(state).toMatchObject({ outside: "kept", note10: "other", details10: true });
    expect(c.value("note 10")).toBe("other");
  });
});
