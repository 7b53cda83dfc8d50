/**
 * createApp's `theme` (Streamlit's `[theme]` keys in camelCase) over HTTP: the stylesheet a page
 * links holds the app's theme under a new name, light and dark parts sit under their
 * prefers-color-scheme queries, a lone theme imposes its scheme (and st.context.theme says so),
 * invalid values are left out with a warning and a misshapen theme throws when the app is made.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { st, createApp, type AppOptions, type ThemeOptions } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";

const ORIGIN = "http://localhost";

const appWith = (theme?: ThemeOptions, more: Partial<AppOptions> = {}) =>
  createApp({ secret: TEST_SECRET, theme, ...more, entrypoint: () => st.text(JSON.stringify(st.context.theme)) });

/** The stylesheet the page links, and the page. */
async function stylesheetOf(app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) {
  const page = await (await app.request(ORIGIN + "/", { headers })).text();
  const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)![1]!;
  const res = await app.request(ORIGIN + href);
  expect(res.status).toBe(200);
  return { href, css: await res.text(), page };
}

const LIGHT_AND_DARK: ThemeOptions = {
  baseRadius: "small",
  light: { primaryColor: "#1d4ed8", backgroundColor: "#ffffff", textColor: "#1f2937" },
  dark: { primaryColor: "#93c5fd", backgroundColor: "#0b1120", textColor: "#e5e7eb", sidebar: { backgroundColor: "#111827" } },
};

afterEach(() => vi.restoreAllMocks());

describe("the stylesheet of a themed app", () => {
  test("a theme is a stylesheet of its own name (the unthemed one is not served); without one the name is formlit's", async () => {
    const plain = await stylesheetOf(appWith());
    const themed = await stylesheetOf(appWith(LIGHT_AND_DARK));
    expect(themed.href).not.toBe(plain.href);
    expect((await appWith(LIGHT_AND_DARK).request(ORIGIN + plain.href)).status).toBe(404);
    expect(themed.css.startsWith(plain.css)).toBe(true);
    expect((await stylesheetOf(appWith({}))).href).toBe(plain.href);
  });

  test("light and dark parts are under their prefers-color-scheme queries, with [theme]'s keys in both", async () => {
    const { css } = await stylesheetOf(appWith(LIGHT_AND_DARK));
    const light = "@media (prefers-color-scheme:light){:root{--fl-accent:#1d4ed8;--fl-accent-strong:#1d4ed8;--fl-accent-text:#1d4ed8;--fl-fg:#1f2937;--fl-accent-on:#fff;--fl-bg:#ffffff;";
    expect(css).toContain(light);
    expect(css).toContain("@media (prefers-color-scheme:dark){:root{--fl-accent:#93c5fd;");
    // a light primary colour gets dark text on primary buttons
    expect(css).toContain("--fl-accent-on:#0e1117");
    // baseRadius "small" in both schemes
    expect(css.match(/--fl-radius:\.25rem/g)).toHaveLength(2);
    // the dark sidebar's own background
    expect(css).toContain(".fl-sidebar{--fl-bg:#111827;--fl-sidebar-bg:#111827;");
    // the visitor's scheme still chooses: formlit's own dark rules are kept
    expect(css).toContain("color-scheme:light dark");
  });

  test("a lone theme is one scheme for everyone: base dark applies formlit's dark rules unconditionally, and st.context.theme is dark", async () => {
    const app = appWith({ base: "dark", primaryColor: "#ff4b4b" });
    const { css, page } = await stylesheetOf(app, { "Sec-CH-Prefers-Color-Scheme": '"light"' });
    expect(css).not.toContain("prefers-color-scheme");
    expect(css).toContain("color-scheme:dark");
    expect(css).toContain(":root{--fl-accent-text:#ff7a7a;--fl-bg:#0e1117;");
    expect(page).toContain("{&quot;type&quot;:&quot;dark&quot;}");
  });

  test("a lone theme without base is light for everyone, whatever the browser prefers", async () => {
    const app = appWith({ primaryColor: "#1d4ed8" });
    const { css, page } = await stylesheetOf(app, { "Sec-CH-Prefers-Color-Scheme": '"dark"' });
    expect(css).not.toContain("prefers-color-scheme");
    expect(css).not.toContain("--fl-bg:#0e1117");
    expect(css).toContain(":root{color-scheme:light}:root{--fl-accent:#1d4ed8;");
    expect(page).toContain("{&quot;type&quot;:&quot;light&quot;}");
  });

  test("a lone theme whose background is dark is dark for everyone, even on the light base", async () => {
    const { css, page } = await stylesheetOf(appWith({ backgroundColor: "#101418", textColor: "#f5f5f5" }), { "Sec-CH-Prefers-Color-Scheme": '"light"' });
    expect(css).toContain("color-scheme:dark");
    expect(css).toContain("--fl-err-bg:#4a1c1c");
    expect(page).toContain("{&quot;type&quot;:&quot;dark&quot;}");
  });

  test("with light and dark, st.context.theme is the browser's scheme", async () => {
    const { page } = await stylesheetOf(appWith(LIGHT_AND_DARK), { "Sec-CH-Prefers-Color-Scheme": '"dark"' });
    expect(page).toContain("{&quot;type&quot;:&quot;dark&quot;}");
  });

  test("fonts, sizes, weights, palette, links, borders and chart colours become rules", async () => {
    const { css } = await stylesheetOf(
      appWith({
        font: "Georgia, Times New Roman, serif",
        codeFont: "monospace",
        headingFontSizes: ["3rem", 40],
        headingFontWeights: 800,
        baseFontSize: 18,
        baseFontWeight: 300,
        buttonRadius: "full",
        redColor: "#c00000",
        greenTextColor: "darkgreen",
        linkColor: "rebeccapurple",
        linkUnderline: false,
        dataframeBorderColor: "#999",
        showWidgetBorder: false,
        showSidebarBorder: false,
        chartCategoricalColors: ["#111", "#222"],
        sidebar: { font: "serif", primaryColor: "#7c3aed" },
      }),
    );
    expect(css).toContain('body{font-family:Georgia,"Times New Roman",serif}');
    expect(css).toContain("code,pre,.fl-code,.fl-json,.fl-text{font-family:monospace}");
    expect(css).toContain("h1:not(.fl-sidebar *){font-size:3rem}h2:not(.fl-sidebar *){font-size:40px}");
    expect(css).toContain("h6:not(.fl-sidebar *){font-weight:800}");
    expect(css).toContain("html{font-size:18px}body{font-weight:300}");
    expect(css).toContain("--fl-button-radius:1rem");
    // redColor alone derives the text (darker) and background (10%) colours, for alerts and Markdown
    expect(css).toContain("--fl-err:color-mix(in srgb,#c00000 85%,black);--fl-err-bg:color-mix(in srgb,#c00000 10%,transparent)");
    expect(css).toContain(".fl-c-red{--fl-c:color-mix(in srgb,#c00000 85%,black);--fl-cb:color-mix(in srgb,#c00000 10%,transparent)}");
    expect(css).toContain(".fl-c-green{--fl-c:darkgreen}");
    expect(css).toContain("a{color:var(--fl-link)}a{text-decoration:none}");
    expect(css).toContain(".fl-table-scroll,.fl-table{--fl-line:#999}");
    expect(css).toContain(".fl-input{border-color:transparent}");
    expect(css).toContain(".fl-sidebar{border-right:0;border-bottom:0}");
    expect(css).toContain(".fl-chart{--fl-chart-0:#111;--fl-chart-1:#222;--fl-chart-2:#111;");
    expect(css).toContain(".fl-sidebar{--fl-accent:#7c3aed;");
    expect(css).toContain(".fl-sidebar{font-family:serif}");
  });

  test("an embedded app's inline style holds the theme, scoped to its wrapper", async () => {
    const page = await (await appWith(LIGHT_AND_DARK).request(ORIGIN + "/_embed/")).text();
    expect(page).toContain("@media (prefers-color-scheme:dark){.formlit-embed{--fl-accent:#93c5fd;");
    expect(page).toContain(".formlit-embed .fl-sidebar{--fl-bg:#111827;");
  });
});

describe("checking the theme", () => {
  test("invalid values are left out with a warning naming the key; nothing of them reaches the stylesheet", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { css } = await stylesheetOf(
      appWith({
        primaryColor: "red;}body{display:none",
        backgroundColor: "bluee",
        baseRadius: "huge",
        baseFontSize: -3,
        codeFontWeight: 650,
        headingFont: "Inter:https://fonts.example.com/inter.css",
        light: { baseFontSize: 20 } as never,
        sidebar: { textColor: "tomato", nope: 1 } as never,
      }),
    );
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said).toContain('formlit: theme.primaryColor is not a valid value ("red;}body{display:none"); ignored, as Streamlit ignores it.');
    expect(said).toContain('formlit: theme.backgroundColor is not a valid value ("bluee"); ignored, as Streamlit ignores it.');
    expect(said).toContain('formlit: theme.baseRadius is not a valid value ("huge"); ignored, as Streamlit ignores it.');
    expect(said).toContain("formlit: theme.baseFontSize is not a valid value (-3); ignored, as Streamlit ignores it.");
    expect(said).toContain("formlit: theme.codeFontWeight is not a valid value (650); ignored, as Streamlit ignores it.");
    expect(said).toContain(`formlit: theme.headingFont loads no font file (the page's Content-Security-Policy allows none): "Inter" is used as an installed font's name.`);
    expect(said).toContain("formlit: theme.light.baseFontSize can be set in [theme] only, as in Streamlit; ignored.");
    expect(said).toContain("formlit: theme.sidebar.nope is not one of Streamlit's theme options; ignored.");
    expect(css).not.toContain("body{display:none");
    expect(css).not.toContain("bluee");
    // the valid ones are used: a colour name, the font's name without its URL
    expect(css).toContain(".fl-sidebar{--fl-fg:tomato;");
    expect(css).toContain("h1,h2,h3,h4,h5,h6{font-family:Inter}");
  });

  test("Streamlit's colour without # and 'sans serif' spelling are read as Streamlit reads them", async () => {
    const { css } = await stylesheetOf(appWith({ primaryColor: "ff4b4b", font: "sans serif" }));
    expect(css).toContain("--fl-accent:#ff4b4b");
    expect(css).toContain("body{font-family:sans-serif}");
  });

  test("a theme, or a part of it, that is not an object throws when the app is created", () => {
    expect(() => appWith("dark" as never)).toThrow("formlit: createApp's theme must be an object of Streamlit's theme keys in camelCase (got \"dark\").");
    expect(() => appWith({ dark: ["#000"] } as never)).toThrow("createApp's theme.dark must be an object");
    expect(() => appWith({ light: { sidebar: 1 } } as never)).toThrow("createApp's theme.light.sidebar must be an object");
  });

  test("Streamlit keys formlit does not offer are named with the reason", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    appWith({ fontFaces: [{ family: "x", url: "app/static/x.woff" }] } as never);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^formlit: theme\.fontFaces is not offered: no font file can load under the page's Content-Security-Policy/);
  });
});
