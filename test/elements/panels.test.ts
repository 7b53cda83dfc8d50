/**
 * st.status, st.toast and st.popover over HTTP, with a browser that has no JavaScript: their
 * semantics (states, updates, what opens, the live region) and Streamlit's errors. The demo's
 * "Status, toast, popover" page is Streamlit's e2e apps st_status, st_toast and st_popover.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { panels } from "../../pages/panels.ts";
import { FormClient } from "../support/client.ts";
import { browse } from "../support/browse.ts";

const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];
const summary = (d: any) => d.querySelector("summary").textContent.trim();
/** A toast's icon and the message it shows (its start, when long). */
const toastText = (t: any) => (t.querySelector(".fl-toast-icon")?.textContent ?? "") + (t.querySelector(".fl-toast-short") ?? t.querySelector(".fl-toast-body")).textContent.trim();

describe("st.status (Streamlit's st_status app)", () => {
  test("each status is a <details> whose summary names its state; labels, states and openness follow updates and with()", async () => {
    const client = browse(panels);
    await client.get("/");
    const boxes = all(client, "details[data-kind=status]");
    expect(boxes.map((b) => [summary(b), b.getAttribute("data-state"), b.hasAttribute("open")])).toEqual([
      ["Running: Running status", "running", true],
      ["✓Complete: Completed status", "complete", true],
      ["✕Error: Error status", "error", true],
      ["✓Complete: Collapsed", "complete", false],
      ["✓Complete: Changed label", "complete", false],
      ["✕Error: Without context manager", "error", true],
      ["✓Complete: Collapsed", "complete", false],
      ["✓Complete: Empty state...", "complete", false],
      ["✕Error: Uncaught exception", "error", false],
      ["✓Complete: Finished by with", "complete", true],
    ]);
    // a running status shows a spinner; its content is inside
    expect(boxes[0].querySelector(".fl-spinner")).not.toBeNull();
    expect(boxes[0].textContent).toContain("Doing some work...");
    expect(boxes[2].querySelector(".fl-alert-error").textContent).toContain("Oh no, something went wrong!");
  });

  test("an unknown state is refused with Streamlit's message, at creation and in update", async () => {
    const client = browse(() => {
      for (const f of [() => st.status("x", { state: "done" as never }), () => st.status("y").update({ state: "nope" as never })]) {
        try {
          f();
        } catch (e) {
          st.text((e as Error).message);
        }
      }
    });
    await client.get("/");
    expect(all(client, ".fl-text").map((e) => e.textContent)).toEqual([
      "Unknown state (done). Must be one of 'running', 'complete', or 'error'.",
      "Unknown state (nope). Must be one of 'running', 'complete', or 'error'.",
    ]);
  });

  test("an async function in with(): complete when it resolves, error when it rejects", async () => {
    const client = browse(async () => {
      await st.status("async ok").with(async () => st.write("done"));
      await st.status("async failing").with(async () => {
        throw new Error("late");
      }).catch(() => st.text("caught"));
    });
    await client.get("/");
    expect(all(client, "details[data-kind=status]").map((b) => b.getAttribute("data-state"))).toEqual(["complete", "error"]);
  });
});

describe("st.toast (Streamlit's st_toast app)", () => {
  test("toasts gather in one polite live region, newest first, with their icons; it needs no script to be seen", async () => {
    const client = browse(panels);
    await client.get("/");
    const region = client.doc.querySelectorAll(".fl-toasts");
    expect(region).toHaveLength(1);
    expect(region[0].getAttribute("role")).toBe("status");
    expect(region[0].getAttribute("aria-live")).toBe("polite");
    const toasts = all(client, ".fl-toasts [data-kind=toast]");
    expect(toasts).toHaveLength(3);
    expect(toasts.map(toastText)).toEqual(["cabinYour edited image was saved!", "🦄Random toast message that is a really really really really really really really long message, going way", "🐶This is a default toast message"]);
  });

  test("a long toast shows its first 104 characters (to a word's end) and a view more / view less switch; each toast has a Close control; neither posts anything", async () => {
    const client = browse(panels);
    await client.get("/");
    const toasts = all(client, ".fl-toasts [data-kind=toast]");
    const long = toasts[1];
    expect(long.querySelector(".fl-toast-short").textContent.trim()).toBe("Random toast message that is a really really really really really really really long message, going way");
    expect(long.querySelector(".fl-toast-full").textContent.trim()).toBe("Random toast message that is a really really really really really really really long message, going way past the 3 line limit");
    const more = long.querySelector("input.fl-toast-more");
    expect(more.getAttribute("type")).toBe("checkbox");
    const view = long.querySelector(`label[for="${more.getAttribute("id")}"]`);
    expect([...view.children].map((s: any) => s.textContent)).toEqual(["view more", "view less"]);
    // short toasts have no switch
    expect(toasts[0].querySelector(".fl-toast-more, .fl-toast-short")).toBeNull();
    for (const t of toasts) {
      const close = t.previousElementSibling;
      expect([close.tagName, close.getAttribute("type"), close.getAttribute("role"), close.getAttribute("aria-label")]).toEqual(["INPUT", "checkbox", "button", "Close"]);
      expect(t.querySelector(`label[for="${close.getAttribute("id")}"]`).getAttribute("title")).toBe("Close");
    }
    // no name: the form posts nothing for them
    expect(all(client, ".fl-toasts input").filter((i) => i.hasAttribute("name"))).toEqual([]);
  });

  test("a toast called in a container or the sidebar joins the same region; a blank one is refused", async () => {
    const client = browse(() => {
      st.sidebar.toast("from the sidebar");
      st.columns(2)[1]!.toast("from a column");
      try {
        st.toast("");
      } catch (e) {
        st.text((e as Error).message);
      }
    });
    await client.get("/");
    expect(all(client, ".fl-toasts [data-kind=toast]").map(toastText)).toEqual(["from a column", "from the sidebar"]);
    expect(all(client, ".fl-text").map((e) => e.textContent)).toEqual(["Toast body cannot be blank - please provide a message."]);
  });

  test("toasts belong to one run: the next run without st.toast shows none", async () => {
    let show = true;
    const client = browse(() => {
      if (show) st.toast("once");
      show = false;
    });
    await client.get("/");
    expect(all(client, "[data-kind=toast]")).toHaveLength(1);
    await client.apply();
    expect(client.doc.querySelector(".fl-toasts")).toBeNull();
  });
});

describe("st.popover (Streamlit's st_popover app)", () => {
  test("a popover is a <details> that opens without a script; its widgets are part of the page's form", async () => {
    const client = browse(panels);
    await client.get("/");
    const pops = all(client, "[data-kind=popover]");
    expect(pops.map((p) => p.textContent.trim().split("\n")[0])).toHaveLength(7);
    const withWidgets = pops.find((p) => p.querySelector("summary")?.textContent.includes("popover 3"));
    expect(withWidgets.tagName).toBe("DETAILS");
    expect(withWidgets.hasAttribute("open")).toBe(false);
    expect([...withWidgets.querySelectorAll("label")].map((l: any) => l.textContent)).toEqual(["Text input", "Column 1", "Column 2", "Selectbox"]);
    await client.change("Text input", "typed in a popover");
    const output = all(client, "details.fl-expander").find((d) => summary(d) === "Output");
    expect(output.textContent).toContain("Text input: typed in a popover");
    expect(client.doc.querySelector(".fl-sidebar [data-kind=popover] summary").textContent).toContain("popover 5 (in sidebar)");
    const help = pops.find((p) => p.textContent.includes("popover 4"));
    expect(help.querySelector("summary").getAttribute("title")).toBe("help text");
    expect(pops.find((p) => p.textContent.includes("popover 2")).className).toContain("fl-popover-wide");
  });

  test("without JavaScript, Apply keeps a popover open when a widget inside it changed (or a button in it was pressed), and only then", async () => {
    const client = browse(() => {
      st.popover("popover 3 (with widgets)").with(() => {
        st.textInput("Text input");
        st.button("Press in popover");
      });
      st.popover("popover 7 (emoji)", { icon: "🦄" }).markdown("Hello unicorn");
      st.textInput("Outside");
      st.button("Press outside");
    });
    const open = () => all(client, "details[data-kind=popover]").map((p) => p.hasAttribute("open"));
    await client.get("/");
    expect(open()).toEqual([false, false]);
    await client.change("Text input", "typed in a popover");
    expect(open()).toEqual([true, false]);
    await client.apply();
    expect(open()).toEqual([false, false]);
    await client.click("Press in popover");
    expect(open()).toEqual([true, false]);
    await client.change("Outside", "typed outside");
    expect(open()).toEqual([false, false]);
    await client.click("Press outside");
    expect(open()).toEqual([false, false]);
  });

  test("a disabled popover is a disabled button: its content cannot be reached", async () => {
    const client = browse(panels);
    await client.get("/");
    const disabled = all(client, "[data-kind=popover]").find((p) => p.textContent.includes("popover 6"));
    expect(disabled.tagName).toBe("DIV");
    expect(disabled.querySelector("button[disabled]")).not.toBeNull();
    expect(disabled.textContent).not.toContain("Hello World");
  });

  test("a label is required (Streamlit's message)", async () => {
    const client = browse(() => {
      try {
        st.popover("");
      } catch (e) {
        st.text((e as Error).message);
      }
    });
    await client.get("/");
    expect(all(client, ".fl-text").map((e) => e.textContent)).toEqual(["A label is required for a popover"]);
  });
});
