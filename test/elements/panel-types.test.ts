/**
 * st.expander's and st.status's `type` ("default" or "compact") and st.dialog's `icon`, over HTTP
 * with a browser that has no JavaScript: the compact style's class, the icon before the title, and
 * the errors for a type or icon Streamlit refuses.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];

describe("type on st.expander and st.status", () => {
  test("compact draws the panel without its box (class fl-compact); default keeps the box", async () => {
    const client = browse(() => {
      st.expander("Thought for 4 seconds", { type: "compact" }).write("step by step");
      st.expander("Plain");
      st.expander("Tracked compact", { type: "compact", onChange: "rerun" });
      st.status("Analyzing", { type: "compact", state: "complete" });
      st.status("Boxed");
    });
    await client.get("/");
    expectOk(client);
    expect(all(client, ".fl-expander").map((e) => [e.querySelector("summary,.fl-expander-toggle").textContent, e.classList.contains("fl-compact")])).toEqual([
      ["Thought for 4 seconds", true],
      ["Plain", false],
      ["Tracked compact", true],
      ["✓Complete: Analyzing", true],
      ["Running: Boxed", false],
    ]);
  });

  test.each([
    ["st.expander", () => st.expander("x", { type: "step" as never }), `'step'`],
    ["st.status", () => st.status("y", { type: "flat" as never }), `'flat'`],
  ])("a type other than default or compact is refused by %s", async (command, app, passed) => {
    const client = browse(app);
    await client.get("/");
    expect(client.exceptions().map((e) => e.message)).toEqual([`The type argument to ${command} must be "default" or "compact". The argument passed was ${passed}.`]);
  });
});

describe("icon on st.dialog", () => {
  test("the icon shows before the title, hidden from screen readers", async () => {
    const settings = st.dialog("Settings", { icon: ":material/settings:" })(() => st.write("inside"));
    const vote = st.dialog("Vote", { icon: "🗳️" })(() => st.write("ballot"));
    const client = browse(() => {
      if (st.button("Settings")) settings();
      if (st.button("Vote")) vote();
    });
    await client.get("/");
    await client.click("Settings");
    const title = () => all(client, ".fl-dialog-title")[0];
    // a material icon is drawn as the symbol the shared icon renderer gives it
    expect(title().querySelector("[aria-hidden=true]")?.textContent).toBe("⚙︎");
    expect(title().textContent).toBe("⚙︎ Settings");
    await client.click("Vote");
    expect(title().querySelector("[aria-hidden=true]")?.textContent).toBe("🗳️");
  });

  test("an icon that is neither an emoji nor a material icon is refused with Streamlit's message", async () => {
    const client = browse(() => {
      try {
        st.dialog("Bad", { icon: "settings" });
      } catch (e) {
        st.text((e as Error).message);
      }
    });
    await client.get("/");
    expect(all(client, ".fl-text").map((e) => e.textContent)).toEqual([`The value "settings" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.`]);
  });
});
