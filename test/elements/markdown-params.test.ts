/**
 * Markdown directives and alert icons added since Streamlit 1.39, over HTTP: `:shimmer[...]`, the
 * plain `:badge[...]`, `:primary[...]`, and an alert's leading icon (an emoji or a Material icon;
 * none unless given, as Streamlit draws alerts).
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

const page = async (entrypoint: () => void) => {
  const client = browse(entrypoint);
  await client.get("/");
  return client;
};

describe("Markdown directives", () => {
  test(":shimmer[...] is a span of its own class holding Markdown; a plain :badge[...] is a blue badge, as st.badge's default", async () => {
    const client = await page(() => {
      st.markdown("Now :shimmer[Thinking **hard**…] and :badge[New <b>] and :primary[accent]");
      st.badge("New <b>");
    });
    expectOk(client);
    const md = client.doc.querySelector("[data-kind=markdown]");
    const shimmer = md.querySelector(".fl-md-shimmer");
    expect(shimmer.tagName).toBe("SPAN");
    expect(shimmer.textContent).toBe("Thinking hard…");
    expect(shimmer.querySelector("strong").textContent).toBe("hard");
    const badge = md.querySelector(".fl-md-badge");
    expect(badge.getAttribute("class")).toBe("fl-md-badge fl-c-blue");
    expect(badge.textContent).toBe("New <b>");
    expect(badge.innerHTML).toBe(client.doc.querySelector("[data-kind=badge] .fl-md-badge").innerHTML);
    expect(md.querySelector(".fl-md-color").getAttribute("class")).toBe("fl-md-color fl-c-primary");
  });

  test("the names take no colour or form: :shimmer-badge[...], :badge-background[...] and :sparkle[...] stay as written", async () => {
    const client = await page(() => st.markdown(":shimmer-badge[a] :badge-background[b] :sparkle[c]"));
    const md = client.doc.querySelector("[data-kind=markdown]");
    expect(md.querySelector("span")).toBeNull();
    expect(md.textContent.trim()).toBe(":shimmer-badge[a] :badge-background[b] :sparkle[c]");
  });

  test("the stylesheet animates the shimmer, and stops it for reduced motion", async () => {
    const client = await page(() => st.markdown(":shimmer[x]"));
    const css = await client.stylesheet();
    expect(css).toMatch(/\.fl-md-shimmer\{[^}]*animation:fl-shimmer/);
    expect(css).toMatch(/prefers-reduced-motion:reduce\)\{\.fl-md-shimmer\{animation:none/);
  });
});

describe("alert icons", () => {
  test("an emoji or a Material icon leads the alert, hidden from screen readers; without one there is no icon", async () => {
    const client = await page(() => {
      st.info("With an emoji", { icon: "🔥" });
      st.warning("With **Material**", { icon: ":material/bolt:" });
      st.error("Plain");
      st.success("Plain too");
    });
    expectOk(client);
    const alerts = [...client.doc.querySelectorAll(".fl-alert")] as any[];
    const read = (a: any) => [a.firstElementChild.className, a.querySelector(".fl-alert-icon")?.textContent ?? null];
    expect(alerts.map(read)).toEqual([
      ["fl-alert-icon", "🔥"],
      ["fl-alert-icon", "bolt"],
      ["fl-alert-body", null],
      ["fl-alert-body", null],
    ]);
    expect(alerts[1].querySelector(".fl-alert-icon").getAttribute("aria-hidden")).toBe("true");
    expect(alerts[1].querySelector(".fl-alert-body strong").textContent).toBe("Material");
  });

  test("an icon that is neither is Streamlit's error in the page", async () => {
    const client = await page(() => st.info("x", { icon: "not an icon" }));
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: 'The value "not an icon" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.' },
    ]);
  });
});
