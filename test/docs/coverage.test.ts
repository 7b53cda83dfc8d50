/**
 * docs/coverage.md against the real `st`: every formlit name it lists exists (and on every
 * container where it says so), every public member of `st` is listed, and every name of Streamlit 1.61's API
 * reference is listed exactly once. The table cannot go stale without this failing.
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
 * Every `st.*` name with a page of its own in Streamlit 1.61's API reference (docs.streamlit.io,
 * "Develop > API reference"; testing, command-line and the TypeScript component library left out,
 * as they are not part of an app), deprecated names with a page included.
 */
const STREAMLIT_1_61 = `altair_chart App area_chart audio audio_input badge balloons bar_chart bokeh_chart bottom button cache_data
cache_resource camera_input caption chat_input chat_message checkbox code color_picker column_config
column_config.AreaChartColumn column_config.AudioColumn column_config.BarChartColumn column_config.ButtonColumn
column_config.CheckboxColumn column_config.Column column_config.DateColumn column_config.DatetimeColumn
column_config.ImageColumn column_config.JsonColumn column_config.LineChartColumn column_config.LinkColumn
column_config.ListColumn column_config.MarkdownColumn column_config.MultiselectColumn column_config.NumberColumn
column_config.ProgressColumn column_config.SelectboxColumn column_config.TextColumn column_config.TimeColumn
column_config.VideoColumn columns components.v1.declare_component components.v1.html components.v1.iframe
components.v2.component connection connections.BaseConnection connections.ExperimentalBaseConnection
connections.SnowflakeConnection connections.SnowparkConnection connections.SQLConnection container context
data_editor dataframe date_input datetime_input dialog divider download_button echo empty error exception expander
experimental_connection experimental_data_editor experimental_get_query_params experimental_rerun
experimental_set_query_params feedback file_uploader form form_submit_button fragment get_option graphviz_chart
header help html iframe image info json latex line_chart link_button login logo logout map markdown menu_button
mermaid_chart metric multiselect navigation number_input Page page_link pagination pdf pills plotly_chart popover
progress pydeck_chart pyplot query_params radio rerun scatter_chart secrets segmented_control select_slider
selectbox session_state set_option set_page_config sidebar skeleton slider snow space spinner status stop subheader
success switch_page table tabs text text_area text_input time_input title toast toggle user vega_lite_chart video
warning write write_stream`.split(/\s+/);

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

/** A dotted name's member (`columnConfig.TextColumn`), read through `st`. */
function memberAt(path: string): unknown {
  let at: unknown = st;
  for (const part of path.split(".")) at = at != null && Object.hasOwn(Object(at), part) ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

const table = rows();
const offered = table.filter((r) => r.formlit !== null);

describe("docs/coverage.md", () => {
  test("lists every Streamlit 1.61 name exactly once, and no other", () => {
    const listed = table.filter((r) => r.streamlit !== null).map((r) => r.streamlit!);
    expect([...listed].sort()).toEqual([...STREAMLIT_1_61].sort());
    expect(table.filter((r) => r.streamlit === null && r.formlit === null)).toEqual([]);
  });

  test("every formlit name it lists exists on st", () => {
    const onSt = publicMembers(st);
    const missing = offered.map((r) => r.formlit!).filter((n) => (n.includes(".") ? memberAt(n) === undefined : !onSt.has(n)));
    expect(missing).toEqual([]);
  });

  test("the Containers column matches Container's methods", () => {
    const onContainers = publicMembers(Container.prototype);
    for (const r of offered) {
      const onEveryContainer = !r.formlit!.includes(".") && onContainers.has(r.formlit!);
      expect({ name: r.formlit, containers: r.containers }).toEqual({ name: r.formlit, containers: onEveryContainer ? "yes" : "no" });
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
