/**
 * A page written while its run goes on (st.writeStream): the HTML response is streamed in order, so
 * a browser shows it as it arrives, with JavaScript off too.
 *
 * At each stream point the page so far is rendered as a preview (renderPreview) and cut at the
 * node receiving text; the text follows as it is made. A later stream point closes the preview and
 * starts a new one, and when the run ends the real page (the form) follows; CSS hides every
 * preview that has a later sibling. So whatever the script does after a stream point (a status
 * updated, the sidebar written to, a rerun), the page the browser ends with is exactly the run's.
 */
import type { RunContext, StreamSink } from "../engine/run-context.ts";
import type { ElementNode } from "../engine/tree.ts";
import { esc } from "../elements/common.ts";
import { CURSOR } from "../elements/stream.ts";
import { renderPreview, type DocumentParts } from "../render/document.ts";

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * The end tags that close every element left open in `html`, innermost first. Our renderers write
 * well-formed HTML with escaped attribute values, so a tag scan is exact here.
 */
export function closingTags(html: string): string {
  const open: string[] = [];
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const [, end, tag, selfClosing] = m;
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (end) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!selfClosing && !VOID.has(name)) open.push(name);
  }
  return open.reverse().map((t) => `</${t}>`).join("");
}

/** What the sink needs from whoever serves the request. */
export interface PageStreamHooks {
  /** the document's start (up to <body>), or "" for the partial answer the client script reads */
  head(ctx: RunContext): string;
  /** the run so far, as the preview shows it */
  preview(ctx: RunContext): DocumentParts;
}

export class PageStream implements StreamSink {
  // (made when the page streams: most pages never reach a stream point, and a web stream with its
  // writer and a random marker cost more than nothing on every request)
  private made: { pipe: TransformStream<Uint8Array, Uint8Array>; writer: WritableStreamDefaultWriter<Uint8Array>; marker: string } | null = null;
  private readonly encoder = new TextEncoder();
  /** the open preview's HTML, to close it */
  private frame = "";
  private ended = false;
  private startedFlag = false;
  private markStarted!: () => void;
  /** resolves when the first stream point is reached: the response can start */
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));

  constructor(private readonly hooks: PageStreamHooks) {}

  private get parts() {
    if (this.made === null) {
      const pipe = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: 64 });
      this.made = { pipe, writer: pipe.writable.getWriter(), marker: `fl-cursor-${crypto.randomUUID()}` };
    }
    return this.made;
  }

  get readable(): ReadableStream<Uint8Array> {
    return this.parts.pipe.readable;
  }

  private get writer(): WritableStreamDefaultWriter<Uint8Array> {
    return this.parts.writer;
  }

  private get marker(): string {
    return this.parts.marker;
  }

  get isStarted(): boolean {
    return this.startedFlag;
  }

  async begin(ctx: RunContext, node: ElementNode): Promise<void> {
    node.props[CURSOR] = this.marker;
    const html = renderPreview(this.hooks.preview(ctx));
    const cut = html.indexOf(`<!--${this.marker}-->`);
    let out = closingTags(this.frame);
    if (!this.startedFlag) {
      this.startedFlag = true;
      out = this.hooks.head(ctx);
      this.markStarted();
    }
    this.frame = cut >= 0 ? html.slice(0, cut) : html;
    await this.send(out + this.frame);
  }

  async write(text: string): Promise<void> {
    const html = esc(text);
    this.frame += html;
    await this.send(html);
  }

  /** Closes the open preview, writes the end of the page (the real page) and ends the response. */
  async end(rest: string): Promise<void> {
    if (this.ended) return;
    const out = closingTags(this.frame) + rest;
    this.ended = true;
    try {
      await this.writer.write(this.encoder.encode(out));
      await this.writer.close();
    } catch {
      // the browser has gone: nothing to finish
    }
  }

  private async send(html: string): Promise<void> {
    // once the page has ended (the run was stopped for time) a late run writes nowhere: stop it
    if (this.ended) throw new Error("The page has already been answered.");
    await this.writer.write(this.encoder.encode(html));
  }
}
