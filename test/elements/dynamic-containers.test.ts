/**
 * st.tabs, st.expander and st.popover with `onChange` (Streamlit's dynamic containers), over HTTP
 * with a browser that has no JavaScript: the open tab / open state is widget state the app reads
 * (`.open`, `st.sessionState[key]`) and sets, switching posts, and without `onChange` nothing
 * changes from before.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];
const tabButton = (client: FormClient, label: string) => all(client, "button.fl-tab-button").find((b) => b.textContent === label);
/** What the app wrote with st.text, in order. */
const texts = (client: FormClient) => all(client, ".fl-text").map((e) => e.textContent);

describe("st.tabs with onChange", () => {
  const animals = () => {
    const calls = "calls" in st.sessionState ? (st.sessionState.calls as number) : 0;
    const [cat, dog, owl] = st.tabs(["Cat", "Dog", "Owl"], { key: "animal", onChange: () => (st.sessionState.calls = calls + 1) });
    for (const [tab, name] of [[cat, "cat"], [dog, "dog"], [owl, "owl"]] as const) if (tab!.open) tab!.text(`This is the ${name}`);
    st.text(`open: ${st.sessionState.animal}; opens: ${[cat, dog, owl].map((t) => String(t!.open)).join(",")}; callbacks: ${"calls" in st.sessionState ? st.sessionState.calls : 0}`);
  };

  test("the key holds the open tab's label; choosing a tab posts it, runs the callback and reruns with .open", async () => {
    const client = browse(animals);
    await client.get("/");
    expectOk(client);
    expect(texts(client)).toEqual(["This is the cat", "open: Cat; opens: true,false,false; callbacks: 0"]);
    expect(all(client, "button.fl-tab-button").map((b) => [b.textContent, b.getAttribute("aria-pressed")])).toEqual([
      ["Cat", "true"],
      ["Dog", "false"],
      ["Owl", "false"],
    ]);
    await client.submitWith(tabButton(client, "Owl"));
    expectOk(client);
    expect(texts(client)).toEqual(["This is the owl", "open: Owl; opens: false,false,true; callbacks: 1"]);
    // the open tab's panel is the one drawn open
    expect(all(client, ".fl-tab-panel.fl-tab-open").map((p) => p.textContent)).toEqual(["This is the owl"]);
    // another submit (Apply) keeps the tab
    await client.apply();
    expect(texts(client)).toEqual(["This is the owl", "open: Owl; opens: false,false,true; callbacks: 1"]);
  });

  test("the app sets the open tab through its key before the call; a label the tabs lack falls back to the default", async () => {
    const client = browse(() => {
      if (st.button("Show the dog")) st.sessionState.pick = "Dog";
      if (st.button("Show nothing known")) st.sessionState.pick = "Horse";
      const tabs = st.tabs(["Cat", "Dog"], { key: "pick", onChange: "rerun", default: "Cat" });
      st.text(`open: ${tabs.map((t) => String(t.open)).join(",")} (${st.sessionState.pick})`);
    });
    await client.get("/");
    await client.click("Show the dog");
    expect(texts(client)).toEqual(["open: false,true (Dog)"]);
    await client.click("Show nothing known");
    expect(texts(client)).toEqual(["open: true,false (Cat)"]);
  });

  test("default opens the named tab at first; an unknown default is refused", async () => {
    const client = browse(() => {
      const tabs = st.tabs(["A", "B"], { default: "B", onChange: "rerun" });
      st.text(tabs.map((t) => String(t.open)).join(","));
      st.tabs(["A", "B"], { default: "C" });
    });
    await client.get("/");
    expect(texts(client)).toEqual(["false,true"]);
    expect(client.exceptions().map((e) => e.message)).toEqual(["The default tab 'C' is not one of the tabs: ['A', 'B']."]);
  });

  test("without onChange: radios that post nothing, .open is null, and the default tab is checked", async () => {
    const client = browse(() => {
      const tabs = st.tabs(["A", "B"], { key: "quiet", default: "B" });
      st.text(`${tabs.map((t) => String(t.open)).join(",")} ${"quiet" in st.sessionState}`);
    });
    await client.get("/");
    expect(texts(client)).toEqual(["null,null false"]);
    expect(all(client, "button.fl-tab-button")).toEqual([]);
    expect(all(client, "input.fl-tab-radio").map((r) => r.hasAttribute("checked"))).toEqual([false, true]);
  });

  test("an onChange that is neither 'ignore', 'rerun' nor a function is refused", async () => {
    const client = browse(() => {
      st.tabs(["A"], { onChange: "sometimes" as never });
    });
    await client.get("/");
    expect(client.exceptions().map((e) => e.message)).toEqual(["The on_change argument to st.tabs must be \"ignore\", \"rerun\", or a callable. The argument passed was 'sometimes'."]);
  });
});

describe("st.expander and st.popover with onChange", () => {
  test("an expander's header posts the state it asks for; the key holds a boolean and the callback runs", async () => {
    const client = browse(() => {
      if (st.button("Toggle expander")) st.sessionState.summary = !st.sessionState.summary;
      const box = st.expander("Open expander", { key: "summary", onChange: () => (st.sessionState.heard = st.sessionState.summary) });
      if (box.open) box.text("This is the expander");
      st.text(`open: ${box.open}; key: ${st.sessionState.summary}; heard: ${"heard" in st.sessionState ? st.sessionState.heard : "nothing"}`);
    });
    await client.get("/");
    expectOk(client);
    const toggle = () => all(client, "button.fl-expander-toggle")[0];
    expect([toggle().textContent, toggle().getAttribute("aria-expanded")]).toEqual(["Open expander", "false"]);
    expect(texts(client)).toEqual(["open: false; key: false; heard: nothing"]);
    await client.submitWith(toggle());
    expect(texts(client)).toEqual(["This is the expander", "open: true; key: true; heard: true"]);
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    await client.submitWith(toggle());
    expect(texts(client)).toEqual(["open: false; key: false; heard: false"]);
    // the app opens it through the key
    await client.click("Toggle expander");
    expect(texts(client)).toEqual(["This is the expander", "open: true; key: true; heard: false"]);
  });

  test("expanded: true starts a tracked expander open; without onChange it stays a <details> with .open null", async () => {
    const client = browse(() => {
      const a = st.expander("Tracked", { expanded: true, onChange: "rerun" });
      const b = st.expander("Plain", { expanded: true, key: "plain" });
      st.text(`${a.open} ${b.open}`);
    });
    await client.get("/");
    expect(texts(client)).toEqual(["true null"]);
    expect(all(client, "details.fl-expander summary").map((s) => s.textContent)).toEqual(["Plain"]);
  });

  test("a popover's button opens and closes it with a post; its content is drawn only open", async () => {
    const client = browse(() => {
      const pop = st.popover("Open popover", { key: "drawer", onChange: "rerun" });
      pop.text("This is the popover");
      st.text(`open: ${pop.open} ${st.sessionState.drawer}`);
    });
    await client.get("/");
    const button = () => all(client, "button.fl-popover-toggle")[0];
    const body = () => all(client, ".fl-popover-body")[0];
    expect([button().getAttribute("aria-expanded"), body().hasAttribute("hidden")]).toEqual(["false", true]);
    await client.submitWith(button());
    expect(texts(client)).toEqual(["This is the popover", "open: true true"]);
    expect([button().getAttribute("aria-expanded"), body().hasAttribute("hidden")]).toEqual(["true", false]);
    await client.submitWith(button());
    expect(texts(client).at(-1)).toBe("open: false false");
  });

  test("a tracked tab inside an st.form switches at once (no form value is staged)", async () => {
    const client = browse(() => {
      const f = st.form("f");
      const [a, b] = f.tabs(["A", "B"], { key: "t", onChange: "rerun" });
      (a!.open ? a! : b!).text(`in ${st.sessionState.t}`);
      f.formSubmitButton("Send");
    });
    await client.get("/");
    await client.submitWith(tabButton(client, "B"));
    expectOk(client);
    expect(texts(client)).toEqual(["in B"]);
  });
});
