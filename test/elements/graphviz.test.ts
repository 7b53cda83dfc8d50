/**
 * st.graphvizChart over HTTP (a fresh app per request), with Graphviz (WebAssembly) in Node: the
 * accessible figure its SVG goes in (name, description counting nodes and edges, edges as a table),
 * links kept to web addresses, and the errors a user sees in the page (no Graphviz installed, DOT
 * that does not parse, a non-string) instead of a 500.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableGraphviz } from "../../src/graphviz.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

test("without formlit/graphviz, the message says how to add it", async () => {
  const client = await page(() => st.graphvizChart("digraph { a -> b }"));
  expect(client.exceptions()).toEqual([
    { type: "StreamlitAPIException", message: 'st.graphvizChart needs Graphviz: call `enableGraphviz()` from "formlit/graphviz" once in your app (it adds about 490 KB gzipped to the Worker, and on Workers its 430 KB WebAssembly binary).' },
  ]);
});

describe("with enableGraphviz() from formlit/graphviz", () => {
  beforeAll(() => enableGraphviz());

  test("lays out DOT as a labelled SVG, nodes and edges described, edges as a table", async () => {
    const client = await page(() => {
      st.graphvizChart(`digraph "Life cycle" { run -> intr; intr -> runbl; runbl -> run; "a<b" -> run }`);
      st.write("after");
    });
    expect(client.exceptions()).toEqual([]);
    const fig = client.doc.querySelector("figure[data-kind=graphviz_chart]");
    const svg = fig.querySelector("svg[role=img]");
    const [titleId, descId] = svg.getAttribute("aria-labelledby").split(" ");
    expect(fig.querySelector(`#${titleId}`).textContent).toBe("Life cycle");
    expect(fig.querySelector(`#${descId}`).textContent).toBe("Directed graph of 4 nodes (run, intr, runbl, a<b) and 4 edges.");
    expect(svg.querySelectorAll("g.node").length).toBe(4);
    expect([...svg.querySelectorAll("g.node text")].map((t: any) => t.textContent)).toContain("a<b");
    expect([...fig.querySelectorAll("table tbody tr")].map((r: any) => [...r.children].map((c: any) => c.textContent))).toEqual([
      ["1", "run", "intr"],
      ["2", "intr", "runbl"],
      ["3", "runbl", "run"],
      ["4", "a<b", "run"],
    ]);
    expect(client.html.indexOf('data-kind="graphviz_chart"')).toBeLessThan(client.html.indexOf(">after<"));
  });

  test("an undirected graph, another engine, the container's width", async () => {
    const client = await page(() => st.graphvizChart("graph { a -- b -- c }", { engine: "circo", useContainerWidth: true }));
    const fig = client.doc.querySelector("figure[data-kind=graphviz_chart]");
    expect(fig.querySelector("title").textContent).toBe("Graph");
    expect(fig.querySelector("desc").textContent).toBe("Graph of 3 nodes (a, b, c) and 2 edges.");
    expect(fig.querySelector("svg").getAttribute("width")).toBe("100%");
  });

  test("links keep web addresses only: a javascript: URL is dropped", async () => {
    const client = await page(() => st.graphvizChart(`digraph { a [URL="javascript:alert(1)"]; b [URL="https://example.org/b"]; a -> b }`));
    const svg = client.doc.querySelector("figure[data-kind=graphviz_chart] svg");
    expect(svg.innerHTML).not.toContain("javascript:");
    expect([...svg.querySelectorAll("a")].map((a: any) => a.getAttribute("xlink:href")).filter(Boolean)).toEqual(["https://example.org/b"]);
  });

  test("DOT that does not parse is Graphviz's message in the page; the rest of the page stays", async () => {
    const client = await page(() => {
      st.write("before");
      st.graphvizChart("digraph { a -> ");
      st.graphvizChart("digraph { ok -> fine }");
    });
    const [e] = client.exceptions();
    expect(e).toEqual({ type: "StreamlitAPIException", message: expect.stringMatching(/^st\.graphvizChart: the DOT source is not valid: syntax error in line 1/) });
    expect(client.html).toContain(">before<");
    expect(client.doc.querySelectorAll("figure[data-kind=graphviz_chart]").length).toBe(1);
  });

  test("a value that is not DOT text is Streamlit's error", async () => {
    const client = await page(() => st.graphvizChart({ nodes: 1 } as unknown as string));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "Unhandled type for graphviz chart: dict {'nodes': 1}. formlit takes the graph as DOT text." }]);
  });
});

describe("where the runtime refuses to compile WebAssembly from bytes (Workers without the compiled binary)", () => {
  const original = WebAssembly.instantiate;
  afterEach(() => {
    WebAssembly.instantiate = original;
    vi.resetModules();
  });

  test("the message names the fix on every request, and the refused load is not tried again", async () => {
    let tries = 0;
    WebAssembly.instantiate = ((source: unknown, imports?: WebAssembly.Imports) => {
      if (source instanceof WebAssembly.Module) return original.call(WebAssembly, source, imports);
      tries++;
      return Promise.reject(new WebAssembly.CompileError("WebAssembly.instantiate(): Wasm code generation disallowed by embedder"));
    }) as typeof WebAssembly.instantiate;
    // a fresh formlit, whose Graphviz has never loaded in this process
    vi.resetModules();
    const fresh = await import("../../src/index.ts");
    (await import("../../src/graphviz.ts")).enableGraphviz();
    const client = new FormClient(() => fresh.createApp({ secret: TEST_SECRET, entrypoint: () => fresh.st.graphvizChart("digraph { a -> b }") }));
    const message = {
      type: "StreamlitAPIException",
      message: expect.stringContaining('this runtime does not compile WebAssembly from bytes (Cloudflare Workers): import the compiled module and pass it, `import wasm from "formlit/graphviz.wasm"; enableGraphviz({ wasm })`.'),
    };
    await client.get("/");
    expect(client.exceptions()).toEqual([message]);
    await client.get("/");
    expect(client.exceptions()).toEqual([message]);
    expect(tries).toBe(1);
  });
});
