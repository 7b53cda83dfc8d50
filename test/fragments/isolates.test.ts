/**
 * Fragments on cold and warm isolates: whether the isolate answering replays the last request
 * (cold) or remembers what it drew (warm), a user sees the same page and gets the same session
 * after every request of a session mixing fragment reruns, a dialog, its closing and runs of the
 * whole app, with and without the client script.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { clientOn, onBothIsolates } from "../support/isolates.ts";
import { jsChange, jsClick, jsPost } from "./support.ts";

const ss = st.sessionState;
const bump = (key: string) => (ss[key] = (ss.get(key, 0) as number) + 1);

const panel = st.fragment((name: string) => {
  bump(`runs_${name}`);
  const n = st.numberInput(`${name} amount`, { key: `amount_${name}`, onChange: (who: string) => bump(`changed_${who}`), args: [name] });
  if (st.button(`${name} again`)) st.rerun({ scope: "fragment" });
  if (st.button(`${name} asks`)) ask();
  st.write(`${name}: amount ${n}, ${ss[`runs_${name}`]} runs, ${ss.get(`changed_${name}`, 0)} changes`);
});
const ask = st.dialog("Ask")(() => {
  bump("dialogRuns");
  const answer = st.textInput("Answer", { key: "answer" });
  st.write(`dialog: ${answer} (${ss.dialogRuns})`);
  if (st.button("Done")) {
    ss.saved = answer;
    st.rerun();
  }
});

const app = () =>
  createApp({
    secret: TEST_SECRET,
    entrypoint: () => {
      bump("appRuns");
      st.sidebar.with(() => panel("side"));
      panel("main");
      if (st.button("Ask me")) ask();
      st.write(`app ran ${ss.appRuns} times; saved ${ss.get("saved", "-")}`);
    },
  });

test("cold and warm isolates show the same after every request", async () => {
  await onBothIsolates(async (isolates, watch) => {
    const c = watch(clientOn(isolates, app));
    await c.get("/");
    await c.change("main amount", 3);
    await c.change("side amount", 4);
    await c.click("main again");
    await jsChange(c, "main amount", 5);
    await jsClick(c, "side again");
    await c.click("Ask me");
    await c.change("Answer", "yes");
    await jsChange(c, "Answer", "no");
    await jsPost(c, c.doc.querySelector("dialog button[name=_close]"));
    await c.change("side amount", 6);
    await c.click("Ask me");
    await c.click("Done");
    await c.click("main asks");
    await jsChange(c, "Answer", "maybe");
    await c.change("side amount", 7);
    await jsClick(c, "main again");
    expect(c.doc.querySelectorAll("dialog").length).toBe(0);
    await c.click("main asks");
    await c.click("Done");
    await c.apply();
    // (the dialog's widget was cleaned up by the run that did not draw the dialog)
    expect(c.state()).not.toHaveProperty("answer");
    expect(c.state()).toMatchObject({ amount_main: 5, amount_side: 7, saved: "maybe", changed_main: 2, changed_side: 3 });
  });
});
