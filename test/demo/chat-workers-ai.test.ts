/**
 * The demo's chat page with an `AI` binding: the answer comes from Workers AI's streamed reply
 * (server-sent events), asked of the chat model with the whole conversation. No network is here,
 * so the binding is a local stand-in that answers in Workers AI's streaming format; without the
 * binding the page keeps its local stand-in model (test/browser/chat.test.ts).
 */
import { describe, expect, test } from "vitest";
import { createDemoApp } from "../../pages/demo.ts";
import { CHAT_MODEL } from "../../pages/workers-ai.ts";
import { DEV_ENV, FormClient, TEST_SECRET as secret } from "../support/client.ts";

/** Answers "Hi <last message>!" in pieces, as `env.AI.run(model, { stream: true })` does, split mid-line. */
function streamingAi(asked: { model: string; messages: { role: string; content: string }[] }[]) {
  return {
    async run(model: string, input: { messages: { role: string; content: string }[] }) {
      asked.push({ model, messages: input.messages });
      const last = input.messages.at(-1)!.content;
      const events = ["Hi", " there,", ` ${last}!`].map((response) => `data: ${JSON.stringify({ response })}\n\n`).join("") + "data: [DONE]\n\n";
      const bytes = new TextEncoder().encode(events);
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
          controller.close();
        },
      });
    },
  };
}

const messages = (c: FormClient) => [...c.doc.querySelectorAll("form#fl article[data-kind=chat_message] .fl-chat-content")].map((e: any) => e.textContent.trim());

describe.each(["cold", "warm"] as const)("the chat page with a Workers AI binding, %s isolates", (isolates) => {
  test("answers from the model, asked once per message with the conversation so far; later interactions ask nothing", async () => {
    const asked: { model: string; messages: { role: string; content: string }[] }[] = [];
    const warm = createDemoApp({ secret });
    const app = isolates === "cold" ? () => createDemoApp({ secret }) : () => warm;
    const c = new FormClient(app, "formlit", { env: { ...DEV_ENV, AI: streamingAi(asked) } });
    await c.get("/chat");
    expect(c.doc.body.textContent).toContain("Each answer comes from Workers AI");
    await c.sendChat("Ada", "What is up?");
    await c.sendChat("Grace", "What is up?");
    expect(messages(c)).toEqual(["Ada", "Hi there, Ada!", "Grace", "Hi there, Grace!"]);
    expect(asked.map((a) => a.model)).toEqual([CHAT_MODEL, CHAT_MODEL]);
    // another interaction (Apply) replays or reruns the page: the model is not asked again
    await c.apply();
    expect(messages(c)).toEqual(["Ada", "Hi there, Ada!", "Grace", "Hi there, Grace!"]);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.messages).toEqual([
      { role: "user", content: "Ada" },
      { role: "assistant", content: "Hi there, Ada!" },
      { role: "user", content: "Grace" },
    ]);
  });
});
