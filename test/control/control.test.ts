/** st.secrets, st.cacheData / st.cacheResource and st.setPageConfig, over HTTP. */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET, ORIGIN } from "../support/client.ts";

describe("st.secrets", () => {
  test("reads the Worker's string variables, refuses a missing one by name, and hides bindings", async () => {
    const app = createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        st.text(`key=${st.secrets.API_KEY} has=${"API_KEY" in st.secrets} bucket=${"BUCKET" in st.secrets}`);
        st.text(`keys=${Object.keys(st.secrets).sort().join(",")}`);
        st.text(st.secrets.MISSING);
      },
    });
    const res = await app.request(ORIGIN + "/", {}, { API_KEY: "k-123", BUCKET: { get() {} } });
    const html = await res.text();
    expect(html).toContain("key=k-123 has=true bucket=false");
    expect(html).toContain("keys=API_KEY");
    expect(html).toContain('st.secrets has no key &quot;MISSING&quot;. Set it with `npx wrangler secret put MISSING`');
  });

  test("formlit's session secrets are not in st.secrets", async () => {
    const app = createApp({
      entrypoint: () => {
        st.text(`keys=${Object.keys(st.secrets).sort().join(",")} has=${"SESSION_SECRET" in st.secrets} get=${st.secrets.get("SESSION_SECRETS", "none")}`);
        st.text(st.secrets.SESSION_SECRET);
      },
    });
    const res = await app.request(ORIGIN + "/", {}, { API_KEY: "k-123", SESSION_SECRET: TEST_SECRET, SESSION_SECRETS: TEST_SECRET, FORMLIT_DEV: "1" });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("keys=API_KEY,FORMLIT_DEV has=false get=none");
    expect(html).toContain("st.secrets has no key &quot;SESSION_SECRET&quot;");
    expect(html).not.toContain(TEST_SECRET);
  });
});

describe("st.cacheData and st.cacheResource", () => {
  test("compute once per arguments; cacheData hands out copies, cacheResource the same object; ttl expires", async () => {
    let calls = 0;
    const load = st.cacheData((n: number) => {
      calls++;
      return { n, items: [n, n * 2] };
    });
    const shared = st.cacheResource(() => ({ connection: Math.random() }));
    const shortLived = st.cacheData((n: number) => (calls++, n), { ttl: 0.05 });
    const a = load(1);
    a.items.push(99); // must not change the cached value
    expect(load(1)).toEqual({ n: 1, items: [1, 2] });
    expect(calls).toBe(1);
    load(2);
    expect(calls).toBe(2);
    expect(shared()).toBe(shared());
    shortLived(5);
    shortLived(5);
    expect(calls).toBe(3);
    await new Promise((r) => setTimeout(r, 80));
    shortLived(5);
    expect(calls).toBe(4);
  });

  test("async functions are cached by their result; a failure is not cached", async () => {
    let calls = 0;
    const fetchy = st.cacheData(async (fail: boolean) => {
      calls++;
      if (fail) throw new Error("nope");
      return [1, 2, 3];
    });
    expect(await fetchy(false)).toEqual([1, 2, 3]);
    expect(await fetchy(false)).toEqual([1, 2, 3]);
    expect(calls).toBe(1);
    await expect(fetchy(true)).rejects.toThrow("nope");
    await expect(fetchy(true)).rejects.toThrow("nope");
    expect(calls).toBe(3);
  });

  test("used inside a script, the cached value survives reruns of the same isolate", async () => {
    let computed = 0;
    const expensive = st.cacheData((n: number) => (computed++, n * n));
    const c = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: () => {
          const n = st.numberInput("n", { key: "n", value: 3 });
          st.text(`square=${expensive(n ?? 0)}`);
        },
      }),
    );
    await c.get("/");
    await c.get("/");
    expect(c.texts()).toEqual(["square=9"]);
    expect(computed).toBe(1);
    await c.change("n", 4);
    expect(c.texts()).toEqual(["square=16"]);
  });
});

describe("st.setPageConfig", () => {
  test("sets the title, the icon and the wide layout", async () => {
    const c = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: () => {
          st.setPageConfig({ pageTitle: "Sales <dashboard>", pageIcon: "📈", layout: "wide" });
          st.text("hi");
        },
      }),
    );
    await c.get("/");
    expect(c.doc.querySelector("title").textContent).toBe("Sales <dashboard>");
    expect(c.doc.querySelector('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/svg\+xml,/);
    expect(c.form().getAttribute("class")).toContain("fl-wide");
  });

  test("may be called several times in a run (Streamlit 1.46): a later call sets the keys it gives, the others stay", async () => {
    const c = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: () => {
          st.setPageConfig({ pageTitle: "First", pageIcon: "📈" });
          st.text("between");
          st.setPageConfig({ pageTitle: "Second", pageIcon: undefined });
          st.setPageConfig({ layout: "wide" });
        },
      }),
    );
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual(["between"]);
    expect(c.doc.querySelector("title").textContent).toBe("Second");
    expect(c.doc.querySelector('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/svg\+xml,/);
    expect(c.form().getAttribute("class")).toContain("fl-wide");
  });
});
