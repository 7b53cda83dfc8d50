/**
 * st.linkButton's `onClick` and st.formSubmitButton's `key` over HTTP, as a browser without
 * JavaScript uses them: a link button that reruns is a submit button posting into a new tab, whose
 * press runs the callback once, returns true for that run and moves that tab on to the link; a
 * keyed form submit button's value is in session state under its key.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;
let got: unknown[] = [];

describe("st.linkButton({ onClick })", () => {
  const app = () =>
    browse(() => {
      ss.setdefault("opened", 0);
      got = [
        st.linkButton("Docs", "https://docs.example.com/a?b=1", { key: "docs", onClick: () => (ss.opened += 1) }),
        st.linkButton("Rerun", "/elsewhere", { onClick: "rerun" }),
        st.linkButton("Plain", "https://example.com"),
        ss.get("docs"),
      ];
      st.text(`opened ${ss.opened}`);
      st.button("Other");
    });

  test('"ignore" (the default) stays a plain link; "rerun" and a callback make a submit button into a new tab, carrying the link', async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    expect(got).toEqual([false, false, false, false]);
    const [docs, rerun, plain] = [...client.doc.querySelectorAll("[data-kind=link_button]")] as any[];
    expect(plain.querySelector("a").getAttribute("href")).toBe("https://example.com");
    expect(plain.querySelector("button")).toBeNull();
    for (const [w, url] of [[docs, "https://docs.example.com/a?b=1"], [rerun, "/elsewhere"]] as const) {
      const button = w.querySelector("button[type=submit]");
      expect(button.getAttribute("formtarget")).toBe("_blank");
      expect(button.getAttribute("data-open")).toBe(url);
      expect(button.textContent).toBe(`${w === docs ? "Docs" : "Rerun"} (opens in a new tab)`);
      expect(w.querySelector("a")).toBeNull();
    }
  });

  test("a press runs the callback once and its tab moves on to the link (a page that refreshes to it); the app's state keeps the press", async () => {
    const client = app();
    await client.get("/");
    const res = await client.submitWith(client.doc.querySelector("[data-kind=link_button] button"));
    expect(res.status).toBe(200);
    // (a redirect of a form's answer to another site would be stopped by the page's form-action 'self')
    expect(client.doc.querySelector("meta[http-equiv=refresh]").getAttribute("content")).toBe("0; url=https://docs.example.com/a?b=1");
    expect(client.doc.querySelector("a").getAttribute("href")).toBe("https://docs.example.com/a?b=1");
    expect(got).toEqual([true, false, false, true]);
    // the original tab, on its next interaction, sees the callback's work once
    await client.get("/");
    expect(client.texts()).toContain("opened 1");
    expect(got).toEqual([false, false, false, false]);
  });

  test("with the client script (a partial post) the press answers with the page: the script opens the link itself", async () => {
    const client = app();
    await client.get("/");
    const rerun = client.doc.querySelectorAll("[data-kind=link_button] button")[1];
    const res = await client.request("POST", "/", client.formData(rerun), { "X-Formlit": "partial" });
    expect(res.status).toBe(200);
    expect(got).toEqual([false, true, false, false]);
  });

  test("a bad onClick is a message in the page; in a form, a link button that reruns is refused as st.button is", async () => {
    const client = browse(() => void st.linkButton("X", "https://example.com", { onClick: "open" as never }));
    await client.get("/");
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: 'The on_click argument to st.link_button must be "ignore", "rerun", or a callable, not "open".' }]);
    const inForm = browse(() => st.form("f").with(() => void st.linkButton("X", "https://example.com", { onClick: "rerun" })));
    await inForm.get("/");
    expect(inForm.exceptions().map((e) => e.type)).toEqual(["StreamlitAPIException"]);
  });
});

describe("st.formSubmitButton({ key })", () => {
  test("the key holds true in the run its click caused, false after; without a key it is FormSubmitter:<form>-<label>", async () => {
    const client = browse(() => {
      st.form("f").with(() => {
        st.textInput("Name", { key: "name" });
        got = [st.formSubmitButton("Save", { key: "save" }), ss.get("save"), ss.get("FormSubmitter:f-Save")];
      });
      st.form("g").with(() => void st.formSubmitButton("Go"));
      st.button("Other");
    });
    await client.get("/");
    expectOk(client);
    expect(got).toEqual([false, false, null]);
    client.set("Name", "Ada");
    await client.click("Save");
    expectOk(client);
    expect(got).toEqual([true, true, null]);
    // (a trigger is released when the run ends: the session keeps it false)
    expect(client.state()).toMatchObject({ name: "Ada", save: false });
    expect(Object.keys(client.state())).toContain("FormSubmitter:g-Go");
    await client.click("Other");
    expect(got).toEqual([false, false, null]);
  });
});
