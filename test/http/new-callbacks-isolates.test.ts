/**
 * The callbacks Streamlit 1.61's newer elements run (a link button's onClick, a ButtonColumn's
 * onClick, a tab switch's onChange, a page change of st.pagination, a dataframe selection's
 * onSelect) on cold isolates (a new app per request, so the page's run is replayed) and on warm
 * ones: the same pages, and each callback run once per press, counted outside the app as a write
 * to the world would be. A replay must never run one again.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";
import { clientOn, onBothIsolates, type Isolates } from "../support/isolates.ts";

/** What the callbacks did to the world, by callback, per isolate kind. */
const calls: Record<Isolates, Record<string, number>> = { cold: {}, warm: {} };
let current: Isolates = "cold";
const did = (what: string) => () => void (calls[current][what] = (calls[current][what] ?? 0) + 1);

const entrypoint = () => {
  st.linkButton("Docs", "https://docs.example.com", { key: "docs", onClick: did("link") });
  st.dataframe({ order: ["A-1", "B-2"], action: ["Ship", "Ship"] }, { columnConfig: { action: st.columnConfig.ButtonColumn("Action", { key: "shipped", onClick: did("ship") }) } });
  const [cat, dog] = st.tabs(["Cat", "Dog"], { key: "animal", onChange: did("tab") });
  if (cat!.open) cat!.text("the cat");
  if (dog!.open) dog!.text("the dog");
  const page = st.pagination(3, { key: "page", onChange: did("page") });
  st.dataframe({ planet: ["Mercury", "Venus"] }, { key: "planets", onSelect: did("select"), selectionMode: "single-row" });
  st.text(`page ${page}; tab ${st.sessionState.animal}`);
};

const buttonByText = (client: FormClient, selector: string, text: string) => {
  const found = [...client.doc.querySelectorAll(selector)].find((b: any) => b.textContent.trim().startsWith(text));
  if (!found) throw new Error(`no button "${text}" in ${selector}`);
  return found;
};

test("each newer callback runs once per press on cold and warm isolates, and the pages are the same", async () => {
  await onBothIsolates(async (isolates, watch) => {
    current = isolates;
    calls[isolates] = {};
    const client = watch(clientOn(isolates, () => createApp({ secret, entrypoint })));
    await client.get("/");
    await client.submitWith(buttonByText(client, "[data-kind=link_button] button", "Docs"));
    // that post went to a new tab, answered with a page that moves on to the link: back to the app
    await client.get("/");
    await client.submitWith(client.doc.querySelectorAll("[data-kind=dataframe] tbody button")[1]);
    await client.submitWith(buttonByText(client, "button.fl-tab-button", "Dog"));
    await client.submitWith(buttonByText(client, "[data-kind=pagination] button", "Page 2"));
    const radio = client.doc.querySelectorAll("[data-kind=dataframe] tbody input[type=radio]")[1];
    radio.setAttribute("checked", "");
    await client.apply();
    // a later post that presses nothing runs none of them again
    await client.apply();
    expect(client.texts()).toContain("page 2; tab Dog");
  });
  expect(calls.cold).toEqual({ link: 1, ship: 1, tab: 1, page: 1, select: 1 });
  expect(calls.warm).toEqual(calls.cold);
});
