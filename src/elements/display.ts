/** Text and data display: title, header, markdown, text, code, json, write, alerts, divider. */
import { StreamlitError } from "../engine/errors.ts";
import type { ContainerBase } from "./base.ts";
import { helpTip, pyStr, toText } from "./common.ts";
import { digest } from "../engine/widget-id.ts";
import { table, type TableData } from "./data.ts";
import { markdownCss, renderMarkdown, renderMarkdownInline } from "./markdown.ts";
import { defineFamily } from "./family.ts";
import { iconContent } from "../render/icon.ts";
import { checkIcon } from "./icon.ts";
import { html } from "../render/html.ts";
import { sized, type SizeOptions, type WidthOption } from "./sizing.ts";

export type AlertKind = "success" | "info" | "warning" | "error";

export function heading(c: ContainerBase, level: 1 | 2 | 3, body: string, opts: { anchor?: string; help?: string } & WidthOption = {}) {
  c._push(sized(displayFamily.node("heading", { level, body: toText(body), anchor: opts.anchor, help: opts.help }), opts));
}

export function markdown(c: ContainerBase, body: string, opts: { unsafeAllowHtml?: boolean; help?: string } & WidthOption = {}) {
  c._push(sized(displayFamily.node("markdown", { body: toText(body), html: opts.unsafeAllowHtml ?? false, help: opts.help }), opts));
}

export function text(c: ContainerBase, body: unknown) {
  c._push(displayFamily.node("text", { body: toText(body) }));
}

export function caption(c: ContainerBase, body: string) {
  c._push(displayFamily.node("caption", { body: toText(body) }));
}

export function code(c: ContainerBase, body: string, opts: { language?: string | null } & SizeOptions = {}) {
  c._push(sized(displayFamily.node("code", { body: toText(body), language: opts.language ?? "python" }), opts));
}

export function json(c: ContainerBase, value: unknown, opts: { expanded?: boolean } & WidthOption = {}) {
  let body: string;
  try {
    body = JSON.stringify(value, null, 2) ?? toText(value);
  } catch {
    body = toText(value);
  }
  c._push(sized(displayFamily.node("json", { body, expanded: opts.expanded ?? true }), opts));
}

export function divider(c: ContainerBase) {
  c._push(displayFamily.node("divider", {}));
}

/** An alert: its body as Markdown, led by its icon (an emoji or `:material/name:`) when it has one, as in Streamlit. */
export function alert(c: ContainerBase, kind: AlertKind, body: string, opts: { icon?: string | null } & WidthOption = {}) {
  c._push(sized(displayFamily.node("alert", { kind, body: toText(body), icon: checkIcon(opts.icon) }), opts));
}

export function exception(c: ContainerBase, err: unknown) {
  const e = err instanceof Error ? err : new Error(toText(err));
  const errorType = e instanceof StreamlitError ? e.type : e.name || "Error";
  c._push(displayFamily.node("exception", { errorType, message: e.message }));
}

/** A plain object (written as `{...}`): not null, an array or a class instance. */
const plain = (x: unknown) => x !== null && typeof x === "object" && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** Rows (an array of plain objects) or columns (an object of arrays of one length): a table's data. */
function isTableData(v: unknown): v is TableData {
  if (Array.isArray(v)) return v.length > 0 && v.every(plain);
  if (!plain(v)) return false;
  const columns = Object.values(v as object);
  return columns.length > 0 && columns.every((col) => Array.isArray(col) && col.length === columns[0].length);
}

/**
 * st.write, as Streamlit writes its arguments: runs of text and plain values make one line of
 * Markdown, joined by spaces (a value as code: `None`, `42`, `True`); an error is an exception,
 * rows or columns a table (Streamlit draws a DataFrame), any other object or array JSON.
 */
export function write(c: ContainerBase, ...args: unknown[]) {
  const line: string[] = [];
  for (const arg of args) {
    if (typeof arg === "string") line.push(arg);
    else if (arg instanceof Error) (flush(c, line), exception(c, arg));
    else if (isTableData(arg)) (flush(c, line), table(c, arg));
    else if (arg !== null && typeof arg === "object") (flush(c, line), json(c, arg));
    else line.push("`" + pyStr(arg).replace(/`/g, "\\`") + "`");
  }
  flush(c, line);
}

/** The line st.write has gathered so far, as one Markdown element (a module function: st.write runs often). */
function flush(c: ContainerBase, line: string[]) {
  if (line.length) markdown(c, line.splice(0).join(" "));
}


interface Text {
  body: string;
}
interface DisplayKinds {
  heading: Text & { level: 1 | 2 | 3; anchor?: string; help?: string };
  markdown: Text & { html: boolean; help?: string };
  text: Text;
  caption: Text;
  code: Text & { language: string | null };
  json: Text & { expanded: boolean };
  divider: Record<string, never>;
  alert: Text & { kind: AlertKind; icon: string };
  /** also made by the engine, for an exception the script raised (its stack in development) */
  exception: { errorType: string; message: string; stack?: string };
}

/** The DOM id of a text element's help: made from what it shows, as the element has no other id. */
const helpId = (...parts: (string | number)[]) => "fl-help-" + digest(parts.join("\u0001"));

/** A heading; with help, the "?" sits beside it (outside it, so the heading's name stays its text). */
function headingHtml(p: DisplayKinds["heading"]) {
  const id = p.anchor && html` id="${p.anchor}"`;
  const body = renderMarkdownInline(p.body);
  // (the tag's name is written out: a template escapes every value, and a tag name is no text)
  const h =
    p.level === 1 ? html`<h1 class="fl-heading"${id}>${body}</h1>` : p.level === 2 ? html`<h2 class="fl-heading"${id}>${body}</h2>` : html`<h3 class="fl-heading"${id}>${body}</h3>`;
  return p.help ? html`<div class="fl-heading-help">${h}${helpTip(helpId(p.level, p.body, p.help), p.help)}</div>` : h;
}

export const displayFamily = defineFamily<DisplayKinds>({
  heading: headingHtml,
  markdown: (p) =>
    html`<div class="fl-markdown" data-kind="markdown">${renderMarkdown(p.body, p.html)}${p.help && helpTip(helpId("markdown", p.body, p.help), p.help)}</div>`,
  text: (p) => html`<pre class="fl-text" data-kind="text">${p.body}</pre>`,
  caption: (p) => html`<p class="fl-caption">${renderMarkdownInline(p.body)}</p>`,
  code: (p) => html`<pre class="fl-code"><code${p.language && html` class="language-${p.language}"`}>${p.body}</code></pre>`,
  // the copy button is drawn hidden: only the client script can copy, and shows it
  json: (p) =>
    html`<div class="fl-json-box"><pre class="fl-json" data-kind="json">${p.body}</pre><button type="button" class="fl-json-copy" aria-label="Copy to clipboard" title="Copy to clipboard"><span aria-hidden="true">⧉</span></button></div>`,
  divider: () => html`<hr class="fl-divider">`,
  alert: (p) => {
    const role = p.kind === "error" || p.kind === "warning" ? "alert" : "status";
    const icon = p.icon && html`<span class="fl-alert-icon" aria-hidden="true">${iconContent(p.icon)}</span>`;
    return html`<div class="fl-alert fl-alert-${p.kind}" role="${role}" data-kind="${p.kind}">${icon}<div class="fl-alert-body">${renderMarkdown(p.body)}</div></div>`;
  },
  exception: (p) =>
    html`<div class="fl-exception" role="alert" data-kind="exception" data-type="${p.errorType}"><p class="fl-exception-type">${p.errorType}</p><pre class="fl-exception-message">${p.message}</pre>${p.stack && html`<pre class="fl-stack">${p.stack}</pre>`}</div>`,
}, markdownCss);
