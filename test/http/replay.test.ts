/**
 * Callbacks, download payloads and query parameters as the run that drew the page had them, on any
 * isolate: every scenario runs on cold isolates (a new app per request: the run is replayed) and on
 * warm ones (one app: its recent runs answer), and both must show the same.
 */
import { describe, expect, test } from "vitest";
import { parseHTML } from "linkedom";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";
import { clientOn, onBothIsolates } from "../support/isolates.ts";
import { REPLAY_CASES, pick } from "../support/replay-cases.ts";

const ss = st.sessionState;

/** Runs `scenario` with a client of the app `entrypoint` on cold isolates, then on warm ones, which must show the same. */
function onBoth(entrypoint: () => unknown, scenario: (client: FormClient) => Promise<void>) {
  return onBothIsolates((isolates, watch) => scenario(watch(clientOn(isolates, () => createApp({ secret, entrypoint })))));
}

/** Clicks the page's only st.button, whatever its label says now. */
function clickTheButton(client: FormClient) {
  const buttons = client.widgets().filter((w) => w.kind === "button");
  expect(buttons).toHaveLength(1);
  return client.click(buttons[0]!.label);
}

describe("issue #11: a callback runs with the arguments and closure of the run that drew it", () => {
  for (const c of REPLAY_CASES) {
    test(`${c.name} (cold and warm isolates alike)`, () =>
      onBoth(c.entrypoint, async (client) => {
        await client.get("/");
        for (const expected of c.afterClicks) {
          await clickTheButton(client);
          expect(client.status).toBe(200);
          expect(client.exceptions()).toEqual([]);
          expect(pick(client.state(), expected)).toEqual(expected);
        }
      }));
  }
});

describe("the replay of the last run", () => {
  test("a run that ended early (st.stop, an exception) still yields the callbacks it registered (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        const mode = st.radio("End", ["stop", "throw"], { key: "end" });
        const seen = mode;
        st.button("Note", { onClick: () => (ss.noted = `${seen}, run ${ss.get("runs", 0)}`) });
        ss.runs = ss.get("runs", 0) + 1;
        if (mode === "stop") st.stop();
        throw new Error("the script ends here");
      },
      async (client) => {
        await client.get("/");
        await client.click("Note");
        expect(client.state()).toMatchObject({ noted: "stop, run 1", runs: 2 });
        await client.change("End", "throw");
        expect(client.exceptions()).toEqual([{ type: "Error", message: "the script ends here" }]);
        await client.click("Note");
        expect(client.state()).toMatchObject({ noted: "throw, run 3", runs: 4 });
      },
    ));

  test("starts from the query parameters its run started with, on a copy (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        const item = st.queryParams.get("item") ?? "0";
        st.button("Take", { onClick: (v: unknown) => (ss.took = v), args: [item] });
        st.queryParams.item = String(Number(item) + 1);
      },
      async (client) => {
        await client.get("/?item=5");
        expect(client.queryParams()).toEqual({ item: ["6"] });
        await client.click("Take");
        expect(client.state()).toEqual({ took: "5" });
        expect(client.queryParams()).toEqual({ item: ["7"] });
        await client.click("Take");
        expect(client.state()).toEqual({ took: "6" });
        expect(client.queryParams()).toEqual({ item: ["8"] });
      },
    ));

  test("a query string too long to carry stays out of the cookie; the replay takes the request's (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        const note = st.queryParams.get("note") ?? "";
        st.button("Keep", { onClick: (v: unknown) => (ss.kept = v), args: [note.length] });
      },
      async (client) => {
        await client.get("/?note=" + "x".repeat(5000));
        expect(client.session().r).toEqual({ y: 1 });
        await client.click("Keep");
        expect(client.notices()).toEqual([]);
        expect(client.state()).toEqual({ kept: 5000 });
      },
    ));

  test("serves the download that run computed, not a later one's (cold and warm isolates alike)", () =>
    onBoth(
      () => {
        ss.n = ss.get("n", 0) + 1;
        st.downloadButton("Get", `made by run ${ss.n}`, { fileName: "run.txt" });
      },
      async (client) => {
        await client.get("/");
        await client.get("/");
        const href = client.doc.querySelector(".fl-download").getAttribute("data-href");
        await client.get(href);
        expect(client.status).toBe(200);
        expect(client.html).toBe("made by run 2");
      },
    ));

  test("a run that read uploaded bytes no store keeps is replayed from its end, alike everywhere (cold and warm isolates alike)", () =>
    onBoth(
      async () => {
        const file = st.fileUploader("A text file", { key: "upload" });
        if (file && !Array.isArray(file)) {
          try {
            ss.text = await file.text();
          } catch {
            // a later run cannot read the bytes: there is no upload store
          }
        }
        if ("text" in ss) st.downloadButton("Download it back", String(ss.text), { fileName: "back.txt" });
      },
      async (client) => {
        await client.get("/");
        client.upload("A text file", { name: "note.txt", type: "text/plain", content: "kept in state" });
        await client.apply();
        expect(client.session().r).toEqual({ e: 1 });
        // the download right after the upload: the run that drew it cannot be replayed from its start
        await client.get(client.doc.querySelector(".fl-download").getAttribute("data-href"));
        expect(client.status).toBe(200);
        expect(client.html).toBe("kept in state");
      },
    ));

  test("side effects on state, output and query stay in the sandbox: a cold request shows what a warm one does", () =>
    onBoth(
      () => {
        ss.log = [...ss.get("log", []), "run"];
        st.text(`log has ${ss.log.length}`);
        st.numberInput("X", { key: "x", onChange: () => (ss.log = [...ss.log, "changed"]) });
        st.queryParams.runs = String(ss.log.length);
      },
      async (client) => {
        await client.get("/");
        await client.change("X", 3);
        expect(client.texts()).toEqual(["log has 3"]);
        expect(client.state()).toEqual({ log: ["run", "changed", "run"], x: 3 });
        expect(client.queryParams()).toEqual({ runs: ["3"] });
      },
    ));
});

/** A second browser tab holding the same cookie and page as `client`. */
function fork(client: FormClient, make: () => ReturnType<typeof createApp>): FormClient {
  const other = new FormClient(make);
  for (const [k, v] of client.cookies) other.cookies.set(k, v);
  other.html = client.html;
  other.doc = parseHTML(client.html).document;
  return other;
}

describe("the isolate's recent runs", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        st.numberInput("X", { key: "x" });
        st.button("Save", { onClick: (v: unknown) => (ss.saved = v), args: [ss.x] });
      },
    });

  test("two versions of a session with the same run number never share callbacks", async () => {
    const shared = app();
    const tab1 = new FormClient(() => shared);
    await tab1.get("/");
    const tab2 = fork(tab1, () => shared);
    // both tabs post from the same cookie: two versions of run 2, with different arguments
    await tab1.change("X", 1);
    await tab2.change("X", 2);
    expect(tab1.session().run).toBe(tab2.session().run);
    await tab1.click("Save");
    expect(tab1.state()).toEqual({ x: 1, saved: 1 });
    await tab2.click("Save");
    expect(tab2.state()).toEqual({ x: 2, saved: 2 });
  });

  test("a remembered run serves one request: the same post again replays it, with the same result", async () => {
    let runs = 0;
    const shared = createApp({
      secret,
      entrypoint: () => {
        runs++;
        const drawnIn = ss.get("n", 0);
        ss.n = drawnIn + 1;
        st.button("Save", { onClick: () => (ss.saved = drawnIn) });
      },
    });
    const client = new FormClient(() => shared);
    await client.get("/");
    const body = client.formData(client.widget("Save").querySelector("button"));
    const cookies = new Map(client.cookies);
    const before = runs;
    await client.request("POST", "/", body);
    expect(runs - before).toBe(1); // the isolate remembered the run: no replay
    expect(client.state()).toEqual({ n: 2, saved: 0 });
    // the same cookie and form again (a double click before the answer came back)
    for (const [k, v] of cookies) client.cookies.set(k, v);
    const again = runs;
    await client.request("POST", "/", body);
    expect(runs - again).toBe(2); // used up: replayed, then run
    expect(client.state()).toEqual({ n: 2, saved: 0 });
  });
});
