/**
 * The gallery's "More" tab: choice pills, feedback, text (LaTeX, HTML, help), a logo, balloons,
 * audio and video players, a camera input.
 */
import { st, type Container } from "../src/index.ts";
import { enableLatex } from "../src/latex.ts";

enableLatex();

/** A small SVG mark, as bytes, for st.logo. */
const LOGO = new TextEncoder().encode(
  `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="24"><rect width="24" height="24" rx="6" fill="#c62828"/><text x="30" y="18" font-family="sans-serif" font-size="16" fill="#c62828">formlit</text></svg>`,
);

/** A quarter second of a 440 Hz tone as an 8 kHz, 8-bit mono WAV file (about 2 KB). */
function tone(): Uint8Array {
  const rate = 8000;
  const samples = rate / 4;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true); // bytes per second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) bytes[44 + i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return bytes;
}

const SUBTITLES = "WEBVTT\n\n00:00.000 --> 00:03.000\nA star, drawn.";

export function galleryMore(tab: Container) {
  tab.subheader("Pills and feedback");
  const toppings = tab.pills("Toppings", ["Cheese", "Olives", "Basil"], { key: "toppings", selectionMode: "multi", default: ["Cheese"] });
  const crust = tab.segmentedControl("Crust", ["Thin", "Classic", "Deep"], { key: "crust", default: "Classic" });
  const stars = tab.feedback("stars", { key: "stars" });
  tab.write(`Toppings ${JSON.stringify(toppings)}, crust ${JSON.stringify(crust)}, rating ${stars === null ? "none" : stars + 1}.`);

  tab.subheader("Text");
  st.logo(LOGO, { mime: "image/svg+xml", link: "https://github.com" });
  tab.latex(String.raw`\int_0^1 x^2\,dx = \frac{1}{3}`);
  tab.html(`<p>Some <em>HTML</em>, sanitised: <b onclick="alert(1)">no handlers</b><script>alert(1)</script>, no scripts.</p>`);
  tab.help({ toppings, crust, rating: stars });
  if (tab.button("Celebrate")) {
    st.balloons();
    tab.success("Balloons! (Not shown if you asked for reduced motion.)");
  }

  tab.subheader("Audio and video");
  tab.audio(tone(), { format: "audio/wav" });
  tab.video("https://static.streamlit.io/examples/star.mp4", { subtitles: { English: SUBTITLES } });
  const photo = tab.cameraInput("Take a photo", { key: "photo" });
  if (photo) tab.write(`Photo: ${photo.name} (${photo.size} bytes).`);
}
