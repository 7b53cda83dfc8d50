/**
 * The gallery's "More" tab: choice pills, feedback, text (badges, LaTeX, HTML, help), a logo,
 * balloons, audio and video players, a camera input, and documents in frames (a PDF, HTML).
 */
import { st, type Container } from "../src/index.ts";
import { enableLatex } from "../src/latex.ts";
import { tone } from "./tone.ts";
import { samplePdf } from "./sample-pdf.ts";

enableLatex();

/** A small SVG mark, as bytes, for st.logo. */
const LOGO = new TextEncoder().encode(
  `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="24"><rect width="24" height="24" rx="6" fill="#c62828"/><text x="30" y="18" font-family="sans-serif" font-size="16" fill="#c62828">formlit</text></svg>`,
);

const SUBTITLES = "WEBVTT\n\n00:00.000 --> 00:03.000\nA star, drawn.";

export function galleryMore(tab: Container) {
  tab.subheader("Pills and feedback");
  const toppings = tab.pills("Toppings", ["Cheese", "Olives", "Basil"], { key: "toppings", selectionMode: "multi", default: ["Cheese"] });
  const crust = tab.segmentedControl("Crust", ["Thin", "Classic", "Deep"], { key: "crust", default: "Classic" });
  const stars = tab.feedback("stars", { key: "stars" });
  tab.write(`Toppings ${JSON.stringify(toppings)}, crust ${JSON.stringify(crust)}, rating ${stars === null ? "none" : stars + 1}.`);

  tab.subheader("Text");
  tab.badge("New", { icon: ":material/star:", color: "green" });
  tab.badge("Beta", { color: "orange", help: "Still changing" });
  st.logo(LOGO, { mime: "image/svg+xml", link: "https://github.com" });
  tab.latex(String.raw`\int_0^1 x^2\,dx = \frac{1}{3}`);
  tab.html(`<p>Some <em>HTML</em>, sanitised: <b onclick="alert(1)">no handlers</b><script>alert(1)</script>, no scripts.</p>`);
  tab.help({ toppings, crust, rating: stars });
  if (tab.button("Celebrate")) {
    st.balloons();
    tab.success("Balloons! (Not shown if you asked for reduced motion.)");
  }
  const shared = tab.menuButton("Share", ["Copy link", "Email", "Print"], { key: "share" });
  if (shared) tab.info(`Shared by ${shared} (a menu button's choice lasts one run).`);

  tab.subheader("Audio and video");
  tab.audio(tone(0.25), { format: "audio/wav" });
  tab.video("https://static.streamlit.io/examples/star.mp4", { subtitles: { English: SUBTITLES } });
  const photo = tab.cameraInput("Take a photo", { key: "photo" });
  if (photo) tab.write(`Photo: ${photo.name} (${photo.size} bytes).`);

  tab.subheader("Documents in frames");
  tab.pdf(samplePdf("A PDF made by the gallery"), { height: 320 });
  tab.iframe(`<p style="font-family:sans-serif">HTML in a sandboxed frame: it cannot reach this page.</p>`, { height: 60 });
}
