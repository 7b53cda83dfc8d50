/** The one renderer: element nodes to HTML, through each element family's renderers. */
import type { ElementNode } from "../engine/tree.ts";
import { buttonRenderers } from "../elements/buttons.ts";
import { choiceRenderers } from "../elements/choice.ts";
import { displayRenderers } from "../elements/display.ts";
import { layoutRenderers } from "../elements/layout.ts";
import { numericRenderers } from "../elements/numeric.ts";
import { textRenderers } from "../elements/text.ts";
import { dateRenderers } from "../elements/dates.ts";
import { fileRenderers } from "../elements/files.ts";
import { linkRenderers } from "../elements/links.ts";
import { dataRenderers } from "../elements/data.ts";
import { feedbackRenderers } from "../elements/feedback.ts";
import { chartRenderers } from "../elements/charts.ts";
import { buttonGroupRenderers } from "../elements/button-group.ts";
import { textMoreRenderers } from "../elements/text-more.ts";
import { pageExtrasRenderers } from "../elements/page-extras.ts";
import { mediaRenderers } from "../elements/media.ts";
import { chatRenderers } from "../elements/chat.ts";
import { streamRenderers } from "../elements/stream.ts";
import { panelRenderers } from "../elements/panels.ts";
import { fragmentRenderers } from "../elements/fragment.ts";
import { dataEditorRenderers } from "../elements/data-editor.ts";
import type { Renderers } from "./types.ts";

const renderers: Renderers = {
  ...displayRenderers,
  ...numericRenderers,
  ...textRenderers,
  ...choiceRenderers,
  ...buttonRenderers,
  ...layoutRenderers,
  ...dateRenderers,
  ...fileRenderers,
  ...linkRenderers,
  ...dataRenderers,
  ...feedbackRenderers,
  ...chartRenderers,
  ...buttonGroupRenderers,
  ...textMoreRenderers,
  ...pageExtrasRenderers,
  ...mediaRenderers,
  ...chatRenderers,
  ...streamRenderers,
  ...panelRenderers,
  ...fragmentRenderers,
  ...dataEditorRenderers,
};

export function renderNodes(nodes: ElementNode[] | undefined): string {
  if (!nodes) return "";
  let out = "";
  for (const node of nodes) {
    const render = renderers[node.type];
    out += render ? render(node, renderNodes) : "";
  }
  return out;
}
