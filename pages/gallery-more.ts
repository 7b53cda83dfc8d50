/**
 * The gallery's "More" tab: choice pills, feedback, text (LaTeX, HTML, help), a logo, balloons.
 */
import { st, type Container } from "../src/index.ts";
import { enableLatex } from "../src/latex.ts";

enableLatex();

/** A small SVG mark, as bytes, for st.logo. */
const LOGO = new TextEncoder().encode(
  `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="24"><rect width="24" height="24" rx="6" fill="#c62828"/><text x="30" y="18" font-family="sans-serif" font-size="16" fill="#c62828">formlit</text></svg>`,
);

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
  tab.help(galleryMore);
  if (tab.button("Celebrate")) {
    st.balloons();
    tab.success("Balloons! (Not shown if you asked for reduced motion.)");
  }
}
