/**
 * Buttons' `icon` and `type: "tertiary"` over HTTP, on st.button, st.formSubmitButton,
 * st.downloadButton, st.linkButton and st.popover: the HTML each draws, that a button with an
 * icon still works, and Streamlit's messages for an icon or a type it refuses.
 * (test/browser/layout-buttons.test.ts checks the look and the clicks in Chromium.)
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { checkIcon } from "../../src/elements/icon.ts";
import { browse } from "../support/browse.ts";

type El = any;

describe("icon", () => {
  test("an emoji or a Material icon shows before the label, hidden from screen readers, on every kind of button", async () => {
    const client = browse(() => {
      if (st.button("Save", { icon: "💾" })) st.text("saved");
      st.form("f").formSubmitButton("Send", { icon: ":material/send:" });
      st.downloadButton("Get", "data", { icon: "📥" });
      st.linkButton("Docs", "https://example.com", { icon: ":material/menu_book:" });
      st.popover("More", { icon: "⚙️" }).caption("inside");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const controls = [
      client.doc.querySelector("[data-kind=button] button"),
      client.doc.querySelector("[data-kind=form_submit_button] button"),
      client.doc.querySelector("[data-kind=download_button] button"),
      client.doc.querySelector("[data-kind=link_button] a"),
      client.doc.querySelector("[data-kind=popover] summary"),
    ] as El[];
    const icons = controls.map((c) => c.firstElementChild);
    expect(icons.map((i) => [i.getAttribute("class"), i.getAttribute("aria-hidden"), i.getAttribute("data-icon"), i.textContent])).toEqual([
      ["fl-icon", "true", null, "💾"],
      ["fl-icon fl-icon-named", "true", "send", "send"],
      ["fl-icon", "true", null, "📥"],
      ["fl-icon fl-icon-named", "true", "menu_book", "menu book"],
      ["fl-icon", "true", null, "⚙️"],
    ]);
    expect(controls.map((c) => c.querySelector(".fl-button-label").textContent)).toEqual(["Save", "Send", "Get", "Docs", "More"]);
    // the button is still found by its label alone, and a click is still a click
    await client.click("Save");
    expect(client.texts()).toEqual(["saved"]);
  });

  test("a form's submit button with an icon submits the form", async () => {
    const client = browse(() => {
      const f = st.form("f");
      const name = f.textInput("Name");
      if (f.formSubmitButton("Send", { icon: ":material/send:" })) st.text(`sent ${name}`);
    });
    await client.get("/");
    client.set("Name", "Ada");
    await client.click("Send");
    expect(client.texts()).toEqual(["sent Ada"]);
  });

  test("without an icon a button is drawn as before: its label alone", async () => {
    const client = browse(() => st.button("Plain"));
    await client.get("/");
    expect(client.doc.querySelector("[data-kind=button] button").innerHTML).toBe("Plain");
  });

  test.each([
    ["abc", 'The value "abc" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.'],
    [":fire:", 'The value ":fire:" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.'],
    ["🔥🔥", 'The value "🔥🔥" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.'],
    [":material/Thumb Up:", 'The value `":material\u200b/Thumb Up:"` is not a valid Material icon. Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**'],
    [":materials/home:", 'The value `":materials\u200b/home:"` is not a valid Material icon. Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**'],
    [":material/home", 'The value `":material\u200b/home"` is not a valid Material icon. Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**'],
  ])("icon %j is refused with Streamlit's message, and the page still answers", async (icon, message) => {
    const client = browse(() => {
      st.text("before");
      st.button("Go", { icon });
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.texts()).toEqual(["before"]);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });

  test("single emoji made of several code points are accepted; Material names are normalized", () => {
    expect(["👍🏽", "1️⃣", "🇫🇷", "👩‍💻", "⚙️"].map(checkIcon)).toEqual(["👍🏽", "1️⃣", "🇫🇷", "👩‍💻", "⚙️"]);
    expect(checkIcon(":material/thumb_up: ")).toBe(":material/thumb_up:");
    expect(checkIcon(undefined)).toBe("");
  });
});

describe('type: "tertiary"', () => {
  test("each kind of button takes it as a class of its own, and a tertiary button still works", async () => {
    const client = browse(() => {
      if (st.button("Quiet", { type: "tertiary" })) st.text("clicked quietly");
      st.form("f").formSubmitButton("Send", { type: "tertiary" });
      st.downloadButton("Get", "data", { type: "tertiary" });
      st.linkButton("Docs", "https://example.com", { type: "tertiary" });
      st.popover("More", { type: "tertiary" }).caption("inside");
      st.button("Loud", { type: "primary" });
      st.form("g").formSubmitButton("Default");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const classes = ["[data-kind=button] button", "[data-kind=form_submit_button] button", "[data-kind=download_button] button", "[data-kind=link_button] a", "[data-kind=popover] summary"].map(
      (sel) => client.doc.querySelector(sel).getAttribute("class"),
    );
    expect(classes).toEqual([
      "fl-button fl-button-tertiary",
      "fl-button fl-button-tertiary",
      "fl-button fl-download fl-button-tertiary",
      "fl-button fl-link-button fl-button-tertiary",
      "fl-button fl-button-tertiary",
    ]);
    expect(client.widget("Loud").querySelector("button").getAttribute("class")).toBe("fl-button fl-button-primary");
    // a form's submit button is secondary (outlined) unless its type says otherwise, as in Streamlit
    expect(client.widget("Default").querySelector("button").getAttribute("class")).toBe("fl-button");
    await client.click("Quiet");
    expect(client.texts()).toEqual(["clicked quietly"]);
  });

  test.each([
    ["st.button", () => st.button("Go", { type: "loud" as never })],
    ["st.link_button", () => st.linkButton("Go", "/x", { type: "loud" as never })],
    ["st.download_button", () => st.downloadButton("Go", "x", { type: "loud" as never })],
    ["st.popover", () => st.popover("Go", { type: "loud" as never })],
    ["st.form_submit_button", () => st.form("f").formSubmitButton("Go", { type: "loud" as never })],
  ])("another type on %s is refused with Streamlit's message", async (command, draw) => {
    const client = browse(() => {
      draw();
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: `The type argument to ${command} must be "primary", "secondary", or "tertiary". \nThe argument passed was "loud".` },
    ]);
  });
});
