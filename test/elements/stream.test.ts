/**
 * st.writeStream over HTTP: the response really streams (measured on its bytes), carries every
 * security header, and commits the run's state only when the page was delivered whole (the commit
 * token: by the image at the end of the page, or by the next post). The limits of that choice are
 * tested too. The behaviours of Streamlit's e2e app st_write_stream are ported here.
 */
import { describe, expect, test } from "vitest";
import { parseHTML } from "linkedom";
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { DEV_ENV, FormClient, ORIGIN, TEST_SECRET } from "../support/client.ts";

const ss = st.sessionState;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];

/** A chat that keeps its history; the answer comes from `model` (words, with delays). */
function chatApp(model: (prompt: string) => AsyncIterable<string>, extra: Partial<AppOptions> = {}) {
  return () =>
    createApp({
      secret: TEST_SECRET,
      ...extra,
      entrypoint: async () => {
        if (!("messages" in ss)) ss.messages = [];
        const history = ss.messages as { role: string; content: string }[];
        for (const m of history) st.chatMessage(m.role).markdown(m.content);
        const prompt = st.chatInput("Say");
        if (prompt) {
          st.chatMessage("user").markdown(prompt);
          const answer = await st.chatMessage("assistant").writeStream(model(prompt));
          ss.messages = [...history, { role: "user", content: prompt }, { role: "assistant", content: answer }];
        }
      },
    });
}

async function* words(text: string, delay = 5): AsyncGenerator<string> {
  for (const w of text.split(" ")) {
    await sleep(delay);
    yield w + " ";
  }
}

const history = (client: FormClient) => all(client, "[data-kind=chat_message] .fl-chat-content").map((e) => e.textContent.trim());

/** Posts a chat message the way Enter does, and returns the raw response (the body unread). */
async function postChat(client: FormClient, app: () => ReturnType<typeof createApp>, message: string, headers: Record<string, string> = {}): Promise<Response> {
  client.set("Say", message);
  const body = client.formData(client.form().querySelector("button[name=_apply]"));
  return app().request(ORIGIN + "/", {
    method: "POST",
    body: body.toString(),
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", cookie: client.jar.header(), ...headers },
  }, DEV_ENV);
}


describe("streaming", () => {
  test("the first words arrive before the generator has finished (measured on the response's bytes)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    async function* model() {
      yield "First words ";
      await gate; // the generator cannot finish before the test has read the first words
      yield "and the rest.";
      finished = true;
    }
    const app = chatApp(model);
    const client = new FormClient(app);
    await client.get("/");
    const res = await postChat(client, app, "hi");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while (!received.includes("First words")) {
      const { done, value } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain("First words");
    expect(finished).toBe(false);
    expect(received).toMatch(/^<!doctype html>/);
    expect(received).not.toContain("and the rest.");
    release();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(finished).toBe(true);
    expect(received).toContain("First words and the rest.");
    expect(received.endsWith("</form></body></html>")).toBe(true);
  });

  test("a streamed response has every security header of a page, its CSP nonce on the script, the page's stylesheet linked, and the session cookie in its headers", async () => {
    const app = chatApp((p) => words(`echo ${p}`));
    const plain = await app().request(ORIGIN + "/", {}, DEV_ENV);
    const client = new FormClient(app);
    await client.get("/");
    const res = await postChat(client, app, "hi");
    const html = await res.text();
    expect(html).toContain('class="fl-app fl-live"');
    for (const [name] of plain.headers) {
      if (name === "content-length" || name === "set-cookie") continue;
      expect(res.headers.has(name), name).toBe(true);
    }
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1]!;
    expect(html).toMatch(/<link rel="stylesheet" href="\/_formlit\/style\.[a-z0-9]+\.css">/);
    expect(html).toContain(`nonce="${nonce}" defer></script>`);
    expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    // not cached, and not compressed on the way (a compressor would hold the text back)
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("content-encoding")).toBe("identity");
    expect(res.headers.getSetCookie().some((c) => c.startsWith("formlit=") && /HttpOnly/.test(c))).toBe(true);
  });

  test("send two messages, see the answers, reload, see the history (fresh app per request)", async () => {
    const client = new FormClient(chatApp((p) => words(`You said ${p}`)));
    await client.get("/");
    await client.sendChat("one", "Say");
    expect(history(client)).toEqual(["one", "You said one"]);
    await client.sendChat("two", "Say");
    expect(history(client)).toEqual(["one", "You said one", "two", "You said two"]);
    await client.reload();
    expect(history(client)).toEqual(["one", "You said one", "two", "You said two"]);
  });

  test("while text arrives it is plain; the page that follows shows it as markdown, and hides the preview", async () => {
    const client = new FormClient(chatApp(() => words("**bold** <b>tag</b>")));
    client.loadCommitImages = false;
    await client.get("/");
    await client.sendChat("x", "Say");
    const raw: any = parseHTML(client.html).document;
    const live = raw.querySelector(".fl-live .fl-stream");
    expect(live.textContent).toBe("**bold** <b>tag</b> ");
    expect(raw.querySelector(".fl-live").hasAttribute("inert")).toBe(true);
    expect(raw.querySelector(".fl-live [id]")).toBeNull();
    const final = client.form().querySelector("[data-kind=write_stream]");
    expect(final.innerHTML).toContain("<strong>bold</strong>");
    expect(final.innerHTML).toContain("&lt;b&gt;tag&lt;/b&gt;");
  });

  test("whatever the script does after a stream point (a status updated, the sidebar written to, a second stream), the page ends as the run left it", async () => {
    const client = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          const status = st.status("Thinking");
          const first = await status.writeStream(words("first answer"));
          status.update({ label: "Done", state: "complete" });
          st.sidebar.text(`sidebar after: ${first.trim()}`);
          await st.writeStream(words("second answer"));
        },
      }),
    );
    await client.get("/");
    const raw: any = parseHTML(client.html).document;
    // two previews, each closed before the next (siblings in <body>), then the page itself
    expect([...raw.body.children].map((e: any) => e.className)).toEqual(["fl-app fl-live", "fl-app fl-live", "fl-app"]);
    expect(raw.querySelectorAll(".fl-live")[0].querySelector("[data-kind=status]").getAttribute("data-state")).toBe("running");
    const form = client.form();
    expect(form.querySelector("[data-kind=status]").getAttribute("data-state")).toBe("complete");
    expect(form.querySelector("[data-kind=status] summary").textContent).toContain("Done");
    expect(form.querySelector(".fl-sidebar .fl-text").textContent).toBe("sidebar after: first answer");
    expect([...form.querySelectorAll("[data-kind=write_stream]")].map((e: any) => e.textContent.trim())).toEqual(["first answer", "second answer"]);
  });

  test("st.switchPage after a stream point cannot answer with a redirect any more: the new page runs in the same answer", async () => {
    const client = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          const a = async () => {
            await st.writeStream(words("streamed first"));
            st.switchPage("b");
          };
          const b = () => st.text("page b ran");
          await st.navigation([st.Page(a, { title: "A", urlPath: "a", default: true }), st.Page(b, { title: "B", urlPath: "b" })]).run();
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.redirects).toEqual([]);
    expect(client.texts()).toContain("page b ran");
    expect(client.path()).toBe("/b");
    await client.reload();
    expect(client.texts()).toContain("page b ran");
  });

  test("the partial answer the client script asks for streams too; an embedded fragment does not", async () => {
    const app = chatApp(() => words("partial answer"));
    const client = new FormClient(app);
    await client.get("/");
    const partial = await (await postChat(client, app, "x", { "X-Formlit": "partial" })).text();
    expect(partial.startsWith('<div class="fl-app fl-live')).toBe(true);
    expect(partial).toMatch(/<form method="post"[\s\S]*partial answer[\s\S]*<\/form>$/);
    const client2 = new FormClient(app);
    await client2.get("/");
    const embedded = await (await postChat(client2, app, "x", { "X-Formlit": "embed" })).text();
    expect(embedded).not.toContain('class="fl-app fl-live"');
    expect(embedded).toContain("partial answer");
  });
});

describe("committing the state of a streamed page", () => {
  test("a browser that leaves mid-stream keeps nothing of the turn: the cookie in the headers is the state before it", async () => {
    const app = chatApp(() => words("a slow answer that the browser will not wait for", 30));
    const client = new FormClient(app);
    await client.get("/");
    await client.sendChat("kept", "Say");
    const res = await postChat(client, app, "lost");
    client.keepCookies(res);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await sleep(600); // the run has ended by now
    await client.get("/");
    expect(history(client)).toEqual(["kept", "a slow answer that the browser will not wait for"]);
  });

  test("an exception mid-stream ends the page cleanly with the error shown, and keeps nothing of the turn", async () => {
    async function* failing() {
      yield "Thinking ";
      await sleep(5);
      throw new Error("the model broke");
    }
    const client = new FormClient(chatApp((p) => (p === "boom" ? failing() : words("fine"))));
    await client.get("/");
    await client.sendChat("first", "Say");
    await client.sendChat("boom", "Say");
    expect(client.html.endsWith("</form></body></html>")).toBe(true);
    expect(client.exceptions()).toEqual([{ type: "Error", message: "the model broke" }]);
    expect(client.form().querySelector("input[name=_commit]")).toBeNull();
    await client.reload();
    expect(history(client)).toEqual(["first", "fine"]);
  });

  test("the run-time limit applies to a streamed page: it ends with the message, and nothing is kept", async () => {
    async function* stuck() {
      yield "Starting ";
      await sleep(2000);
      yield "never shown";
    }
    const client = new FormClient(chatApp(() => stuck(), { maxRunMs: 300 }));
    await client.get("/");
    await client.sendChat("wait", "Say");
    expect(client.exceptions()[0]!.message).toBe("The app's script ran longer than 300 ms and was stopped. Nothing was changed.");
    expect(client.html).not.toContain("never shown");
    await client.reload();
    expect(history(client)).toEqual([]);
  });

  test("without the commit image, the next post carries the turn (hidden field); a reload before any post does not", async () => {
    const client = new FormClient(chatApp((p) => words(`re ${p}`)));
    client.loadCommitImages = false;
    await client.get("/");
    await client.sendChat("one", "Say");
    await client.sendChat("two", "Say"); // carries turn one's token
    expect(history(client)).toEqual(["one", "re one", "two", "re two"]);
    await client.reload(); // turn two's token was only in the page
    expect(history(client)).toEqual(["one", "re one"]);
  });

  test("a commit token commits once: replayed, or after the session moved on, it is refused and nothing rolls back", async () => {
    const client = new FormClient(chatApp((p) => words(`re ${p}`)));
    client.loadCommitImages = false;
    await client.get("/");
    await client.sendChat("one", "Say");
    const first = client.doc.querySelector("img.fl-commit").getAttribute("src");
    expect((await client.subresource(first)).status).toBe(204);
    expect((await client.subresource(first)).status).toBe(409);
    await client.sendChat("two", "Say");
    const second = client.doc.querySelector("img.fl-commit").getAttribute("src");
    expect((await client.subresource(second)).status).toBe(204);
    expect((await client.subresource(first)).status).toBe(409);
    await client.reload();
    expect(history(client)).toEqual(["one", "re one", "two", "re two"]);
  });

  test("a tampered token, another session's token, or a request from another site commits nothing", async () => {
    const app = chatApp((p) => words(`re ${p}`));
    const alice = new FormClient(app);
    alice.loadCommitImages = false;
    await alice.get("/");
    await alice.sendChat("alice", "Say");
    const src: string = alice.doc.querySelector("img.fl-commit").getAttribute("src");
    const tampered = src.slice(0, -4) + (src.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await alice.subresource(tampered)).status).toBe(409);
    const fromElsewhere = await app().request(ORIGIN + src, { headers: { cookie: alice.jar.header(), "sec-fetch-site": "cross-site" } }, DEV_ENV);
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.getSetCookie()).toEqual([]);
    const mallory = new FormClient(app);
    await mallory.get("/");
    expect((await mallory.subresource(src)).status).toBe(409);
    await mallory.reload();
    expect(history(mallory)).toEqual([]);
    await alice.reload();
    expect(history(alice)).toEqual([]);
  });
});

describe("st.writeStream (Streamlit's st_write_stream app)", () => {
  function streamExample() {
    return (async function* () {
      for (const w of "Lorem ipsum dolor sit amet".split(" ")) {
        yield w + " ";
        await sleep(2);
      }
      yield { a: [1, 2], b: [3, 4] };
      for (const w of "This is the end of the stream.".split(" ")) {
        yield w + " ";
        await sleep(2);
      }
    })();
  }
  const app = () =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: async () => {
        if (st.button("Stream data")) ss.written_content = (await st.writeStream(streamExample)) as never;
        else if ("written_content" in ss) st.write(ss.written_content);
      },
    });

  test("a function chunk is called where it comes and left out of the result; empty text adds nothing", async () => {
    let result: unknown = null;
    const client = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          result = await st.writeStream(
            (function* () {
              yield "";
              yield "before ";
              yield () => st.caption("drawn by a function chunk");
              yield { n: 1 };
              yield "";
            })(),
          );
        },
      }),
    );
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    expect(result).toEqual(["before ", { n: 1 }]);
    expect(client.doc.querySelector("form .fl-caption").textContent).toBe("drawn by a function chunk");
    expect(all(client, "form [data-kind=write_stream]").map((e) => e.textContent.trim())).toEqual(["before"]);
  });

  test("text, then data, then text: two markdown blocks with the data between; the result is the list written", async () => {
    const client = new FormClient(app);
    await client.get("/");
    await client.click("Stream data");
    const blocks = all(client, "form [data-kind=write_stream]");
    expect(blocks).toHaveLength(2);
    expect(blocks[0].textContent.trim()).toBe("Lorem ipsum dolor sit amet");
    expect(blocks[1].textContent).toContain("This is the end of the stream.");
    // (Streamlit's app yields a DataFrame: columns here, drawn as a table, as st.write draws them)
    const table = client.doc.querySelector("form [data-kind=table]");
    expect([...table.querySelectorAll("thead th")].map((th: any) => th.textContent).slice(-2)).toEqual(["a", "b"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr: any) => [...tr.querySelectorAll("td")].map((td: any) => td.textContent).slice(-2))).toEqual([["1", "3"], ["2", "4"]]);
    expect(client.state().written_content).toEqual(["Lorem ipsum dolor sit amet ", { a: [1, 2], b: [3, 4] }, "This is the end of the stream. "]);
  });

  test("what it accepts: a generator function, a sync iterable, st.write of an async generator; a string or a number is refused with Streamlit's message", async () => {
    const results: unknown[] = [];
    const client = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          results.push(await st.writeStream(function* () {
            yield "sync ";
            yield "generator";
          }));
          results.push(await st.writeStream(["a", "b"][Symbol.iterator]()));
          // a list is iterated, as Streamlit iterates one
          results.push(await st.writeStream(["a list ", "of words"]));
          await st.write(words("written stream"));
          for (const bad of ["text", 42]) {
            try {
              await st.writeStream(bad as never);
            } catch (e) {
              st.text((e as Error).message);
            }
          }
        },
      }),
    );
    await client.get("/");
    expect(results).toEqual(["sync generator", "ab", "a list of words"]);
    expect(all(client, "form [data-kind=write_stream]").map((e) => e.textContent.trim())).toEqual(["sync generator", "ab", "a list of words", "written stream"]);
    expect(all(client, "form .fl-text").map((e) => e.textContent)).toEqual([
      "`st.write_stream` expects a generator or stream-like object as input not <class 'str'>. Please use `st.write` instead for this data type.",
      "The provided input (type: number) cannot be iterated. Please make sure that it is a generator, generator function or iterable.",
    ]);
  });
});
