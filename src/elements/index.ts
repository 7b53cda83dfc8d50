/**
 * Every element family, registered: the set the page (src/render) is handed to draw a run's nodes.
 * Adding an element is its family's module (options, props, renderer, CSS) and one line here.
 */
import type { ElementNode } from "../engine/tree.ts";
import { raw, type Html } from "../render/html.ts";
import { themeCss } from "../render/theme.ts";
import type { ElementSet } from "../render/types.ts";
import type { Family, KindRenderer } from "./family.ts";
import { displayFamily } from "./display.ts";
import { numericFamily } from "./numeric.ts";
import { textFamily } from "./text.ts";
import { choiceFamily } from "./choice.ts";
import { buttonFamily } from "./buttons.ts";
import { layoutFamily } from "./layout.ts";
import { dateFamily } from "./dates.ts";
import { datetimeFamily } from "./datetime.ts";
import { menuFamily } from "./menu-button.ts";
import { fileFamily, hasFileInput } from "./files.ts";
import { downloadFamily } from "./download-button.ts";
import { linkFamily } from "./links.ts";
import { dataFamily } from "./data.ts";
import { dataEditorFamily } from "./data-editor.ts";
import { feedbackFamily } from "./feedback.ts";
import { tabsFamily } from "./tabs.ts";
import { chartFamily } from "./charts.ts";
import { chatFamily, pinnedToBottom } from "./chat.ts";
import { panelFamily } from "./panels.ts";
import { isToast, toastFamily } from "./toast.ts";
import { fragmentFamily } from "./fragment.ts";
import { buttonGroupFamily } from "./button-group.ts";
import { textMoreFamily } from "./text-more.ts";
import { pageExtrasFamily } from "./page-extras.ts";
import { mediaFamily } from "./media.ts";
import { streamFamily } from "./stream.ts";
import { vegaLiteFamily } from "./vega-lite.ts";
import { graphvizFamily } from "./graphviz.ts";
import { mapFamily } from "./map.ts";
import { figureFamily } from "./chart/figure.ts";
import { badgeFamily } from "./badge.ts";
import { spaceFamily } from "./space.ts";
import { embedFamily } from "./embeds.ts";
import { paginationFamily } from "./pagination.ts";
import { skeletonFamily } from "./skeleton.ts";
import { bottomFamily, inBottom } from "./bottom.ts";
import { mermaidFamily } from "./mermaid.ts";
import { sizeBox, sizingCss } from "./sizing.ts";
import { renderMarkdownInline, inlineVariant } from "./markdown.ts";

/** In this order their CSS follows the base theme. */
const FAMILIES: Family<any>[] = [
  displayFamily,
  numericFamily,
  textFamily,
  choiceFamily,
  buttonFamily,
  layoutFamily,
  dateFamily,
  datetimeFamily,
  menuFamily,
  fileFamily,
  downloadFamily,
  linkFamily,
  dataFamily,
  dataEditorFamily,
  feedbackFamily,
  tabsFamily,
  chartFamily,
  chatFamily,
  panelFamily,
  toastFamily,
  fragmentFamily,
  buttonGroupFamily,
  textMoreFamily,
  pageExtrasFamily,
  mediaFamily,
  streamFamily,
  vegaLiteFamily,
  graphvizFamily,
  mapFamily,
  figureFamily,
  badgeFamily,
  spaceFamily,
  embedFamily,
  paginationFamily,
  skeletonFamily,
  bottomFamily,
  mermaidFamily,
];

const renderers = new Map<string, KindRenderer<never>>();
for (const family of FAMILIES) {
  for (const [kind, render] of Object.entries(family.renderers)) {
    if (renderers.has(kind)) throw new Error(`formlit: two element families draw "${kind}"`);
    renderers.set(kind, render as KindRenderer<never>);
  }
}

/**
 * Draws nodes through their families' renderers. A node's props were made by its own family's
 * `node()` (or, for an exception or a warning, by the engine in the same shape): the registry is
 * where the engine's untyped tree meets each kind's props type. Children come back as HTML.
 */
function renderNodes(nodes: ElementNode[] | undefined): Html {
  let out = "";
  if (nodes) {
    for (const node of nodes) {
      const render = renderers.get(node.type);
      if (render) out += sizeBox(node, render(node.props as never, node, renderNodes));
    }
  }
  return raw(out);
}

export const ELEMENTS: ElementSet = {
  render: renderNodes,
  placeOf: (node) => (isToast(node) ? "toast" : pinnedToBottom(node) || inBottom(node) ? "bottom" : "flow"),
  needsMultipart: hasFileInput,
  label: renderMarkdownInline,
  labelVariant: inlineVariant,
  css: themeCss(FAMILIES.map((f) => f.css).join("") + sizingCss),
};
