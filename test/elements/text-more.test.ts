/**
 * st.latex, st.html, st.help, st.logo, st.balloons and st.snow over HTTP (a fresh app per request):
 * the HTML each serves, what sanitising removes, and Streamlit's errors.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableLatex } from "../../src/latex.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe("st.latex", () => {
  test("without formlit/latex's converter, the message says how to add it", async () => {
    const client = await page(() => st.latex("x"));
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: 'st.latex needs the TeX converter: call `enableLatex()` from "formlit/latex" once in your app (it adds about 60 KB gzipped to the Worker).' },
    ]);
  });

  describe("with enableLatex() from formlit/latex", () => {
    beforeAll(enableLatex);
    test("with it, TeX becomes MathML in the page, with no script; help is a tooltip beside it", async () => {
      const client = await page(() => st.latex(String.raw`e^{i\pi} + 1 = 0`, { help: "Euler" }));
      expect(client.exceptions()).toEqual([]);
      const box = client.doc.querySelector("[data-kind=latex]");
      const math = box.querySelector("math");
      expect(math.getAttribute("display")).toBe("block");
      expect(math.querySelector("msup mi").textContent).toBe("e");
      expect([...math.querySelectorAll("mn")].map((m: any) => m.textContent)).toEqual(["1", "0"]);
      expect(box.querySelector("[role=tooltip]").textContent).toBe("Euler");
      expect(client.doc.querySelectorAll("script[src*=katex], script[src*=mathjax]").length).toBe(0);
    });

    test("with it, a TeX error shows in place of the formula; the run goes on", async () => {
      const client = await page(() => {
        st.latex(String.raw`\frac{1`);
        st.text("after");
      });
      expect(client.exceptions()).toEqual([]);
      expect(client.doc.querySelector("[data-kind=latex]").textContent).toContain("ParseError");
      expect(client.texts()).toEqual(["after"]);
    });

    test("with it, \\href is not trusted: no link comes out of TeX", async () => {
      const client = await page(() => st.latex(String.raw`\href{javascript:alert(1)}{x}`));
      expect(client.doc.querySelector("[data-kind=latex] a")).toBeNull();
      expect(client.doc.querySelector("[data-kind=latex]").innerHTML).not.toContain("javascript:");
    });
  });
});

describe("st.html", () => {
  test("keeps safe markup; drops scripts, styles, event handlers and javascript: links", async () => {
    const client = await page(() =>
      st.html(
        `<p class="note" style="color: red">Hi <b onclick="alert(1)">there</b></p><script>alert(1)</script><style>body{display:none}</style>` +
          `<a href="javascript:alert(1)">bad</a><a href="https://example.com">good</a><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>`,
      ),
    );
    const box = client.doc.querySelector("[data-kind=html]");
    expect(box.querySelector("p.note").getAttribute("style")).toBe("color:red;");
    expect(box.querySelector("b").textContent).toBe("there");
    expect(box.querySelector("b").hasAttribute("onclick")).toBe(false);
    expect(box.querySelector("script, style, iframe")).toBeNull();
    expect(box.textContent).not.toContain("alert(1)");
    expect(box.textContent).not.toContain("display:none");
    const links = [...box.querySelectorAll("a")].map((a: any) => [a.textContent, a.getAttribute("href") ?? ""]);
    expect(links).toEqual([["bad", ""], ["good", "https://example.com"]]);
    expect(box.querySelector("img").hasAttribute("onerror")).toBe(false);
  });
});

describe("st.html against what visitors write (security review 2)", () => {
  test("cannot forge formlit's own classes (fl-*): a visitor's link is not one of the app's pages", async () => {
    const client = await page(() => st.html(`<a class="fl-to x FL-button" href="https://evil.example/x">next page</a><p class="fl-app note">text</p>`));
    const box = client.doc.querySelector("[data-kind=html]");
    expect(box.querySelector("a").getAttribute("class")).toBe("x");
    expect(box.querySelector("p").getAttribute("class")).toBe("note");
    expect(client.doc.querySelectorAll("[data-kind=html] [class*=fl-], [data-kind=html] [class*=FL-]").length).toBe(0);
  });

  test("a tag of thousands of attributes is shown as text, quickly; ordinary markup with long values is kept", async () => {
    const started = performance.now();
    const client = await page(() => {
      st.html(`<p>before</p><a ${'b="" '.repeat(4000)}>x</a><i ${"c ".repeat(10_000)}>y</i>`);
      st.html(`<a title="${"a long title with words ".repeat(200)}" href="https://example.com" style="${"color:red;".repeat(100)}">kept</a>`);
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    const [hostile, ordinary] = [...client.doc.querySelectorAll("[data-kind=html]")] as any[];
    expect(hostile.querySelector("a, i")).toBeNull();
    expect(hostile.textContent.startsWith("before<a b")).toBe(true);
    expect(ordinary.querySelector("a").textContent).toBe("kept");
    expect(ordinary.querySelector("a").getAttribute("title")).toContain("a long title with words");
  });
});

describe("st.help", () => {
  test("a function: its name, kind and signature", async () => {
    function add(a: number, b = 2) {
      return a + b;
    }
    const client = await page(() => st.help(add));
    const doc = client.doc.querySelector("[data-kind=help]");
    const rows = [...doc.querySelectorAll("dt")].map((dt: any) => [dt.textContent, dt.nextElementSibling.textContent]);
    expect(rows).toEqual([["name", "add"], ["type", "function"], ["signature", "function add(a, b = 2)"]]);
  });

  test("a class: its methods; an object: its value and members", async () => {
    class Greeter {
      hello() {
        return "hi";
      }
    }
    const client = await page(() => {
      st.help(Greeter);
      st.help({ n: 1, s: "x" });
    });
    const [cls, obj] = [...client.doc.querySelectorAll("[data-kind=help]")] as any[];
    expect(cls.querySelector("dd").textContent).toBe("Greeter");
    expect([...cls.querySelectorAll("tbody tr")].map((r: any) => r.textContent)).toEqual(["hellofunction"]);
    expect([...obj.querySelectorAll("dd")].map((d: any) => d.textContent)).toEqual(["Object", '{"n":1,"s":"x"}']);
    expect([...obj.querySelectorAll("tbody tr")].map((r: any) => r.textContent)).toEqual(["nnumber", "sstring"]);
  });
});

describe("st.logo", () => {
  test("at the top of the sidebar, linked; bytes as a data: URL; the icon on narrow screens; a second call replaces it", async () => {
    const client = await page(() => {
      st.sidebar.text("side");
      st.logo("https://example.com/old.png");
      st.logo(PNG, { link: "https://example.com", size: "large", iconImage: "/icon.png" });
    });
    const sidebar = client.doc.querySelector(".fl-sidebar");
    expect(sidebar.querySelectorAll("[data-kind=logo]").length).toBe(1);
    expect(sidebar.firstElementChild.getAttribute("data-kind")).toBe("logo");
    const img = sidebar.querySelector("[data-kind=logo] img");
    expect(img.getAttribute("src")).toBe("data:image/png;base64,iVBORw==");
    expect(img.getAttribute("class")).toContain("fl-logo-large");
    expect(img.getAttribute("alt")).toBe("Logo");
    expect(sidebar.querySelector("[data-kind=logo] source").getAttribute("srcset")).toBe("/icon.png");
    expect(sidebar.querySelector("[data-kind=logo] a").getAttribute("href")).toBe("https://example.com");
  });

  test.each([
    [() => st.logo("x.png", { link: "/home" }), "Invalid link: /home - the link param supports external links only and must start with either http:// or https://."],
    [() => st.logo("x.png", { size: "huge" as any }), 'The size argument to st.logo must be "small", "medium", or "large". \nThe argument passed was huge.'],
    [
      () => st.logo("javascript:alert(1)"),
      "The image passed to st.logo is invalid - See [documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) for more information on valid types",
    ],
    [
      () => st.logo("x.png", { iconImage: 5 as any }),
      "The icon_image passed to st.logo is invalid - See [documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) for more information on valid types",
    ],
  ])("%#: Streamlit's error", async (call, message) => {
    const client = await page(call);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe("st.balloons and st.snow", () => {
  test("each is a decorative layer hidden from screen readers; the theme turns it off for reduced motion", async () => {
    const client = await page(() => {
      st.balloons();
      st.snow();
    });
    for (const kind of ["balloons", "snow"]) {
      const layer = client.doc.querySelector(`[data-kind=${kind}]`);
      expect(layer.getAttribute("aria-hidden")).toBe("true");
      expect(layer.querySelectorAll("span").length).toBe(12);
    }
    expect(await client.stylesheet()).toMatch(/@media \(prefers-reduced-motion:reduce\)\{\.fl-celebrate\{display:none\}\}/);
  });
});
