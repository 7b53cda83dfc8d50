/**
 * The four apps of issue #11 whose callbacks once depended on the isolate that answered: on a cold
 * isolate the callback got the wrong arguments, a closure that had not seen the end of its run, a
 * ReferenceError, or never fired. Shared by the Node and the workerd tests: each case is an
 * entrypoint, clicked twice through its only button, with the session state Streamlit ends with.
 */
import { st } from "../../src/index.ts";

const ss = st.sessionState;

export interface ReplayCase {
  name: string;
  entrypoint: () => void;
  /** the session state after the first and after the second click (the keys the case is about) */
  afterClicks: [Record<string, unknown>, Record<string, unknown>];
}

export const REPLAY_CASES: ReplayCase[] = [
  {
    name: "args are those of the run that drew the button",
    entrypoint: () => {
      ss.runs = ("runs" in ss ? ss.runs : 0) + 1;
      st.button("Save", { onClick: (r: unknown) => (ss.saved = r), args: [ss.runs] });
    },
    afterClicks: [
      { runs: 2, saved: 1 },
      { runs: 3, saved: 2 },
    ],
  },
  {
    name: "a closure sees a variable assigned after the widget",
    entrypoint: () => {
      let total = 0;
      st.button("Log", { onClick: () => (ss.logged = total) });
      total = 7;
    },
    afterClicks: [{ logged: 7 }, { logged: 7 }],
  },
  {
    name: "a closure sees a const declared below the widget",
    entrypoint: () => {
      st.button("Reset", { onClick: () => (ss.v = DEFAULTS.v) });
      const DEFAULTS = { v: 42 };
    },
    afterClicks: [{ v: 42 }, { v: 42 }],
  },
  {
    name: "a button whose label counts the runs fires",
    entrypoint: () => {
      ss.n = ss.get("n", 0) + 1;
      st.button(`Run ${ss.n}`, { onClick: () => (ss.fired = ss.get("fired", 0) + 1) });
    },
    afterClicks: [
      { n: 2, fired: 1 },
      { n: 3, fired: 2 },
    ],
  },
];

/** The subset of `state` named by `expected`'s keys. */
export function pick(state: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, state[k]]));
}
