/**
 * The gallery's commands Streamlit added after 1.39 that came last: page buttons, a skeleton
 * placeholder, a Mermaid diagram drawn on the server, and the container pinned to the bottom.
 */
import { st, type Container } from "../src/index.ts";
import { enableMermaid } from "../src/mermaid.ts";

enableMermaid();

const FRUIT = ["Apple", "Banana", "Cherry", "Date", "Elderberry", "Fig", "Grape", "Honeydew", "Kiwi", "Lemon", "Mango", "Nectarine"];

export function galleryNew(tab: Container) {
  tab.subheader("Pages, placeholders and diagrams");
  const page = tab.pagination(Math.ceil(FRUIT.length / 3), { key: "fruit_page" });
  tab.write(`Page ${page}: ${FRUIT.slice((page - 1) * 3, page * 3).join(", ")}.`);
  tab.skeleton(48);
  tab.caption("A skeleton keeps a place for content still to come (above: one never filled).");
  const filled = tab.skeleton();
  filled.info("This message took the place of a skeleton.");
  tab.mermaidChart(
    `flowchart LR
      accTitle: How a form post becomes a page
      A[Click] --> B(POST) --> C{Script run}
      C -->|state| D[(Cookie)]
      C -->|HTML| E[Page]`,
  );
  st.bottom.caption("This line is pinned to the bottom of the page (st.bottom).");
}
