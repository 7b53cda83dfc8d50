/**
 * Conformance scenarios 9-11: writing a widget's key before and after the widget, a widget given
 * both `value` and a session-state value, and `delete` (shared/conformance/README.md; traces s06,
 * s12, s24).
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { browse, expectClean, secret, ss, values, test } from "./support.ts";

const DEFAULT_WARNING = 'The widget with key "y" was created with a default value but also had its value set via the Session State API.';

describe("9. writing a widget's key before / after the widget renders", () => {
  test("a write before the widget renders sets its value", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          if (!("x" in ss)) ss.x = 7;
          const v = st.numberInput("x", { key: "x" });
          st.text("returned: " + v);
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.value("x")).toBe(7);
    expect(client.texts()).toEqual(["returned: 7"]);
    expect(client.state()).toEqual({ x: 7 });

    await client.change("x", 9);
    expectClean(client);
    expect(client.value("x")).toBe(9);
    expect(client.texts()).toEqual(["returned: 9"]);
    expect(client.state()).toEqual({ x: 9 });

    await client.reload();
    expectClean(client);
    expect(client.value("x")).toBe(9);
    expect(client.state()).toEqual({ x: 9 });
  });

  test("a write on every run, before the widget, overrides what the user posted (oracle s24)", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          ss.x = 3;
          const v = st.numberInput("x", { key: "x" });
          st.text("returned " + v);
        },
      }),
    );
    await client.get("/");
    expect(client.value("x")).toBe(3);
    expect(client.state()).toEqual({ x: 3 });
    await client.change("x", 9);
    expectClean(client);
    expect(client.value("x")).toBe(3);
    expect(client.texts()).toEqual(["returned 3"]);
    expect(client.state()).toEqual({ x: 3 });
  });

  test("a write after the widget rendered in the same run throws Streamlit's error and changes nothing", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          st.numberInput("x", { key: "x" });
          if (st.checkbox("write after")) ss.x = 5;
          st.text("end");
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    await client.change("x", 2);
    expect(client.state()).toEqual({ x: 2 });

    await client.change("write after", true);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      {
        type: "StreamlitAPIException",
        message: "`st.session_state.x` cannot be modified after the widget with key `x` is instantiated.",
      },
    ]);
    expect(client.texts()).toEqual([]);
    expect(values(client)).toEqual({ x: 2, "write after": true });
    expect(client.state()).toEqual({ x: 2 });

    await client.change("write after", false);
    expectClean(client);
    expect(client.state()).toEqual({ x: 2 });
    expect(client.texts()).toEqual(["end"]);
  });
});

describe("10. a widget given `value` whose key was also set through session state", () => {
  test("renders the session-state value and shows Streamlit's warning once", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          if (!("y" in ss)) ss.y = 4;
          const v = st.numberInput("y", { value: 2, key: "y" });
          st.text("returned: " + v);
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.alerts("warning")).toEqual([DEFAULT_WARNING]);
    expect(client.value("y")).toBe(4);
    expect(client.texts()).toEqual(["returned: 4"]);
    expect(client.state()).toEqual({ y: 4 });

    await client.change("y", 8);
    expectClean(client);
    expect(client.value("y")).toBe(8);
    expect(client.texts()).toEqual(["returned: 8"]);
    expect(client.state()).toEqual({ y: 8 });

    await client.reload();
    expectClean(client);
    expect(client.value("y")).toBe(8);
    expect(client.state()).toEqual({ y: 8 });
  });
});

test("10b. the warning shows where the widget is (in its column, just before it), and only the first time in a session", async () => {
  const client = browse(() =>
    createApp({
      secret,
      entrypoint: () => {
        st.button("Set y", { onClick: () => (ss.y = ((ss.get("y", 0) as number) + 5)) });
        const [, right] = st.columns(2);
        right!.numberInput("y", { value: 2, key: "y" });
      },
    }),
  );
  await client.get("/");
  expect(client.alerts("warning")).toEqual([]);
  await client.click("Set y");
  expect(client.alerts("warning")).toEqual([DEFAULT_WARNING]);
  const alert = client.doc.querySelector(".fl-alert-warning");
  const column = client.doc.querySelectorAll(".fl-column")[1];
  expect(column.contains(alert)).toBe(true);
  expect(alert.nextElementSibling.getAttribute("data-kind")).toBe("number_input");
  expect(client.value("y")).toBe(7);
  await client.click("Set y");
  expect(client.value("y")).toBe(12);
  expect(client.alerts("warning")).toEqual([]);
});

describe("11. delete st.sessionState[k]", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        if (st.checkbox("delete", { key: "do_del" })) delete ss["n"];
        if (st.checkbox("delete missing", { key: "do_del_missing" })) delete ss["nope"];
        st.numberInput("n", { key: "n", value: 1 });
      },
    });

  test("deleting a widget's key resets the widget on its next render", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(client.state()).toEqual({ do_del: false, do_del_missing: false, n: 1 });

    await client.change("n", 5);
    expectClean(client);
    expect(client.value("n")).toBe(5);
    expect(client.state()).toEqual({ do_del: false, do_del_missing: false, n: 5 });

    await client.change("delete", true);
    expectClean(client);
    expect(client.value("n")).toBe(1);
    expect(client.state()).toEqual({ do_del: true, do_del_missing: false, n: 1 });

    await client.change("delete", false);
    expectClean(client);
    expect(client.value("n")).toBe(1);
    expect(client.state()).toEqual({ do_del: false, do_del_missing: false, n: 1 });
  });

  test("deleting a missing key throws an error naming the key", async () => {
    const client = browse(app);
    await client.get("/");
    await client.change("delete missing", true);
    expect(client.status).toBe(200);
    const errors = client.exceptions();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.type).toBe("KeyError");
    expect(errors[0]!.message).toContain('st.session_state has no key "nope".');
    expect(values(client)).toEqual({ delete: false, "delete missing": true });
    expect(client.state()).toEqual({ do_del: false, do_del_missing: true, n: 1 });
  });

  test("reading a missing key throws an error naming the key", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          st.text(String(ss.missing));
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      {
        type: "KeyError",
        message:
          'st.session_state has no key "missing". Did you forget to initialize it? More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization',
      },
    ]);
  });
});
