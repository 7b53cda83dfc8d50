/**
 * The chat page's model when the Worker has a Workers AI binding (`[ai] binding = "AI"` in
 * wrangler.toml): a small instruction model, its answer streamed as Workers AI sends it (server-sent
 * events, one `data: {"response": "..."}` line per piece, `data: [DONE]` at the end).
 */

/** Small and quick: the chat page needs a sentence or two. */
export const CHAT_MODEL = "@cf/meta/llama-3.2-1b-instruct";

/** The part of the AI binding the chat page uses. */
export interface WorkersAi {
  run(model: string, input: { messages: { role: string; content: string }[]; stream: true }): Promise<unknown>;
}

/** The answer to `messages`, a piece at a time. */
export async function* workersAiAnswer(ai: WorkersAi, messages: { role: string; content: string }[]): AsyncGenerator<string> {
  const stream = (await ai.run(CHAT_MODEL, { messages, stream: true })) as ReadableStream<Uint8Array>;
  const decoder = new TextDecoder();
  let pending = "";
  for await (const bytes of stream as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(bytes, { stream: true });
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    for (const line of complete) {
      const data = line.startsWith("data:") ? line.slice(5).trim() : "";
      if (!data || data === "[DONE]") continue;
      const piece = (JSON.parse(data) as { response?: string }).response;
      if (piece) yield piece;
    }
  }
}
