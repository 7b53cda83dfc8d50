/** The seed's three options and their contrasts, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import type { PageFn } from "../../src/navigation/page.ts";
import { repr } from "./py.ts";

const secret = TEST_SECRET;
const pageA = () => st.markdown("PAGE a");
const pageB = () => st.markdown("PAGE b");
Object.defineProperty(pageA, "name", { value: "a" });
Object.defineProperty(pageB, "name", { value: "b" });
/** `st.Page("a.py")`: a page file's title and url path are its name. */
const file = (name: string, fn: PageFn) => st.Page(fn, { title: name, urlPath: name });
const ss = st.sessionState;

describe("oracle: the seed's options", () => {
  test("s01_nav_entry_widget: an entrypoint widget keeps its value on every page", async () => {
    await replay({
      trace: "s01_nav_entry_widget",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            st.numberInput("Number of filters", { key: "filters" });
            const pg = st.navigation([st.Page(pageA), st.Page(pageB)]);
            await pg.run();
          },
        }),
    });
  });

  // Streamlit 1.46 changed this trace: page b no longer sees 'filters' during its run (changed_in)
  test("s02c_keyed_only_on_a: a page widget's key leaves state before another page runs", async () => {
    await replay({
      trace: "s02c_keyed_only_on_a",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              st.markdown("PAGE a");
              st.numberInput("Number of filters", { key: "filters" });
            };
            const b = () => {
              st.markdown("PAGE b");
              st.text("in-script keys: " + repr(Object.keys(st.sessionState).sort()));
            };
            await st.navigation([st.Page(a, { urlPath: "a", title: "a" }), st.Page(b, { urlPath: "b", title: "b" })]).run();
          },
        }),
    });
  });

  test("s01b_nav_entry_widget_after_run: an entrypoint widget rendered after the page keeps its value", async () => {
    await replay({
      trace: "s01b_nav_entry_widget_after_run",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const pg = st.navigation([file("a", () => st.markdown("PAGE a")), file("b", () => st.markdown("PAGE b"))]);
            await pg.run();
            // entrypoint widget rendered AFTER the page body
            st.sidebar.numberInput("Number of filters", { key: "filters" });
          },
        }),
    });
  });

  test("s02a_page_widget_keyed: the same keyed widget on two pages is two widgets", async () => {
    await replay({
      trace: "s02a_page_widget_keyed",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              st.markdown("PAGE a");
              st.numberInput("Number of filters", { key: "filters" });
            };
            const b = () => {
              st.markdown("PAGE b");
              st.numberInput("Number of filters", { key: "filters" });
            };
            const pg = st.navigation([file("a", a), file("b", b)]);
            await pg.run();
          },
        }),
    });
  });

  test("s02b_page_widget_unkeyed: an unkeyed page widget resets when switching pages", async () => {
    await replay({
      trace: "s02b_page_widget_unkeyed",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              st.markdown("PAGE a");
              st.numberInput("Number of filters");
            };
            const b = () => {
              st.markdown("PAGE b");
              st.numberInput("Number of filters");
            };
            const pg = st.navigation([file("a", a), file("b", b)]);
            await pg.run();
          },
        }),
    });
  });

  test("s03a_copy_pattern: copying to and from a shadow key keeps the value across pages", async () => {
    await replay({
      trace: "s03a_copy_pattern",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              st.markdown("PAGE a");
              if (!("my_key" in ss)) ss.my_key = 0;
              const storeValue = () => {
                ss["my_key"] = ss["_my_key"];
              };
              const loadValue = () => {
                ss["_my_key"] = ss["my_key"];
              };
              loadValue();
              st.numberInput("Number of filters", { key: "_my_key", onChange: storeValue });
            };
            const pg = st.navigation([file("a", a), file("b", () => st.markdown("PAGE b"))]);
            await pg.run();
          },
        }),
    });
  });

  test("s03b_copy_pattern_func: the copy pattern with a module-level callback and args", async () => {
    await replay({
      trace: "s03b_copy_pattern_func",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const pg = st.navigation([file("a", copyPatternPage), file("b", () => st.markdown("PAGE b"))]);
            await pg.run();
          },
        }),
    });
  });

  test("s03c_copy_pattern_noinit: loading an uninitialised key raises KeyError", async () => {
    await replay({
      trace: "s03c_copy_pattern_noinit",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              st.markdown("PAGE a");
              const storeValue = () => {
                ss["my_key"] = ss["_my_key"];
              };
              const loadValue = () => {
                ss["_my_key"] = ss["my_key"];
              };
              loadValue();
              st.numberInput("Number of filters", { key: "_my_key", onChange: storeValue });
            };
            const pg = st.navigation([file("a", a), file("b", () => st.markdown("PAGE b"))]);
            await pg.run();
          },
        }),
    });
  });

  test("s04a_reassign_unguarded: reassigning a missing key raises", async () => {
    await replay({
      trace: "s04a_reassign_unguarded",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              ss.my_key = ss.my_key;
              st.markdown("PAGE a");
              st.numberInput("Number of filters", { key: "my_key" });
            };
            const b = () => {
              ss.my_key = ss.my_key;
              st.markdown("PAGE b");
            };
            const pg = st.navigation([file("a", a), file("b", b)]);
            await pg.run();
          },
        }),
    });
  });

  test("s04b_reassign_guarded: re-saving a widget's key keeps it on a page without the widget", async () => {
    await replay({
      trace: "s04b_reassign_guarded",
      app: () =>
        createApp({
          secret,
          entrypoint: async () => {
            const a = () => {
              if ("my_key" in ss) ss.my_key = ss.my_key;
              st.markdown("PAGE a");
              st.numberInput("Number of filters", { key: "my_key" });
            };
            const b = () => {
              if ("my_key" in ss) ss.my_key = ss.my_key;
              st.markdown("PAGE b");
            };
            const pg = st.navigation([file("a", a), file("b", b)]);
            await pg.run();
          },
        }),
    });
  });

  test("s05_hidden_widget: a widget not rendered loses its state, and comes back with its default", async () => {
    await replay({
      trace: "s05_hidden_widget",
      app: () =>
        createApp({
          secret,
          entrypoint: () => {
            const show = st.checkbox("show", { value: true });
            st.text("keys before widget: " + repr(Object.keys(ss).sort()));
            if (show) st.numberInput("n", { key: "n", value: 1 });
          },
        }),
    });
  });
});

function storeValue(key: string) {
  ss[key] = ss["_" + key];
}

function loadValue(key: string) {
  ss["_" + key] = ss[key];
}

function copyPatternPage() {
  st.markdown("PAGE a");
  if (!("my_key" in ss)) ss.my_key = 0;
  loadValue("my_key");
  st.numberInput("Number of filters", { key: "_my_key", onChange: storeValue, args: ["my_key"] });
}
