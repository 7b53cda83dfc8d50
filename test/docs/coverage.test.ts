/**
 * docs/coverage.md against the real `st`: every formlit name it lists exists (and on every
 * container where it says so), every public member of `st` is listed, and every Streamlit 1.39
 * top-level name is listed exactly once. The table cannot go stale without this failing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { st, Container } from "../../src/index.ts";

const doc = readFileSync(new URL("../../docs/coverage.md", import.meta.url), "utf8");

interface Row {
  streamlit: string | null;
  formlit: string | null;
  containers: string;
}

/** `| ... |` lines of both tables, past their header rows. */
function rows(): Row[] {
  const out: Row[] = [];
  for (const line of doc.split("\n")) {
    const cells = line.startsWith("| `") ? line.split("|").slice(1, -1).map((c) => c.trim()) : null;
    if (!cells) continue;
    const name = (cell: string) => /^`st\.([A-Za-z_.0-9]+)`$/.exec(cell)?.[1] ?? null;
    if (cells.length === 4) out.push({ streamlit: name(cells[0]!), formlit: cells[1] === "not offered" ? null : name(cells[1]!), containers: cells[2]! });
    else out.push({ streamlit: null, formlit: name(cells[0]!), containers: cells[1]! });
  }
  return out;
}

/**
 * The names `lib/streamlit/__init__.py` of Streamlit 1.39.0 binds at the top level (its imports
 * `as` themselves and its assignments, less the private ones and `__version__`), and the
 * `streamlit.components.v1` module it imports.
 */
const STREAMLIT_1_39 = `Page altair_chart area_chart audio balloons bar_chart bokeh_chart button cache cache_data
cache_resource camera_input caption chat_input chat_message checkbox code color_picker column_config columns connection
container context data_editor dataframe date_input dialog divider download_button echo empty error exception expander
experimental_audio_input experimental_dialog experimental_fragment experimental_get_query_params
experimental_set_query_params experimental_user feedback file_uploader form form_submit_button fragment get_option
graphviz_chart header help html image info json latex line_chart link_button logo map markdown metric multiselect
navigation number_input page_link plotly_chart popover progress pydeck_chart pyplot query_params radio rerun
scatter_chart secrets select_slider selectbox session_state set_option set_page_config sidebar slider snow spinner
status stop subheader success switch_page table tabs text text_area text_input time_input title toast toggle
vega_lite_chart video warning write write_stream components.v1`.split(/\s+/);

/** Members of the classes that TypeScript keeps private (runtime JavaScript still shows them). */
const PRIVATE = new Set(["active", "area", "formKey", "isRoot", "nodeList"]);

/** Every public member of `st`: its own, its class's, Container's and ContainerBase's. */
function publicMembers(of: object, stopAt: object = Object.prototype): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = of; o && o !== stopAt; o = Object.getPrototypeOf(o)) {
    for (const n of Object.getOwnPropertyNames(o)) if (!n.startsWith("_") && n !== "constructor" && !PRIVATE.has(n)) names.add(n);
  }
  return names;
}

const table = rows();
const offered = table.filter((r) => r.formlit !== null);

describe("docs/coverage.md", () => {
  test("lists every Streamlit 1.39 name exactly once, and no other", () => {
    const listed = table.filter((r) => r.streamlit !== null).map((r) => r.streamlit!);
    expect([...listed].sort()).toEqual([...STREAMLIT_1_39].sort());
    expect(table.filter((r) => r.streamlit === null && r.formlit === null)).toEqual([]);
  });

  test("every formlit name it lists exists on st", () => {
    const onSt = publicMembers(st);
    const missing = offered.map((r) => r.formlit!).filter((n) => !onSt.has(n));
    expect(missing).toEqual([]);
  });

  test("the Containers column matches Container's methods", () => {
    const onContainers = publicMembers(Container.prototype);
    for (const r of offered) {
      expect({ name: r.formlit, containers: r.containers }).toEqual({ name: r.formlit, containers: onContainers.has(r.formlit!) ? "yes" : "no" });
    }
  });

  test("every public member of st is in the table", () => {
    const listed = new Set(offered.map((r) => r.formlit!));
    expect([...publicMembers(st)].filter((n) => !listed.has(n))).toEqual([]);
  });

  test("a row a reader would trust: 'not offered' always says why", () => {
    const notOffered = doc.split("\n").filter((l) => l.includes("| not offered |"));
    expect(notOffered.length).toBe(table.filter((r) => r.streamlit !== null && r.formlit === null).length);
    for (const line of notOffered) expect(line.split("|")[4]!.trim().length, line).toBeGreaterThan(10);
  });
});
