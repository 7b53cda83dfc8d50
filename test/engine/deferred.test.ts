/**
 * A posted value whose widget has no callback is parsed when the widget registers, so a fresh
 * isolate need not replay the last run for its parser; a script that looks at the value earlier
 * still sees it, as in Streamlit (the request starts over with the replay). Cold and warm isolates
 * must show the same, cookie included.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET as secret } from "../support/client.ts";
import { clientOn, onBothIsolates } from "../support/isolates.ts";

const ss = st.sessionState;
let runs = 0;

function onBoth(entrypoint: () => unknown, scenario: (client: ReturnType<typeof clientOn>) => Promise<void>) {
  return onBothIsolates((isolates, watch) => scenario(watch(clientOn(isolates, () => createApp({ secret, entrypoint: () => (runs++, entrypoint()) })))));
}

async function changeN(client: ReturnType<typeof clientOn>, to: number) {
  client.set("N", to);
  const before = runs;
  await client.apply();
  expect(client.status).toBe(200);
  return runs - before;
}

describe("posted values parsed when their widget registers", () => {
  test("a fresh isolate runs the script once for a change without a callback (no replay)", async () => {
    const client = clientOn("cold", () => createApp({ secret, entrypoint: () => (runs++, st.numberInput("N", { key: "n" }), st.write(`after: ${ss.n}`)) }));
    await client.get("/");
    expect(await changeN(client, 5)).toBe(1);
    expect(client.texts()).toEqual(["after: 5"]);
    expect(client.state()).toEqual({ n: 5 });
  });

  test("a script that reads the key before the widget sees the new value (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        st.write(`before: ${"n" in ss ? ss.n : "none"}`);
        st.numberInput("N", { key: "n" });
      },
      async (client) => {
        await client.get("/");
        await changeN(client, 5);
        expect(client.texts()).toEqual(["before: 5"]);
        await changeN(client, 6);
        expect(client.texts()).toEqual(["before: 6"]);
      },
    ));

  test("the same when the script catches what the early read throws (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        let seen = "none";
        try {
          seen = String(ss.n);
        } catch {
          // a script may swallow any error: the run is still started over
        }
        st.write(`before: ${seen}`);
        st.numberInput("N", { key: "n" });
      },
      async (client) => {
        await client.get("/");
        await changeN(client, 5);
        expect(client.texts()).toEqual(["before: 5"]);
      },
    ));

  test("listing the state before the widget shows the new value (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        st.write(`keys: ${JSON.stringify(Object.entries(ss))}`);
        st.numberInput("N", { key: "n" });
      },
      async (client) => {
        await client.get("/");
        await changeN(client, 7);
        expect(client.texts()).toEqual(['keys: [["n",7]]']);
      },
    ));

  test("a run that stops before the widget keeps the posted value, as when it was parsed first (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        st.numberInput("N", { key: "n" });
        if (ss.n === 3) st.stop();
        st.numberInput("M", { key: "m" });
      },
      async (client) => {
        await client.get("/");
        client.set("M", 4);
        await changeN(client, 3);
        expect(client.state()).toEqual({ n: 3, m: 4 });
        expect(client.widgets().map((w) => w.label)).toEqual(["N"]);
      },
    ));

  test("a page that streams before the widget shows the new value (cold and warm isolates alike)", () =>
    onBoth(
      async () => {
        await st.writeStream((function* () {
          yield "a";
          yield "b";
        })());
        st.write(`before: ${"n" in ss ? ss.n : "none"}`);
        st.numberInput("N", { key: "n" });
      },
      async (client) => {
        await client.get("/");
        await changeN(client, 2);
        expect(client.texts().at(-1)).toBe("before: 2");
      },
    ));

  test("a run that would stream before a pending value is read is abandoned before its stream starts, and the replay starts none", async () => {
    let started = 0;
    const client = clientOn("cold", () =>
      createApp({
        secret,
        entrypoint: async () => {
          await st.writeStream(
            (function* () {
              started++;
              yield "a";
            })(),
          );
          st.write(`before: ${"n" in ss ? ss.n : "none"}`);
          st.numberInput("N", { key: "n" });
        },
      }),
    );
    await client.get("/");
    started = 0;
    await changeN(client, 2);
    expect(client.texts().at(-1)).toBe("before: 2");
    // only the run that answers starts the stream: not the replay that finds the parser (it shows
    // the text the session carries), and not a third, abandoned run
    expect(started).toBe(1);
  });
});
