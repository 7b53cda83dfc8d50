/** Metric, progress, spinner, image and st.empty. */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { helpTip, labelClass, toText, type LabelVisibility } from "./common.ts";
import { digest } from "../engine/widget-id.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { base64, urlScheme } from "./media-source.ts";
import { sized, type Extent } from "./sizing.ts";
import { checkIcon } from "./icon.ts";
import { iconContent } from "../render/icon.ts";
import { TAB_FIELD_PREFIX } from "../protocol/form.ts";
import { formatNumber } from "./data-editor-columns.ts";
import { sparklineCss, sparklineSvg, sparklineType, sparklineValues } from "./sparkline.ts";
import type { Html } from "../render/html.ts";

export interface MetricOptions {
  delta?: number | string | null;
  deltaColor?: "normal" | "inverse" | "off";
  help?: string;
  labelVisibility?: "visible" | "hidden" | "collapsed";
  /** a border around the metric (default false) */
  border?: boolean;
  /** an emoji or `:material/name:` shown before the label (Streamlit 1.61) */
  icon?: string | null;
  /** "stretch" (default), "content" or pixels */
  width?: Extent;
  /**
   * Numbers to draw as a small chart below the value (a sparkline, made on the server as SVG), in
   * the delta's colour (the theme's primary colour without a delta); null is a gap.
   */
  chartData?: readonly (number | null)[] | null;
  /** how `chartData` is drawn: `"line"` (default), `"bar"` or `"area"` */
  chartType?: "line" | "bar" | "area";
  /**
   * the delta's arrow: `"auto"` (default: up for a positive delta, down for a negative one), `"up"`,
   * `"down"`, or `"off"` (none); its colour still follows the delta's sign and `deltaColor`
   */
  deltaArrow?: "auto" | "up" | "down" | "off";
  /** a short text shown after the delta, in grey (say "vs. last month") */
  deltaDescription?: string | null;
  /**
   * how a number `value` and `delta` are written: printf-style (`"%.1f"`, `"%d km"`), or one of
   * `"plain"`, `"localized"`, `"percent"`, `"dollar"`, `"euro"`, `"compact"`, `"scientific"`; text values are shown as given
   */
  format?: string | null;
}
export interface ImageOptions {
  caption?: string;
  /** "content" (default: its own width, at most the parent's), "stretch" (the parent's width), or pixels */
  width?: Extent;
  useContainerWidth?: boolean;
  /** MIME type of bytes (default image/png) */
  mime?: string;
  /** the text alternative (default: the caption; with neither, the image is marked decorative) */
  alt?: string;
}
/** What st.progress returns: call it again to update the same bar within the run. */
export interface ProgressHandle {
  progress(value: number, text?: string): ProgressHandle;
}

// ---- st.metric --------------------------------------------------------------------------------

type Direction = "up" | "down";
type Tone = "good" | "bad" | "off";
type Arrow = Direction | "none";

const ARROWS = ["auto", "up", "down", "off"];

export function metric(c: ContainerBase, label: string, value: unknown, opts: MetricOptions = {}): void {
  const deltaColor = opts.deltaColor ?? "normal";
  if (deltaColor !== "normal" && deltaColor !== "inverse" && deltaColor !== "off") {
    throw new StreamlitAPIException(`'${String(deltaColor)}' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'`);
  }
  const deltaArrow = opts.deltaArrow ?? "auto";
  if (!ARROWS.includes(deltaArrow)) {
    throw new StreamlitAPIException(`'${String(deltaArrow)}' is not an accepted value. delta_arrow only accepts: 'auto', 'up', 'down', or 'off'`);
  }
  const format = opts.format ?? null;
  const shown = value === null || value === undefined ? "—" : typeof value === "number" ? metricNumber(value, format) : toText(value);
  const delta = opts.delta === null || opts.delta === undefined ? "" : typeof opts.delta === "number" ? metricNumber(opts.delta, format) : toText(opts.delta);
  // Streamlit reads the direction from the delta's text: a leading '-' is down.
  const direction: Direction = delta.trim().startsWith("-") ? "down" : "up";
  const tone: Tone = deltaColor === "off" ? "off" : (direction === "up") === (deltaColor === "normal") ? "good" : "bad";
  const arrow: Arrow = deltaArrow === "auto" ? direction : deltaArrow === "off" ? "none" : deltaArrow;
  const chartType = sparklineType(opts.chartType ?? "line");
  const chart = opts.chartData === null || opts.chartData === undefined ? null : sparklineSvg(sparklineValues(opts.chartData), chartType);
  const description = opts.deltaDescription === null || opts.deltaDescription === undefined ? "" : toText(opts.deltaDescription);
  c._push(sized(feedbackFamily.node("metric", { label: toText(label), value: shown, delta, direction, arrow, tone, description, chart, icon: checkIcon(opts.icon), help: opts.help, labelVisibility: opts.labelVisibility ?? "visible", border: opts.border ?? false }), opts));
}

/** Streamlit's named number formats, as the browser's Intl writes them (in English, as the server has no visitor's locale). */
const NAMED_FORMATS: Record<string, Intl.NumberFormatOptions> = {
  localized: {},
  percent: { style: "percent", maximumFractionDigits: 2 },
  dollar: { style: "currency", currency: "USD" },
  euro: { style: "currency", currency: "EUR" },
  compact: { notation: "compact" },
  scientific: { notation: "scientific" },
};

/** One formatter per named format, made on first use: making an Intl.NumberFormat costs far more than formatting with it. */
const namedFormatters = new Map<string, Intl.NumberFormat>();

function metricNumber(v: number, format: string | null): string {
  if (format === null || format === "plain") return toText(v);
  const named = NAMED_FORMATS[format];
  if (!named) return formatNumber(v, format);
  let formatter = namedFormatters.get(format);
  if (!formatter) namedFormatters.set(format, (formatter = new Intl.NumberFormat("en-US", named)));
  return formatter.format(v);
}

// ---- st.progress ------------------------------------------------------------------------------

/** Streamlit's rule: an integer is a percentage (0-100), any other number a fraction (0.0-1.0). */
function progressPercent(value: unknown): number {
  if (typeof value !== "number") {
    throw new StreamlitAPIException(`Progress Value has invalid type: ${value === null || value === undefined ? "NoneType" : typeof value === "string" ? "str" : typeof value}`);
  }
  if (Number.isInteger(value)) {
    if (value >= 0 && value <= 100) return value;
    throw new StreamlitAPIException(`Progress Value has invalid value [0, 100]: ${value}`);
  }
  if (value >= 0 && value <= 1) return Math.trunc(value * 100);
  throw new StreamlitAPIException(`Progress Value has invalid value [0.0, 1.0]: ${Number.isFinite(value) ? value.toFixed(6) : String(value).toLowerCase()}`);
}

export function progress(c: ContainerBase, value: number, opts: { text?: string } = {}): ProgressHandle {
  const props: ProgressProps = { value: progressPercent(value), text: opts.text ?? null };
  c._push(feedbackFamily.node("progress", props));
  const handle: ProgressHandle = {
    progress(v: number, text?: string) {
      props.value = progressPercent(v);
      props.text = text ?? null;
      return handle;
    },
  };
  return handle;
}

// ---- st.image ---------------------------------------------------------------------------------

/** An http(s) or relative URL, as a browser would read it (it ignores tabs and newlines in it). */
function safeImageUrl(src: string): string {
  const scheme = urlScheme(src);
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    throw new StreamlitAPIException(`st.image: only http(s) and relative URLs are shown, not "${scheme}:" ones. Pass the image's bytes instead.`);
  }
  return src.trim();
}

export function image(c: ContainerBase, src: string | Uint8Array, opts: ImageOptions = {}): void {
  let url: string;
  if (typeof src === "string") url = safeImageUrl(src);
  else if (src instanceof Uint8Array || (src as unknown) instanceof ArrayBuffer) {
    const mime = opts.mime ?? "image/png";
    if (!/^image\/[a-z0-9.+-]{1,64}$/i.test(mime)) throw new StreamlitAPIException(`st.image: "${mime}" is not an image MIME type.`);
    url = `data:${mime};base64,${base64(src instanceof Uint8Array ? src : new Uint8Array(src as ArrayBuffer))}`;
  } else {
    throw new StreamlitAPIException("st.image: pass a URL (a string) or the image's bytes (a Uint8Array).");
  }
  if (typeof opts.width === "number" && !(Number.isFinite(opts.width) && opts.width > 0)) {
    throw new StreamlitAPIException(`st.image: \`width\` must be a positive number of pixels, got ${String(opts.width)}.`);
  }
  // pixels are the <img> width attribute; "stretch" and "content" are the shared size box
  const pixels = typeof opts.width === "number" ? opts.width : null;
  c._push(sized(feedbackFamily.node("image", { url, caption: opts.caption ?? null, alt: opts.alt ?? opts.caption ?? "", width: pixels, full: opts.useContainerWidth ?? false }), { width: pixels === null ? opts.width : undefined }));
}

// ---- st.spinner -------------------------------------------------------------------------------

/**
 * Runs `fn` and returns its result. The page is answered only when the run ends, so there is
 * nothing to show while it runs (the client script's "Running…" indicator covers it): it renders
 * nothing.
 */
export async function spinner<T>(_c: ContainerBase, _text: string, fn: () => T | Promise<T>): Promise<T> {
  return await fn();
}

// ---- st.empty ---------------------------------------------------------------------------------

/** A container holding at most one element: each element written to it replaces the last. */
export function empty(c: ContainerBase): ContainerBase {
  const node = c._push(feedbackFamily.node("empty", {}, []));
  const slot = c._child(node);
  slot._push = (child: ElementNode) => {
    node.children!.length = 0;
    node.children!.push(child);
    return child;
  };
  return slot;
}

// ---- HTML -------------------------------------------------------------------------------------

const ARROW: Record<Direction, string> = { up: "↑", down: "↓" };

interface MetricProps {
  label: string;
  value: string;
  delta: string;
  direction: Direction;
  arrow: Arrow;
  tone: Tone;
  description: string;
  chart: Html | null;
  icon: string;
  help?: string;
  labelVisibility: LabelVisibility;
  border: boolean;
}
interface ProgressProps {
  value: number;
  text: string | null;
}
interface ImageProps {
  url: string;
  caption: string | null;
  alt: string;
  width: number | null;
  full: boolean;
}
interface FeedbackKinds {
  metric: MetricProps;
  progress: ProgressProps;
  image: ImageProps;
  empty: Record<string, never>;
}

const renderers: KindRenderers<FeedbackKinds> = {
  metric: (p) => {
    const labelCls = labelClass(p).replace("fl-label", "fl-metric-label");
    const tip = p.help && helpTip(`fl-metric-${digest(p.label + "\u0001" + p.help)}`, p.help);
    const arrow = p.arrow !== "none" && html`<span aria-hidden="true">${ARROW[p.arrow]}</span> <span class="fl-sr-only">${p.arrow === "up" ? "Up" : "Down"}: </span>`;
    const pill = p.delta && html`<span class="fl-metric-delta fl-delta-${p.tone}" data-direction="${p.direction}">${arrow}${p.delta}</span>`;
    const about = p.description && html`<span class="fl-metric-delta-description">${p.description}</span>`;
    const delta = (pill || about) && html`<dd class="fl-metric-delta-line">${pill}${pill && about ? " " : ""}${about}</dd>`;
    const chart = p.chart && html`<dd class="fl-metric-chart fl-spark-${p.delta ? p.tone : "accent"}">${p.chart}</dd>`;
    return html`<div class="fl-metric${p.border ? " fl-bordered" : ""}" data-kind="metric"><dl><dt class="${labelCls}">${p.icon && html`<span class="fl-metric-icon" aria-hidden="true">${iconContent(p.icon)}</span>`}${p.label}</dt><dd class="fl-metric-value">${p.value}</dd>${delta}${chart}</dl>${tip}</div>`;
  },
  progress: (p) => {
    // A <progress> inside its <label>: role progressbar, aria-valuenow from `value`, named by the text.
    const text = p.text ? html`<span class="fl-progress-text">${p.text}</span>` : html`<span class="fl-sr-only">Progress</span>`;
    return html`<div class="fl-progress" data-kind="progress" data-value="${p.value}"><label>${text}<progress max="100" value="${p.value}">${p.value}%</progress></label></div>`;
  },
  image: (p) => {
    const width = !p.full && p.width ? html` width="${Math.round(p.width)}"` : "";
    const img = html`<img src="${p.url}" alt="${p.alt}"${width} loading="lazy" decoding="async">`;
    const cls = `fl-image${p.full ? " fl-image-full" : ""}`;
    return p.caption === null
      ? html`<div class="${cls}" data-kind="image">${img}</div>`
      : html`<figure class="${cls}" data-kind="image">${img}<figcaption class="fl-caption">${p.caption}</figcaption></figure>`;
  },
  empty: (_p, n, render) => html`<div class="fl-empty" data-kind="empty">${render(n.children)}</div>`,
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
const feedbackCss = `

.fl-metric{margin:0 0 1rem}.fl-metric:has(>.fl-tip){display:flex;align-items:flex-start}.fl-metric dl{margin:0}.fl-metric dd{margin:0}
.fl-metric-label{font-size:.9rem}.fl-metric-icon{margin-right:.35em}
.fl-metric-value{font-size:2.25rem;line-height:1.2;font-variant-numeric:tabular-nums}
.fl-metric-delta{display:inline-block;font-size:.9rem;padding:.05rem .5rem;border-radius:1rem;margin-top:.2rem}
.fl-delta-good{color:var(--fl-ok);background:var(--fl-ok-bg)}
.fl-delta-bad{color:var(--fl-err);background:var(--fl-err-bg)}
.fl-delta-off{color:var(--fl-muted);background:var(--fl-side)}
.fl-metric-delta-description{font-size:.9rem;color:var(--fl-muted)}
.fl-spark-good{color:var(--fl-ok)}.fl-spark-bad{color:var(--fl-err)}.fl-spark-off{color:var(--fl-muted)}.fl-spark-accent{color:var(--fl-accent)}
${sparklineCss}.fl-progress{margin:0 0 1rem}.fl-progress label{display:block}
.fl-progress-text{display:block;font-size:.9rem;margin-bottom:.25rem}
.fl-progress progress{display:block;width:100%;height:.6rem;accent-color:var(--fl-accent)}
.fl-image{margin:0 0 1rem;width:fit-content;max-width:100%}.fl-image img{max-width:100%;height:auto;display:block}
.fl-image-full,.fl-image-full img{width:100%}
.fl-image figcaption{text-align:center}
`;
export const feedbackFamily = defineFamily<FeedbackKinds>(renderers, feedbackCss);
