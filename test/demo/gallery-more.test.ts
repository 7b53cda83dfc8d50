/** The gallery's "More" tab over HTTP: pills, segmented control and feedback keep state; text elements render. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the More tab's pills, segmented control and stars render and apply", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  const kinds = new Set(c.widgets().map((w) => w.kind));
  for (const k of ["pills", "segmented_control", "feedback"]) expect(kinds, k).toContain(k);
  c.set("Toppings", ["Cheese", "Basil"]).set("Crust", "Deep").set("Rating", "4 stars");
  await c.apply();
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain('Toppings ["Cheese","Basil"], crust "Deep", rating 4.');
});

test("the More tab shows MathML, sanitised HTML, help and the logo; Celebrate brings balloons", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.doc.querySelector("[data-kind=latex] math mfrac")).not.toBeNull();
  const html = c.doc.querySelector("[data-kind=html]");
  expect(html.querySelector("em").textContent).toBe("HTML");
  expect(html.querySelector("script")).toBeNull();
  expect(html.querySelector("b").hasAttribute("onclick")).toBe(false);
  expect([...c.doc.querySelectorAll("[data-kind=help] tbody td:first-child")].map((td: any) => td.textContent)).toEqual(["toppings", "crust", "rating"]);
  expect(c.doc.querySelector(".fl-sidebar [data-kind=logo] img").getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(c.doc.querySelector("[data-kind=balloons]")).toBeNull();
  await c.click("Celebrate");
  expect(c.doc.querySelector("[data-kind=balloons]")).not.toBeNull();
  expect(c.alerts("success")).toContain("Balloons! (Not shown if you asked for reduced motion.)");
});

test("the More tab's menu button: a chosen option shows for that run only", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.alerts("info").filter((t: string) => t.startsWith("Shared by"))).toEqual([]);
  await c.choose("Share", "Email");
  expect(c.exceptions()).toEqual([]);
  expect(c.alerts("info")).toContain("Shared by Email (a menu button's choice lasts one run).");
  await c.click("Celebrate");
  expect(c.alerts("info").filter((t: string) => t.startsWith("Shared by"))).toEqual([]);
});

test("the More tab plays audio from bytes and video with captions; a photo from the camera input is taken", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.doc.querySelector("audio[controls]").getAttribute("src")).toMatch(/^data:audio\/wav;base64,UklGR/);
  expect(c.doc.querySelector("video[controls] track[kind=captions]").getAttribute("label")).toBe("English");
  await c.upload("Take a photo", { name: "me.gif", type: "image/gif", content: "GIF89aDATA" }).apply();
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain("Photo: me.gif (10 bytes).");
});

test("the More tab shows badges, a PDF in the browser's viewer with its download link, and HTML in a sandboxed frame", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  const badges = [...c.doc.querySelectorAll("[data-kind=badge] .fl-md-badge")];
  expect(badges.map((b: any) => [b.getAttribute("class"), b.textContent])).toEqual([
    ["fl-md-badge fl-c-green", "★ New"],
    ["fl-md-badge fl-c-orange", "Beta"],
  ]);
  const pdf = c.doc.querySelector("[data-kind=pdf]");
  expect(pdf.querySelector("iframe").getAttribute("src")).toMatch(/^data:application\/pdf;base64,JVBERi/);
  expect(pdf.querySelector("a[download]").getAttribute("href")).toBe(pdf.querySelector("iframe").getAttribute("src"));
  const frame = c.doc.querySelector("[data-kind=iframe] iframe");
  expect(frame.getAttribute("srcdoc")).toContain("HTML in a sandboxed frame");
  expect(frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
});
