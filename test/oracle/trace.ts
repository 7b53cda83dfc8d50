/**
 * Replays a trace recorded from Streamlit 1.39 (test/oracle/traces, copied from shared/oracle)
 * against the same app ported to TypeScript, over HTTP, asserting after every step what the
 * trace recorded: session state, widgets, texts, exceptions and warnings.
 *
 * Python-to-JS differences the comparison absorbs (and only these):
 *  - floats: Python prints 5.0 where JS prints 5, so "N.0" in expected texts reads as "N", and
 *    so do strings inside expected session-state values (an app that logs f"a={x}" to state);
 *  - `st.session_state.x` (AttributeError) and `st.session_state["x"]` (KeyError) are one
 *    operation in JS, so both expect formlit's KeyError text; str(KeyError) adds quotes, dropped;
 *  - a form submit button's widget type is "button" in Streamlit;
 *  - tuples: a range widget's value is a Python tuple and a JS array, so a parenthesised pair of
 *    numbers in expected texts, "(1, 9)", reads as "[1, 9]".
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Hono } from "hono";
import type { FormClient, WidgetView } from "../support/client.ts";
import { clientOn, onBothIsolates } from "../support/isolates.ts";

interface TraceStep {
  action: { do: string; label?: string; value?: unknown; run?: boolean; url?: string; path?: string; params?: Record<string, unknown> };
  ran: boolean;
  page_shown?: { page_name: string };
  session_state?: Record<string, unknown>;
  widgets?: { type: string; label: string; key: string | null; value: unknown }[];
  texts?: string[];
  exceptions?: { type: string; message: string }[];
  warnings?: string[];
  query_params?: Record<string, string[]>;
}

export interface TracePort {
  /** the trace file's name without .json */
  trace: string;
  /** builds the ported app: for every request (cold isolates), then once (warm) */
  app: () => Hono<any>;
  /** navigation titles for `page` urls and `page_v1` paths, when they differ from the url */
  pageTitles?: Record<string, string>;
  /** trace page names for navigation titles, when they differ */
  pageNames?: Record<string, string>;
  /** texts that cannot match for a reason the port states (index into the step's texts) */
  skipText?: (text: string) => boolean;
}

export function loadTrace(name: string): TraceStep[] {
  const file = new URL(`./traces/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")).steps;
}

const pyFloats = (text: string) => text.replace(/(\d)\.0(?!\d)/g, "$1");
const pyNumberPairs = (text: string) => text.replace(/\((-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)\)/g, "[$1, $2]");
/** pyFloats on every string inside a JSON value. */
const pyFloatsDeep = (v: unknown): unknown =>
  typeof v === "string"
    ? pyFloats(v)
    : Array.isArray(v)
      ? v.map(pyFloatsDeep)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pyFloatsDeep(x)]))
        : v;

function expectedException(e: { type: string; message: string }) {
  if (e.type === "KeyError" || e.type === "AttributeError") {
    const message = e.message.replace(/^'(.*)'$/s, "$1").replace(/has no attribute "/, 'has no key "');
    return { type: "KeyError", message };
  }
  return { type: e.type, message: e.message };
}

const widgetKind = (kind: string) => (kind === "form_submit_button" ? "button" : kind);
const order = (list: WidgetView[]) =>
  [...list].sort((a, b) => JSON.stringify([a.label, a.key]).localeCompare(JSON.stringify([b.label, b.key])));

/** Replays the trace on cold isolates and on warm ones: both must match it, and each other. */
export async function replay(port: TracePort): Promise<void> {
  const steps = loadTrace(port.trace);
  await onBothIsolates((isolates, watch) => replaySteps(port, steps, watch(clientOn(isolates, port.app))));
}

async function replaySteps(port: TracePort, steps: TraceStep[], client: FormClient): Promise<void> {
  let loaded = false;
  let nextQuery: string | null = null;
  for (const [i, step] of steps.entries()) {
    const a = step.action;
    const where = `${port.trace} step ${i} ${JSON.stringify(a)}`;
    switch (a.do) {
      case "run":
        if (nextQuery !== null) {
          // the next request carries this query string (the trace's "qp" step)
          await client.get((loaded ? client.path().split("?")[0] : "/") + "?" + nextQuery);
          nextQuery = null;
        } else if (loaded) await client.reload();
        else await client.get("/");
        loaded = true;
        break;
      case "qp": {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(a.params ?? {})) for (const x of Array.isArray(v) ? v : [v]) q.append(k, String(x));
        nextQuery = q.toString();
        break;
      }
      case "set":
        client.set(a.label!, a.value as never);
        if (a.run !== false) await client.apply();
        break;
      case "click":
        await client.click(a.label!);
        break;
      case "page":
        await client.nav(port.pageTitles?.[a.url!] ?? a.url!);
        break;
      case "page_v1":
        await client.nav(port.pageTitles?.[a.path!] ?? a.path!);
        break;
      default:
        throw new Error(`${where}: action not supported by the replayer`);
    }
    if (!step.ran) continue;
    expect(client.status, `${where}: status`).toBeLessThan(500);
    if (step.page_shown && client.currentPage() !== null) {
      const title = client.currentPage()!;
      expect(port.pageNames?.[title] ?? title, `${where}: page shown`).toBe(step.page_shown.page_name);
    }
    expect(client.state(), `${where}: session state`).toEqual(pyFloatsDeep(step.session_state));
    const widgets = client.widgets().map((w) => ({ ...w, kind: widgetKind(w.kind) }));
    const expected = (step.widgets ?? []).map((w) => ({ kind: w.type, label: w.label, key: w.key, value: w.value }));
    expect(order(widgets), `${where}: widgets`).toEqual(order(expected as WidgetView[]));
    const keep = (t: string) => !port.skipText?.(t);
    expect(client.texts().filter(keep), `${where}: texts`).toEqual((step.texts ?? []).map((t) => pyFloats(pyNumberPairs(t))).filter(keep));
    expect(client.exceptions(), `${where}: exceptions`).toEqual((step.exceptions ?? []).map(expectedException));
    expect(client.alerts("warning"), `${where}: warnings`).toEqual(step.warnings ?? []);
    if (step.query_params) expect(client.queryParams(), `${where}: query params`).toEqual(step.query_params);
  }
}
