/**
 * Streamlit's Markdown extras over HTTP (a fresh app per request): coloured text, backgrounds and
 * badges, `:material/name:` icons (in text, headings, the navigation and `icon` options), emoji
 * shortcodes, and
 * `$...$` LaTeX once formlit/latex is enabled; hostile text inside them stays text.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableLatex } from "../../src/latex.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  expect(client.exceptions()).toEqual([]);
  return client;
}

const all = (client: FormClient, selector: string): any[] => [...client.doc.querySelectorAll(selector)];
const markdownText = (client: FormClient) => all(client, "[data-kind=markdown]").map((m) => m.textContent.trim());

describe("coloured text", () => {
  test("each of Streamlit's colours colours its text, its background or a badge; the text inside is Markdown", async () => {
    const client = await page(() =>
      st.markdown(":red[Red **bold**] :blue-background[Blue] :green-badge[New] :grey[Grey] :rainbow[Rainbow] :primary[Primary] :orange[o] :yellow[y] :violet[v] :gray-background[g]"),
    );
    const spans = all(client, "[data-kind=markdown] p > span").map((s) => [s.getAttribute("class"), s.textContent]);
    expect(spans).toEqual([
      ["fl-md-color fl-c-red", "Red bold"],
      ["fl-md-bg fl-c-blue", "Blue"],
      ["fl-md-badge fl-c-green", "New"],
      ["fl-md-color fl-c-gray", "Grey"],
      ["fl-md-color fl-c-rainbow", "Rainbow"],
      ["fl-md-color fl-c-primary", "Primary"],
      ["fl-md-color fl-c-orange", "o"],
      ["fl-md-color fl-c-yellow", "y"],
      ["fl-md-color fl-c-violet", "v"],
      ["fl-md-bg fl-c-gray", "g"],
    ]);
    expect(client.doc.querySelector(".fl-c-red strong").textContent).toBe("bold");
  });

  test("colours nest, and the page's style gives each colour its value, light and dark", async () => {
    const client = await page(() => st.markdown(":blue-background[:blue[both]]"));
    expect(client.doc.querySelector(".fl-md-bg.fl-c-blue > .fl-md-color.fl-c-blue").textContent).toBe("both");
    const css = await client.stylesheet();
    // one value for a light page, another inside the dark scheme's block
    const blues = [...css.matchAll(/\.fl-c-blue\{--fl-c:(#[0-9a-f]{6});--fl-cb:#[0-9a-f]{6}\}/g)];
    expect(blues).toHaveLength(2);
    expect(blues[0]![1]).not.toBe(blues[1]![1]);
    expect(css.lastIndexOf("@media (prefers-color-scheme:dark)", blues[1]!.index)).toBeGreaterThan(blues[0]!.index);
  });

  test("a name outside the palette, an unclosed bracket and an escaped colon stay as written", async () => {
    const client = await page(() => {
      st.markdown(":pink[x]");
      st.markdown(":red[unclosed");
      st.markdown("\\:red[escaped]");
      st.markdown("`:red[code]`");
    });
    expect(markdownText(client)).toEqual([":pink[x]", ":red[unclosed", ":red[escaped]", ":red[code]"]);
    expect(all(client, "[data-kind=markdown] span")).toEqual([]);
  });

  test("colours work wherever formlit renders Markdown: captions, headings, alerts, toasts, st.write", async () => {
    const client = await page(() => {
      st.title("A :blue[blue] title");
      st.caption(":gray[quiet]");
      st.info(":green[fine]");
      st.toast(":red[hot]");
      st.write(":violet[written]");
    });
    const coloured = all(client, ".fl-md-color").map((s) => [s.closest("h1, .fl-caption, .fl-alert, .fl-toast, [data-kind=markdown]").tagName.toLowerCase(), s.textContent]);
    expect(coloured).toEqual([
      ["h1", "blue"],
      ["p", "quiet"],
      ["div", "fine"],
      ["div", "written"],
      ["div", "hot"],
    ]);
  });

  test("hostile text inside a colour or an icon stays text: no element, no attribute comes out of it", async () => {
    const client = await page(() => {
      st.markdown(":red[<script>alert(1)</script>]");
      st.markdown(':material/"><img src=x onerror=alert(1)>:');
      st.markdown(':red" onmouseover="alert(1)[x]');
      st.caption(":blue[<img src=x onerror=alert(1)>]");
    });
    expect(all(client, "main script, main img, [onerror], [onmouseover]")).toEqual([]);
    expect(markdownText(client)).toEqual(["<script>alert(1)</script>", ':material/"><img src=x onerror=alert(1)>:', ':red" onmouseover="alert(1)[x]']);
    expect(client.doc.querySelector(".fl-caption .fl-c-blue").textContent).toBe("<img src=x onerror=alert(1)>");
  });
});

describe(":material/name: icons", () => {
  test("in text, an icon is an image named for it; the syntax never shows", async () => {
    const client = await page(() => st.markdown("Go :material/home: or see :material/bar_chart:"));
    const icons = all(client, "[data-kind=markdown] .fl-icon").map((i) => [i.getAttribute("role"), i.getAttribute("aria-label"), i.textContent]);
    expect(icons).toEqual([
      ["img", "home icon", "⌂"],
      ["img", "bar chart icon", "bar chart"],
    ]);
    expect(markdownText(client)[0]).not.toContain(":material/");
  });

  test("in a title, in the navigation and in icon options, beside a label: shown, hidden from assistive technology", async () => {
    const home = () => {
      st.title(":material/rocket_launch: Launch");
      st.expander("More", { icon: ":material/info:" }).text("inside");
      st.warning("Careful", { icon: ":material/warning:" });
      st.pageLink(settingsPage(), { icon: ":material/settings:" });
    };
    const settingsPage = () => st.Page(() => st.text("settings"), { title: "Settings", icon: ":material/settings:", urlPath: "settings" });
    const client = await page(async () => {
      const shown = st.navigation([st.Page(home, { title: "Home", icon: ":material/home:", default: true }), settingsPage()]);
      await shown.run();
    });
    expect(client.doc.body.textContent).not.toContain(":material/");
    const nav = all(client, ".fl-nav a.fl-nav-link").map((a) => [a.textContent, a.querySelector(".fl-icon").closest("[aria-hidden=true]") !== null]);
    expect(nav).toEqual([
      ["⌂ Home", true],
      ["⚙︎ Settings", true],
    ]);
    const title = client.doc.querySelector("h1 .fl-icon");
    expect([title.getAttribute("aria-label"), title.textContent]).toEqual(["rocket launch icon", "rocket launch"]);
    for (const where of ["details.fl-expander summary", ".fl-alert-warning .fl-alert-icon", ".fl-page_link a"]) {
      const icon = client.doc.querySelector(`${where} .fl-icon`);
      expect(icon, where).not.toBeNull();
      expect(icon.closest("[aria-hidden=true]"), where).not.toBeNull();
    }
  });

  test("a page icon given as :material/name: is drawn in the favicon as its character", async () => {
    const client = await page(() => st.setPageConfig({ pageIcon: ":material/home:" }));
    const href = client.doc.querySelector("link[rel=icon]").getAttribute("href");
    expect(decodeURIComponent(href)).toContain(">⌂</text>");
  });
});

describe("emoji shortcodes", () => {
  test(":name: codes from GitHub's set become emoji wherever Markdown is read; unknown codes, emoticons and code stay as typed", async () => {
    const client = await page(() => {
      st.markdown("Ship it :rocket: :tada: and :+1: but not :not_an_emoji: nor :) nor `:smile:`");
      st.caption("A caption :sunglasses:");
      st.title("Title :wave:");
    });
    expect(markdownText(client)).toEqual(["Ship it 🚀 🎉 and 👍 but not :not_an_emoji: nor :) nor :smile:"]);
    expect(client.doc.querySelector("[data-kind=markdown] code").textContent).toBe(":smile:");
    expect(client.doc.querySelector(".fl-caption").textContent).toBe("A caption 😎");
    expect(client.doc.querySelector("h1").textContent).toBe("Title 👋");
  });

  test("a shortcode next to a colour or an icon: each is read as what it is", async () => {
    const client = await page(() => st.markdown(":red[hot :fire:] :material/home: :heart:"));
    expect(client.doc.querySelector("[data-kind=markdown] span[class*=red]").textContent).toBe("hot 🔥");
    expect(client.doc.querySelector("[data-kind=markdown] .fl-icon").getAttribute("aria-label")).toBe("home icon");
    expect(markdownText(client)[0]).toContain("❤️");
  });
});

describe("LaTeX in Markdown", () => {
  test("without formlit/latex's converter, dollars are text", async () => {
    const client = await page(() => st.markdown("Area $x^2$ costs $5\n\n$$\n\\int x\n$$"));
    expect(all(client, "math")).toEqual([]);
    expect(markdownText(client)[0]).toBe("Area $x^2$ costs $5\n$$\n\\int x\n$$");
  });

  describe("with enableLatex() from formlit/latex", () => {
    beforeAll(enableLatex);

    test("$...$ is math in the line, $$ lines around TeX a block of display math", async () => {
      const client = await page(() => {
        st.markdown("Area $x^2$ here\n\n$$\n\\int_0^1 t\\,dt\n$$\n\nafter");
        st.caption("a caption with $y$");
      });
      const inline = client.doc.querySelector("[data-kind=markdown] p math");
      expect(inline.getAttribute("display")).toBeNull();
      expect(inline.querySelector("msup mi").textContent).toBe("x");
      const block = client.doc.querySelector("[data-kind=markdown] .fl-math math");
      expect(block.getAttribute("display")).toBe("block");
      expect(block.textContent).toContain("∫");
      expect(client.doc.querySelector(".fl-caption math mi").textContent).toBe("y");
      expect(markdownText(client)[0]).not.toContain("$");
    });

    test("runs of dollars with no run of the same length after them stay text, however many there are", async () => {
      const many = "x$$$".repeat(5000);
      const client = await page(() => {
        st.markdown("$5, $$6 and $$$7");
        st.markdown(many);
      });
      expect(markdownText(client)).toEqual(["$5, $$6 and $$$7", many]);
      expect(all(client, "math")).toEqual([]);
    });

    test("an escaped dollar is a dollar sign; TeX cannot bring markup or links in", async () => {
      const client = await page(() => {
        st.markdown("costs \\$5 or \\$6");
        st.markdown(String.raw`$<img src=x onerror=alert(1)>$ and $\href{javascript:alert(1)}{x}$`);
      });
      expect(markdownText(client)[0]).toBe("costs $5 or $6");
      expect(all(client, "main img, main a, [onerror]")).toEqual([]);
      expect(client.doc.querySelector("main").innerHTML).not.toContain("javascript:");
    });
  });
});
