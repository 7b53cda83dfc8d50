/**
 * The newer `st.columnConfig` types (Streamlit 1.61): what each builder takes, as a type config.
 * Multiselect, datetime, time and Markdown cells can be edited in st.dataEditor; the others only
 * show their values (a list, JSON, an image, a player, a progress bar, a sparkline) or a button
 * per row.
 */
import type { Json } from "../engine/state.ts";

/** A button column's callback, called with `args` (the click itself is in session state under the column's key). */
export type ButtonColumnClick = (...args: any[]) => unknown;

export type NewTypeConfig =
  | { type: "multiselect"; options?: string[] | null; acceptNewOptions?: boolean | null }
  | { type: "datetime"; minValue?: string | null; maxValue?: string | null; step?: number | null; format?: string | null }
  | { type: "time"; minValue?: string | null; maxValue?: string | null; step?: number | null; format?: string | null }
  | { type: "list" }
  | { type: "json" }
  | { type: "image" }
  | { type: "markdown" }
  | { type: "audio" }
  | { type: "video" }
  | { type: "progress"; minValue?: number | null; maxValue?: number | null; format?: string | null }
  | { type: "bar_chart" | "line_chart" | "area_chart"; yMin?: number | null; yMax?: number | null }
  | { type: "button"; buttonType?: "primary" | "secondary" | "tertiary"; key?: string | null; onClick?: ButtonColumnClick | null; args?: unknown[] | null };

/** What every builder takes (Streamlit's Column parameters, camelCase). */
export interface BaseColumnOptions {
  width?: "small" | "medium" | "large" | null;
  help?: string | null;
  disabled?: boolean | null;
  required?: boolean | null;
  /** keep the column at the left while the table scrolls sideways (pinned columns come first) */
  pinned?: boolean | null;
}

export type ColumnAlignment = "left" | "center" | "right";

/** Streamlit's `alignment`, on the builders whose Streamlit counterparts take it. */
export interface AlignOptions {
  /** "left", "center" or "right": how the column's cells align (default: numbers right, checkboxes centred, the rest left) */
  alignment?: ColumnAlignment | null;
}

type Shown = Omit<BaseColumnOptions, "disabled" | "required">;

/** The builders, given the shared `column` maker (so a config stays one plain object). */
export function newColumnBuilders<C>(column: (label: string | null | undefined, opts: BaseColumnOptions & AlignOptions & { default?: Json }, typeConfig: NewTypeConfig) => C) {
  return {
    /**
     * Markdown text: each cell shows its text rendered as inline Markdown (raw HTML stays text);
     * in st.dataEditor a text box edits the source.
     */
    MarkdownColumn: (label?: string | null, opts: BaseColumnOptions & AlignOptions & { default?: string | null } = {}) => column(label, opts, { type: "markdown" }),
    /**
     * A small audio player per cell, for a relative or https address or a `data:audio/...` URL
     * (read-only). Any other address is shown as text: the page's policy would block it.
     */
    AudioColumn: (label?: string | null, opts: Shown & AlignOptions = {}) => column(label, opts, { type: "audio" }),
    /** A small video player per cell, for a relative or https address or a `data:video/...` URL (read-only). */
    VideoColumn: (label?: string | null, opts: Shown & AlignOptions = {}) => column(label, opts, { type: "video" }),
    /** Several of `options` per cell (a list of strings); editable: a checkbox per option. */
    MultiselectColumn: (
      label?: string | null,
      opts: BaseColumnOptions & { default?: string[] | null; options?: Iterable<string> | null; acceptNewOptions?: boolean | null } = {},
    ) => column(label, opts, { type: "multiselect", options: opts.options ? [...opts.options].map(String) : null, acceptNewOptions: opts.acceptNewOptions }),
    /** A list of values, shown as small chips (read-only here). */
    ListColumn: (label?: string | null, opts: Shown = {}) => column(label, opts, { type: "list" }),
    /** Any JSON value, shown compactly (read-only). */
    JsonColumn: (label?: string | null, opts: Shown = {}) => column(label, opts, { type: "json" }),
    /** An image from an http(s) address or a data: URL (read-only). */
    ImageColumn: (label?: string | null, opts: Shown = {}) => column(label, opts, { type: "image" }),
    /** A number as a bar between `minValue` (0) and `maxValue` (100 for whole numbers, else 1), with `format` (read-only). */
    ProgressColumn: (
      label?: string | null,
      opts: Shown & { format?: string | null; minValue?: number | null; maxValue?: number | null } = {},
    ) => column(label, opts, { type: "progress", minValue: opts.minValue, maxValue: opts.maxValue, format: opts.format }),
    /** A date and time "YYYY-MM-DDTHH:MM[:SS]"; editable with the browser's date-and-time control. */
    DatetimeColumn: (
      label?: string | null,
      opts: BaseColumnOptions & AlignOptions & { default?: string | null; format?: string | null; minValue?: string | null; maxValue?: string | null; step?: number | null } = {},
    ) => column(label, opts, { type: "datetime", minValue: opts.minValue, maxValue: opts.maxValue, step: opts.step, format: opts.format }),
    /** A time of day "HH:MM[:SS]"; editable with the browser's time control. */
    TimeColumn: (
      label?: string | null,
      opts: BaseColumnOptions & AlignOptions & { default?: string | null; format?: string | null; minValue?: string | null; maxValue?: string | null; step?: number | null } = {},
    ) => column(label, opts, { type: "time", minValue: opts.minValue, maxValue: opts.maxValue, step: opts.step, format: opts.format }),
    /** A list of numbers as a small bar chart drawn on the server (`yMin`, `yMax`: the scale; default the values' own). */
    BarChartColumn: (label?: string | null, opts: Shown & { yMin?: number | null; yMax?: number | null } = {}) =>
      column(label, opts, { type: "bar_chart", yMin: opts.yMin, yMax: opts.yMax }),
    /** A list of numbers as a small line chart drawn on the server. */
    LineChartColumn: (label?: string | null, opts: Shown & { yMin?: number | null; yMax?: number | null } = {}) =>
      column(label, opts, { type: "line_chart", yMin: opts.yMin, yMax: opts.yMax }),
    /** A list of numbers as a small area chart drawn on the server. */
    AreaChartColumn: (label?: string | null, opts: Shown & { yMin?: number | null; yMax?: number | null } = {}) =>
      column(label, opts, { type: "area_chart", yMin: opts.yMin, yMax: opts.yMax }),
    /**
     * A button in each row, labelled with the cell's value (never edited). A click reruns the app;
     * under `key` session state holds `{ row, label }` (the row's position in the data) for that
     * run (null afterwards), and `onClick(...args)` runs first, as Streamlit's does.
     */
    ButtonColumn: (
      label?: string | null,
      opts: Shown & {
        type?: "primary" | "secondary" | "tertiary";
        onClick?: ButtonColumnClick | null;
        args?: unknown[] | null;
        key?: string | null;
      } = {},
    ) => column(label, opts, { type: "button", buttonType: opts.type ?? "secondary", onClick: opts.onClick, args: opts.args, key: opts.key }),
  };
}
