/**
 * The mark a widget's wrapper carries when the run wrote its value through its key (`data-set`):
 * the client script shows that value over whatever the person typed while the answer was on the
 * way, as Streamlit's frontend takes a value its backend set. Over HTTP, with a fresh app per request
 * (cold) and with one app (warm).
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

const ss = st.sessionState;

const makeApp = () =>
  createApp({
    secret: TEST_SECRET,
    entrypoint: () => {
      if (ss.get("preset", false)) ss.other = "from the script";
      st.textInput("Message", { key: "message" });
      st.textInput("Other", { key: "other" });
      st.textInput("Unkeyed");
      st.button("Clear", { onClick: () => (ss.message = "") });
      st.button("Preset", { onClick: () => (ss.preset = true) });
    },
  });

/** A person's browser, answered by a fresh app every request (a cold isolate each time) or by one (warm). */
function client(isolate: "cold" | "warm"): FormClient {
  const warm = makeApp();
  return new FormClient(isolate === "cold" ? makeApp : () => warm);
}

const marked = (c: FormClient) => [...c.doc.querySelectorAll("[data-set]")].map((el: any) => el.getAttribute("data-key") ?? "(no key)");

describe.each(["cold", "warm"] as const)("%s isolates", (isolate) => {
  test("a callback's write marks its widget, even back to the value first drawn; typing alone marks nothing", async () => {
    const c = client(isolate);
    await c.get("/");
    expect(marked(c)).toEqual([]);
    await c.set("Message", "draft").set("Unkeyed", "typed").apply();
    expect(c.value("Message")).toBe("draft");
    expect(marked(c)).toEqual([]);
    await c.set("Message", "draft and more").click("Clear");
    expect(c.value("Message")).toBe("");
    expect(marked(c)).toEqual(["message"]);
    // the mark is the run's: the next run that does not write the value draws no mark
    await c.set("Other", "x").apply();
    expect(marked(c)).toEqual([]);
  });

  test("the script's write before its widget marks it in every run that writes it", async () => {
    const c = client(isolate);
    await c.get("/");
    await c.click("Preset");
    expect(c.value("Other")).toBe("from the script");
    expect(marked(c)).toEqual(["other"]);
    await c.set("Unkeyed", "y").apply();
    expect(marked(c)).toEqual(["other"]);
  });
});
