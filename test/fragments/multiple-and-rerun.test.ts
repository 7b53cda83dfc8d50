/**
 * Streamlit's e2e apps st_fragment_multiple_fragments and the fragment parts of st_rerun, over
 * HTTP with a new app per request: fragments rerun independently, a fragment's exception shows
 * inside it (and goes away with its next rerun), an exception in a fragment during a run of the
 * whole app ends that run, and st.rerun({ scope }) reruns the fragment or the app.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { browse, jsClick, textsIn } from "./support.ts";

const ss = st.sessionState;

describe("st_fragment_multiple_fragments", () => {
  const myFragment = st.fragment((n: number) => {
    st.container({ border: true }).with(() => {
      st.button("rerun this fragment", { key: n });
      ss[`runs${n}`] = ((ss.get(`runs${n}`, 0) as number) + 1);
      st.write(`fragment ${n} ran ${ss[`runs${n}`]} times`);
    });
  });
  let raiseException = false;
  const exceptionRaisingFragment = st.fragment(() => {
    if (st.checkbox("Raise Exception", { value: raiseException })) throw new Error("This is an exception raised in a fragment");
  });
  const app = () =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        raiseException = st.checkbox("Raise Exception in Fragment", { value: false });
        myFragment(1);
        // a fragment that raises an exception during a full app run stops the execution
        exceptionRaisingFragment();
        myFragment(2);
      },
    });
  const writes = (c: ReturnType<typeof browse>) => c.texts();

  test("fragments run independently", async () => {
    const c = browse(app);
    await c.get("/");
    expect(writes(c)).toEqual(["fragment 1 ran 1 times", "fragment 2 ran 1 times"]);
    await c.click("rerun this fragment", 0);
    expect(writes(c)).toEqual(["fragment 1 ran 2 times", "fragment 2 ran 1 times"]);
    await c.click("rerun this fragment", 1);
    expect(writes(c)).toEqual(["fragment 1 ran 2 times", "fragment 2 ran 2 times"]);
    const js = await jsClick(c, "rerun this fragment", 0);
    expect(js.target).toMatch(/^fl-frag-/);
    expect(writes(c)).toEqual(["fragment 1 ran 3 times", "fragment 2 ran 2 times"]);
  });

  test("a fragment's exception shows inside it, the others stay, and it disappears when the fragment reruns", async () => {
    const c = browse(app);
    await c.get("/");
    await c.change("Raise Exception", true);
    expect(c.exceptions()).toEqual([{ type: "Error", message: "This is an exception raised in a fragment" }]);
    expect(c.doc.querySelectorAll(".fl-fragment .fl-exception").length).toBe(1);
    expect(writes(c)).toEqual(["fragment 1 ran 1 times", "fragment 2 ran 1 times"]);
    await c.change("Raise Exception", false);
    expect(c.exceptions()).toEqual([]);
    expect(writes(c)).toEqual(["fragment 1 ran 1 times", "fragment 2 ran 1 times"]);
  });

  test("an exception in a fragment during a run of the whole app ends that run: it shows once, the second fragment is not drawn", async () => {
    const c = browse(app);
    await c.get("/");
    await c.change("Raise Exception in Fragment", true);
    expect(c.exceptions()).toHaveLength(1);
    expect(writes(c)).toEqual(["fragment 1 ran 2 times"]);
  });
});

describe("st_rerun's fragments", () => {
  const myFragment = st.fragment(() => {
    if (st.button("rerun whole app (from fragment)")) st.rerun({ scope: "app" });
    if (st.button("rerun fragment")) {
      ss.fragment_count += 1;
      st.rerun({ scope: "fragment" });
    }
    st.write(`fragment run count: ${ss.fragment_count}`);
    if (ss.fragment_count % 5 !== 0) {
      ss.fragment_count += 1;
      st.rerun({ scope: "fragment" });
    }
  });
  const app = () =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        if (!("count" in ss)) Object.assign(ss, { count: 0, fragment_count: 0 });
        ss.count += 1;
        if (ss.count < 4) st.rerun();
        st.text("Being able to rerun a session is awesome!");
        const s = st.selectbox("i should retain my state", ["a", "b", "c"], { index: null });
        st.write(`selectbox selection: ${s}`);
        myFragment();
        st.write(`app run count: ${ss.count}`);
      },
    });

  test("a fragment-scoped rerun reruns only the fragment, as often as it asks; the app's count stays", async () => {
    const c = browse(app);
    await c.get("/");
    expect(c.texts()).toContain("app run count: 4");
    for (let i = 1; i <= 4; i++) {
      if (i % 2) await c.click("rerun fragment");
      else await jsClick(c, "rerun fragment");
      expect(textsIn(c, ".fl-fragment")).toEqual([`fragment run count: ${i * 5}`]);
      expect(c.texts()).toContain("app run count: 4");
    }
    expect(c.state()).toMatchObject({ count: 4, fragment_count: 20 });
  });

  test("st.rerun() from a fragment reruns the whole app, and widgets outside keep their state", async () => {
    const c = browse(app);
    await c.get("/");
    await c.change("i should retain my state", "a");
    expect(c.texts()).toContain("selectbox selection: a");
    expect(c.texts()).toContain("app run count: 5");
    await c.click("rerun whole app (from fragment)");
    expect(c.texts()).toContain("selectbox selection: a");
    // the click reran the fragment, which asked for one run of the whole app
    expect(c.texts()).toContain("app run count: 6");
  });
});
