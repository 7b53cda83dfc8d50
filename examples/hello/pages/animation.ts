import { st } from "../../../src/index.ts";
import { FRAMES, juliaConstant, juliaPng, type JuliaParams } from "../fractal.ts";

/** Frames are numbered 1..FRAMES on the page; stepping wraps round. */
function step(by: number) {
  const next = (Number(st.sessionState.frame) - 1 + by) % FRAMES;
  st.sessionState.frame = next < 0 ? next + FRAMES + 1 : next + 1;
}

/** A frame's PNG, kept per isolate: stepping back to a frame seen before costs nothing. */
const renderFrame = st.cacheData((params: JuliaParams) => juliaPng(params), { maxEntries: 64 });

const signed = (v: number) => (v < 0 ? `− ${Math.abs(v).toFixed(3)}` : `+ ${v.toFixed(3)}`);

export async function animationDemo() {
  st.header("Animation demo");
  st.markdown(
    "This page shows a Julia set, the fractal of z ↦ z² + c, drawn on the server. Streamlit's version " +
      "animates it by streaming frames; here the **Frame** slider (or the buttons) steps through the " +
      "animation, in which c goes once round a circle whose radius is the **Separation**.",
  );
  const iterations = st.sidebar.slider("Level of detail (iterations)", { key: "iterations", minValue: 2, maxValue: 60, value: 20, step: 1 });
  const separation = st.sidebar.slider("Separation", { key: "separation", minValue: 0.7, maxValue: 2.0, value: 0.77, step: 0.01 });
  const zoom = st.sidebar.slider("Zoom", { key: "zoom", minValue: 1.0, maxValue: 4.0, value: 1.0, step: 0.1 });

  if (!("frame" in st.sessionState)) st.sessionState.frame = 21; // a connected set: a good first picture
  const frame = st.slider("Frame", { key: "frame", minValue: 1, maxValue: FRAMES, step: 1 });
  const [back, forward] = st.columns(2);
  back!.button("Previous frame", { onClick: step, args: [-1] });
  forward!.button("Next frame", { onClick: step, args: [1] });
  st.progress(Math.round((frame / FRAMES) * 100), { text: `Frame ${frame} of ${FRAMES}` });

  const { re, im } = juliaConstant(separation, frame - 1);
  const c = `${re.toFixed(3)} ${signed(im)}i`;
  const png = await renderFrame({ iterations, separation, frame: frame - 1, zoom });
  st.image(png, {
    useContainerWidth: true,
    alt: `The Julia set of z² + c for c = ${c}: a dark shape where points never escape, in bands of blue, teal and gold where they do.`,
    caption: `Frame ${frame} of ${FRAMES} · c = ${c} · ${iterations} iterations · separation ${separation.toFixed(2)} · zoom ${zoom.toFixed(1)}×`,
  });
}
