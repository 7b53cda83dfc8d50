/**
 * st.cacheData / st.cacheResource as Streamlit's: a cached function written inside the script
 * still hits on the next run, arguments are told apart by content, elements the function wrote
 * come back on a hit, and both caches can be cleared. Over HTTP with a fresh app per request (the
 * cache is per isolate, so it outlives the app instances, as it outlives Streamlit's reruns).
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { canonicalText } from "../../src/control/cache-key.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { browse } from "../support/browse.ts";

describe("a cached function defined inside the script", () => {
  test("hits across reruns: the wrapper is new every run, the function is the same", async () => {
    let calls = 0;
    const c = browse(() => {
      const square = st.cacheData(function squareInScript(n: number) {
        calls++;
        return n * n;
      });
      const n = st.numberInput("n", { value: 3 });
      st.text(`square=${square(n ?? 0)}`);
    });
    await c.get("/");
    await c.get("/");
    await c.get("/");
    expect(c.texts()).toEqual(["square=9"]);
    expect(calls).toBe(1);
    await c.change("n", 4);
    expect(c.texts()).toEqual(["square=16"]);
    expect(calls).toBe(2);
    await c.change("n", 3);
    expect(calls).toBe(2);
  });

  test("cacheResource inside the script hands out the same object on every run", async () => {
    const seen: object[] = [];
    const c = browse(() => {
      const client = st.cacheResource(function connectInScript() {
        return { connectedAt: seen.length };
      });
      seen.push(client());
      st.text("ok");
    });
    await c.get("/");
    await c.get("/");
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });
});

describe("arguments are hashed by their content", () => {
  test("values JSON would confuse are different arguments", async () => {
    const seenArgs: unknown[] = [];
    const kindOf = st.cacheData(function describeArgument(v: unknown) {
      seenArgs.push(v);
      return seenArgs.length;
    });
    const values: unknown[] = [
      {},
      new Map(),
      [],
      new Set(),
      new Map([["a", 1]]),
      { a: 1 },
      new Set([1, 2]),
      [1, 2],
      new Date(0),
      "1970-01-01T00:00:00.000Z",
      undefined,
      null,
      new Uint8Array([1, 2]),
      new Int8Array([1, 2]),
      new Uint8Array([1, 3]),
      0,
      -0,
      "0",
    ];
    const c = browse(() => {
      st.text(values.map((v) => kindOf(v)).join(","));
    });
    await c.get("/");
    expect(c.texts()).toEqual([values.map((_, i) => i + 1).join(",")]);
    // the same content again (new objects) hits
    await c.get("/");
    expect(c.texts()).toEqual([values.map((_, i) => i + 1).join(",")]);
    expect(seenArgs).toHaveLength(values.length);
    // equal content in another object, and a set in another order, are the same argument
    expect(kindOf(new Map([["a", 1]]))).toBe(5);
    expect(kindOf(new Set([2, 1]))).toBe(7);
    expect(seenArgs).toHaveLength(values.length);
  });

  test("the key is the full canonical text of the arguments, never a digest of it", () => {
    const long = "x".repeat(5000);
    const text = canonicalText([long, new Map([[1, new Set(["a"])]])]);
    expect(text).toContain(JSON.stringify(long));
    expect(text).toBe(`[s${JSON.stringify(long)},M{n1:S{s"a"}}]`);
  });

  test("an argument that cannot be hashed says so", async () => {
    const c = browse(() => {
      const f = st.cacheData(function takesSymbol(_s: unknown) {
        return 1;
      });
      f(Symbol("x"));
    });
    await c.get("/");
    expect(c.exceptions()[0]?.type).toBe("UnhashableParamError");
    expect(c.exceptions()[0]?.message).toContain("Symbol(x) is a symbol");
  });
});

describe("results are shared between users only for exactly the same arguments", () => {
  // Two argument lists whose JSON texts have the same length and the same 53-bit cyrb53 hash
  // (found with Pollard's rho): the key formlit used before keyed results by exactly that.
  const [ALICE, MALLORY] = ["0at5uayfiyx", "2973zenp9t4"];

  test("a user whose arguments collide under a short hash still gets their own result", async () => {
    let computed = 0;
    // one wrapper at module level, as apps usually write it: every user's calls go through it
    const profile = st.cacheData(function privateProfile(user: string) {
      computed++;
      return `private data of ${user}`;
    });
    const app = () => createApp({ secret: TEST_SECRET, entrypoint: () => st.text(profile(st.queryParams.user)) });
    const alice = new FormClient(app);
    const mallory = new FormClient(app);
    await alice.get(`/?user=${ALICE}`);
    expect(alice.texts()).toEqual([`private data of ${ALICE}`]);
    await mallory.get(`/?user=${MALLORY}`);
    expect(mallory.texts()).toEqual([`private data of ${MALLORY}`]);
    expect(computed).toBe(2);
  });
});

describe("elements written inside a cached function", () => {
  test("show again on a cache hit, where the call is, in the main area and the sidebar", async () => {
    let calls = 0;
    const c = browse(() => {
      const load = st.cacheData(function loadWithOutput(name: string) {
        calls++;
        st.text(`loaded ${name}`);
        st.sidebar.text(`source of ${name}`);
        const box = st.expander("Details");
        box.text(`about ${name}`);
        return name.toUpperCase();
      });
      st.text("before");
      const v = load("rows");
      st.text(`value ${v}`);
    });
    const area = (where: string) => [...c.doc.querySelectorAll(`${where} .fl-text`)].map((e: any) => e.textContent.trim());
    await c.get("/");
    expect(area(".fl-main")).toEqual(["before", "loaded rows", "about rows", "value ROWS"]);
    expect(area(".fl-sidebar")).toEqual(["source of rows"]);
    await c.get("/");
    expect(calls).toBe(1);
    expect(area(".fl-main")).toEqual(["before", "loaded rows", "about rows", "value ROWS"]);
    expect(area(".fl-sidebar")).toEqual(["source of rows"]);
    expect(c.doc.querySelector(".fl-expander summary").textContent).toBe("Details");
  });

  test("called inside a column's `with`, a hit writes into that column", async () => {
    let calls = 0;
    const c = browse(() => {
      const note = st.cacheData(function noteInColumn() {
        calls++;
        st.text("from the cache");
        return 1;
      });
      const [, right] = st.columns(2);
      right!.with(() => note());
    });
    const inRight = () => [...c.doc.querySelectorAll(".fl-column:nth-child(2) .fl-text")].map((e: any) => e.textContent.trim());
    await c.get("/");
    expect(inRight()).toEqual(["from the cache"]);
    await c.get("/");
    expect(calls).toBe(1);
    expect(inRight()).toEqual(["from the cache"]);
  });

  test("a widget inside a cached function shows Streamlit's CachedWidgetWarning", async () => {
    const c = browse(() => {
      const f = st.cacheData(function withWidget() {
        return st.checkbox("Inside");
      });
      f();
    });
    await c.get("/");
    expect(c.exceptions().map((e) => e.type)).toEqual(["CachedWidgetWarning"]);
    expect(c.exceptions()[0]!.message).toContain("Your script uses a widget command in a cached function");
  });
});

describe("clearing", () => {
  test("st.cacheData.clear() and st.cacheResource.clear() forget every result; fn.clear() one function's", async () => {
    let data = 0;
    let resource = 0;
    const c = browse(() => {
      const d = st.cacheData(function clearedData() {
        return ++data;
      });
      const r = st.cacheResource(function clearedResource() {
        return { n: ++resource };
      });
      if (st.button("Clear data")) st.cacheData.clear();
      if (st.button("Clear resources")) st.cacheResource.clear();
      if (st.button("Clear one")) d.clear();
      st.text(`data=${d()} resource=${r().n}`);
    });
    await c.get("/");
    await c.get("/");
    expect(c.texts()).toEqual(["data=1 resource=1"]);
    await c.click("Clear data");
    expect(c.texts()).toEqual(["data=2 resource=1"]);
    await c.click("Clear resources");
    expect(c.texts()).toEqual(["data=2 resource=2"]);
    await c.click("Clear one");
    expect(c.texts()).toEqual(["data=3 resource=2"]);
  });
});

describe("cacheData({ persist: true }) where there is no Workers Cache API (Node, these tests)", () => {
  test("still answers with a promise, as its type says and as it does in workerd, and still caches in memory", async () => {
    let calls = 0;
    const seen: unknown[] = [];
    const c = browse(async () => {
      const double = st.cacheData(function doubleWithoutCacheApi(n: number) {
        calls++;
        return n * 2;
      }, { persist: true });
      const answer = double(21);
      seen.push(answer instanceof Promise);
      st.text(`double=${await answer}`);
    });
    await c.get("/");
    await c.get("/");
    expect(c.texts()).toEqual(["double=42"]);
    expect(seen).toEqual([true, true]);
    expect(calls).toBe(1);
  });
});
