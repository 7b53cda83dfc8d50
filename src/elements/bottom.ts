/**
 * st.bottom (added after 1.39): the container pinned to the bottom of the main area, where a chat
 * input called on the main area itself goes too. It is one node of the main area per run that
 * the page draws with the pinned chat input, after the flow, sticky at the bottom of the main
 * column: it stays in view while the page scrolls, with or without JavaScript.
 */
import { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { slot } from "../engine/slots.ts";
import { defineFamily, type RenderNodes } from "./family.ts";
import { html } from "../render/html.ts";

/** This run's bottom container node, once st.bottom is first used. */
const BOTTOM = slot<{ node: ElementNode | null }>(() => ({ node: null }));

/** This run's pinned node, made on first use; refused where Streamlit refuses st.bottom. */
function bottomNode(c: ContainerBase): ElementNode {
  const ctx = c._run("st.bottom");
  if (c._area() === "sidebar") throw new StreamlitAPIException("`st.bottom` is only available in the main area of the app, not in `st.sidebar`.");
  // a fragment's rerun redraws only the fragment: what it wrote to the pinned container would vanish
  if (ctx.fragments.current) throw new StreamlitAPIException("Calling `st.bottom` in a function wrapped with `st.fragment` is not supported.");
  const held = ctx.slots.get(BOTTOM);
  if (!held.node || !ctx.page.main.includes(held.node)) {
    held.node = bottomFamily.node("bottom", {}, []);
    ctx.page.main.push(held.node);
  }
  return held.node;
}

/**
 * The pinned container of `c`'s run (`st` itself). It finds its node when written to, not when
 * read, so `st.bottom` can be read outside a run, as `st.sidebar` can; it is outside any st.form
 * the call may be in (the pinned container is the page's).
 */
export function bottom(c: ContainerBase): ContainerBase {
  const box = ContainerBase.make([], null, "main");
  box._nodes = () => bottomNode(c).children!;
  return box;
}

/** The node of the pinned container: the page draws it at the bottom of the main area. */
export const inBottom = (n: ElementNode) => n.type === "bottom";

const renderers = {
  bottom: (_p: Record<string, never>, n: ElementNode, render: RenderNodes) =>
    n.children?.length ? html`<div class="fl-bottom-container" data-kind="bottom">${render(n.children)}</div>` : html``,
};

/** The pinned part sits on the page's background, so what scrolls under it does not show through. */
const bottomCss = `
.fl-bottom{position:sticky;bottom:0;z-index:1;background:var(--fl-bg);padding-top:.5rem}
.fl-bottom .fl-chat-bottom{position:static;padding-top:0}
.fl-bottom-container>:last-child{margin-bottom:.5rem}
`;

export const bottomFamily = defineFamily<{ bottom: Record<string, never> }>(renderers, bottomCss);
