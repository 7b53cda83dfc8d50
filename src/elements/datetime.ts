/**
 * The date-and-time field (Streamlit 1.52's `st.datetime_input`): a native
 * `<input type="datetime-local">`. Its value is the string that control posts, to the minute and
 * without a time zone ("YYYY-MM-DDTHH:MM"), as Streamlit strips the zone from the datetime it
 * returns. A posted value the widget cannot accept keeps the last good one and says why next to the
 * field, as dateInput does.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException, WrongValueType } from "../engine/errors.ts";
import { callbackOf, describedBy, disabledAttr, domId, invalidAttr, keyOf, labelHtml, pyRepr, pyType, widgetProps, widgetWrap, type ChangeOptions, type WidgetOptions, type WidgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";
import { isIsoDate, shiftYears } from "./dates.ts";

export interface DatetimeInputOptions extends WidgetOptions, ChangeOptions {
  /**
   * "now" (the UTC date and time, to the minute; the default), "YYYY-MM-DDTHH:MM" (seconds are
   * dropped), "YYYY-MM-DD" (that day at 00:00), or null (empty until the user picks one)
   */
  value?: string | null;
  /** earliest date and time, in the same forms (default: ten years before the value, as in Streamlit) */
  minValue?: string;
  /** latest date and time (default: ten years after the value) */
  maxValue?: string;
  /** Streamlit's display format for the date part; the browser's control shows it in the user's locale */
  format?: string;
  /** seconds between choices (default 900, between 60 and 23 hours, as in Streamlit) */
  step?: number;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;

/** "YYYY-MM-DDTHH:MM" for a real date and time (seconds dropped), else null. */
export function toDatetime(s: string): string | null {
  const m = DATETIME.exec(s);
  return m && isIsoDate(m[1]!) ? `${m[1]}T${m[2]}:${m[3]}` : null;
}

const nowUtc = () => new Date().toISOString().slice(0, 16);

/** The same moment `years` years away (Feb 29 becomes Feb 28). */
const shiftMoment = (dt: string, years: number) => shiftYears(dt.slice(0, 10), years) + dt.slice(10);

function authorDatetime(v: unknown, what: string): string {
  const s = v === "now" ? nowUtc() : typeof v === "string" && isIsoDate(v) ? `${v}T00:00` : typeof v === "string" ? toDatetime(v) : null;
  if (s === null) {
    throw new StreamlitAPIException(`Datetime input \`${what}\` must be an ISO date and time "YYYY-MM-DDTHH:MM", an ISO date or "now", not ${pyRepr(v)}.`);
  }
  return s;
}

/** The author's arguments, checked: the default (or none), the bounds and the step. */
function datetimeShape(opts: DatetimeInputOptions) {
  const given = opts.value === undefined ? "now" : opts.value;
  const step = opts.step ?? 900;
  if (!Number.isInteger(step) || step < 60 || step > 23 * 3600) {
    throw new StreamlitAPIException(`\`step\` must be between 60 seconds and 23 hours but is currently set to ${step} seconds.`);
  }
  const initial = given === null ? null : authorDatetime(given, "value");
  const anchor = initial ?? nowUtc();
  const min = opts.minValue !== undefined ? authorDatetime(opts.minValue, "min_value") : shiftMoment(anchor, -10);
  const max = opts.maxValue !== undefined ? authorDatetime(opts.maxValue, "max_value") : shiftMoment(anchor, 10);
  if (min > max) {
    throw new StreamlitAPIException(`The \`min_value\`, set to ${min}, shouldn't be larger than the \`max_value\`, set to ${max}.`);
  }
  if (initial !== null && (initial < min || initial > max)) {
    throw new StreamlitAPIException(`The default \`value\` of ${initial} must lie between the \`min_value\` of ${min} and the \`max_value\` of ${max}, inclusively.`);
  }
  return { given, initial, min, max, step };
}

type Shape = ReturnType<typeof datetimeShape>;

/** Reads the posted date and time; empty only when the default was None. */
function parseDatetime(raw: string[], label: string, { given, min, max }: Shape): { value: string | null } | { error: string } {
  if (raw.length !== 1) return { error: `${label}: expected one date and time.` };
  const s = (raw[0] ?? "").trim();
  if (s === "") return given === null ? { value: null } : { error: `${label}: enter a date and time.` };
  const v = s.length <= 23 ? toDatetime(s) : null;
  if (v === null) return { error: `${label}: "${s.slice(0, 40)}" is not a date and time (YYYY-MM-DDTHH:MM).` };
  if (v < min) return { error: `${label}: ${v} is before the earliest, ${min}.` };
  if (v > max) return { error: `${label}: ${v} is after the latest, ${max}.` };
  return { value: v };
}

export function datetimeInput(c: ContainerBase, label: string, opts: DatetimeInputOptions = {}): string | null {
  const key = keyOf(opts.key);
  const shape = datetimeShape(opts);
  const { given, initial, min, max, step } = shape;
  const reg = register<string | null>(c, {
    elementType: "date_time_input",
    key,
    // the author's value as given ("now" stays "now"), so the widget keeps its id as time passes
    idParams: { label, value: given, min_value: opts.minValue, max_value: opts.maxValue, help: opts.help, format: opts.format, step },
    // with a key, new bounds keep the value (Streamlit 1.53); format and step still reset it
    keyedIdParams: ["format", "step"],
    style: "one",
    initial,
    hasDefault: given !== "now" && given !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      return parseDatetime(raw, label, shape);
    },
    serialize(v) {
      if (v !== null && (typeof v !== "string" || toDatetime(v) !== v)) throw new WrongValueType(pyRepr(v), pyType(v), "ISO datetime str (YYYY-MM-DDTHH:MM)");
      return [v ?? ""];
    },
  });
  c._push(datetimeFamily.node("datetime_input", { ...widgetProps(reg, label, key, opts), min, max, step }));
  return reg.value;
}

type DatetimeProps = WidgetProps & { min: string; max: string; step: number };

export const datetimeFamily = defineFamily<{ datetime_input: DatetimeProps }>(
  {
    datetime_input: (p) => {
      const input = html`<input class="fl-input fl-datetime" type="datetime-local" id="${domId(p.id)}" name="${p.id}" value="${p.raw[0] ?? ""}" min="${p.min}" max="${p.max}" step="${p.step}"${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}>`;
      return widgetWrap("datetime_input", p, labelHtml(p), input);
    },
  },
  `.fl-datetime{max-width:20rem}`,
);
