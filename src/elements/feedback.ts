/** Metric, progress, spinner, image, st.empty and st.tabs. */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { RunContext } from "../engine/run-context.ts";
import type { ElementNode } from "../engine/tree.ts";
import { TAB_FIELD_PREFIX } from "../protocol/form.ts";
import { esc, toText, type LabelVisibility } from "./common.ts";
import type { Renderers } from "../render/types.ts";

export interface MetricOptions {
  delta?: number | string | null;
  deltaColor?: "normal" | "inverse" | "off";
  help?: string;
  labelVisibility?: "visible" | "hidden" | "collapsed";
}
export interface ImageOptions {
  caption?: string;
  width?: number;
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

export function metric(c: ContainerBase, label: string, value: unknown, opts: MetricOptions = {}): void {
  const deltaColor = opts.deltaColor ?? "normal";
  if (deltaColor !== "normal" && deltaColor !== "inverse" && deltaColor !== "off") {
    throw new StreamlitAPIException(`'${String(deltaColor)}' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'`);
  }
  const shown = value === null || value === undefined ? "—" : toText(value);
  const delta = opts.delta === null || opts.delta === undefined ? "" : toText(opts.delta);
  // Streamlit reads the direction from the delta's text: a leading '-' is down.
  const direction: Direction = delta.trim().startsWith("-") ? "down" : "up";
  const tone: Tone = deltaColor === "off" ? "off" : (direction === "up") === (deltaColor === "normal") ? "good" : "bad";
  c._push({
    type: "metric",
    props: { label: toText(label), value: shown, delta, direction, tone, help: opts.help, labelVisibility: opts.labelVisibility ?? "visible" },
  });
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
  const node: ElementNode = { type: "progress", props: { value: progressPercent(value), text: opts.text ?? null } };
  c._push(node);
  const handle: ProgressHandle = {
    progress(v: number, text?: string) {
      node.props = { value: progressPercent(v), text: text ?? null };
      return handle;
    },
  };
  return handle;
}

// ---- st.image ---------------------------------------------------------------------------------

export function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** An http(s) or relative URL, as a browser would read it (it ignores tabs and newlines in it). */
function safeImageUrl(src: string): string {
  const squeezed = src.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(squeezed)?.[1]?.toLowerCase();
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
  if (opts.width !== undefined && !(Number.isFinite(opts.width) && opts.width > 0)) {
    throw new StreamlitAPIException(`st.image: \`width\` must be a positive number of pixels, got ${String(opts.width)}.`);
  }
  c._push({
    type: "image",
    props: { url, caption: opts.caption ?? null, alt: opts.alt ?? opts.caption ?? "", width: opts.width ?? null, full: opts.useContainerWidth ?? false },
  });
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
  const node = c._push({ type: "empty", props: {}, children: [] });
  const slot = c._child(node);
  slot._push = (child: ElementNode) => {
    node.children!.length = 0;
    node.children!.push(child);
    return child;
  };
  return slot;
}

// ---- st.tabs ----------------------------------------------------------------------------------

/**
 * st.tabs groups of each run, numbered in call order: their radios' names and DOM ids. Inside a
 * fragment they are numbered within it, so a fragment's rerun gives its tabs the names they had.
 */
const tabGroups = new WeakMap<RunContext, Map<string, number>>();

/**
 * One container per tab. Without JS: a radio per tab (named `_tab-<n>`, which is no widget id, so
 * the server ignores it) with its label, each followed by its panel; CSS shows the panel after the
 * checked radio. The first tab is checked on every render.
 */
export function tabs(c: ContainerBase, labels: string[]): ContainerBase[] {
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.");
  }
  if (labels.some((l) => typeof l !== "string")) {
    throw new StreamlitAPIException("The tabs input list to st.tabs is only allowed to contain strings.");
  }
  const ctx = c._run("st.tabs");
  const counts = tabGroups.get(ctx) ?? new Map<string, number>();
  tabGroups.set(ctx, counts);
  const within = ctx.fragments.current?.id ?? "";
  const n = (counts.get(within) ?? 0) + 1;
  counts.set(within, n);
  const group = within ? `${within}-${n}` : n;
  const node: ElementNode = { type: "tabs", props: { group }, children: [] };
  c._push(node);
  return labels.map((label) => {
    const tab: ElementNode = { type: "tab", props: { label }, children: [] };
    node.children!.push(tab);
    return c._child(tab);
  });
}

// ---- HTML -------------------------------------------------------------------------------------

const ARROW: Record<Direction, string> = { up: "↑", down: "↓" };

export const feedbackRenderers: Renderers = {
  metric: (n) => {
    const p = n.props as { label: string; value: string; delta: string; direction: Direction; tone: Tone; help?: string; labelVisibility: LabelVisibility };
    const labelCls = p.labelVisibility === "visible" ? "fl-metric-label" : "fl-metric-label fl-sr-only";
    const delta = p.delta
      ? `<dd class="fl-metric-delta fl-delta-${p.tone}" data-direction="${p.direction}"><span aria-hidden="true">${ARROW[p.direction]}</span> <span class="fl-sr-only">${p.direction === "up" ? "Up" : "Down"}: </span>${esc(p.delta)}</dd>`
      : "";
    const help = p.help ? `<p class="fl-help">${esc(p.help)}</p>` : "";
    return `<div class="fl-metric" data-kind="metric"><dl><dt class="${labelCls}">${esc(p.label)}</dt><dd class="fl-metric-value">${esc(p.value)}</dd>${delta}</dl>${help}</div>`;
  },
  progress: (n) => {
    const p = n.props as { value: number; text: string | null };
    // A <progress> inside its <label>: role progressbar, aria-valuenow from `value`, named by the text.
    const text = p.text ? `<span class="fl-progress-text">${esc(p.text)}</span>` : `<span class="fl-sr-only">Progress</span>`;
    return `<div class="fl-progress" data-kind="progress" data-value="${p.value}"><label>${text}<progress max="100" value="${p.value}">${p.value}%</progress></label></div>`;
  },
  image: (n) => {
    const p = n.props as { url: string; caption: string | null; alt: string; width: number | null; full: boolean };
    const width = p.full ? "" : p.width ? ` width="${Math.round(p.width)}"` : "";
    const img = `<img src="${esc(p.url)}" alt="${esc(p.alt)}"${width} loading="lazy" decoding="async">`;
    const cls = `fl-image${p.full ? " fl-image-full" : ""}`;
    return p.caption === null
      ? `<div class="${cls}" data-kind="image">${img}</div>`
      : `<figure class="${cls}" data-kind="image">${img}<figcaption class="fl-caption">${esc(p.caption)}</figcaption></figure>`;
  },
  empty: (n, children) => `<div class="fl-empty" data-kind="empty">${children(n.children)}</div>`,
  tabs: (n, children) => {
    const group = esc(n.props.group);
    const tabsHtml = (n.children ?? [])
      .map((tab, i) => {
        const id = `fl-tab-${group}-${i}`;
        return (
          `<input type="radio" class="fl-tab-radio" name="${TAB_FIELD_PREFIX}${group}" id="${id}" value="${i}"${i === 0 ? " checked" : ""}>` +
          `<label class="fl-tab-label" for="${id}">${esc(tab.props.label)}</label>` +
          `<div class="fl-tab-panel" data-kind="tab">${children(tab.children)}</div>`
        );
      })
      .join("");
    return `<fieldset class="fl-tabs" data-kind="tabs"><legend class="fl-sr-only">Tabs</legend>${tabsHtml}</fieldset>`;
  },
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const feedbackCss = `
.fl-metric{margin:0 0 1rem}.fl-metric dl{margin:0}.fl-metric dd{margin:0}
.fl-metric-label{font-size:.9rem}
.fl-metric-value{font-size:2.25rem;line-height:1.2;font-variant-numeric:tabular-nums}
.fl-metric-delta{display:inline-block;font-size:.9rem;padding:.05rem .5rem;border-radius:1rem;margin-top:.2rem}
.fl-delta-good{color:var(--fl-ok);background:var(--fl-ok-bg)}
.fl-delta-bad{color:var(--fl-err);background:var(--fl-err-bg)}
.fl-delta-off{color:var(--fl-muted);background:var(--fl-side)}
.fl-progress{margin:0 0 1rem}.fl-progress label{display:block}
.fl-progress-text{display:block;font-size:.9rem;margin-bottom:.25rem}
.fl-progress progress{display:block;width:100%;height:.6rem;accent-color:var(--fl-accent)}
.fl-image{margin:0 0 1rem;width:fit-content;max-width:100%}.fl-image img{max-width:100%;height:auto;display:block}
.fl-image-full,.fl-image-full img{width:100%}
.fl-image figcaption{text-align:center}
.fl-tabs{position:relative;display:flex;flex-wrap:wrap;align-items:flex-end;border:0;padding:0;margin:0 0 1rem;min-width:0}
.fl-tab-radio{position:absolute;opacity:0;width:1px;height:1px;margin:0;pointer-events:none}
.fl-tab-label{padding:.45rem .9rem;cursor:pointer;color:var(--fl-muted);border-bottom:2px solid transparent;position:relative;z-index:1}
.fl-tab-label:hover{color:var(--fl-fg)}
.fl-tab-radio:checked+.fl-tab-label{color:var(--fl-accent-text);border-bottom-color:var(--fl-accent)}
.fl-tab-radio:focus-visible+.fl-tab-label{outline:3px solid var(--fl-focus);outline-offset:2px}
.fl-tab-panel{display:none;order:1;flex:1 0 100%;min-width:0;padding-top:1rem;border-top:1px solid var(--fl-line);margin-top:-1px}
.fl-tab-radio:checked+.fl-tab-label+.fl-tab-panel{display:block}
`;
