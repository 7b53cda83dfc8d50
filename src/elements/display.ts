/** Text and data display: title, header, markdown, text, code, json, write, alerts, divider. */
import type { ElementNode } from "../engine/tree.ts";
import { StreamlitError } from "../engine/errors.ts";
import type { ContainerBase } from "./base.ts";
import { esc, toText } from "./common.ts";
import { renderMarkdown, renderMarkdownInline } from "./markdown.ts";
import type { Renderers } from "../render/types.ts";

export type AlertKind = "success" | "info" | "warning" | "error";

const node = (c: ContainerBase, type: string, props: Record<string, unknown>) => c._push({ type, props });

export function heading(c: ContainerBase, level: 1 | 2 | 3, body: string, opts: { anchor?: string; help?: string } = {}) {
  node(c, "heading", { level, body: toText(body), anchor: opts.anchor, help: opts.help });
}

export function markdown(c: ContainerBase, body: string, opts: { unsafeAllowHtml?: boolean; help?: string } = {}) {
  node(c, "markdown", { body: toText(body), html: opts.unsafeAllowHtml ?? false, help: opts.help });
}

export function text(c: ContainerBase, body: unknown) {
  node(c, "text", { body: toText(body) });
}

export function caption(c: ContainerBase, body: string) {
  node(c, "caption", { body: toText(body) });
}

export function code(c: ContainerBase, body: string, opts: { language?: string | null } = {}) {
  node(c, "code", { body: toText(body), language: opts.language ?? "python" });
}

export function json(c: ContainerBase, value: unknown, opts: { expanded?: boolean } = {}) {
  let body: string;
  try {
    body = JSON.stringify(value, null, 2) ?? toText(value);
  } catch {
    body = toText(value);
  }
  node(c, "json", { body, expanded: opts.expanded ?? true });
}

export function divider(c: ContainerBase) {
  node(c, "divider", {});
}

export function alert(c: ContainerBase, kind: AlertKind, body: string, opts: { icon?: string } = {}) {
  node(c, "alert", { kind, body: toText(body), icon: opts.icon });
}

export function exception(c: ContainerBase, err: unknown) {
  const e = err instanceof Error ? err : new Error(toText(err));
  const errorType = e instanceof StreamlitError ? e.type : e.name || "Error";
  node(c, "exception", { errorType, message: e.message });
}

/** st.write: strings as markdown, errors as exceptions, data as JSON, the rest as text. */
export function write(c: ContainerBase, ...args: unknown[]) {
  for (const arg of args) {
    if (typeof arg === "string") markdown(c, arg);
    else if (arg instanceof Error) exception(c, arg);
    else if (arg !== null && typeof arg === "object") json(c, arg);
    else text(c, arg);
  }
}

const ALERT_ICONS: Record<AlertKind, string> = { success: "✅", info: "ℹ️", warning: "⚠️", error: "⛔" };

export const displayRenderers: Renderers = {
  heading: (n: ElementNode) => {
    const p = n.props as { level: number; body: string; anchor?: string };
    const tag = `h${p.level}`;
    const id = p.anchor ? ` id="${esc(p.anchor)}"` : "";
    return `<${tag} class="fl-heading"${id}>${esc(p.body)}</${tag}>`;
  },
  markdown: (n) => {
    const p = n.props as { body: string; html: boolean };
    return `<div class="fl-markdown" data-kind="markdown">${renderMarkdown(p.body, p.html)}</div>`;
  },
  text: (n) => `<pre class="fl-text" data-kind="text">${esc(n.props.body)}</pre>`,
  caption: (n) => `<p class="fl-caption">${renderMarkdownInline(String(n.props.body))}</p>`,
  code: (n) => {
    const lang = n.props.language ? ` class="language-${esc(n.props.language)}"` : "";
    return `<pre class="fl-code"><code${lang}>${esc(n.props.body)}</code></pre>`;
  },
  json: (n) => `<pre class="fl-json" data-kind="json">${esc(n.props.body)}</pre>`,
  divider: () => `<hr class="fl-divider">`,
  alert: (n) => {
    const p = n.props as { kind: AlertKind; body: string; icon?: string };
    const role = p.kind === "error" || p.kind === "warning" ? "alert" : "status";
    const icon = p.icon ?? ALERT_ICONS[p.kind];
    return `<div class="fl-alert fl-alert-${p.kind}" role="${role}" data-kind="${p.kind}"><span class="fl-alert-icon" aria-hidden="true">${esc(icon)}</span><div class="fl-alert-body">${renderMarkdown(p.body)}</div></div>`;
  },
  exception: (n) => {
    const p = n.props as { errorType: string; message: string; stack?: string };
    const stack = p.stack ? `<pre class="fl-stack">${esc(p.stack)}</pre>` : "";
    return `<div class="fl-exception" role="alert" data-kind="exception" data-type="${esc(p.errorType)}"><p class="fl-exception-type">${esc(p.errorType)}</p><pre class="fl-exception-message">${esc(p.message)}</pre>${stack}</div>`;
  },
};
