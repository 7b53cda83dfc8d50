/** Duplicate ids and keys, changing parameters, `del`, early-ending runs, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import type { PageFn } from "../../src/navigation/page.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const app = (entrypoint: () => unknown) => () => createApp({ secret, entrypoint });
/** `st.Page("a.py")`: a page file's title and url path are its name. */
const file = (name: string, fn: PageFn) => st.Page(fn, { title: name, urlPath: name });

/** Python's ValueError. */
class ValueError extends Error {
  override name = "ValueError";
}

describe("oracle: duplicate ids and keys (s10)", () => {
  test("s10a_duplicate_unkeyed: two identical unkeyed widgets", async () => {
    await replay({
      trace: "s10a_duplicate_unkeyed",
      app: app(() => {
        st.numberInput("Same");
        st.numberInput("Same");
      }),
    });
  });

  test("s10b_duplicate_key: two widgets with one key", async () => {
    await replay({
      trace: "s10b_duplicate_key",
      app: app(() => {
        st.numberInput("One", { key: "k" });
        st.textInput("Two", { key: "k" });
      }),
    });
  });

  test("s10c_duplicate_main_and_sidebar: the sidebar does not make a widget different", async () => {
    await replay({
      trace: "s10c_duplicate_main_and_sidebar",
      app: app(() => {
        st.sidebar.numberInput("Same");
        st.numberInput("Same");
      }),
    });
  });

  test("s10d_same_key_entry_and_page: a key used by the entrypoint and a page", async () => {
    await replay({
      trace: "s10d_same_key_entry_and_page",
      app: app(async () => {
        st.sidebar.numberInput("Number of filters", { key: "filters" });
        const a = () => {
          st.markdown("PAGE a");
          st.numberInput("Number of filters", { key: "filters" });
        };
        const pg = st.navigation([file("a", a), file("b", () => st.markdown("PAGE b"))]);
        await pg.run();
      }),
    });
  });
});

describe("oracle: changing parameters, del (s11, s12)", () => {
  // Streamlit 1.51/1.53 changed this trace: keyed number inputs keep their value (see its changed_in)
  test("s11_changing_params: an unkeyed widget whose parameters change is a new widget; a keyed one keeps its value", async () => {
    await replay({
      trace: "s11_changing_params",
      app: app(() => {
        const mode = st.checkbox("mode", { key: "mode" });
        const label = mode ? "Label B" : "Label A";
        const mx = mode ? 50 : 100;
        st.numberInput(label, { maxValue: mx, key: undefined });
        st.numberInput("keyed " + label, { maxValue: mx, key: "kn" });
        st.numberInput("keyed same label", { maxValue: mx, key: "ks" });
      }),
    });
  });

  test("s12_del_state: deleting a widget's key resets it; deleting a missing key raises", async () => {
    await replay({
      trace: "s12_del_state",
      app: app(() => {
        if (st.checkbox("delete", { key: "do_del" })) delete ss["n"];
        if (st.checkbox("delete missing", { key: "do_del_missing" })) delete ss["nope"];
        st.numberInput("n", { key: "n", value: 1 });
      }),
    });
  });
});

describe("oracle: runs that end early (s13)", () => {
  test("s13a_stop_midscript: st.stop() keeps the state of widgets not rendered", async () => {
    await replay({
      trace: "s13a_stop_midscript",
      app: app(() => {
        const stop = st.checkbox("stop", { key: "stop" });
        st.numberInput("before", { key: "before" });
        if (stop) st.stop();
        st.numberInput("after", { key: "after" });
      }),
    });
  });

  test("s13b_exception_midscript: an exception keeps the state of widgets not rendered", async () => {
    await replay({
      trace: "s13b_exception_midscript",
      app: app(() => {
        const boom = st.checkbox("boom", { key: "boom" });
        st.numberInput("before", { key: "before" });
        if (boom) throw new ValueError("kaboom");
        st.numberInput("after", { key: "after" });
      }),
    });
  });
});
