/**
 * The exactly-once app for Chromium: a name saved by a button, a box with a callback, a report
 * whose download is drawn by a button, and Streamlit's chat tutorial with onSubmit and a Clear
 * button. A visitor whose cookie says `isolates=cold` is served by a new app for every request (a
 * cold isolate), anyone else by one app (a warm one). What the app did to the world (one world
 * for each) is at /_world?isolates=cold|warm, and is emptied by a POST there.
 */
import { createApp, st } from "../../../src/index.ts";
import { World } from "../../support/world.ts";

const ss = st.sessionState;
const worlds = { cold: new World(), warm: new World() };

function app(isolates: keyof typeof worlds) {
  return createApp({
    entrypoint: async () => {
      const world = worlds[isolates];
      const name = st.textInput("Name", { key: "name" });
      if (st.button("Save")) world.write(name);
      st.checkbox("Show all", { key: "all", onChange: () => (ss.toggles = ss.get("toggles", 0) + 1) });
      if (st.button("Make report")) st.downloadButton("Download report", () => `rows: ${world.rows.join(", ")}\n`, { fileName: "report.txt" });
      st.button("Clear chat", { onClick: () => (ss.messages = []) });
      if (!("messages" in ss)) ss.messages = [];
      const messages = ss.messages as { role: string; content: string }[];
      for (const m of messages) st.chatMessage(m.role).markdown(m.content);
      const prompt = st.chatInput("Say something", { onSubmit: () => (ss.sent = ss.get("sent", 0) + 1) });
      if (prompt) {
        st.chatMessage("user").markdown(prompt);
        const answer = await st.chatMessage("assistant").writeStream(world.model(prompt));
        ss.messages = [...messages, { role: "user", content: prompt }, { role: "assistant", content: answer }];
      }
    },
  });
}

const warm = app("warm");

export default {
  async fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/_world") {
      if (request.method === "POST") Object.assign(worlds, { cold: new World(), warm: new World() });
      return Response.json(worlds[url.searchParams.get("isolates") === "cold" ? "cold" : "warm"].counts());
    }
    const cold = /(?:^|;\s*)isolates=cold(?:;|$)/.test(request.headers.get("cookie") ?? "");
    return (cold ? app("cold") : warm).fetch(request, env, ctx);
  },
};
