/**
 * Synthetic apps for the scaling figures: one page with N number inputs, and one page with a few
 * widgets and N KB of session state. Both allow the session to span up to 40 cookies
 * (`maxCookies: 40`): with the default of 3 (about 11 KB signed) the 100 KB state, and any state
 * that does not fit, is refused and the previous state kept, which would measure a refusal.
 */
import { st, createApp } from "../src/index.ts";

export const SCALING_MAX_COOKIES = 40;

/** N number inputs on one page, each with a key (so each has a value in session state). */
export function widgetsApp(n: number, secret: string) {
  return createApp({
    name: `bench-widgets-${n}`,
    title: `${n} widgets`,
    secret,
    maxCookies: SCALING_MAX_COOKIES,
    maxFields: Math.max(2000, 2 * n + 10),
    entrypoint: () => {
      st.title(`${n} number inputs`);
      for (let i = 0; i < n; i++) st.numberInput(`Number ${i}`, { key: `n${i}` });
    },
  });
}

/** A deterministic pseudo-random generator (mulberry32), so every run carries the same state. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa"];

/**
 * About `kb` KB (1024 bytes) of JSON shaped like an app's data: records with an id, a name, a
 * measurement and tags, from a seeded generator (compressible like real data, not like a run of
 * one repeated character).
 */
export function stateData(kb: number) {
  const rand = prng(kb * 7919 + 1);
  const rows: { id: number; name: string; value: number; tags: string[] }[] = [];
  let size = 2;
  while (size < kb * 1024) {
    const row = {
      id: rows.length,
      name: `${WORDS[Math.floor(rand() * WORDS.length)]}-${Math.floor(rand() * 1e6).toString(36)}`,
      value: Math.round(rand() * 1e6) / 1e3,
      tags: [WORDS[Math.floor(rand() * WORDS.length)]!, WORDS[Math.floor(rand() * WORDS.length)]!],
    };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return rows;
}

/** Three number inputs and `kb` KB of session state (set on the first run, carried after). */
export function stateApp(kb: number, secret: string) {
  const data = stateData(kb);
  return createApp({
    name: `bench-state-${kb}`,
    title: `${kb} KB of state`,
    secret,
    maxCookies: SCALING_MAX_COOKIES,
    entrypoint: () => {
      st.title(`${kb} KB of session state`);
      if (!("data" in st.sessionState)) st.sessionState.data = data;
      st.write(`The state holds ${(st.sessionState.data as unknown[]).length} records.`);
      for (let i = 0; i < 3; i++) st.numberInput(`Number ${i}`, { key: `n${i}` });
    },
  });
}

/** 50 rows of five editable columns (text, number, checkbox, drop-down, date), for the data editor case. */
export function editorRows(n = 50) {
  const rand = prng(50);
  return Array.from({ length: n }, (_, i) => ({
    task: `${WORDS[i % WORDS.length]} ${i}`,
    hours: Math.round(rand() * 400) / 10,
    done: rand() < 0.5,
    owner: WORDS[Math.floor(rand() * 4)]!,
    due: `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  }));
}

/** One st.dataEditor of 50 x 5 editable cells, keyed, as an internal tool's table would be. */
export function dataEditorApp(secret: string) {
  const rows = editorRows();
  return createApp({
    name: "bench-data-editor",
    title: "Data editor",
    secret,
    maxCookies: SCALING_MAX_COOKIES,
    entrypoint: () => {
      st.title("Tasks");
      st.dataEditor(rows, {
        key: "tasks",
        columnConfig: {
          hours: st.columnConfig.NumberColumn("Hours", { minValue: 0, maxValue: 100 }),
          owner: st.columnConfig.SelectboxColumn("Owner", { options: WORDS.slice(0, 4) }),
          due: st.columnConfig.DateColumn("Due"),
        },
      });
    },
  });
}
