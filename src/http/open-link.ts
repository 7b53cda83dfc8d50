/**
 * A link button with `onClick` pressed without JavaScript: its form was posted into a new tab (the
 * button's `formtarget`), so once the press has run and its state is saved, that tab goes on to the
 * link's address, as the tab Streamlit opens would: by a page that moves on by itself, as a redirect
 * of a form's answer to another site is stopped by the page's `form-action 'self'`. The address is
 * the one the app drew for that button, never one the post names.
 */
import type { ElementNode } from "../engine/tree.ts";
import type { ShownPage } from "../engine/outcome.ts";

function find(nodes: ElementNode[], pressed: (id: string) => boolean): string | null {
  // (every post walks the whole page: only link buttons have `opens`, and leaves have no children)
  for (const n of nodes) {
    const opens = n.props.opens;
    if (typeof opens === "string" && typeof n.props.id === "string" && pressed(n.props.id)) return opens;
    const inside = n.children ? find(n.children, pressed) : null;
    if (inside !== null) return inside;
  }
  return null;
}

/** The address of the link button this post pressed, as the run drew it, or null. */
export function openedLink(page: ShownPage, fields: Map<string, string[]>): string | null {
  const pressed = (id: string) => fields.has(id);
  return find(page.main, pressed) ?? find(page.sidebar, pressed) ?? find(page.dialogs, pressed);
}
