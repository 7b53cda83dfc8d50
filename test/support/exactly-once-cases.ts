/**
 * The exactly-once scenarios, shared by the Node and the workerd tests: each is an app that does
 * something to the world behind a trigger or in a stream, a user's steps, and what Streamlit's
 * count is after them (a branch once per press, a model once per message).
 */
import { expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET as secret, type FormClient } from "./client.ts";
import { clientOn, onBothIsolates } from "./isolates.ts";
import { World } from "./world.ts";

const ss = st.sessionState;

/**
 * Runs a case on cold and on warm isolates, each with a world of its own: both must leave the
 * world as Streamlit does (`streamlit`), and show the same pages after every request.
 */
export function inBothWorlds(c: Pick<ExactlyOnceCase, "app" | "scenario" | "streamlit">): Promise<void> {
  return onBothIsolates(async (isolates, watch) => {
    const world = new World();
    await c.scenario(watch(clientOn(isolates, () => createApp({ secret, entrypoint: c.app(world) }))));
    expect(world.counts(), `what the app did to the world on ${isolates} isolates`).toMatchObject(c.streamlit);
  });
}

export interface ExactlyOnceCase {
  name: string;
  app: (world: World) => () => unknown;
  scenario: (client: FormClient) => Promise<void>;
  streamlit: Partial<ReturnType<World["counts"]>>;
}

interface Message {
  role: string;
  content: string;
}

/** Streamlit's chat tutorial, with the history in session state and a stand-in model. */
async function chatTutorial(world: World, extras: { onSubmit?: boolean; clear?: boolean }) {
  if (!("messages" in ss)) ss.messages = [];
  if (extras.clear) st.button("Clear", { onClick: () => (ss.messages = []) });
  const messages = ss.messages as Message[];
  for (const m of messages) st.chatMessage(m.role).markdown(m.content);
  const prompt = st.chatInput("Say something", extras.onSubmit ? { onSubmit: () => (ss.sent = ss.get("sent", 0) + 1) } : {});
  if (prompt) {
    st.chatMessage("user").markdown(prompt);
    const answer = await st.chatMessage("assistant").writeStream(world.model(prompt));
    ss.messages = [...messages, { role: "user", content: prompt }, { role: "assistant", content: answer }];
  }
}

/** The last chat messages shown, as "role: text". */
function lastMessages(client: FormClient): string[] {
  return client.texts().filter((t) => /^You said|^one$|^two$|^three$/.test(t));
}

export const EXACTLY_ONCE: ExactlyOnceCase[] = [
  {
    name: "Save, then tick a box with a callback: one row, not two",
    app: (world) => () => {
      const name = st.textInput("Name", { key: "name" });
      if (st.button("Save")) world.write(name);
      st.checkbox("Show all", { key: "all", onChange: () => {} });
    },
    scenario: async (client) => {
      await client.get("/");
      await client.change("Name", "alice");
      await client.click("Save");
      await client.change("Show all", true);
      expect(client.value("Show all")).toBe(true);
    },
    streamlit: { rows: ["alice"] },
  },
  {
    name: "the chat tutorial with onSubmit: the model is asked once per message",
    app: (world) => () => chatTutorial(world, { onSubmit: true }),
    scenario: async (client) => {
      await client.get("/");
      await client.sendChat("one", "Say something");
      await client.sendChat("two", "Say something");
      expect(client.state().sent).toBe(2);
      expect(lastMessages(client)).toEqual(["one", "You said one.", "two", "You said two."]);
    },
    streamlit: { asked: ["one", "two"] },
  },
  {
    name: "the chat tutorial with a Clear button: clearing does not ask the model again",
    app: (world) => () => chatTutorial(world, { clear: true }),
    scenario: async (client) => {
      await client.get("/");
      await client.sendChat("one", "Say something");
      await client.click("Clear");
      expect(lastMessages(client)).toEqual([]);
      await client.sendChat("two", "Say something");
      expect(lastMessages(client)).toEqual(["two", "You said two."]);
    },
    streamlit: { asked: ["one", "two"] },
  },
  {
    name: "a stream outside any branch: each run asks once, and a callback's replay shows its text without asking",
    app: (world) => async () => {
      const topic = st.selectbox("Topic", ["cats", "dogs"], { key: "topic", onChange: () => (ss.changed = ss.get("changed", 0) + 1) });
      const said = await st.writeStream(world.model(String(topic)));
      st.checkbox("Loud", { key: "loud", onChange: (s: unknown) => (ss.heard = s), args: [said] });
    },
    scenario: async (client) => {
      await client.get("/");
      await client.change("Loud", true);
      // the callback got the text the drawing run wrote, from the session, not from a second call
      expect(client.state().heard).toBe("You said cats. ");
      await client.change("Topic", "dogs");
      expect(client.texts()).toContain("You said dogs.");
    },
    // three runs, three calls: the replays for the two callbacks asked nothing
    streamlit: { asked: ["cats", "cats", "dogs"] },
  },
  {
    name: "a download after a write behind a button: the route replays that run without a second write",
    app: (world) => () => {
      st.downloadButton("Export", () => `rows: ${world.rows.length}\n`, { fileName: "export.csv" });
      if (st.button("Save")) world.write("saved");
    },
    scenario: async (client) => {
      await client.get("/");
      await client.click("Save");
      const href = client.downloadHref("Export");
      expect(href).toMatch(/^\/_formlit\/download\?w=/);
      const res = await client.subresource(href);
      expect(res.status).toBe(200);
      // (the data is a function: called when the file is asked for, after the one write)
      expect(await res.text()).toBe("rows: 1\n");
    },
    streamlit: { rows: ["saved"] },
  },
  {
    name: "a download drawn because a button was pressed travels in the page, made once",
    app: (world) => () => {
      if (st.button("Make report")) {
        world.write("report");
        st.downloadButton("Report", () => `report ${world.rows.length}`, { fileName: "report.txt" });
      }
    },
    scenario: async (client) => {
      await client.get("/");
      await client.click("Make report");
      const href = client.downloadHref("Report");
      expect(href.startsWith("data:text/plain;charset=utf-8;base64,")).toBe(true);
      expect(atob(href.slice(href.indexOf(",") + 1))).toBe("report 1");
    },
    streamlit: { rows: ["report"] },
  },
  {
    name: "a fragment rerun after a button press outside it: the outer branch runs once",
    app: (world) => () => {
      if (st.button("Save")) {
        world.write("saved");
        world.branch("save");
        ss.saves = ss.get("saves", 0) + 1;
      }
      st.write(`Saved ${ss.get("saves", 0)} times`);
      st.fragment(() => {
        if (st.button("Inner")) world.branch("inner");
        st.write(`Fragment runs: ${(ss.fragmentRuns = ss.get("fragmentRuns", 0) + 1)}`);
      })();
    },
    scenario: async (client) => {
      await client.get("/");
      await client.click("Save");
      await client.click("Inner");
      expect(client.texts()).toContain("Fragment runs: 3");
      // the page around the fragment (drawn by a replay, the button released) shows the count the user saw
      expect(client.texts()).toContain("Saved 1 times");
    },
    streamlit: { rows: ["saved"], ran: { save: 1, inner: 1 } },
  },
  ...(["made at module level", "made by the run", "made at module level, opened on a page of st.navigation"] as const).map(
    (where): ExactlyOnceCase => ({
      name: `a dialog opened by a button (its opener ${where}): its widgets rerun it alone, and the button's branch runs once`,
      app: (world) => {
        const make = () =>
          st.dialog("Rename")((row: string) => {
            const name = st.textInput("New name", { key: "newName" });
            st.write(`renaming ${row} to ${name}`);
            if (st.button("Rename it")) {
              world.write(`${row} -> ${name}`);
              st.rerun();
            }
          });
        // (outside a run, as a module's top level is; or again in every run)
        const early = where.startsWith("made at module level") ? make() : null;
        const page = () => {
          const rename = early ?? make();
          if (st.button("Rename alice")) {
            world.branch("open");
            rename("alice");
          }
        };
        if (!where.endsWith("st.navigation")) return page;
        // (a page's widgets have ids of their own page script: the replay opens the dialog as that page)
        return () => st.navigation([st.Page(page, { title: "Names", default: true }), st.Page(() => st.write("other"), { title: "Other", urlPath: "other" })]).run();
      },
      scenario: async (client) => {
        await client.get("/");
        await client.click("Rename alice");
        await client.change("New name", "bob");
        expect(client.doc.querySelector("dialog")?.textContent).toContain("renaming alice to bob");
        await client.click("Rename it");
        expect(client.doc.querySelector("dialog")).toBeNull();
      },
      streamlit: { rows: ["alice -> bob"], ran: { open: 1 } },
    }),
  ),
  {
    name: "st.cacheData: a replay answered from the cache does not run the function's body again",
    app: (world) => {
      // (the cache is the process's, shared by its apps: the world's id keeps each world's results apart)
      const load = st.cacheData((city: string, _world: number) => {
        world.branch(`load ${city}`);
        return { city, rows: 3 };
      });
      return () => {
        const city = st.selectbox("City", ["Oslo", "Lima"], { key: "city", onChange: () => (ss.moved = true) });
        st.write(`${load(String(city), world.id).rows} rows for ${city}`);
      };
    },
    scenario: async (client) => {
      await client.get("/");
      await client.change("City", "Lima");
      expect(client.texts()).toContain("3 rows for Lima");
    },
    // each city loaded once: the replay of the Oslo run (for the callback) found it in the cache
    streamlit: { ran: { "load Oslo": 1, "load Lima": 1 } },
  },
  {
    name: "a form submitted, then a widget with a callback changed: the form's branch runs once",
    app: (world) => () => {
      const form = st.form("signup");
      const email = form.textInput("Email");
      if (form.formSubmitButton("Sign up")) world.write(email);
      st.toggle("Newsletter", { key: "news", onChange: () => (ss.toggled = true) });
    },
    scenario: async (client) => {
      await client.get("/");
      client.set("Email", "a@example.com");
      await client.click("Sign up");
      await client.change("Newsletter", true);
      expect(client.state().toggled).toBe(true);
    },
    streamlit: { rows: ["a@example.com"] },
  },
];
