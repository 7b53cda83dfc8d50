/**
 * The engine on its own: a request is a session plus named strings, with no HTTP in sight. Every
 * request uses a new Engine, as a fresh isolate would.
 */
import { describe, expect, test } from "vitest";
import { Engine, newSession, type Session, type RunOutcome } from "../../src/engine/run.ts";
import type { AppSpec } from "../../src/engine/app-spec.ts";
import { SessionState } from "../../src/engine/state.ts";
import { st } from "../../src/index.ts";
import { OutsideRunError } from "../../src/engine/context.ts";
import { renderedDigests } from "../../src/engine/submission.ts";

/** Drives an app through the engine like a browser: values by widget key or label. */
class EngineDriver {
  session: Session = newSession("sid");
  last!: RunOutcome;
  constructor(private readonly app: () => AppSpec) {}

  private engine() {
    return new Engine(this.app(), { showStack: false });
  }

  async get(path = "") {
    this.last = await this.engine().handle(this.session, path, null);
    this.session = this.last.session;
    return this.last;
  }

  /** Posts raw values for widgets found by key (the keyed widget ids end with "-key"). */
  async post(values: Record<string, string[]>, path = this.last.page.path, run = this.session.run) {
    const fields = new Map<string, string[]>();
    for (const [key, raw] of Object.entries(values)) {
      const id = this.session.l.ids.find((wid) => wid.endsWith("-" + key));
      if (!id) throw new Error(`no widget with key ${key} in the last run`);
      fields.set(id, raw);
    }
    this.last = await this.engine().handle(this.session, path, { fields, run });
    this.session = this.last.session;
    return this.last;
  }

  state() {
    return Object.fromEntries(SessionState.fromStored(this.session.st).filtered());
  }

  texts(): string[] {
    return this.last.page.main.filter((n) => n.type === "text").map((n) => String(n.props.body));
  }
}

describe("engine", () => {
  test("callbacks fire once, before the script, in render order, and see every new value", async () => {
    const d = new EngineDriver(() => ({
      entrypoint: () => {
        if (!("log" in st.sessionState)) st.sessionState.log = [];
        const note = (name: string) => st.sessionState.log.push(`${name}: a=${st.sessionState.a} b=${st.sessionState.b}`);
        st.numberInput("B", { key: "b", onChange: note, args: ["b"] });
        st.numberInput("A", { key: "a", onChange: () => note("a") }); // an inline closure
        st.text(JSON.stringify(st.sessionState.log));
      },
    }));
    await d.get();
    await d.post({ a: ["1"], b: ["2"] });
    expect(d.state().log).toEqual(["b: a=1 b=2", "a: a=1 b=2"]);
    expect(d.texts()).toEqual([JSON.stringify(["b: a=1 b=2", "a: a=1 b=2"])]);
    await d.post({ a: ["1"], b: ["2"] }); // nothing changed: no callback
    expect(d.state().log).toHaveLength(2);
  });

  test("an isolate that served the last run reuses its callbacks; another replays that run, with the same result", async () => {
    let scriptRuns = 0;
    const app = (): AppSpec => ({
      entrypoint: () => {
        scriptRuns++;
        if (!("log" in st.sessionState)) st.sessionState.log = [];
        const drawnWith = st.sessionState.log.length;
        st.numberInput("A", { key: "a", onChange: () => st.sessionState.log.push(`a=${st.sessionState.a}, drawn with ${drawnWith} entries`) });
      },
    });
    const shared = new Engine(app(), { showStack: false });
    let session = newSession("s1");
    const fieldsFor = (value: string) => new Map([[session.l.ids.find((id) => id.endsWith("-a"))!, [value]]]);
    session = (await shared.handle(session, "", null)).session;
    let before = scriptRuns;
    session = (await shared.handle(session, "", { fields: fieldsFor("4"), run: session.run })).session;
    expect(scriptRuns - before).toBe(1); // the callback came from the isolate's last run: no replay
    expect(SessionState.fromStored(session.st).get("log")).toEqual(["a=4, drawn with 0 entries"]);

    // a fresh engine (another isolate) replays the run that drew the widget, then runs
    before = scriptRuns;
    const cold = await new Engine(app(), { showStack: false }).handle(session, "", { fields: fieldsFor("5"), run: session.run });
    expect(scriptRuns - before).toBe(2);
    before = scriptRuns;
    const warm = await shared.handle(session, "", { fields: fieldsFor("5"), run: session.run });
    expect(scriptRuns - before).toBe(1);
    expect(cold.session.st).toEqual(warm.session.st);
    expect(SessionState.fromStored(cold.session.st).get("log")).toEqual(["a=4, drawn with 0 entries", "a=5, drawn with 1 entries"]);
  });

  test.each([
    [10, 1],
    [1000, 2],
  ])("an isolate keeps recent runs within a bound on their widgets: after 30 other visitors' pages of %i widgets, a post runs the script %i time(s)", async (widgets, runs) => {
    let scriptRuns = 0;
    const engine = new Engine(
      {
        entrypoint: () => {
          scriptRuns++;
          st.numberInput("A", { key: "a", onChange: () => {} });
          for (let i = 1; i < widgets; i++) st.numberInput(`N${i}`, { key: `n${i}` });
        },
      },
      { showStack: false },
    );
    let session = (await engine.handle(newSession("first"), "", null)).session;
    for (let k = 0; k < 30; k++) await engine.handle(newSession(`other-${k}`), "", null);
    const before = scriptRuns;
    const fields = new Map([[session.l.ids.find((id) => id.endsWith("-a"))!, ["4"]]]);
    session = (await engine.handle(session, "", { fields, run: session.run })).session;
    // once: the run the isolate kept had the callback; twice: that run was let go and is replayed
    expect(scriptRuns - before).toBe(runs);
    expect(SessionState.fromStored(session.st).get("a")).toBe(4);
  });

  test("a button is true in exactly the run its click caused, and a stale form never fires it", async () => {
    let clicks = 0;
    const d = new EngineDriver(() => ({
      entrypoint: () => {
        if (st.button("Go", { key: "go", onClick: () => (st.sessionState.n = (st.sessionState.get("n") ?? 0) + 1) })) clicks++;
      },
    }));
    await d.get();
    const staleRun = d.session.run;
    await d.post({ go: ["1"] });
    expect(d.state()).toEqual({ go: false, n: 1 });
    expect(clicks).toBe(1);
    await d.post({ go: ["1"] }, "", staleRun); // the same form again, now stale
    expect(d.state().n).toBe(1);
    expect(clicks).toBe(1);
  });

  test("a stale form applies only what its user changed there: last writer wins per widget", async () => {
    const d = new EngineDriver(() => ({
      entrypoint: () => {
        st.numberInput("x", { key: "x" });
        st.numberInput("y", { key: "y" });
      },
    }));
    await d.get();
    const tab2 = { run: d.session.run, digests: renderedDigests(d.session) }; // the second tab's form
    await d.post({ x: ["1"], y: ["0"] }); // tab 1 changes x
    // tab 2 changes y; its form still holds the old x (0)
    const fields = new Map<string, string[]>();
    for (const id of d.session.l.ids) fields.set(id, [id.endsWith("-x") ? "0" : "2"]);
    fields.set("_v", [tab2.digests]);
    d.last = await new Engine(d["app"](), { showStack: false }).handle(d.session, "", { fields, run: tab2.run });
    d.session = d.last.session;
    expect(d.state()).toEqual({ x: 1, y: 2 });
  });

  test("st.rerun() restarts the run in the same request, and a rerun loop ends with an error", async () => {
    const d = new EngineDriver(() => ({
      maxRerunsPerRequest: 5,
      entrypoint: () => {
        st.sessionState.runs = (st.sessionState.get("runs") ?? 0) + 1;
        if (st.sessionState.runs < 3) st.rerun();
        if (st.sessionState.get("loop")) st.rerun();
        st.text(`runs=${st.sessionState.runs}`);
        if (st.button("Loop", { key: "loop_btn" })) st.sessionState.loop = true;
      },
    }));
    await d.get();
    expect(d.texts()).toEqual(["runs=3"]);
    await d.post({ loop_btn: ["1"] });
    await d.get();
    const errors = d.last.page.main.filter((n) => n.type === "exception");
    expect(errors).toHaveLength(1);
    expect(String(errors[0]!.props.message)).toContain("5 times in one request");
  });

  test("a value that cannot travel as JSON is refused, naming the key, and the last state is kept", async () => {
    const d = new EngineDriver(() => ({
      entrypoint: () => {
        st.sessionState.ok = 1;
        if (st.button("Break", { key: "brk" })) st.sessionState.bad = new Map();
      },
    }));
    await d.get();
    await d.post({ brk: ["1"] });
    const errors = d.last.page.main.filter((n) => n.type === "exception");
    expect(String(errors[0]?.props.message)).toContain('st.session_state["bad"] must be JSON-serialisable');
    expect(d.state()).toEqual({ ok: 1, brk: false });
  });

  test("st.stop() and exceptions skip the clean-up; the next complete run cleans up", async () => {
    const d = new EngineDriver(() => ({
      entrypoint: () => {
        const mode = st.radio("mode", ["show", "stop", "throw", "hide"], { key: "mode" });
        if (mode === "stop") st.stop();
        if (mode === "throw") throw new Error("boom");
        if (mode === "show") st.numberInput("n", { key: "n" });
      },
    }));
    await d.get();
    await d.post({ n: ["4"] });
    await d.post({ mode: ["1"] });
    expect(d.state().n).toBe(4);
    await d.post({ mode: ["2"] });
    expect(d.state().n).toBe(4);
    expect(d.last.page.main.some((n) => n.type === "exception" && n.props.message === "boom")).toBe(true);
    await d.post({ mode: ["3"] });
    expect("n" in d.state()).toBe(false);
  });

  test("st outside a run names the cause", () => {
    expect(() => st.numberInput("x")).toThrow(OutsideRunError);
    expect(() => st.sessionState.x).toThrow(/outside a formlit run/);
  });
});
