/**
 * st.writeStream: writes text as an (async) iterable yields it and returns the whole text. When the
 * response can stream, the page so far and each piece of text reach the browser as they are made
 * (the run's StreamSink); otherwise the text appears with the rest of the page.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import type { StreamText } from "../engine/presses.ts";
import { findNonJson } from "../engine/json-check.ts";
import { write } from "./display.ts";
import { renderMarkdown } from "./markdown.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";

/** What st.writeStream accepts: an iterable or async iterable, or a function returning one. */
export type StreamSource<T = unknown> = Iterable<T> | AsyncIterable<T> | (() => Iterable<T> | AsyncIterable<T>);

/**
 * Set (by the sink, to a marker of its own) on the node receiving text while the page streams:
 * the rendered page is cut at that marker, where the next text goes.
 */
export const CURSOR = "cursor";

/** The node receiving text: the text so far, and the marker (named CURSOR) while the page streams. */
interface StreamProps {
  text: string;
  cursor?: string;
}

function isIterable(x: unknown): x is Iterable<unknown> | AsyncIterable<unknown> {
  return x !== null && typeof x === "object" && (Symbol.asyncIterator in x || Symbol.iterator in x);
}

/** An OpenAI chat completion chunk gives its delta's text, as Streamlit reads it. */
function textOf(chunk: unknown): string | null {
  if (typeof chunk === "string") return chunk;
  const choices = (chunk as { choices?: { delta?: { content?: string | null } }[] } | null)?.choices;
  if (Array.isArray(choices)) return choices[0]?.delta?.content ?? "";
  return null;
}

export function isStreamSource(x: unknown): boolean {
  // (a generator or an async iterable: st.write of an array or a Map still shows the data)
  return isIterable(x) && (Symbol.asyncIterator in x || Object.prototype.toString.call(x) === "[object Generator]");
}

export async function writeStream(c: ContainerBase, stream: StreamSource): Promise<string | unknown[]> {
  const ctx = c._run("st.writeStream");
  // (a list is iterated, as Streamlit iterates one; a string alone is not a stream)
  if (typeof stream === "string") {
    throw new StreamlitAPIException("`st.write_stream` expects a generator or stream-like object as input not <class 'str'>. Please use `st.write` instead for this data type.");
  }
  if (ctx.mode === "replay") return replayed(c, ctx.streams.replayed());
  const at = ctx.mode === "run" ? ctx.streams.begin() : -1;
  const written = await streamed(c, stream);
  if (at >= 0) ctx.streams.end(at, keepable(written));
  return written;
}

/**
 * A replay shows what the live run's call wrote (the session carried it) without calling the
 * source: a stream is most often a model's answer, which must be asked for once.
 */
function replayed(c: ContainerBase, text: StreamText): string | unknown[] {
  if (typeof text === "string") {
    if (text) c._push(streamFamily.node("write_stream", { text }));
  } else {
    for (const piece of text) (typeof piece === "string" ? c._push(streamFamily.node("write_stream", { text: piece })) : write(c, piece));
  }
  return text;
}

/** What the session can carry of a stream's result: its pieces only if they are JSON. */
function keepable(written: string | unknown[]): StreamText {
  return typeof written === "string" || findNonJson({ w: written }) === null ? (written as StreamText) : "";
}

async function streamed(c: ContainerBase, stream: StreamSource): Promise<string | unknown[]> {
  const ctx = c._run("st.writeStream");
  const source = typeof stream === "function" ? stream() : stream;
  if (!isIterable(source)) {
    throw new StreamlitAPIException(`The provided input (type: ${typeof source}) cannot be iterated. Please make sure that it is a generator, generator function or iterable.`);
  }
  // Streamed text only when the run is the one answering (not a discovery rerun or a callback).
  const sink = ctx.mode === "run" ? ctx.request.stream : undefined;
  const written: unknown[] = [];
  let node: ElementNode | null = null;
  let props: StreamProps | null = null;
  // A node receives text; the page so far reaches the browser as soon as it exists (before the
  // first piece of text, which may take a while to come).
  const open = async () => {
    const opened: StreamProps = { text: "" };
    node = c._push(streamFamily.node("write_stream", opened));
    props = opened;
    if (sink) await sink.begin(ctx, node);
    return opened;
  };
  const flush = () => {
    if (props) {
      delete props.cursor;
      // (a run of text that came to nothing adds nothing to what was written, as in Streamlit)
      if (props.text) written.push(props.text);
    }
    node = props = null;
  };
  /** a text node that received nothing before other output is not kept */
  const dropIfEmpty = () => {
    if (!node || props?.text !== "") return;
    const list = c._nodes();
    if (list.includes(node)) list.splice(list.indexOf(node), 1);
    node = props = null;
  };
  await open();
  for await (const chunk of source as AsyncIterable<unknown>) {
    const text = textOf(chunk);
    if (typeof chunk === "function") {
      // a function is called where it comes (it may draw something), as Streamlit calls a callable
      // chunk; it is not part of what was written
      dropIfEmpty();
      flush();
      await chunk();
      continue;
    }
    if (text === null) {
      // anything but text is written as st.write would, between two runs of text
      dropIfEmpty();
      flush();
      write(c, chunk);
      written.push(chunk);
      continue;
    }
    const target: StreamProps = props ?? (await open());
    target.text += text;
    if (sink && text) await sink.write(text);
  }
  dropIfEmpty();
  flush();
  return written.every((w) => typeof w === "string") ? written.join("") : written;
}

export const streamFamily = defineFamily<{ write_stream: StreamProps }>({
  // While text arrives it is plain (it can only be appended); once complete it is markdown.
  write_stream: (p) =>
    p.cursor
      ? html`<div class="fl-stream" data-kind="write_stream">${p.text}<!--${p.cursor}--></div>`
      : html`<div class="fl-markdown" data-kind="write_stream">${renderMarkdown(p.text)}</div>`,
});
