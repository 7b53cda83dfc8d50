/**
 * The demo app configured to be embedded by the test host on 127.0.0.1:8794 (another origin), and
 * at /notes a one-textarea app whose session can grow past one cookie and shrink back.
 */
import { Hono } from "hono";
import { createDemoApp } from "../../../pages/demo.ts";
import { createApp, st } from "../../../src/index.ts";

const embed = { origins: ["http://127.0.0.1:8794"] };
const worker = new Hono();
worker.route(
  "/notes",
  createApp({
    embed,
    basePath: "/notes",
    cookieName: "notes",
    entrypoint: () => {
      const notes = st.textArea("Notes", { key: "notes" });
      st.text(`notes: ${notes?.length ?? 0} chars`);
    },
  }),
);
worker.route("/", createDemoApp({ embed }));
export default worker;
