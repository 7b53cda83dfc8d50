/** The demo app over HTTP: every page renders, and the seed's options behave as each page says. */
import { describe, expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

const client = () => new FormClient(() => createWorker(TEST_SECRET));

describe("demo app", () => {
  test("links a stylesheet with its own light and dark themes, chosen by the visitor's colour scheme", async () => {
    const worker = createWorker(TEST_SECRET);
    const page = await (await worker.request("http://localhost/")).text();
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)![1]!;
    const css = await (await worker.request("http://localhost" + href)).text();
    expect(css).toContain("@media (prefers-color-scheme:light){:root{--fl-accent:#b42318;");
    expect(css).toContain("@media (prefers-color-scheme:dark){:root{--fl-accent:#ff8a80;");
  });

  test("option 1: the entrypoint's widget keeps its value on every page", async () => {
    const c = client();
    await c.get("/");
    await c.change("Number of filters", 5);
    for (const page of ["Option 1: entrypoint widget", "Option 2: dummy key", "Contrast: page A", "Home"]) {
      await c.nav(page);
      expect(c.value("Number of filters")).toBe(5);
      expect(c.state().filters).toBe(5);
    }
  });

  test("following a navigation entry applies the values typed so far", async () => {
    const c = client();
    await c.get("/");
    c.set("Number of filters", 8); // typed, not applied
    await c.nav("Option 1: entrypoint widget");
    expect(c.value("Number of filters")).toBe(8);
    expect(c.texts().join(" ")).toContain("The entrypoint's widget holds 8.");
  });

  test("every page says what it demonstrates", async () => {
    const c = client();
    await c.get("/");
    for (const page of ["Option 1: entrypoint widget", "Option 2: dummy key", "Option 3: re-save", "Contrast: page A", "Contrast: page B"]) {
      await c.nav(page);
      expect(c.status).toBe(200);
      expect(c.texts().join(" ")).toMatch(/This page demonstrates/);
    }
  });

  test("the classic app lives under /classic with its own cookie and posts to its own paths", async () => {
    const c = new FormClient(() => createWorker(TEST_SECRET), "formlit-classic");
    await c.get("/classic");
    expect(c.status).toBe(200);
    expect(c.path()).toBe("/classic");
    await c.change("Number of filters", 4);
    expect(c.state()).toEqual({ filters: 4 });
    await c.nav("Another page");
    expect(c.path()).toBe("/classic/other");
    expect(c.state()).toEqual({});
    await c.nav("Home");
    expect(c.value("Number of filters")).toBe(0);
  });
});
