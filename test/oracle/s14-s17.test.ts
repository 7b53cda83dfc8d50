/** Pages-directory mode, callback args and failures, buttons across pages, st.switchPage, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";
import type { PageFn } from "../../src/navigation/page.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const app = (entrypoint: () => unknown) => () => createApp({ secret, entrypoint });
/** `st.Page("a.py")`: a page file's title and url path are its name. */
const file = (name: string, fn: PageFn) => st.Page(fn, { title: name, urlPath: name });
/** Python's repr of a tuple (`*args`). */
const reprTuple = (items: unknown[]) => (items.length === 1 ? `(${repr(items[0])},)` : `(${items.map(repr).join(", ")})`);
/** pages-directory mode: "app.py" is the home page, "pages/other.py" the page titled "other". */
const pagesDir = { pageTitles: { "app.py": "Home", "pages/other.py": "other" }, pageNames: { Home: "app" } };

/** Python's ValueError. */
class ValueError extends Error {
  override name = "ValueError";
}

describe("oracle: pages-directory mode (s14)", () => {
  test("s14_mpa_v1: the entrypoint is the home page and does not run on other pages", async () => {
    await replay({
      trace: "s14_mpa_v1",
      ...pagesDir,
      app: () =>
        createApp({
          secret,
          entrypoint: () => {
            st.markdown("PAGE main");
            st.numberInput("Number of filters", { key: "filters" });
          },
          pages: [st.Page(() => st.markdown("PAGE other"), { title: "other", urlPath: "other" })],
        }),
    });
  });
});

describe("oracle: callbacks' args and failures (s15)", () => {
  test("s15a_callback_args_own_key: callbacks get their args and see their own new value", async () => {
    // Python's kwargs={"k": "v"} is passed as a final object argument.
    const onN = (...args: unknown[]) => {
      const kwargs = args.pop();
      ss.log.push(`on_n args=${reprTuple(args)} kwargs=${repr(kwargs)} n=${repr(ss.n)} m=${repr(ss.m)} btn=${repr(ss.get("btn"))}`);
    };
    const onM = () => {
      ss.log.push(`on_m sees m=${repr(ss.m)}`);
      ss.m = ss.m + 100;
    };
    const onBtn = (x: string) => {
      ss.log.push(`on_btn x=${repr(x)} btn=${repr(ss.btn)} n=${repr(ss.n)}`);
    };
    await replay({
      trace: "s15a_callback_args_own_key",
      app: app(() => {
        if (!("log" in ss)) ss.log = [];
        st.numberInput("n", { key: "n", value: 0, onChange: onN, args: [1, "a", { k: "v" }] });
        st.numberInput("m", { key: "m", value: 0, onChange: onM });
        const clicked = st.button("btn", { key: "btn", onClick: onBtn, args: ["X"] });
        st.text(`btn returned ${repr(clicked)}; ss.btn in script = ${repr(ss.btn)}`);
        st.text("log: " + repr(ss.log));
      }),
    });
  });

  test("s15b_callback_raises: a callback that raises ends the run; a callback's output shows first", async () => {
    const bad = () => {
      throw new ValueError("cb failed");
    };
    const writer = () => {
      st.text("written inside callback");
    };
    await replay({
      trace: "s15b_callback_raises",
      app: app(() => {
        st.text("script body ran");
        st.numberInput("n", { key: "n", onChange: bad });
        st.numberInput("w", { key: "w", onChange: writer });
        st.text("end of script");
      }),
    });
  });
});

describe("oracle: switching pages (s16, s17)", () => {
  test("s16_nav_buttons: entrypoint and page buttons", async () => {
    await replay({
      trace: "s16_nav_buttons",
      app: app(async () => {
        const eb = st.button("Entry btn", { key: "eb" });
        st.text(`entry button returned ${repr(eb)}`);
        const a = () => {
          st.markdown("PAGE a");
          const pb = st.button("Page btn", { key: "pb" });
          st.text(`page button returned ${repr(pb)}`);
        };
        const pg = st.navigation([file("a", a), file("b", () => st.markdown("PAGE b"))]);
        await pg.run();
      }),
    });
  });

  test("s17a_switch_page_nav: st.switchPage ends the run and shows the other page", async () => {
    const cbSwitch = () => {
      ss.cb_ran = true;
      st.switchPage("b");
    };
    const a = () => {
      st.markdown("PAGE a");
      st.checkbox("ka", { key: "ka" });
      if (st.button("to b")) {
        ss.before_switch = true;
        st.switchPage("b");
        ss.after_switch = true; // never reached
      }
      st.button("cb to b", { onClick: cbSwitch });
    };
    const b = () => {
      st.markdown("PAGE b");
      st.text("keys on b: " + repr(Object.keys(ss).sort()));
      if (st.button("back to a")) st.switchPage("a");
    };
    await replay({
      trace: "s17a_switch_page_nav",
      app: app(async () => {
        const pg = st.navigation([file("a", a), file("b", b)]);
        await pg.run();
      }),
    });
  });

  test("s17b_switch_page_v1: st.switchPage in pages-directory mode", async () => {
    const other = () => {
      st.markdown("PAGE other");
      st.text("keys on other: " + repr(Object.keys(ss).sort()));
      if (st.button("to main")) st.switchPage("/"); // "app.py": the home page
    };
    await replay({
      trace: "s17b_switch_page_v1",
      ...pagesDir,
      app: () =>
        createApp({
          secret,
          entrypoint: () => {
            st.markdown("PAGE main");
            st.numberInput("main n", { key: "main_n" });
            if (st.button("to other")) st.switchPage("other");
          },
          pages: [st.Page(other, { title: "other", urlPath: "other" })],
        }),
    });
  });
});
