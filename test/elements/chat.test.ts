/**
 * st.chatInput and st.chatMessage over HTTP, with a browser that has no JavaScript (a fresh app per
 * request): what they return, their HTML, and Streamlit's errors. The behaviours of Streamlit's
 * e2e apps st_chat_input and st_chat_message that do not depend on screenshots are ported here.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse } from "../support/browse.ts";
import { BLUE_PNG, RED_PNG } from "../support/images.ts";

const ss = st.sessionState;
const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];
const text = (el: any) => el.textContent.trim();
/** A chat input's field (a text area) and the draft it holds. */
const field = (w: any) => w.querySelector("textarea");
const draft = (w: any): string => field(w).textContent.replace(/^\n/, "");


/** Streamlit's e2e app st_chat_input, in TypeScript. */
function chatInputApp() {
  const v1 = st.container().chatInput("Chat input 1 (inline)");
  st.write(`Chat input 1 (inline) - value: ${v1}`);
  const [col1] = st.columns(2);
  const v2 = col1!.chatInput("Chat input 2 (in column, disabled)", { disabled: true });
  st.write(`Chat input 2 (in column, disabled) - value: ${v2}`);
  st.container().chatInput("Chat input 3 (callback)", { key: "chat_input_3", onSubmit: () => st.text("chat input submitted") });
  st.write(`Chat input 3 (callback) - value: ${ss.get("chat_input_3")}`);
  const v4 = st.chatInput("Chat input 4 (bottom, max_chars)", { maxChars: 200 });
  st.write(`Chat input 4 (bottom, max_chars) - value: ${v4}`);
}

describe("st.chatInput (Streamlit's st_chat_input app)", () => {
  test("four chat inputs render; the one on the main area is pinned to the bottom, after everything else", async () => {
    const client = browse(chatInputApp);
    await client.get("/");
    const inputs = all(client, "[data-kind=chat_input]");
    expect(inputs).toHaveLength(4);
    const main = client.doc.querySelector(".fl-main");
    const last = main.querySelector(".fl-bottom [data-kind=chat_input]");
    expect(field(last).getAttribute("placeholder")).toBe("Chat input 4 (bottom, max_chars)");
    // pinned: after the text written after it in the script
    expect(main.innerHTML.indexOf("Chat input 4 (bottom, max_chars) - value")).toBeLessThan(main.innerHTML.indexOf('class="fl-bottom"'));
    expect(field(last).getAttribute("maxlength")).toBe("200");
    // each is labelled by its placeholder, and has a send button
    for (const w of inputs) {
      const input = field(w);
      expect(w.querySelector(`label[for="${input.id}"]`).textContent).toBe(input.getAttribute("placeholder"));
      expect(text(w.querySelector("button"))).toBe("➤Send");
    }
    expect(field(inputs[1]).hasAttribute("disabled")).toBe(true);
    expect(client.texts()).toContain("Chat input 1 (inline) - value: null");
  });

  test("Enter sends the message: the value for exactly that run, then null again; the field is emptied", async () => {
    const client = browse(chatInputApp);
    await client.get("/");
    await client.sendChat("Corgi", "Chat input 1 (inline)");
    expect(client.texts()).toContain("Chat input 1 (inline) - value: Corgi");
    expect(draft(client.widget("Chat input 1 (inline)"))).toBe("");
    await client.apply();
    expect(client.texts()).toContain("Chat input 1 (inline) - value: null");
  });

  test("its send button sends it too, and only that chat input's message", async () => {
    const client = browse(chatInputApp);
    await client.get("/");
    client.set("Chat input 1 (inline)", "one");
    client.set("Chat input 4 (bottom, max_chars)", "four");
    await client.submitWith(client.widget("Chat input 4 (bottom, max_chars)").querySelector("button"));
    expect(client.texts()).toContain("Chat input 4 (bottom, max_chars) - value: four");
    expect(client.texts()).toContain("Chat input 1 (inline) - value: null");
    // the other one's text is kept as a draft, not sent
    expect(draft(client.widget("Chat input 1 (inline)"))).toBe("one");
  });

  test("onSubmit runs before the script, and the keyed value is in session state for that run only", async () => {
    const client = browse(chatInputApp);
    await client.get("/");
    await client.sendChat("hello", "Chat input 3 (callback)");
    expect(client.texts()[0]).toBe("chat input submitted");
    expect(client.texts()).toContain("Chat input 3 (callback) - value: hello");
    await client.apply();
    expect(client.texts()).not.toContain("chat input submitted");
    expect(client.texts()).toContain("Chat input 3 (callback) - value: null");
  });

  test("a message of several lines, and one of spaces only, is sent as typed (only an empty one is not)", async () => {
    const sent: (string | null)[] = [];
    const client = browse(() => {
      sent.push(st.chatInput("Say"));
    });
    await client.get("/");
    await client.sendChat("first line\nsecond line", "Say");
    await client.sendChat("   ", "Say");
    await client.sendChat("", "Say");
    expect(sent).toEqual([null, "first line\nsecond line", "   ", null]);
  });

  test("more than maxChars is refused with a message, and not sent", async () => {
    const client = browse(chatInputApp);
    await client.get("/");
    await client.sendChat("x".repeat(201), "Chat input 4 (bottom, max_chars)");
    expect(client.texts()).toContain("Chat input 4 (bottom, max_chars) - value: null");
    expect(client.fieldErrors()).toEqual(["The message is 201 characters long, over the limit of 200. It was not sent."]);
  });

  test("another button leaves the message as a draft (not sent), and sending does not submit an st.form's staged values", async () => {
    let sent: string | null = null;
    const client = browse(() => {
      const f = st.form("f");
      f.textInput("Staged", { key: "staged" });
      f.formSubmitButton("Save");
      if (st.button("Other")) st.write("other clicked");
      sent = st.chatInput("Say");
    });
    await client.get("/");
    client.set("Say", "draft");
    await client.click("Other");
    expect(client.texts()).toContain("other clicked");
    expect(sent).toBeNull();
    expect(draft(client.widget("Say"))).toBe("draft");
    client.set("Staged", "typed");
    await client.submitWith(client.widget("Say").querySelector("button")); // its Send button
    expect(sent).toBe("draft");
    expect(client.state().staged).toBe("");
    expect(client.widget("Staged").querySelector("input").getAttribute("value")).toBe("typed");
  });

  test("a message from a stale form (Back, or a reload that posts again) is not sent: it stays as a draft", async () => {
    const sent: (string | null)[] = [];
    const client = browse(() => {
      sent.push(st.chatInput("Say"));
    });
    await client.get("/");
    const old = client.form().cloneNode(true);
    await client.sendChat("first", "Say");
    expect(sent.at(-1)).toBe("first");
    // the person goes Back to the older page and sends from it
    client.doc.querySelector("form#fl").replaceWith(old);
    await client.sendChat("from the past", "Say");
    expect(sent.at(-1)).toBeNull();
    expect(draft(client.widget("Say"))).toBe("from the past");
  });

  test("Streamlit's errors: inside a form, and a value set through session state", async () => {
    const client = browse(() => {
      try {
        st.form("f").chatInput("In a form");
      } catch (e) {
        st.text(`form: ${(e as Error).message}`);
      }
      ss.said = "x";
      st.chatInput("Keyed", { key: "said" });
    });
    await client.get("/");
    expect(client.texts()).toContain("form: `st.chat_input()` can't be used in a `st.form()`.");
    expect(client.exceptions()).toEqual([{ type: "StreamlitValueAssignmentNotAllowedError", message: "Values for the widget with `key` 'said' cannot be set using `st.session_state`." }]);
  });

  test("sending a message on a fresh isolate does not replay the last turn's stream (the model is asked once per message)", async () => {
    const asked: string[] = [];
    async function* model(prompt: string) {
      asked.push(prompt);
      yield `echo ${prompt}`;
    }
    const client = browse(async () => {
      const prompt = st.chatInput("Say");
      if (prompt) st.text(`answer: ${await st.writeStream(model(prompt))}`);
    });
    await client.get("/");
    await client.sendChat("one", "Say");
    await client.sendChat("two", "Say");
    expect(client.texts()).toContain("answer: echo two");
    expect(asked).toEqual(["one", "two"]);
  });

  test("a message over maxChars is still refused when it is parsed late", async () => {
    let got: string | null = "unset";
    const client = browse(() => {
      got = st.chatInput("Short", { maxChars: 3 });
    });
    await client.get("/");
    await client.sendChat("toolong", "Short");
    expect(got).toBeNull();
    expect(client.fieldErrors().length).toBe(1);
  });

  test("in the sidebar it is inline, as in Streamlit 1.39", async () => {
    let got: string | null = null;
    const client = browse(() => {
      got = st.sidebar.chatInput("Ask the sidebar");
    });
    await client.get("/");
    expect(client.doc.querySelector(".fl-sidebar [data-kind=chat_input]:not(.fl-chat-bottom)")).not.toBeNull();
    await client.sendChat("hi", "Ask the sidebar");
    expect(got).toBe("hi");
  });
});

describe("st.chatMessage (Streamlit's st_chat_message app)", () => {
  test("user and assistant get their own look and an accessible name; avatars from names, emoji and URLs", async () => {
    const client = browse(() => {
      st.chatMessage("user").write("Hello…");
      st.chatMessage("assistant").write("Hello, here is a code snippet:\n\n```python\nimport streamlit as st\n```");
      st.chatMessage("user", { avatar: "🧑" }).write("Lorem ipsum");
      const dog = st.chatMessage("dog", { avatar: "https://static.streamlit.io/examples/dog.jpg" });
      dog.write("Woof woof!");
      const cat = st.chatMessage("cat", { avatar: "https://static.streamlit.io/examples/cat.jpg" });
      cat.textInput("What's your name?");
      st.chatMessage("Bot").with(() => st.expander("See more", { expanded: true }).write("Lorem ipsum dolor sit amet"));
      st.chatMessage("human");
      st.chatMessage("AI", { avatar: ":material/photo_album:" }).write("Hello from AI, non-emoji icon.");
    });
    await client.get("/");
    const messages = all(client, "article[data-kind=chat_message]");
    expect(messages.map((m) => m.getAttribute("aria-label"))).toEqual([
      "Chat message from user",
      "Chat message from assistant",
      "Chat message from user",
      "Chat message from dog",
      "Chat message from cat",
      "Chat message from Bot",
      "Chat message from human",
      "Chat message from AI",
    ]);
    expect(messages[0].className).toContain("fl-chat-user");
    expect(messages[1].className).toContain("fl-chat-assistant");
    expect(messages[1].querySelector("pre code").textContent).toContain("import streamlit as st");
    expect(messages[2].querySelector(".fl-avatar").textContent).toBe("🧑");
    expect(messages[3].querySelector("img.fl-avatar").getAttribute("src")).toBe("https://static.streamlit.io/examples/dog.jpg");
    expect(messages[4].querySelector("input")).not.toBeNull();
    expect(messages[5].querySelector("details[open]").textContent).toContain("Lorem ipsum dolor sit amet");
    expect(messages[6].className).toContain("fl-chat-user"); // "human" is a user
    expect(messages[7].querySelector(".fl-avatar").textContent).toBe("photo_album");
  });

  test("the history pattern: messages kept in session state show on every run", async () => {
    const client = browse(() => {
      if (!("messages" in ss)) ss.messages = [];
      for (const m of ss.messages as { role: string; content: string }[]) st.chatMessage(m.role).markdown(m.content);
      const prompt = st.chatInput("Say");
      if (prompt) ss.messages = [...(ss.messages as object[]), { role: "user", content: prompt }, { role: "assistant", content: `Echo: ${prompt}` }];
    });
    await client.get("/");
    await client.sendChat("one", "Say");
    await client.sendChat("two", "Say");
    await client.reload();
    expect(all(client, "[data-kind=chat_message]").map(text)).toEqual(["🙂one", "🤖Echo: one", "🙂two", "🤖Echo: two"]);
  });

  test("image avatars (Streamlit's red and blue local images): bytes, a data: URL, a same-origin path and an https URL", async () => {
    const red = Uint8Array.from(atob(RED_PNG), (c) => c.charCodeAt(0));
    const blue = Uint8Array.from(atob(BLUE_PNG), (c) => c.charCodeAt(0));
    const client = browse(() => {
      st.chatMessage("user", { avatar: red }).write("Red local image");
      st.chatMessage("assistant", { avatar: blue.buffer as ArrayBuffer }).write("Blue local image");
      st.chatMessage("assistant", { avatar: `data:image/png;base64,${BLUE_PNG}` }).write("Another message with the same blue avatar.");
      st.chatMessage("bot", { avatar: "/avatars/bot.png" }).write("From this site");
      st.chatMessage("dog", { avatar: "https://static.streamlit.io/examples/dog.jpg" }).write("Woof woof!");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const messages = all(client, "article[data-kind=chat_message]");
    expect(messages.map(text)).toEqual(["Red local image", "Blue local image", "Another message with the same blue avatar.", "From this site", "Woof woof!"]);
    expect(messages.map((m) => m.querySelector("img.fl-avatar")?.getAttribute("src"))).toEqual([
      `data:image/png;base64,${RED_PNG}`,
      `data:image/png;base64,${BLUE_PNG}`,
      `data:image/png;base64,${BLUE_PNG}`,
      "/avatars/bot.png",
      "https://static.streamlit.io/examples/dog.jpg",
    ]);
  });

  test("an avatar that is no image (bytes of no image type, a number, a script URL) is Streamlit's message in the page, and the run goes on", async () => {
    for (const avatar of [new TextEncoder().encode("<svg onload=alert(1)>"), 7, "javascript:alert(1)", "data:text/html,<b>x</b>"]) {
      const client = browse(() => {
        try {
          st.chatMessage("x", { avatar: avatar as never });
        } catch (e) {
          st.text((e as Error).message);
        }
        st.chatMessage("y", { avatar: avatar as never });
      });
      await client.get("/");
      expect(client.status).toBe(200);
      expect(client.texts()).toEqual(["Failed to load the provided avatar value as an image."]);
      expect(client.exceptions().map((e) => e.message)).toEqual(["Failed to load the provided avatar value as an image."]);
      expect(client.doc.querySelector("img")).toBeNull();
    }
  });

  test("a missing name or an avatar that is no image: Streamlit's messages", async () => {
    const client = browse(() => {
      for (const make of [() => st.chatMessage(null as unknown as string), () => st.chatMessage("x", { avatar: "not an image" })]) {
        try {
          make();
        } catch (e) {
          st.text((e as Error).message);
        }
      }
    });
    await client.get("/");
    expect(client.texts()).toEqual(["The author name is required for a chat message, please set it via the parameter `name`.", "Failed to load the provided avatar value as an image."]);
  });
});
