import { test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
const ss = st.sessionState;
function script() {
  const seen: any = {};
  seen.num = st.numberInput("num", { key: "num", minValue: -10, maxValue: 10, step: 0.5, value: 0.5 });
  seen.int = st.numberInput("int", { key: "int", minValue: 0, maxValue: 100, onChange: () => { ss.intChanges = (ss.get("intChanges", 0) as number) + 1; } });
  seen.btn = st.button("btn", { key: "btn" });
  const f = st.form("f");
  seen.fnum = f.numberInput("fnum", { key: "fnum", minValue: 1, maxValue: 9, value: 1 });
  seen.fsub = f.formSubmitButton("Send");
  ss.seen = seen;
}
test("proto", async () => {
  const c = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint: script }));
  let t = Date.now();
  await c.get("/");
  console.log(Date.now() - t, c.state(), c.widgets(), [...c.formData(null)]);
  t = Date.now();
  await c.change("int", 5);
  console.log(Date.now() - t, c.state());
  await c.click("btn");
  console.log(c.state(), c.widgets());
  c.set("fnum", 4); await c.apply();
  console.log(c.state(), c.widgets(), c.html.length);
  await c.click("Send");
  console.log(c.state());
  t = Date.now();
  for (let i = 0; i < 50; i++) await c.change("int", i);
  console.log("50 in", Date.now() - t);
  await c.get("/nope"); console.log(c.status, c.notices());
  await c.request("GET", "/a/b"); console.log(c.status);
});
