/**
 * st.linkButton and st.pageLink over HTTP: the HTML each renders, the URLs a link button refuses,
 * and a page link that, like a navigation entry, applies pending values as it switches pages.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { safeLinkUrl } from "../../src/elements/links.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;

describe("st.linkButton", () => {
  test("renders a link styled as a button that opens in a new tab", async () => {
    const client = browse(() => {
      st.linkButton("Docs", "https://example.com/docs?a=1&b=2", { help: "The manual", type: "primary" });
      st.linkButton("Mail", "mailto:team@example.com");
      st.linkButton("Relative", "/other/page");
      st.linkButton("Off", "https://example.com", { disabled: true });
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    const links = [...client.doc.querySelectorAll(".fl-link_button a")] as any[];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com/docs?a=1&b=2", "mailto:team@example.com", "/other/page", null]);
    const [docs] = links;
    expect(docs.getAttribute("class")).toBe("fl-button fl-link-button fl-button-primary");
    expect(docs.getAttribute("target")).toBe("_blank");
    expect(docs.getAttribute("rel")).toBe("noopener noreferrer");
    expect(docs.textContent).toBe("Docs (opens in a new tab)");
    expect(client.doc.getElementById(docs.getAttribute("aria-describedby")).textContent).toBe("The manual");
    expect(client.html).toContain('href="https://example.com/docs?a=1&amp;b=2"');
    expect(links[3].getAttribute("aria-disabled")).toBe("true");
  });

  test.each([
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["  javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
  ])("refuses %j with an error, and renders no link", async (url) => {
    const client = browse(() => {
      try {
        st.linkButton("Bad", url);
      } catch (err) {
        st.text(`refused: ${(err as Error).name}`);
      }
      st.linkButton("Uncaught", url);
    });
    await client.get("/");
    expect(client.texts()).toEqual(["refused: StreamlitAPIException"]);
    expect(client.exceptions()).toHaveLength(1);
    expect(client.exceptions()[0]!.type).toBe("StreamlitAPIException");
    expect(client.exceptions()[0]!.message).toMatch(/^st\.link_button cannot link to .*: use an http:\/\/, https:\/\/ or mailto: URL, or a relative one\.$/);
    expect(client.doc.querySelectorAll(".fl-link_button").length).toBe(0);
    expect(client.html.toLowerCase()).not.toContain('href="javascript');
  });

  test("safeLinkUrl keeps what a browser would follow to http(s), mailto or a relative path", () => {
    for (const ok of ["https://a.example", "http://a.example/x", "//cdn.example/x", "page", "./x", "../x", "?q=1", "#top", "mailto:a@b.c"]) {
      expect(safeLinkUrl(ok), ok).toBe(ok);
    }
    for (const bad of ["javascript:x", "\u0000javascript:x", "blob:https://a/x", "tel:123"]) {
      expect(safeLinkUrl(bad), JSON.stringify(bad)).toBe(null);
    }
  });
});

describe("st.pageLink", () => {
  function home() {
    st.title("Home");
    st.pageLink(settingsPage(), { icon: "⚙️" });
    st.pageLink("settings", { label: "Settings by path" });
    st.pageLink("https://streamlit.io", { label: "Streamlit", help: "Elsewhere" });
  }
  function settings() {
    st.title("Settings");
    st.text(`name on settings: ${ss.get("name", "(none)")}`);
    st.pageLink(homePage());
  }
  const homePage = () => st.Page(home, { title: "Home", default: true });
  const settingsPage = () => st.Page(settings, { title: "Settings", urlPath: "settings" });
  const app = () =>
    browse(async () => {
      const page = st.navigation([homePage(), settingsPage()]);
      st.sidebar.textInput("Name", { key: "name" });
      await page.run();
    });

  test("a page link is a link to the page's address, labelled with its title; after a change, its twin applies the change first", async () => {
    const client = app();
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    const links = [...client.doc.querySelectorAll(".fl-page_link a.fl-to")] as any[];
    expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["/settings", "⚙️ Settings"],
      ["/settings", "Settings by path"],
    ]);
    expect(links[0].querySelector("[aria-hidden=true]").textContent).toBe("⚙️");
    // each link's twin: a submit button to the same address, described by the note beside Apply
    const twins = [...client.doc.querySelectorAll(".fl-page_link button.fl-go")] as any[];
    expect(twins.map((b) => [b.getAttribute("type"), b.getAttribute("formaction"), b.textContent])).toEqual([
      ["submit", "/settings", "⚙️ Settings"],
      ["submit", "/settings", "Settings by path"],
    ]);
    expect(client.doc.getElementById(twins[0].getAttribute("aria-describedby")).textContent).toMatch(/^Your changes are not applied yet/);
    const external = client.doc.querySelector(".fl-page_link a:not(.fl-to)");
    expect(external.getAttribute("href")).toBe("https://streamlit.io");
    expect(external.getAttribute("target")).toBe("_blank");
    expect(client.doc.getElementById(external.getAttribute("aria-describedby")).textContent).toBe("Elsewhere");

    // following the link is a GET of the page, from the session as it stands
    await client.follow("⚙️ Settings");
    expect(client.status).toBe(200);
    expect(client.currentPage()).toBe("Settings");
    expect(client.path()).toBe("/settings");
    expect(client.texts()).toEqual(["name on settings: "]);
    // the default page's link goes to the app's root
    const back = client.doc.querySelector(".fl-page_link a.fl-to");
    expect([back.getAttribute("href"), back.textContent]).toEqual(["/", "Home"]);
    await client.follow("Home");
    expect(client.currentPage()).toBe("Home");

    client.set("Name", "Ada");
    await client.follow("Settings by path");
    expect(client.currentPage()).toBe("Settings");
    expect(client.texts()).toEqual(["name on settings: Ada"]);
    expect(client.state()).toEqual({ name: "Ada" });
  });

  test("the link to the page shown is marked and keeps its query parameters; a disabled link has no address", async () => {
    const client = browse(async () => {
      const page = st.navigation([
        st.Page(
          () => {
            st.pageLink("only");
            st.pageLink("only", { label: "Off", disabled: true });
          },
          { title: "Only", urlPath: "only" },
        ),
      ]);
      await page.run();
    });
    await client.get("/?x=1");
    const [here, off] = [...client.doc.querySelectorAll(".fl-page_link a")] as any[];
    expect([here.getAttribute("href"), here.getAttribute("aria-current")]).toEqual(["/?x=1", "page"]);
    expect([off.hasAttribute("href"), off.getAttribute("aria-disabled"), off.textContent]).toEqual([false, "true", "Off"]);
    expect(client.doc.querySelectorAll(".fl-page_link button")).toHaveLength(1);
  });

  test("an unknown page, and an external URL without a label, are errors", async () => {
    const client = browse(async () => {
      const page = st.navigation([st.Page(() => st.pageLink("nowhere"), { title: "A", urlPath: "a" })]);
      await page.run();
    });
    await client.get("/");
    expect(client.exceptions()[0]!.message).toMatch(/^Could not find page: `nowhere`\./);
    const noLabel = browse(() => st.pageLink("https://example.com"));
    await noLabel.get("/");
    expect(noLabel.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "The label param is required for external links used with st.page_link - please provide a label." },
    ]);
  });
});
