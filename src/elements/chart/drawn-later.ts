/**
 * Pictures drawn asynchronously (by Vega, by Graphviz's WebAssembly): the node takes its place in
 * the page at the call, so the order is the script's, and receives its SVG when the drawing ends.
 * The run waits for every drawing before the page is answered (whether the script awaited or not);
 * a drawing that fails becomes the exception a user would see for a failed call.
 */
import type { ContainerBase } from "../base.ts";
import { exceptionNode, StreamlitAPIException } from "../../engine/errors.ts";
import type { ElementNode } from "../../engine/tree.ts";
import { exactKey, Memo } from "../../render/memo.ts";

/** An error's message, cut to a readable length (some quote the whole input back). */
export function shortMessage(err: unknown, max = 300): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** Recent drawings of this isolate, by the whole text of what was drawn (Vega and Graphviz take milliseconds). */
const drawings = new Memo<string>(50);

/**
 * A drawing is a pure function of its input (`what`: plain data naming the renderer and all it is
 * given): an isolate keeps recent ones, so a rerun that draws the same chart again does not pay
 * for it. Failures are not kept. Input that is not plain data is drawn every time.
 */
export function memoDrawing(what: unknown, draw: () => Promise<string>): Promise<string> {
  const key = exactKey(what);
  if (key === null) return draw();
  const hit = drawings.peek(key);
  if (hit !== undefined) return Promise.resolve(hit);
  return draw().then((svg) => drawings.get(key, () => svg));
}

/** Pushes `node`, whose `svg` prop (in `props`) `drawing` fills in; `fn` names the call in errors. */
export function pushDrawing<P extends { svg: string | null }>(c: ContainerBase, node: ElementNode, props: P, drawing: Promise<string>, fn: string): void {
  c._push(node);
  c._run(fn).pending.push(
    drawing.then(
      (svg) => (props.svg = svg),
      (err) => Object.assign(node, exceptionNode(err instanceof StreamlitAPIException ? err : new StreamlitAPIException(`${fn} could not draw: ${shortMessage(err)}`), false)),
    ),
  );
}

/** An SVG document's size (its viewBox, else width and height) and its inner markup. */
export function unwrapSvg(svg: string): { width: number; height: number; body: string } {
  const m = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg);
  const attrs = m?.[1] ?? "";
  const box = /\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(attrs);
  const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(attrs)?.[1] ?? 0);
  return { width: box ? Number(box[1]) : attr("width"), height: box ? Number(box[2]) : attr("height"), body: m?.[2] ?? "" };
}
