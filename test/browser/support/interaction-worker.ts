/**
 * Pages ported from Streamlit's e2e apps, one per behaviour test/browser/interaction.test.ts
 * checks: image avatars in chat messages (/avatars), download buttons in and out of a fragment
 * (/download), keys that commit a field (/keys), toasts (/toasts), a popover with widgets
 * (/popover); and one of formlit's own for typing while an answer is on the way: a field a
 * button's callback empties and a search field (/clear). A same-origin avatar is served at
 * /img/bot.png.
 */
import { createApp, st } from "../../../src/index.ts";
import { BLUE_PNG, RED_PNG } from "../../support/images.ts";

const ss = st.sessionState;
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function avatars() {
  st.chatMessage("user", { avatar: bytes(RED_PNG) }).write("Red local image");
  st.chatMessage("assistant", { avatar: bytes(BLUE_PNG) }).write("Blue local image");
  st.chatMessage("assistant", { avatar: `data:image/png;base64,${BLUE_PNG}` }).write("Another message with the same blue avatar.");
  st.chatMessage("bot", { avatar: "/img/bot.png" }).write("An avatar from this site");
  st.chatMessage("dog", { avatar: "https://static.streamlit.io/examples/dog.jpg" }).write("Woof woof!");
}

const downloadFragment = st.fragment(() => {
  ss.fragmentRuns = ss.get("fragmentRuns", 0) + 1;
  const clicked = st.downloadButton("Download in fragment", "Hello world!", { fileName: "hello.txt" });
  st.downloadButton("Download and ignore", "quiet", { fileName: "quiet.txt", onClick: "ignore" });
  st.write(`fragment value: ${clicked}, fragment runs: ${ss.fragmentRuns}`);
});

function download() {
  ss.appRuns = ss.get("appRuns", 0) + 1;
  const i1 = st.downloadButton("Download + On Click", "Hello world!", { key: "download_button", onClick: () => (ss.click_count = ss.get("click_count", 0) + 1) });
  st.write(`value: ${i1}`);
  st.write(`times clicked: ${ss.get("click_count", 0)}`);
  downloadFragment();
  st.write(`app runs: ${ss.appRuns}`);
}

const timeFragment = st.fragment(() => {
  ss.timeRuns = ss.get("timeRuns", 0) + 1;
  const v1 = st.timeInput("Time input 1 (8:45)", { value: "08:45" });
  st.write(`Value 1: ${v1}, fragment runs: ${ss.timeRuns}`);
});

function keys() {
  ss.keyRuns = ss.get("keyRuns", 0) + 1;
  st.write(`value 1: ${st.textArea("text area 1 (default)")}`);
  st.write(`value 10: ${st.textArea("text area 10 (max_chars=5)", { value: "1234", maxChars: 5 })}`);
  timeFragment();
  st.form("notes").with(() => {
    const note = st.textArea("Form text area");
    if (st.formSubmitButton("Send note")) st.write(`Form sent: ${note}`);
  });
  st.write(`app runs: ${ss.keyRuns}`);
}

/** Streamlit's st_toast app. */
function toasts() {
  st.chatInput("input here");
  st.toast("This is a default toast message", { icon: "🐶" });
  st.toast("Random toast message that is a really really really really really really really long message, going way past the 3 line limit", { icon: "🦄" });
  st.toast("Your edited image was saved!", { icon: ":material/cabin:" });
}

/** Streamlit's st_popover app, its popover with widgets (and what the selectbox holds, to see a rerun). */
function popover() {
  let text: string | null = null;
  let choice: string | null = null;
  st.popover("popover 3 (with widgets)").with(() => {
    st.markdown("Hello World 👋");
    text = st.textInput("Text input");
    const [col1, col2, col3] = st.columns(3);
    col1!.textInput("Column 1");
    col2!.textInput("Column 2");
    col3!.textInput("Column 3");
    choice = st.selectbox("Selectbox", ["a", "b", "c"]);
  });
  st.expander("Output").with(() => {
    st.markdown(text ?? "");
    st.markdown(`Selectbox: ${choice}`);
  });
}

/**
 * A message field and a button whose callback empties it (the run sets it back to its first
 * value), and a search field whose callback notes each search it commits.
 */
function clearing() {
  st.textInput("Message", { key: "message" });
  st.button("Clear", {
    onClick: () => {
      ss.message = "";
      ss.clears = ss.get("clears", 0) + 1;
    },
  });
  st.write(`Message held: "${ss.get("message", "")}", cleared ${ss.get("clears", 0)} times`);
  st.textInput("Search", { key: "search", onChange: () => (ss.searches = [...ss.get("searches", []), ss.search]) });
  st.write(`Searched for: ${JSON.stringify(ss.get("searches", []))}`);
}

const app = createApp({
  entrypoint: () =>
    st
      .navigation(
        [
          st.Page(avatars, { title: "Avatars", urlPath: "avatars", default: true }),
          st.Page(download, { title: "Download", urlPath: "download" }),
          st.Page(keys, { title: "Keys", urlPath: "keys" }),
          st.Page(toasts, { title: "Toasts", urlPath: "toasts" }),
          st.Page(popover, { title: "Popover", urlPath: "popover" }),
          st.Page(clearing, { title: "Clear", urlPath: "clear" }),
        ],
        { position: "hidden" },
      )
      .run(),
});

export default {
  fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Response | Promise<Response> {
    if (new URL(request.url).pathname === "/img/bot.png") return new Response(bytes(BLUE_PNG), { headers: { "Content-Type": "image/png" } });
    return app.fetch(request, env, ctx);
  },
};
