import { st } from "../../../src/index.ts";
import { seeded } from "../random.ts";

/** The most points the walk has; the slider and the button stop there. */
export const MAX_POINTS = 500;
const STEP = 50;
const WALKS = ["Walk A", "Walk B", "Walk C"];

/** Three random walks of MAX_POINTS steps from one seed: a longer view extends the same walks. */
function randomWalks(seed: number): Record<string, number>[] {
  const rng = seeded(seed);
  const position = WALKS.map(() => 0);
  return Array.from({ length: MAX_POINTS }, (_, step) => {
    const row: Record<string, number> = { step };
    WALKS.forEach((name, i) => {
      position[i] = Math.round((position[i]! + rng.normal()) * 1000) / 1000;
      row[name] = position[i]!;
    });
    return row;
  });
}

function morePoints() {
  st.sessionState.points = Math.min(MAX_POINTS, Number(st.sessionState.points) + STEP);
}

function newWalk() {
  st.sessionState.walk_seed = Number(st.sessionState.walk_seed) + 1;
  st.sessionState.points = STEP * 2;
}

export function plottingDemo() {
  st.header("Plotting demo");
  st.markdown(
    "This page shows a chart that grows: three random walks, drawn as a line chart. Streamlit's version " +
      "streams new points to the browser; here each press of **Generate more points** (or a move of the " +
      "slider) adds them, and the progress bar shows how many of the walk's points are plotted.",
  );
  if (!("points" in st.sessionState)) st.sessionState.points = STEP * 2;
  if (!("walk_seed" in st.sessionState)) st.sessionState.walk_seed = 1;

  const points = st.slider("Number of points", { key: "points", minValue: 10, maxValue: MAX_POINTS, step: 10 });
  const [more, again] = st.columns(2);
  more!.button("Generate more points", { onClick: morePoints, disabled: points >= MAX_POINTS, type: "primary" });
  again!.button("New random walk", { onClick: newWalk });

  const seed = Number(st.sessionState.walk_seed);
  st.progress(Math.round((points / MAX_POINTS) * 100), { text: `${points} of ${MAX_POINTS} points plotted` });
  st.lineChart(randomWalks(seed).slice(0, points), { x: "step", y: WALKS, title: `Random walks (seed ${seed})`, yLabel: "Position" });
  if (points >= MAX_POINTS) st.info(`All ${MAX_POINTS} points are plotted. Press **New random walk** to start again.`);
}
