/**
 * What a change of page takes away before the new page runs (Streamlit 1.46): the state of the
 * widgets the page being left drew. Until 1.46 they stayed readable until the end of the new
 * page's run; now a page reading a left page's key at its top finds nothing. The entrypoint's own
 * widgets stay (they are the same widgets on every page), and so does a left widget whose key the
 * script wrote in that last run (re-saving `ss.k = ss.k`): Streamlit keeps such a write in its
 * uncompacted layer, which the clean-up at the page change does not touch.
 *
 * A run cannot tell those widgets afterwards (an id does not say which script drew it), so each
 * run records their positions in its widget list (`Session.pd`).
 */
import type { WidgetList } from "./widget-list.ts";
import type { Session } from "./session.ts";
import { userKeyOf } from "./widget-id.ts";

/** The script id of the entrypoint (a page has its own): widgets it draws are not a page's. */
export const ENTRYPOINT_SCRIPT = "main";

/**
 * Positions in `list` of the widgets in `pageDrawn` whose user key is not in `written` (absent
 * when there are none).
 */
export function droppedOnPageChange(list: WidgetList, pageDrawn: ReadonlySet<string>, written: ReadonlySet<string>): number[] | undefined {
  const at: number[] = [];
  list.ids.forEach((id, n) => {
    const key = userKeyOf(id);
    if (pageDrawn.has(id) && (key === null || !written.has(key))) at.push(n);
  });
  return at.length ? at : undefined;
}

/** The ids of the widgets `session`'s last run leaves behind when the next run shows another page. */
export function leftBehind(session: Session): string[] {
  return (session.pd ?? []).flatMap((n) => {
    const id = session.l.ids[n];
    return id === undefined ? [] : [id];
  });
}
