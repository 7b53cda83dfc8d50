/**
 * st.metric, st.progress, st.image, st.spinner, st.empty and st.tabs over HTTP, with a browser
 * that has no JavaScript: their HTML (structure, escaping, accessibility) and what they return.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;
const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];

describe("st.metric", () => {
  test("label, value and delta, escaped; arrow and colour follow direction and deltaColor; screen readers hear the direction", async () => {
    let returned: unknown = "not called";
    const client = browse(() => {
      returned = st.metric("<b>Temp</b>", "70 °F", { delta: "1.2 °F" });
      st.metric("Down", 5, { delta: -8 });
      st.metric("Inverse up", 5, { delta: 3, deltaColor: "inverse" });
      st.metric("Inverse down", 5, { delta: "-3%", deltaColor: "inverse" });
      st.metric("Off", 5, { delta: -1, deltaColor: "off" });
      st.metric("None", null);
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toBeUndefined();
    const metrics = all(client, "[data-kind=metric]");
    const read = (m: any) => ({
      label: m.querySelector("dt").textContent,
      value: m.querySelector(".fl-metric-value").textContent,
      delta: m.querySelector(".fl-metric-delta")?.textContent ?? null,
      direction: m.querySelector(".fl-metric-delta")?.getAttribute("data-direction") ?? null,
      tone: m.querySelector(".fl-metric-delta")?.className.replace("fl-metric-delta ", "") ?? null,
    });
    expect(metrics.map(read)).toEqual([
      { label: "<b>Temp</b>", value: "70 °F", delta: "↑ Up: 1.2 °F", direction: "up", tone: "fl-delta-good" },
      { label: "Down", value: "5", delta: "↓ Down: -8", direction: "down", tone: "fl-delta-bad" },
      { label: "Inverse up", value: "5", delta: "↑ Up: 3", direction: "up", tone: "fl-delta-bad" },
      { label: "Inverse down", value: "5", delta: "↓ Down: -3%", direction: "down", tone: "fl-delta-good" },
      { label: "Off", value: "5", delta: "↓ Down: -1", direction: "down", tone: "fl-delta-off" },
      { label: "None", value: "—", delta: null, direction: null, tone: null },
    ]);
    expect(client.html).toContain("&lt;b&gt;Temp&lt;/b&gt;");
    // The arrow is decoration; the words are for screen readers only.
    const delta = metrics[0].querySelector(".fl-metric-delta");
    expect(delta.querySelector("[aria-hidden=true]").textContent).toBe("↑");
    expect(delta.querySelector(".fl-sr-only").textContent).toBe("Up: ");
    // A label and its value, as a description list.
    expect(metrics[0].querySelector("dl > dt + dd")).not.toBeNull();
  });

  test("help is a tooltip behind a \"?\"; a hidden label keeps its place, transparent, for screen readers; a bad deltaColor is Streamlit's error", async () => {
    const client = browse(() => {
      st.metric("Shown", 1, { help: "Degrees <C>" });
      st.metric("Hidden", 2, { labelVisibility: "hidden" });
      st.metric("Bad", 3, { delta: 1, deltaColor: "loud" as never });
    });
    await client.get("/");
    expect(client.status).toBe(200);
    const [shown, hidden] = all(client, "[data-kind=metric]");
    expect(shown.querySelector("[role=tooltip]").textContent).toBe("Degrees <C>");
    expect(shown.querySelector("button[aria-label=Help]").getAttribute("aria-describedby")).toBe(shown.querySelector("[role=tooltip]").id);
    expect(shown.querySelector("dt").classList.contains("fl-sr-only")).toBe(false);
    expect(hidden.querySelector("dt").classList.contains("fl-label-hidden")).toBe(true);
    expect(hidden.querySelector("dt").textContent).toBe("Hidden");
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "'loud' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'" },
    ]);
  });
});

describe("st.progress", () => {
  test("an int is a percentage, a fraction a share; a native <progress> named by its text", async () => {
    const client = browse(() => {
      st.progress(42, { text: "Loading <data>" });
      st.progress(0.25);
      st.progress(0);
      st.progress(100);
    });
    await client.get("/");
    expectOk(client);
    const bars = all(client, "[data-kind=progress] progress");
    expect(bars.map((b) => [b.getAttribute("max"), b.getAttribute("value")])).toEqual([
      ["100", "42"],
      ["100", "25"],
      ["100", "0"],
      ["100", "100"],
    ]);
    // The <progress> sits inside its <label>: that text is its accessible name.
    const label = bars[0].closest("label");
    expect(label.textContent.startsWith("Loading <data>")).toBe(true);
    expect(client.html).toContain("Loading &lt;data&gt;");
    expect(bars[1].closest("label").querySelector(".fl-sr-only").textContent).toBe("Progress");
  });

  test("the handle updates the same bar within the run, and chains", async () => {
    let handle: unknown = null;
    const client = browse(() => {
      const bar = st.progress(0, { text: "Starting" });
      st.text("after the bar");
      for (const v of [10, 55]) bar.progress(v, `Step ${v}`);
      handle = bar.progress(0.9, "Almost").progress(97);
    });
    await client.get("/");
    expectOk(client);
    expect(handle).toHaveProperty("progress");
    const bars = all(client, "[data-kind=progress]");
    expect(bars).toHaveLength(1);
    expect(bars[0].querySelector("progress").getAttribute("value")).toBe("97");
    expect(bars[0].querySelector(".fl-progress-text")).toBeNull();
    // Still in its place, above the text written after it.
    expect(client.doc.querySelector(".fl-main").firstElementChild.getAttribute("data-kind")).toBe("progress");
  });

  test.each([
    [101, "Progress Value has invalid value [0, 100]: 101"],
    [-1, "Progress Value has invalid value [0, 100]: -1"],
    [1.5, "Progress Value has invalid value [0.0, 1.0]: 1.500000"],
    ["50", "Progress Value has invalid type: str"],
  ])("st.progress(%j) is Streamlit's error", async (value, message) => {
    const client = browse(() => st.progress(value as number));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });

  test("a handle given a bad value is the same error", async () => {
    const client = browse(() => st.progress(10).progress(200));
    await client.get("/");
    expect(client.exceptions()[0]!.message).toBe("Progress Value has invalid value [0, 100]: 200");
  });
});

describe("st.image", () => {
  test("URLs (http(s) and relative) as <img src>; bytes as a data: URL; alt from the caption; width", async () => {
    let returned: unknown = "not called";
    const client = browse(() => {
      returned = st.image("https://example.com/cat.png?a=1&b=2", { caption: 'A "cat" <3' });
      st.image("/static/dog.png", { width: 120 });
      st.image(new Uint8Array([137, 80, 78, 71]), { caption: "bytes", useContainerWidth: true });
      st.image(new Uint8Array([255, 216]), { mime: "image/jpeg", alt: "a photo" });
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toBeUndefined();
    const imgs = all(client, "[data-kind=image] img");
    expect(imgs.map((i) => [i.getAttribute("src"), i.getAttribute("alt"), i.getAttribute("width")])).toEqual([
      ["https://example.com/cat.png?a=1&b=2", 'A "cat" <3', null],
      ["/static/dog.png", "", "120"],
      ["data:image/png;base64,iVBORw==", "bytes", null],
      ["data:image/jpeg;base64,/9g=", "a photo", null],
    ]);
    expect(client.html).toContain('src="https://example.com/cat.png?a=1&amp;b=2"');
    const figure = imgs[0].closest("figure");
    expect(figure.querySelector("figcaption").textContent).toBe('A "cat" <3');
    expect(imgs[1].closest("figure")).toBeNull();
    expect(imgs[2].closest("[data-kind=image]").classList.contains("fl-image-full")).toBe(true);
  });

  test.each(["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x"])(
    "a %j URL is refused with an error, never put in the page",
    async (url) => {
      const client = browse(() => st.image(url));
      await client.get("/");
      expect(client.status).toBe(200);
      expect(client.exceptions()[0]!.type).toBe("StreamlitAPIException");
      expect(client.exceptions()[0]!.message).toMatch(/only http\(s\) and relative URLs/);
      expect(client.doc.querySelector("img")).toBeNull();
    },
  );

  test("a MIME type that is not an image's is refused", async () => {
    const client = browse(() => st.image(new Uint8Array([1]), { mime: "text/html" }));
    await client.get("/");
    expect(client.exceptions()[0]!.message).toMatch(/not an image MIME type/);
    expect(client.doc.querySelector("img")).toBeNull();
  });
});

describe("st.spinner", () => {
  test("runs the function and returns its result (sync or async), and renders nothing", async () => {
    const client = browse(async () => {
      const a = await st.spinner("Working...", () => 41 + 1);
      const b = await st.spinner("Fetching...", async () => {
        await new Promise((r) => setTimeout(r, 1));
        return "done";
      });
      st.text(`${a} ${b}`);
    });
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["42 done"]);
    expect(client.html).not.toContain("Working...");
    expect(client.doc.querySelector(".fl-main").children).toHaveLength(1);
  });

  test("an error inside propagates like any error in the script", async () => {
    const client = browse(() =>
      st.spinner("x", () => {
        throw new Error("boom");
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "Error", message: "boom" }]);
  });
});

describe("st.empty", () => {
  test("each element written to it replaces the last, in its place", async () => {
    const client = browse(() => {
      st.text("before");
      const slot = st.empty();
      st.text("after");
      slot.text("first");
      slot.markdown("second");
      slot.text("third");
    });
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["before", "third", "after"]);
    expect(all(client, "[data-kind=empty] > *")).toHaveLength(1);
  });

  test("with(), .container() for several elements, and .empty() to clear", async () => {
    const client = browse(() => {
      const a = st.empty();
      a.with(() => {
        st.text("a1");
        st.text("a2");
      });
      const b = st.empty();
      b.text("b0");
      const box = b.container();
      box.text("b1");
      box.text("b2");
      const c = st.empty();
      c.text("gone");
      c.empty();
    });
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["a2", "b1", "b2"]);
    expect(all(client, ".fl-main > [data-kind=empty]").map((e) => e.textContent)).toEqual(["a2", "b1b2", ""]);
  });

  test("the slot holds a widget, and it stays in its st.form", async () => {
    const client = browse(() => {
      const f = st.form("f");
      const slot = f.empty();
      slot.text("placeholder");
      slot.textInput("Name", { key: "name" });
      f.formSubmitButton("Send");
      st.text("name: " + ss.name);
    });
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["name: "]);
    // Staged until the form's own button: the widget belongs to the form.
    await client.change("Name", "Ada");
    expect(client.texts()).toEqual(["name: "]);
    expect(client.doc.querySelector(".fl-pending")).not.toBeNull();
    await client.click("Send");
    expectOk(client);
    expect(client.texts()).toEqual(["name: Ada"]);
  });
});

describe("st.tabs", () => {
  test("one container per tab; every panel is rendered, the first radio is checked; labels name the radios", async () => {
    let count = 0;
    const client = browse(() => {
      const tabs = st.tabs(["Cat", "Dog <3", "Owl"]);
      count = tabs.length;
      tabs[0]!.text("meow");
      tabs[1]!.with(() => st.text("woof"));
      tabs[2]!.numberInput("Hoots", { key: "hoots" });
      st.text("below");
    });
    await client.get("/");
    expectOk(client);
    expect(count).toBe(3);
    const group = client.doc.querySelector("[data-kind=tabs]");
    expect(group.tagName).toBe("FIELDSET");
    expect(group.querySelector("legend").textContent).toBeTruthy();
    const radios = all(client, "[data-kind=tabs] input[type=radio]");
    expect(radios.map((r) => r.hasAttribute("checked"))).toEqual([true, false, false]);
    const names = new Set(radios.map((r) => r.getAttribute("name")));
    expect(names.size).toBe(1);
    const name = [...names][0] as string;
    expect(name.startsWith("_tab-")).toBe(true);
    expect(name.startsWith("$$ID")).toBe(false);
    const labels = radios.map((r) => client.doc.querySelector(`label[for="${r.getAttribute("id")}"]`).textContent);
    expect(labels).toEqual(["Cat", "Dog <3", "Owl"]);
    expect(client.html).toContain("Dog &lt;3");
    // Panels: each right after its label (CSS shows the one after the checked radio), all in the HTML.
    const panels = all(client, "[data-kind=tabs] > [data-kind=tab]");
    expect(panels.map((p) => p.previousElementSibling.tagName)).toEqual(["LABEL", "LABEL", "LABEL"]);
    expect(panels.map((p) => p.textContent)).toEqual(["meow", "woof", expect.stringContaining("Hoots")]);
    expect(client.texts()).toEqual(["meow", "woof", "below"]);
  });

  test("a widget in a later tab works, and the posted tab radio is ignored by the server", async () => {
    const client = browse(() => {
      const [, b] = st.tabs(["A", "B"]);
      b!.numberInput("N", { key: "n" });
    });
    await client.get("/");
    // The user opens tab B (CSS only) and changes the number: the radio's value goes along.
    const radios = all(client, "[data-kind=tabs] input[type=radio]");
    radios[0].removeAttribute("checked");
    radios[1].setAttribute("checked", "");
    client.set("N", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    expect(body.get(radios[1].getAttribute("name"))).toBe("1");
    await client.request("POST", "/", body);
    expectOk(client);
    expect(client.state()).toEqual({ n: 7 });
  });

  test("two tab groups have distinct radio names and ids; nested tabs work", async () => {
    const client = browse(() => {
      const [a] = st.tabs(["One", "Two"]);
      const [inner] = a!.tabs(["Inner"]);
      inner!.text("deep");
      st.sidebar.tabs(["Side"])[0]!.text("side");
    });
    await client.get("/");
    expectOk(client);
    const radios = all(client, "input[type=radio]");
    expect(new Set(radios.map((r) => r.getAttribute("name"))).size).toBe(3);
    expect(new Set(radios.map((r) => r.getAttribute("id"))).size).toBe(radios.length);
    expect(client.texts()).toEqual(["side", "deep"]);
  });

  test.each([
    [[], "The input argument to st.tabs must contain at least one tab label."],
    [["a", 1], "The tabs input list to st.tabs is only allowed to contain strings."],
  ])("st.tabs(%j) is Streamlit's error", async (labels, message) => {
    const client = browse(() => st.tabs(labels as string[]));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});
