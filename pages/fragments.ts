/**
 * The demo's "Fragments & dialogs" page: two counters that each rerun alone (st.fragment), a
 * fragment on a timer (runEvery), and a dialog (st.dialog) whose body reruns alone and that closes
 * with st.rerun() or its close control. Works with JavaScript off (the whole page comes back, the
 * part outside the fragment as the last run drew it) and on (only the fragment is replaced).
 */
import { st } from "../src/index.ts";

const ss = st.sessionState;

const count = (key: string) => (ss.get(key, 0) as number);

const counter = st.fragment((side: string) => {
  st.subheader(`${side} counter`);
  if (st.button(`Add one (${side})`)) ss[`count_${side}`] = count(`count_${side}`) + 1;
  ss[`drawn_${side}`] = count(`drawn_${side}`) + 1;
  st.write(`${side}: ${count(`count_${side}`)}`);
  st.caption(`This fragment was drawn ${ss[`drawn_${side}`]} times.`);
});

const ticker = st.fragment(
  () => {
    ss.ticks = count("ticks") + 1;
    st.write(`Ticks: ${ss.ticks}`);
  },
  { runEvery: 2 },
);

const rate = st.dialog("Rate this demo")(() => {
  const stars = st.radio("Stars", [1, 2, 3, 4, 5], { horizontal: true, key: "stars" });
  const why = st.textInput("Why?", { key: "why" });
  st.write(`Your rating so far: ${stars} star${stars === 1 ? "" : "s"}.`);
  if (st.button("Submit rating")) {
    ss.rating = { stars, why };
    st.rerun();
  }
});

export function fragments() {
  st.header("Fragments and dialogs");
  st.markdown(
    "Each counter is an `st.fragment`: its button reruns only that counter, not the page (the page's " +
      "run count below stays put). With JavaScript only the counter is replaced; without, the page " +
      "comes back whole, the rest of it as the last run drew it.",
  );
  ss.pageRuns = count("pageRuns") + 1;
  const [left, right] = st.columns(2);
  left!.with(() => counter("Left"));
  right!.with(() => counter("Right"));
  st.markdown("The fragment below reruns every 2 seconds with JavaScript (without, it reruns when you submit the page).");
  ticker();
  if (st.button("Rate this demo")) rate();
  const rating = ss.get("rating", null) as { stars: number; why: string } | null;
  if (rating) st.success(`You rated this demo ${rating.stars} of 5${rating.why ? `: ${rating.why}` : "."}`);
  st.write(`The whole page ran ${ss.pageRuns} times.`);
  st.button("Rerun the whole page");
}
