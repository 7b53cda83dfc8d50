/**
 * Conformance scenarios 1-5: the seed's three options for keeping a widget's value across pages,
 * and their contrasts (shared/conformance/README.md; traces s01-s04, s14 in shared/oracle).
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { browse, expectClean, labels, secret, ss, test } from "./support.ts";

const LABEL = "Number of filters";

function pageA() {
  st.markdown("PAGE a");
}
function pageB() {
  st.markdown("PAGE b");
}
const A = (fn: () => unknown = pageA) => st.Page(fn, { title: "A", urlPath: "a", default: true });
const B = (fn: () => unknown = pageB) => st.Page(fn, { title: "B", urlPath: "b" });

describe("1. entrypoint widget (seed option 1)", () => {
  test("a keyed widget in the entrypoint keeps its value on every page, and its key stays in state", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          st.numberInput(LABEL, { key: "filters" });
          await st.navigation([A(), B()]).run();
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.currentPage()).toBe("A");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ filters: 0 });

    await client.change(LABEL, 5);
    expectClean(client);
    expect(client.currentPage()).toBe("A");
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(client.texts()).toEqual(["PAGE b"]);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });

    await client.nav("A");
    expectClean(client);
    expect(client.currentPage()).toBe("A");
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });

    await client.reload();
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });
  });

  test("the same holds for an entrypoint widget rendered after page.run(), and for one in the sidebar", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          const page = st.navigation([A(), B()]);
          st.sidebar.checkbox("Dark mode", { key: "dark" });
          await page.run();
          st.numberInput(LABEL, { key: "filters" });
        },
      }),
    );
    await client.get("/");
    expect(client.state()).toEqual({ dark: false, filters: 0 });

    client.set("Dark mode", true).set(LABEL, 5);
    await client.apply();
    expectClean(client);
    expect(client.state()).toEqual({ dark: true, filters: 5 });

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(client.value("Dark mode")).toBe(true);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ dark: true, filters: 5 });

    await client.nav("A");
    expect(client.value("Dark mode")).toBe(true);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ dark: true, filters: 5 });
  });
});

describe("2. contrast: the same widget inside each page", () => {
  test("keyed: B shows the default and state holds the default; back on A, default again", async () => {
    const widget = () => st.numberInput(LABEL, { key: "filters" });
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          await st
            .navigation([
              A(() => {
                pageA();
                widget();
              }),
              B(() => {
                pageB();
                widget();
              }),
            ])
            .run();
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ filters: 0 });

    await client.change(LABEL, 5);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ filters: 0 });

    await client.nav("A");
    expectClean(client);
    expect(client.currentPage()).toBe("A");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ filters: 0 });
  });

  test("unkeyed: the same, and the widget never appears in state", async () => {
    const widget = () => st.numberInput(LABEL);
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          await st
            .navigation([
              A(() => {
                pageA();
                widget();
              }),
              B(() => {
                pageB();
                widget();
              }),
            ])
            .run();
        },
      }),
    );
    await client.get("/");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({});

    await client.change(LABEL, 5);
    expectClean(client);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({});

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({});

    await client.nav("A");
    expect(client.currentPage()).toBe("A");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({});
  });
});

describe("3. pages-directory mode", () => {
  test("the entrypoint is the home page, is not run on other pages, and its widget resets after a visit elsewhere", async () => {
    function other() {
      st.markdown("PAGE other");
    }
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          st.markdown("PAGE home");
          st.numberInput(LABEL, { key: "filters" });
        },
        pages: [st.Page(other, { title: "Other", urlPath: "other" })],
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.currentPage()).toBe("Home");
    expect(client.texts()).toEqual(["PAGE home"]);
    expect(client.state()).toEqual({ filters: 0 });

    await client.change(LABEL, 5);
    expectClean(client);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ filters: 5 });

    await client.nav("Other");
    expectClean(client);
    expect(client.currentPage()).toBe("Other");
    expect(client.texts()).toEqual(["PAGE other"]);
    expect(client.widgets()).toEqual([]);
    expect(client.state()).toEqual({});

    await client.nav("Home");
    expectClean(client);
    expect(client.currentPage()).toBe("Home");
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ filters: 0 });
  });
});

// Seed option 2, in the forms the seed shows and as an inline closure.
function storeValue() {
  ss["my_key"] = ss["_my_key"];
}
function storeValueOf(key: string) {
  ss[key] = ss["_" + key];
}
function loadValueOf(key: string) {
  ss["_" + key] = ss[key];
}

const dummyKeyPages: Record<string, () => void> = {
  "inline closure": () => {
    if (!("my_key" in ss)) ss.my_key = 0;
    ss._my_key = ss.my_key;
    st.numberInput(LABEL, {
      key: "_my_key",
      onChange: () => {
        ss.my_key = ss._my_key;
      },
    });
  },
  "module-level callback, no args (the seed's first snippet)": () => {
    if (!("my_key" in ss)) ss.my_key = 0;
    ss["_my_key"] = ss["my_key"];
    st.numberInput(LABEL, { key: "_my_key", onChange: storeValue });
  },
  "functionalised, with args (the seed's second snippet)": () => {
    if (!("my_key" in ss)) ss.my_key = 0;
    loadValueOf("my_key");
    st.numberInput(LABEL, { key: "_my_key", onChange: storeValueOf, args: ["my_key"] });
  },
};

describe("4. dummy key (seed option 2)", () => {
  for (const [form, widgetOnA] of Object.entries(dummyKeyPages)) {
    test(`${form}: B holds my_key only; back on A the value is restored`, async () => {
      const client = browse(() =>
        createApp({
          secret,
          entrypoint: async () => {
            await st
              .navigation([
                A(() => {
                  pageA();
                  widgetOnA();
                }),
                B(),
              ])
              .run();
          },
        }),
      );
      await client.get("/");
      expectClean(client);
      expect(client.value(LABEL)).toBe(0);
      expect(client.state()).toEqual({ _my_key: 0, my_key: 0 });

      await client.change(LABEL, 5);
      expectClean(client);
      expect(client.value(LABEL)).toBe(5);
      expect(client.state()).toEqual({ _my_key: 5, my_key: 5 });

      await client.nav("B");
      expectClean(client);
      expect(client.currentPage()).toBe("B");
      expect(client.widgets()).toEqual([]);
      expect(client.state()).toEqual({ my_key: 5 });

      await client.nav("A");
      expectClean(client);
      expect(client.currentPage()).toBe("A");
      expect(client.value(LABEL)).toBe(5);
      expect(client.state()).toEqual({ _my_key: 5, my_key: 5 });

      await client.change(LABEL, 7);
      expect(client.state()).toEqual({ _my_key: 7, my_key: 7 });
      await client.nav("B");
      expect(client.state()).toEqual({ my_key: 7 });
      await client.nav("A");
      expectClean(client);
      expect(client.value(LABEL)).toBe(7);
      expect(client.state()).toEqual({ _my_key: 7, my_key: 7 });
    });
  }
});

describe("5. re-save (seed option 3)", () => {
  const app = (resave: boolean) => () =>
    createApp({
      secret,
      entrypoint: async () => {
        const top = () => {
          if (resave && "my_key" in ss) ss.my_key = ss.my_key;
        };
        await st
          .navigation([
            A(() => {
              top();
              pageA();
              st.numberInput(LABEL, { key: "my_key" });
            }),
            B(() => {
              top();
              pageB();
            }),
          ])
          .run();
      },
    });

  test("with the re-save line on every page, my_key survives B and the widget shows it back on A", async () => {
    const client = browse(app(true));
    await client.get("/");
    expectClean(client);
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ my_key: 0 });

    await client.change(LABEL, 5);
    expectClean(client);
    expect(client.state()).toEqual({ my_key: 5 });

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(labels(client)).toEqual([]);
    expect(client.state()).toEqual({ my_key: 5 });

    await client.nav("A");
    expectClean(client);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ my_key: 5 });

    // Staying on B for several runs keeps it too.
    await client.nav("B");
    await client.nav("B");
    await client.reload();
    expect(client.state()).toEqual({ my_key: 5 });
    await client.nav("A");
    expectClean(client);
    expect(client.value(LABEL)).toBe(5);
    expect(client.state()).toEqual({ my_key: 5 });
  });

  test("without the re-save line, the key leaves state on B and the widget is back to its default on A", async () => {
    const client = browse(app(false));
    await client.get("/");
    expect(client.state()).toEqual({ my_key: 0 });

    await client.change(LABEL, 5);
    expect(client.state()).toEqual({ my_key: 5 });

    await client.nav("B");
    expectClean(client);
    expect(client.currentPage()).toBe("B");
    expect(client.state()).toEqual({});

    await client.nav("A");
    expectClean(client);
    expect(client.value(LABEL)).toBe(0);
    expect(client.state()).toEqual({ my_key: 0 });
  });
});
