/**
 * Conformance scenarios 16-17: runs that end early. An uncaught exception and st.stop() skip the
 * clean-up (widgets not rendered keep their state); st.rerun() ends the run with the clean-up and
 * starts the next one in the same request (shared/conformance/README.md; traces s13, s26).
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { browse, expectClean, labels, secret, ss, values, test } from "./support.ts";

describe("16. an uncaught exception in the script", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        const boom = st.checkbox("boom", { key: "boom" });
        st.numberInput("before", { key: "before" });
        ss.attempts = ss.get("attempts", 0) + 1;
        if (boom) {
          ss.written = "just before the throw";
          throw new RangeError("kaboom");
        }
        st.numberInput("after", { key: "after" });
        st.text("end of script");
      },
    });

  test("shows an error block, keeps state written before it and the state of widgets not rendered; the page keeps answering", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(client.state()).toEqual({ boom: false, before: 0, after: 0, attempts: 1 });

    client.set("before", 1).set("after", 2);
    await client.apply();
    expectClean(client);
    expect(values(client)).toEqual({ boom: false, before: 1, after: 2 });
    expect(client.state()).toEqual({ boom: false, before: 1, after: 2, attempts: 2 });

    await client.change("boom", true);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "RangeError", message: "kaboom" }]);
    expect(labels(client)).toEqual(["boom", "before"]);
    expect(client.texts()).toEqual([]);
    // "after" did not render, yet keeps its state: no clean-up after an exception.
    expect(client.state()).toEqual({ boom: true, before: 1, after: 2, attempts: 3, written: "just before the throw" });

    // The page keeps answering, failing the same way while the cause remains.
    await client.reload();
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "RangeError", message: "kaboom" }]);
    expect(client.state()).toEqual({ boom: true, before: 1, after: 2, attempts: 4, written: "just before the throw" });

    await client.change("boom", false);
    expectClean(client);
    expect(values(client)).toEqual({ boom: false, before: 1, after: 2 });
    expect(client.texts()).toEqual(["end of script"]);
    expect(client.state()).toEqual({ boom: false, before: 1, after: 2, attempts: 5, written: "just before the throw" });
  });

  test("on another page: the exception shows on that page, the left page's widgets are gone all the same, and the app still navigates", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: async () => {
          st.sidebar.numberInput("kept", { key: "kept" });
          await st
            .navigation([
              st.Page(
                () => {
                  st.numberInput("on a", { key: "on_a" });
                },
                { title: "A", urlPath: "a" },
              ),
              st.Page(
                () => {
                  throw new Error("page b is broken");
                },
                { title: "B", urlPath: "b" },
              ),
            ])
            .run();
        },
      }),
    );
    await client.get("/");
    client.set("kept", 3).set("on a", 4);
    await client.apply();
    expect(client.state()).toEqual({ kept: 3, on_a: 4 });

    await client.nav("B");
    expect(client.status).toBe(200);
    expect(client.currentPage()).toBe("B");
    expect(client.exceptions()).toEqual([{ type: "Error", message: "page b is broken" }]);
    // Streamlit 1.46: page A's widgets are dropped when page B's run starts, so the failed run
    // (which cleans up nothing at its end) does not keep them; the entrypoint's widget stays.
    expect(client.state()).toEqual({ kept: 3 });

    await client.nav("A");
    expectClean(client);
    expect(values(client)).toEqual({ kept: 3, "on a": 0 });
    expect(client.state()).toEqual({ kept: 3, on_a: 0 });
  });
});

describe("17. st.stop() and st.rerun() outside a callback", () => {
  test("st.stop(): nothing after it renders, and the widgets that did not render keep their state", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          const stop = st.checkbox("stop", { key: "stop" });
          st.numberInput("before", { key: "before" });
          if (stop) st.stop();
          st.numberInput("after", { key: "after" });
          st.text("after the stop");
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.state()).toEqual({ stop: false, before: 0, after: 0 });

    client.set("before", 1).set("after", 2);
    await client.apply();
    expectClean(client);
    expect(client.state()).toEqual({ stop: false, before: 1, after: 2 });

    await client.change("stop", true);
    expectClean(client);
    expect(values(client)).toEqual({ stop: true, before: 1 });
    expect(client.texts()).toEqual([]);
    expect(client.state()).toEqual({ stop: true, before: 1, after: 2 });

    // Stopped twice in a row: still kept.
    await client.apply();
    expectClean(client);
    expect(client.state()).toEqual({ stop: true, before: 1, after: 2 });

    await client.change("stop", false);
    expectClean(client);
    expect(values(client)).toEqual({ stop: false, before: 1, after: 2 });
    expect(client.texts()).toEqual(["after the stop"]);
    expect(client.state()).toEqual({ stop: false, before: 1, after: 2 });
  });

  test("st.rerun(): the run ends with the clean-up and a new run starts in the same request (oracle s26)", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          if (!("log" in ss)) ss.log = [];
          const clicked = st.button("go", { key: "go" });
          ss.log = [...ss.log, `go=${clicked}`];
          if (clicked && !ss.get("rerun_done", false)) {
            ss.rerun_done = true;
            // "t" has not rendered in this run: the clean-up of st.rerun() drops its value.
            st.rerun();
          }
          st.textInput("t", { key: "t", value: "default" });
          st.text("log: " + JSON.stringify(ss.log));
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.state()).toEqual({ log: ["go=false"], go: false, t: "default" });

    await client.change("t", "typed");
    expectClean(client);
    expect(client.value("t")).toBe("typed");
    expect(client.state()).toEqual({ log: ["go=false", "go=false"], go: false, t: "typed" });

    await client.click("go");
    expectClean(client);
    const log = ["go=false", "go=false", "go=true", "go=false"];
    expect(client.texts()).toEqual(["log: " + JSON.stringify(log)]);
    expect(values(client)).toEqual({ go: false, t: "default" });
    expect(client.state()).toEqual({ log, go: false, t: "default", rerun_done: true });

    await client.reload();
    expectClean(client);
    expect(client.state()).toEqual({ log: [...log, "go=false"], go: false, t: "default", rerun_done: true });
  });

  test("a loop of st.rerun() ends with a clear error, not a hung request", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          ss.n = ss.get("n", 0) + 1;
          st.rerun();
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    const errors = client.exceptions();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/st\.rerun\(\)/);
  });
});
