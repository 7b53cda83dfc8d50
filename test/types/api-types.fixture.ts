/**
 * What the public API's types promise, checked by the TypeScript compiler (api-types.test.ts runs
 * it on this file; `npx tsc --noEmit -p .` checks it too). Nothing here runs: each line is a claim
 * about a type, and each `@ts-expect-error` a misuse the types must refuse (an unused one is an
 * error). The session state keys declared below are this file's own, named so that no app in the
 * repository uses them.
 */
import { expectTypeOf } from "vitest";
import { st, type ThemeOptions } from "../../src/index.ts";

declare module "../../src/index.ts" {
  interface SessionStateShape {
    typesFixtureCount: number;
    typesFixtureMessages?: { role: "user" | "assistant"; content: string }[];
  }
}

export function widgets(): void {
  // text: a string unless `value: null` allows an empty field to be null
  expectTypeOf(st.textInput("Name")).toEqualTypeOf<string>();
  expectTypeOf(st.textInput("Name", { value: "Ada", key: "name" })).toEqualTypeOf<string>();
  expectTypeOf(st.textInput("Name", { value: null })).toEqualTypeOf<string | null>();
  expectTypeOf(st.textArea("Notes", { height: 120 })).toEqualTypeOf<string>();
  expectTypeOf(st.textArea("Notes", { value: null })).toEqualTypeOf<string | null>();
  // @ts-expect-error a nullable field's value may be null
  const name: string = st.textInput("Name", { value: null });
  void name;

  // numbers the same way
  expectTypeOf(st.numberInput("n", { minValue: 1 })).toEqualTypeOf<number>();
  expectTypeOf(st.numberInput("n", { value: null })).toEqualTypeOf<number | null>();

  // dates: one date, a [start, end] pair for a pair (null once both ends are cleared), or null-able
  expectTypeOf(st.dateInput("Day")).toEqualTypeOf<string>();
  expectTypeOf(st.dateInput("Day", { value: "2024-03-05" })).toEqualTypeOf<string>();
  expectTypeOf(st.dateInput("Day", { value: null })).toEqualTypeOf<string | null>();
  expectTypeOf(st.dateInput("Trip", { value: ["2024-03-05", "2024-03-09"] })).toEqualTypeOf<[string, string] | null>();
  expectTypeOf(st.timeInput("At")).toEqualTypeOf<string>();
  expectTypeOf(st.timeInput("At", { value: null })).toEqualTypeOf<string | null>();

  // choices: the option type; null only with `index: null`, or with no options at all
  expectTypeOf(st.selectbox("Pick", ["a", "b"])).toEqualTypeOf<string>();
  expectTypeOf(st.selectbox("Pick", [1, 2], { index: 1 })).toEqualTypeOf<number>();
  expectTypeOf(st.selectbox("Pick", ["a", "b"], { index: null })).toEqualTypeOf<string | null>();
  expectTypeOf(st.selectbox("Pick", [])).toEqualTypeOf<null>();
  expectTypeOf(st.selectbox("Pick", [1, 2], { acceptNewOptions: true })).toEqualTypeOf<number | string>();
  expectTypeOf(st.selectbox("Pick", [1, 2], { acceptNewOptions: true, index: null })).toEqualTypeOf<number | string | null>();
  expectTypeOf(st.multiselect("Pick", [1, 2], { acceptNewOptions: true })).toEqualTypeOf<(1 | 2 | string)[]>();
  expectTypeOf(st.multiselect("Pick", [1, 2])).toEqualTypeOf<(1 | 2)[]>();
  const sizes = ["S", "M", "L"] as const;
  expectTypeOf(st.radio("Size", sizes, { horizontal: true })).toEqualTypeOf<"S" | "M" | "L">();
  expectTypeOf(st.radio("Size", sizes, { index: null })).toEqualTypeOf<"S" | "M" | "L" | null>();
  expectTypeOf(st.sidebar.selectbox("Pick", [true, false])).toEqualTypeOf<boolean>();
}

export async function caches(): Promise<void> {
  // the cached function is the function: parameter names, defaults, return type
  const load = st.cacheData(async (url: string, retries = 3) => ({ url, retries }));
  expectTypeOf(load).parameters.toEqualTypeOf<[url: string, retries?: number]>();
  expectTypeOf(load).returns.toEqualTypeOf<Promise<{ url: string; retries: number }>>();
  // @ts-expect-error the url is a string
  void load(42);
  load.clear();
  // generic functions stay generic
  const pair = st.cacheData(<T extends string | number>(x: T) => [x, x] as [T, T]);
  expectTypeOf(pair(7)).toEqualTypeOf<[7, 7]>();
  expectTypeOf(pair("a" as string)).toEqualTypeOf<[string, string]>();
  // persisted results come back as promises, whatever the function returns
  const twice = st.cacheData((n: number) => n * 2, { persist: true, ttl: 60 });
  expectTypeOf(twice).returns.toEqualTypeOf<Promise<number>>();
  expectTypeOf(twice).parameters.toEqualTypeOf<[n: number]>();
  const client = st.cacheResource((region = "eu") => ({ region, send: (s: string) => s.length }));
  expectTypeOf(client).parameters.toEqualTypeOf<[region?: string]>();
  expectTypeOf(client().send).toEqualTypeOf<(s: string) => number>();
}

export function sessionState(): void {
  // keys the app declares have their types...
  expectTypeOf(st.sessionState.typesFixtureCount).toEqualTypeOf<number>();
  st.sessionState.typesFixtureCount += 1;
  // @ts-expect-error a declared number is not a string
  st.sessionState.typesFixtureCount = "one";
  expectTypeOf(st.sessionState.typesFixtureMessages).toEqualTypeOf<{ role: "user" | "assistant"; content: string }[] | undefined>();
  expectTypeOf(st.sessionState.get("typesFixtureCount")).toEqualTypeOf<number | null>();
  expectTypeOf(st.sessionState.get("typesFixtureCount", 0)).toEqualTypeOf<number>();
  expectTypeOf(st.sessionState.setdefault("typesFixtureCount", 0)).toEqualTypeOf<number>();
  // @ts-expect-error the fallback has the key's type
  st.sessionState.setdefault("typesFixtureCount", "zero");
  // ...the others stay as loose as Python's
  expectTypeOf(st.sessionState.anythingElse).toBeAny();
  expectTypeOf(st.sessionState.get("anythingElse")).toBeAny();
}

export function theme(): ThemeOptions[] {
  return [
    // Streamlit's [theme] keys, with light, dark and sidebar parts; the palette's keys are typed too
    { primaryColor: "#1d4ed8", redTextColor: "#900", light: { backgroundColor: "#fff", sidebar: { textColor: "#111" } }, dark: { violetBackgroundColor: "#302" } },
    // @ts-expect-error base is light or dark (no theme files)
    { base: "blue" },
    // @ts-expect-error the root font size is [theme]'s only, as in Streamlit
    { dark: { baseFontSize: 18 } },
    // @ts-expect-error a misspelt palette key is refused
    { readColor: "#900" },
  ];
}
