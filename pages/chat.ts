/**
 * The chat page: Streamlit's tutorial "Build a basic LLM chat app". The model is Workers AI when
 * the Worker has an `AI` binding, else a local stand-in (a generator that yields words with a short
 * delay; no network), the default. The answer streams into the page as it is made, with
 * JavaScript off too; the exchange is in session state afterwards.
 */
import { st } from "../src/index.ts";
import { workersAiAnswer, type WorkersAi } from "./workers-ai.ts";

interface Message {
  role: "user" | "assistant";
  content: string;
}

const ANSWERS = [
  "Hello there! How can I assist you today?",
  "Hi, human! Is there anything I can help you with?",
  "Do you need help? I am a stand-in model: I answer with one of a few sentences, a word at a time.",
];

/** How long the stand-in model takes per word (ms); tests shorten or lengthen it with ?delay=. */
const WORD_DELAY_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The stand-in model: a deterministic answer (the n-th message gets the n-th sentence, so a
 * rerun of the same state answers the same), a word at a time.
 */
async function* standInModel(prompt: string, turn: number, delay: number): AsyncGenerator<string> {
  const answer = prompt.toLowerCase() === "fail" ? null : ANSWERS[turn % ANSWERS.length]!;
  if (answer === null) {
    yield "Thinking… ";
    await sleep(delay);
    throw new Error("The stand-in model failed (you asked it to).");
  }
  for (const word of answer.split(" ")) {
    await sleep(delay);
    yield word + " ";
  }
}

export async function chat() {
  st.title("Simple chat");
  const ai = st.context.env.AI as WorkersAi | undefined;
  st.caption(
    (ai ? "Each answer comes from Workers AI (the Worker's `AI` binding)" : "Each answer comes from a local stand-in model (give the Worker an `AI` binding for Workers AI)") +
      " and streams in as it is made, with JavaScript off too. Type *fail* to see a stream fail: the turn is then not kept.",
  );
  if (!("messages" in st.sessionState)) st.sessionState.messages = [];
  const messages = st.sessionState.messages as Message[];
  for (const m of messages) st.chatMessage(m.role).markdown(m.content);

  const prompt = st.chatInput("What is up?");
  if (prompt) {
    st.chatMessage("user").markdown(prompt);
    const delay = Math.min(Number(st.queryParams.get("delay") ?? WORD_DELAY_MS) || 0, 2000);
    const asked = [...messages, { role: "user", content: prompt }];
    const answer = await st.chatMessage("assistant").writeStream(() => (ai && prompt.toLowerCase() !== "fail" ? workersAiAnswer(ai, asked) : standInModel(prompt, messages.length / 2, delay)));
    st.sessionState.messages = [...messages, { role: "user", content: prompt }, { role: "assistant", content: answer }];
  }
  if (messages.length > 0 && st.sidebar.button("Clear the conversation")) {
    st.sessionState.messages = [];
    st.rerun();
  }
}
