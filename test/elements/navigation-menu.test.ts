/**
 * st.navigation's menu over HTTP without JavaScript: `position` "sidebar", "top" and "hidden",
 * `expanded` (a long sidebar menu collapsed after ten pages), and inline Markdown in page titles
 * and section labels.
 */
import { describe, expect, test } from "vitest";
import { st, type NavigationOptions } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];
const page = (title: string) => st.Page(() => st.write(`On ${title}`), { title, urlPath: title.toLowerCase().replace(/\W+/g, "") });

/** An app whose menu has these sections, drawn with these options. */
const app = (sections: Record<string, string[]>, options: NavigationOptions) => () =>
  st.navigation(Object.fromEntries(Object.entries(sections).map(([k, titles]) => [k, titles.map(page)])), options).run();

describe("position", () => {
  test("sidebar (default): the menu is the sidebar's first element, with section labels", async () => {
    const client = browse(app({ "": ["Home"], Reports: ["Sales", "Costs"] }, {}));
    await client.get("/");
    expectOk(client);
    expect(all(client, ".fl-sidebar nav a.fl-nav-link").map((a) => a.textContent)).toEqual(["Home", "Sales", "Costs"]);
    expect(all(client, ".fl-nav-section").map((p) => p.textContent)).toEqual(["Reports"]);
    expect(all(client, ".fl-nav-top")).toEqual([]);
  });

  test("top: a bar above the layout; pages without a section first, each section a drop-down; no sidebar", async () => {
    const client = browse(app({ "": ["Home"], Reports: ["Sales", "Costs"], Admin: ["Users"] }, { position: "top" }));
    await client.get("/sales");
    expectOk(client);
    const bar = all(client, "nav.fl-nav-top")[0];
    expect(bar.nextElementSibling.classList.contains("fl-layout")).toBe(true);
    expect(all(client, ".fl-sidebar")).toEqual([]);
    expect([...bar.querySelectorAll(":scope > ul > li > a.fl-nav-link")].map((a: any) => a.textContent)).toEqual(["Home"]);
    const groups = [...bar.querySelectorAll("details.fl-nav-group")] as any[];
    expect(groups.map((g) => [g.querySelector("summary").textContent, [...g.querySelectorAll("a.fl-nav-link")].map((a: any) => a.textContent), g.hasAttribute("data-current")])).toEqual([
      ["Reports", ["Sales", "Costs"], true],
      ["Admin", ["Users"], false],
    ]);
    expect(all(client, "a[aria-current=page]").map((a) => a.textContent)).toEqual(["Sales"]);
  });

  test("hidden: no menu anywhere, the page still runs", async () => {
    const client = browse(app({ "": ["Home", "About"] }, { position: "hidden" }));
    await client.get("/about");
    expectOk(client);
    expect(all(client, "nav.fl-nav")).toEqual([]);
    expect(client.texts()).toContain("On About");
  });

  test("an unknown position is refused", async () => {
    const client = browse(app({ "": ["Home", "About"] }, { position: "bottom" as never }));
    await client.get("/");
    expect(client.exceptions().map((e) => e.message)).toEqual(['Invalid position "bottom". The position parameter must be one of "sidebar", "top", or "hidden".']);
  });
});

describe("expanded", () => {
  const titles = Array.from({ length: 14 }, (_, i) => `Page ${i + 1}`);

  test("collapsed (default): more than twelve pages show ten, the rest behind 'View 4 more', open when the page shown is there", async () => {
    const client = browse(app({ "": titles }, {}));
    await client.get("/");
    const more = all(client, "details.fl-nav-more")[0];
    expect(more.querySelector("summary").textContent).toBe("View 4 more");
    expect([...more.querySelectorAll("a.fl-nav-link")].map((a: any) => a.textContent)).toEqual(["Page 11", "Page 12", "Page 13", "Page 14"]);
    expect(more.hasAttribute("open")).toBe(false);
    expect(all(client, ".fl-nav > ul a.fl-nav-link")).toHaveLength(10);
    await client.get("/page13");
    expect(all(client, "details.fl-nav-more")[0].hasAttribute("open")).toBe(true);
  });

  test("expanded: every page listed, no disclosure; twelve pages or fewer never collapse", async () => {
    const client = browse(app({ "": titles }, { expanded: true }));
    await client.get("/");
    expect(all(client, "details.fl-nav-more")).toEqual([]);
    expect(all(client, "a.fl-nav-link")).toHaveLength(14);
    const twelve = browse(app({ "": titles.slice(0, 12) }, {}));
    await twelve.get("/");
    expect(all(twelve, "details.fl-nav-more")).toEqual([]);
  });
});

test("page titles and section labels are inline Markdown: bold, a material icon, a colour", async () => {
  const client = browse(() =>
    st
      .navigation({
        "**Main** :material/star:": [st.Page(() => st.write("home"), { title: "**Home**", urlPath: "home", default: true })],
        ":blue[Tools]": [st.Page(() => st.write("t"), { title: "Search :material/search:", urlPath: "search" })],
      })
      .run(),
  );
  await client.get("/");
  expectOk(client);
  const links = all(client, "a.fl-nav-link");
  expect(links[0].querySelector("strong")?.textContent).toBe("Home");
  expect(links[1].textContent).not.toContain(":material/search:");
  expect(links[1].textContent).toContain("Search");
  const labels = all(client, ".fl-nav-section");
  expect(labels[0].querySelector("strong")?.textContent).toBe("Main");
  expect(labels[0].textContent).not.toContain(":material/star:");
  expect(labels[1].textContent).toBe("Tools");
  expect(labels[1].querySelector(".fl-md-color.fl-c-blue")?.textContent).toBe("Tools");
});

test("a menu that changes with the session is drawn anew each time: titles, icons, the page shown, its query", async () => {
  // One app, one isolate: the same pages' menu is drawn on every request, and must follow them.
  const client = browse(() => {
    const renamed = st.checkbox("Rename", { key: "rename" });
    const pages = [
      st.Page(() => st.write("home"), { title: renamed ? "Start" : "Home", urlPath: "home", default: true }),
      st.Page(() => st.write("a"), { title: "Alpha", urlPath: "alpha", icon: renamed ? "🔥" : undefined }),
    ];
    st.navigation(renamed ? pages.reverse() : pages).run();
  });
  const menu = () => all(client, "a.fl-nav-link").map((a) => [a.textContent, a.getAttribute("href").replace(/^https?:\/\/[^/]+/, ""), a.getAttribute("aria-current")]);
  await client.get("/");
  expect(menu()).toEqual([
    ["Home", "/", "page"],
    ["Alpha", "/alpha", null],
  ]);
  await client.change("Rename", true);
  expect(menu()).toEqual([
    ["🔥 Alpha", "/alpha", null],
    ["Start", "/", "page"],
  ]);
  await client.get("/alpha?x=1");
  expect(menu()).toEqual([
    ["🔥 Alpha", "/alpha?x=1", "page"],
    ["Start", "/", null],
  ]);
  await client.change("Rename", false);
  expect(menu()).toEqual([
    ["Home", "/", null],
    ["Alpha", "/alpha?x=1", "page"],
  ]);
});
