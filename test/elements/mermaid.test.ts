/**
 * st.mermaidChart over HTTP, with beautiful-mermaid in Node: the accessible figure its SVG goes in,
 * the SVG made safe to inline under the page's policy (no <style>, no handlers, escaped labels,
 * prefixed ids), and the errors a user sees in the page (no renderer, source it cannot read)
 * instead of a 500, with the session kept.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableMermaid } from "../../src/mermaid.ts";
import { inlineSvg } from "../../src/elements/chart/inline-svg.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const FLOW = `graph TD
  A[Start] --> B{Decision}
  B -->|Yes| C[OK]
  B -->|No| D[Cancel]`;

test("without formlit/mermaid, the message in the page says which import it needs", async () => {
  const client = await page(() => st.mermaidChart(FLOW));
  expect(client.exceptions()).toEqual([
    { type: "StreamlitAPIException", message: 'st.mermaidChart needs the Mermaid renderer: call `enableMermaid()` from "formlit/mermaid" once in your app (it adds beautiful-mermaid and the ELK layout engine, about 540 KB gzipped, to the Worker).' },
  ]);
});

describe("with enableMermaid() from formlit/mermaid", () => {
  beforeAll(() => enableMermaid());

  test("draws the diagram as a named SVG in the page's colours, with no <style> element and ids of its own", async () => {
    const client = await page(() => {
      st.mermaidChart(FLOW);
      st.mermaidChart("sequenceDiagram\n  Alice->>Bob: Hi");
      st.write("after");
    });
    expect(client.exceptions()).toEqual([]);
    const [fig, seq] = [...client.doc.querySelectorAll("figure[data-kind=mermaid_chart]")] as any[];
    const svg = fig.querySelector("svg[role=img]");
    const [titleId, descId] = svg.getAttribute("aria-labelledby").split(" ");
    expect(fig.querySelector(`#${titleId}`).textContent).toBe("Mermaid flowchart");
    expect(fig.querySelector(`#${descId}`).textContent).toBe("Mermaid flowchart");
    expect(seq.querySelector("svg title").textContent).toBe("Mermaid sequence diagram");
    expect([...svg.querySelectorAll("g.node text")].map((t: any) => t.textContent)).toEqual(["Start", "Decision", "OK", "Cancel"]);
    expect(client.doc.querySelectorAll(".fl-main style").length).toBe(0);
    // the renderer's variables move to the wrapper's style attribute, its rules onto elements
    const box = fig.parentNode;
    expect(box.getAttribute("class")).toBe("fl-mermaid-box fl-mermaid-stretch");
    expect(box.getAttribute("style")).toContain("--bg:var(--fl-bg)");
    expect(box.getAttribute("style")).toContain("--_line:");
    const ids = [...client.doc.querySelectorAll(".fl-mermaid [id]")].map((e: any) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(svg.querySelector("marker").getAttribute("id")).toMatch(/^fl-mermaid-0-/);
    expect(svg.querySelector("polyline[marker-end]").getAttribute("marker-end")).toMatch(/^url\(#fl-mermaid-0-/);
    expect(client.texts()).toEqual(["after"]);
  });

  test("a hostile label stays text: no element, handler or link reaches the page", async () => {
    const client = await page(() =>
      st.mermaidChart(`graph TD
  A["<img src=x onerror=alert(1)>"] --> B
  B -->|"<script>alert(2)</script>"| C
  style A fill:red" onload="alert(3)`),
    );
    expect(client.exceptions()).toEqual([]);
    const fig = client.doc.querySelector(".fl-mermaid");
    expect(fig.querySelectorAll("img, script, a, foreignObject").length).toBe(0);
    const attrs = [...fig.querySelectorAll("*")].flatMap((e: any) => [...e.attributes].map((a: any) => a.name));
    expect(attrs.filter((a) => a.startsWith("on") || a.endsWith("href"))).toEqual([]);
    expect([...fig.querySelectorAll("text")].map((t: any) => t.textContent)).toContain("<img src=x onerror=alert(1)>");
  });

  test("alt names it; accTitle and accDescr lines do when there is no alt, else its kind (front matter read past)", async () => {
    const client = await page(() => {
      st.mermaidChart(FLOW, { alt: "How a decision is made" });
      st.mermaidChart(`flowchart LR\n  accTitle: Order flow\n  accDescr: An order goes from cart to payment\n  Cart --> Pay`);
      st.mermaidChart(`---\ntitle: Front matter\n---\nstateDiagram-v2\n  [*] --> Done`);
    });
    expect(client.exceptions()).toEqual([]);
    const [a, b, c] = [...client.doc.querySelectorAll(".fl-mermaid svg")] as any[];
    expect(c.querySelector("title").textContent).toBe("Mermaid state diagram");
    expect([a.querySelector("title").textContent, a.querySelector("desc").textContent]).toEqual(["How a decision is made", "How a decision is made"]);
    expect([b.querySelector("title").textContent, b.querySelector("desc").textContent]).toEqual(["Order flow", "An order goes from cart to payment"]);
  });

  test("width: stretch fills the row (the drawing centred), content is the drawing's size, pixels set the box; the drawing keeps its own size", async () => {
    const client = await page(() => {
      st.mermaidChart(FLOW);
      st.mermaidChart(FLOW, { width: "content" });
      st.mermaidChart(FLOW, { width: 300 });
    });
    const [s, c, px] = [...client.doc.querySelectorAll(".fl-mermaid-box")] as any[];
    expect([s, c, px].map((b) => b.getAttribute("class"))).toEqual(["fl-mermaid-box fl-mermaid-stretch", "fl-mermaid-box fl-mermaid-content", "fl-mermaid-box fl-mermaid-px"]);
    expect(px.getAttribute("style")).toMatch(/^width:300px;max-width:100%;/);
    const own = s.querySelector("svg").getAttribute("viewBox").split(" ")[2];
    expect([s, c, px].map((b) => b.querySelector("svg").getAttribute("width"))).toEqual([own, own, own]);
  });

  test("source it cannot read is a message in the page, and the session's state survives", async () => {
    let code = FLOW;
    const client = await page(() => {
      const n = st.numberInput("n", { key: "n" });
      st.mermaidChart(code);
      st.text(`n ${n}`);
    });
    await client.change("n", 4);
    code = "not a diagram at all";
    await client.reload();
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: 'st.mermaidChart: the diagram is not valid Mermaid: Invalid mermaid header: "not a diagram at all". Expected "graph TD", "flowchart LR", "stateDiagram-v2", etc.' },
    ]);
    expect(client.texts()).toEqual(["n 4"]);
    expect(client.state()).toEqual({ n: 4 });
  });

  test("a body that is not text is Streamlit's kind of error", async () => {
    const client = await page(() => st.mermaidChart(42 as unknown as string));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "st.mermaidChart: the diagram must be Mermaid source text (a str), not int 42." }]);
  });
});

describe("inlineSvg", () => {
  test("moves class rules onto the elements they select and keeps custom properties for the wrapper", () => {
    const out = inlineSvg(
      `<svg style="--bg:#fff"><style>@import url('https://x');text{font-family:Inter}.bar{fill:red}path.c0,line.c0{stroke:blue}svg{--a:1;--b: 2}</style><rect class="bar" style="opacity:.5"/><path class="c0"/><circle class="c0"/></svg>`,
      "p",
    );
    expect(out.rootVars).toBe("--bg:#fff;--a:1;--b: 2");
    expect(out.svg).toBe(`<svg style="--bg:#fff"><rect class="bar" style="fill:red;opacity:.5"/><path class="c0" style="stroke:blue"/><circle class="c0"/></svg>`);
  });

  test("drops what could run or link, and tags whose attributes are not plainly quoted", () => {
    const out = inlineSvg(`<svg><g id="m" onclick="x()"><a href="javascript:x">t</a><image href="y"/><script>alert(1)</script><text x="1" y=2>u</text><use href="#m" fill="url(#m)"/></g></svg>`, "p");
    // (a closing tag left without its start is ignored by the HTML parser)
    expect(out.svg).toBe(`<svg><g id="p-m">tu</text></g></svg>`);
  });
});
