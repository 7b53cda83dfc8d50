/**
 * st.column_config for st.data_editor: the builders (`st.columnConfig.NumberColumn(...)`), and each
 * column resolved from the data, the author's config and `disabled`: what its cells show, what a
 * posted cell parses to, and which values it accepts. A posted value is only ever accepted through
 * `parseCell`/`checkValue`, so anything a form can carry is checked against its column.
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import { pyRepr } from "./common.ts";
import { isIsoDate } from "./dates.ts";
import { MAX_TEXT_CHARS, postedNumber } from "./limits.ts";
import { newColumnBuilders, type AlignOptions, type ColumnAlignment, type NewTypeConfig } from "./data-column-types.ts";
export type { AlignOptions, ColumnAlignment } from "./data-column-types.ts";
import { checkMoment, showMoment } from "./data-cell-moments.ts";

export type ColumnWidth = "small" | "medium" | "large";

/** What every column builder takes (Streamlit's Column parameters, camelCase). */
export interface ColumnOptions {
  width?: ColumnWidth | null;
  help?: string | null;
  disabled?: boolean | null;
  required?: boolean | null;
  /**
   * Keep the column at the left while the table scrolls sideways: pinned columns are drawn
   * first, in their order, after the index (default: not pinned).
   */
  pinned?: boolean | null;
}

export type TypeConfig =
  | { type: "text"; maxChars?: number | null; validate?: string | null }
  | { type: "number"; minValue?: number | null; maxValue?: number | null; step?: number | null; format?: string | null }
  | { type: "checkbox" }
  | { type: "selectbox"; options?: (string | number)[] | null }
  | { type: "date"; minValue?: string | null; maxValue?: string | null; format?: string | null }
  | { type: "link"; maxChars?: number | null; validate?: string | null; displayText?: string | null }
  | NewTypeConfig;

/** One column's config, as the builders make it (a plain object, so it is also JSON). */
export interface ColumnConfig extends ColumnOptions, AlignOptions {
  label?: string | null;
  default?: Json;
  hidden?: boolean | null;
  typeConfig?: TypeConfig;
}

/** The `columnConfig` argument: a config, a label (a string) or null (hide the column), by column name. */
export type ColumnConfigInput = Record<string, ColumnConfig | string | null>;

const ALIGNMENTS: readonly unknown[] = ["left", "center", "right"];

const column = (label: string | null | undefined, opts: ColumnOptions & AlignOptions & { default?: Json }, typeConfig?: TypeConfig): ColumnConfig => {
  const { width, help, disabled, required, pinned, alignment, default: dflt } = opts;
  if (alignment != null && !ALIGNMENTS.includes(alignment)) {
    throw new StreamlitAPIException(`Invalid alignment: ${pyRepr(alignment)}. Expected one of "left", "center" or "right".`);
  }
  return { label: label ?? null, width, help, disabled, required, pinned, alignment, default: dflt, typeConfig };
};

/** `st.columnConfig`: Streamlit's st.column_config builders, for st.dataEditor and st.dataframe. */
export const columnConfig = {
  /** A column with no type of its own (its data decides how it is edited). */
  Column: (label?: string | null, opts: ColumnOptions & AlignOptions = {}) => column(label, opts),
  /** Text: `maxChars`, and `validate` (a regular expression the whole text must match). */
  TextColumn: (label?: string | null, opts: ColumnOptions & AlignOptions & { default?: string | null; maxChars?: number | null; validate?: string | null } = {}) =>
    column(label, opts, { type: "text", maxChars: opts.maxChars, validate: opts.validate }),
  /** Numbers: `minValue`, `maxValue`, `step`, and a printf-style `format` ("%d", "%.2f", "$%.2f"). */
  NumberColumn: (
    label?: string | null,
    opts: ColumnOptions & AlignOptions & { default?: number | null; format?: string | null; minValue?: number | null; maxValue?: number | null; step?: number | null } = {},
  ) => column(label, opts, { type: "number", minValue: opts.minValue, maxValue: opts.maxValue, step: opts.step, format: opts.format }),
  /** True or false, as a checkbox. */
  CheckboxColumn: (label?: string | null, opts: ColumnOptions & AlignOptions & { default?: boolean | null } = {}) => column(label, opts, { type: "checkbox" }),
  /** One of `options`, as a drop-down. */
  SelectboxColumn: (label?: string | null, opts: ColumnOptions & { default?: string | number | null; options?: Iterable<string | number> | null } = {}) =>
    column(label, opts, { type: "selectbox", options: opts.options ? [...opts.options] : null }),
  /** An ISO date "YYYY-MM-DD", with a date control: `minValue`, `maxValue` (ISO dates). */
  DateColumn: (label?: string | null, opts: ColumnOptions & AlignOptions & { default?: string | null; format?: string | null; minValue?: string | null; maxValue?: string | null } = {}) =>
    column(label, opts, { type: "date", minValue: opts.minValue, maxValue: opts.maxValue, format: opts.format }),
  /** A link (read-only here); `displayText` is shown instead of the address. */
  LinkColumn: (
    label?: string | null,
    opts: ColumnOptions & AlignOptions & { default?: string | null; maxChars?: number | null; validate?: string | null; displayText?: string | null } = {},
  ) => column(label, opts, { type: "link", maxChars: opts.maxChars, validate: opts.validate, displayText: opts.displayText }),
  ...newColumnBuilders(column),
};

// ---- resolving columns ------------------------------------------------------------------------

/** Streamlit's names for what a column's data holds. */
export type DataKind = "integer" | "float" | "boolean" | "string" | "list" | "empty" | "unknown";
export type CellKind = TypeConfig["type"] | "readonly";

export interface EditorColumn {
  name: string;
  label: string;
  kind: CellKind;
  dataKind: DataKind;
  editable: boolean;
  required: boolean;
  default: Json;
  help?: string;
  width?: ColumnWidth;
  hidden: boolean;
  pinned: boolean;
  alignment?: ColumnAlignment;
  config: TypeConfig | null;
  /** a text or link column's pattern, anchored */
  pattern?: RegExp;
}

export function dataKindOf(values: unknown[]): DataKind {
  const present = values.filter((v) => v !== null && v !== undefined && !(typeof v === "number" && Number.isNaN(v)));
  if (present.length === 0) return "empty";
  if (present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.every((v) => typeof v === "number" && Number.isFinite(v))) return present.every(Number.isInteger) ? "integer" : "float";
  if (present.every((v) => typeof v === "string")) return "string";
  if (present.every(Array.isArray)) return "list";
  return "unknown";
}

/** Which data kinds each editable type may edit (Streamlit's compatibility table, for these types). */
const COMPATIBLE: Record<string, DataKind[]> = {
  text: ["string", "empty"],
  number: ["integer", "float", "empty"],
  checkbox: ["boolean", "empty"],
  selectbox: ["string", "integer", "float", "boolean", "empty"],
  date: ["string", "empty"],
  multiselect: ["list", "empty"],
  datetime: ["string", "empty"],
  time: ["string", "empty"],
  markdown: ["string", "empty"],
};

const DEFAULT_KIND: Record<DataKind, CellKind> = { integer: "number", float: "number", boolean: "checkbox", string: "text", list: "readonly", empty: "text", unknown: "readonly" };

/**
 * Whether every value fits the type's control: a browser's date (time) control would post other
 * text back empty, and a multiselect edits lists of text only.
 */
function fitsControl(type: string, values: unknown[]): boolean {
  const fits = (v: unknown) =>
    type === "date" ? typeof v === "string" && isIsoDate(v)
    : type === "datetime" || type === "time" ? showMoment(type, v) !== null
    : type === "multiselect" ? Array.isArray(v) && v.every((x) => typeof x === "string")
    : true;
  return values.every((v) => v === null || v === undefined || fits(v));
}

/** The author's config for one column, normalised (Streamlit's process_config_mapping). */
export function normaliseConfig(name: string, config: unknown): ColumnConfig {
  if (config === null) return { hidden: true };
  if (typeof config === "string") return { label: config };
  if (typeof config === "object" && !Array.isArray(config)) return config as ColumnConfig;
  const type = typeof config === "number" ? (Number.isInteger(config) ? "int" : "float") : Array.isArray(config) ? "list" : typeof config === "boolean" ? "bool" : typeof config;
  throw new StreamlitAPIException(`Invalid column config for column \`${name}\`. Expected \`None\`, \`str\` or \`dict\`, but got \`<class '${type}'>\`.`);
}

function anchored(source: string | null | undefined, name: string): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(`^(?:${source})$`, "u");
  } catch {
    throw new StreamlitAPIException(`The validate pattern of column \`${name}\` is not a valid regular expression: ${pyRepr(source)}.`);
  }
}

export function resolveColumn(name: string, values: unknown[], config: ColumnConfig, disabled: boolean): EditorColumn {
  const dataKind = dataKindOf(values);
  const type = config.typeConfig?.type;
  const editableType = type !== undefined && type in COMPATIBLE;
  if (editableType && config.disabled !== true && !disabled && (!COMPATIBLE[type]!.includes(dataKind) || !fitsControl(type, values))) {
    throw new StreamlitAPIException(
      `The configured column type \`${type}\` for column \`${name}\` is not compatible for editing the underlying data type \`${dataKind}\`.\n\n` +
        "You have following options to fix this: 1) choose a compatible type 2) disable the column 3) convert the column into a compatible data type.",
    );
  }
  const kind: CellKind = type ?? DEFAULT_KIND[dataKind];
  const tc = config.typeConfig ?? null;
  return {
    name,
    label: config.label ?? name,
    kind,
    dataKind,
    // a link column (and every display-only type) is read-only here; a column of mixed values
    // cannot be edited, as in Streamlit
    editable: !disabled && config.disabled !== true && (type === undefined ? kind !== "readonly" : editableType),
    required: config.required === true,
    default: config.default ?? null,
    help: config.help ?? undefined,
    width: config.width ?? undefined,
    hidden: config.hidden === true,
    pinned: config.pinned === true,
    alignment: config.alignment ?? undefined,
    config: tc,
    pattern: tc && (tc.type === "text" || tc.type === "link") ? anchored(tc.validate, name) : undefined,
  };
}

// ---- cells ------------------------------------------------------------------------------------

type Checked = { value: Json } | { error: string };

/** Whether `v` may be the value of a cell of `col`: null when it may, else why not. */
export function checkValue(col: EditorColumn, v: Json): string | null {
  const what = `"${col.label}"`;
  if (v === null) return col.required ? `${what} needs a value.` : null;
  const tc = col.config;
  switch (col.kind) {
    case "number": {
      if (typeof v !== "number" || !Number.isFinite(v)) return `${what} takes a number, not ${JSON.stringify(v)}.`;
      if (col.dataKind === "integer" && !Number.isInteger(v)) return `${what} takes a whole number, not ${v}.`;
      const c = tc?.type === "number" ? tc : null;
      if (c?.minValue != null && v < c.minValue) return `${what}: ${v} is less than the minimum, ${c.minValue}.`;
      if (c?.maxValue != null && v > c.maxValue) return `${what}: ${v} is more than the maximum, ${c.maxValue}.`;
      return null;
    }
    case "checkbox":
      return typeof v === "boolean" ? null : `${what} takes true or false.`;
    case "selectbox": {
      const options = tc?.type === "selectbox" ? (tc.options ?? []) : [];
      return options.some((o) => o === v) ? null : `${what}: ${JSON.stringify(v)} is not one of the options.`;
    }
    case "date": {
      if (typeof v !== "string" || !isIsoDate(v)) return `${what} takes a date (YYYY-MM-DD), not ${JSON.stringify(v)}.`;
      const c = tc?.type === "date" ? tc : null;
      if (c?.minValue && v < c.minValue) return `${what}: ${v} is before the earliest date, ${c.minValue}.`;
      if (c?.maxValue && v > c.maxValue) return `${what}: ${v} is after the latest date, ${c.maxValue}.`;
      return null;
    }
    case "datetime":
    case "time": {
      const c = tc?.type === col.kind ? tc : null;
      return checkMoment(col.kind, v, what, c?.minValue, c?.maxValue);
    }
    case "multiselect": {
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) return `${what} takes a list of options.`;
      if (v.length === 0) return col.required ? `${what} needs a value.` : null;
      const c = tc?.type === "multiselect" ? tc : null;
      const stray = c?.acceptNewOptions ? undefined : v.find((x) => !(c?.options ?? []).includes(x as string));
      return stray === undefined ? null : `${what}: ${JSON.stringify(stray)} is not one of the options.`;
    }
    case "text":
    case "markdown": {
      if (typeof v !== "string") return `${what} takes text.`;
      const max = (tc?.type === "text" ? tc.maxChars : null) ?? MAX_TEXT_CHARS;
      // (counted before the author's pattern runs: it never sees more than this)
      if (v.length > max * 2 || [...v].length > max) return `${what}: at most ${max} characters.`;
      if (col.pattern && !col.pattern.test(v)) return `${what}: ${JSON.stringify(v)} does not have the expected form.`;
      return null;
    }
    default:
      return `${what} cannot be edited.`;
  }
}

/** The form control's text for a value: a number as typed, a checkbox "1" when ticked, a choice's index. */
export function showCell(col: EditorColumn, v: unknown): string {
  if (v === null || v === undefined) return "";
  if (col.kind === "checkbox") return v === true ? "1" : "";
  if (col.kind === "selectbox") {
    const options = col.config?.type === "selectbox" ? (col.config.options ?? []) : [];
    const i = options.findIndex((o) => o === v);
    return i < 0 ? "" : String(i);
  }
  if (col.kind === "datetime" || col.kind === "time") return showMoment(col.kind, v) ?? "";
  if (col.kind === "multiselect") return JSON.stringify(v);
  if (typeof v === "number" && Number.isNaN(v)) return "";
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

/** A multiselect cell's posted choices (a JSON list of text), or null. */
function parseList(text: string): string[] | null {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : null;
  } catch {
    return null;
  }
}

/** A multiselect cell's choices: the column's options, then any of the cell's values they lack. */
export function cellChoices(col: EditorColumn, v: unknown): string[] {
  const options = col.config?.type === "multiselect" ? (col.config.options ?? []) : [];
  const extra = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !options.includes(x)) : [];
  return [...options, ...extra];
}

/** A posted control's text as the cell's value, checked against the column. */
export function parseCell(col: EditorColumn, text: string): Checked {
  let value: Json;
  if (!col.editable) return { error: `"${col.label}" cannot be edited.` };
  if (col.kind === "checkbox") {
    if (text !== "" && text !== "1") return { error: `"${col.label}" takes true or false.` };
    value = text === "1";
  } else if (text === "") value = null;
  else if (col.kind === "number") {
    const n = postedNumber(text);
    if (n === null) return { error: `"${col.label}" takes a number, not ${JSON.stringify(text.length > 64 ? text.slice(0, 64) + "…" : text)}.` };
    value = n;
  } else if (col.kind === "selectbox") {
    const options = col.config?.type === "selectbox" ? (col.config.options ?? []) : [];
    const i = /^\d{1,9}$/.test(text) ? Number(text) : -1;
    if (i < 0 || i >= options.length) return { error: `"${col.label}": ${JSON.stringify(text)} is not one of the options.` };
    value = options[i]!;
  } else if (col.kind === "multiselect") {
    value = parseList(text);
    if (value === null) return { error: `"${col.label}" takes a list of options.` };
  } else value = text;
  const error = checkValue(col, value);
  return error ? { error } : { value };
}

// ---- display ----------------------------------------------------------------------------------

/** A number through a printf-style format ("%d", "%.2f", "%e", with text around it), else as is. */
export function formatNumber(v: number, format: string | null | undefined): string {
  if (!format) return String(v);
  const m = /%(\.(\d+))?([dife])/.exec(format);
  if (!m) return String(v); // Streamlit's named formats ("plain", "localized"...): the number as is
  const digits = m[2] === undefined ? 6 : Number(m[2]);
  const body = m[3] === "e" ? v.toExponential(digits) : m[3] === "f" ? v.toFixed(digits) : String(Math.trunc(v));
  // printf's "%%" is a literal percent sign
  const literal = (t: string) => t.replace(/%%/g, "%");
  return literal(format.slice(0, m.index)) + body + literal(format.slice(m.index + m[0].length));
}

/** What a read-only cell shows. */
export function displayCell(col: EditorColumn, v: unknown): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "";
  if (typeof v === "number" && col.config?.type === "number") return formatNumber(v, col.config.format);
  if (typeof v === "boolean") return v ? "true" : "false";
  return typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
}
