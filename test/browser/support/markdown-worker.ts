/**
 * Streamlit's Markdown extras as an app shows them: coloured text and a background, icons in the
 * page's title, in the navigation and in the text, an emoji and LaTeX (formlit/latex enabled), and
 * the whole palette.
 */
import { createApp, st } from "../../../src/index.ts";
import { enableLatex } from "../../../src/latex.ts";

enableLatex();

function home() {
  st.title(":material/home: Home");
  st.markdown("Plain text, :red[red text] and :blue-background[on blue], a :material/star: star, an emoji :smile: and $x^2$.");
  st.markdown("$$\n\\int_0^1 t\\,dt\n$$");
  // the whole palette, in the three forms: for the accessibility scan (contrast, light and dark)
  const palette = ["red", "orange", "yellow", "green", "blue", "violet", "gray", "primary"];
  for (const form of ["", "-background", "-badge"]) st.markdown(palette.map((c) => `:${c}${form}[${c}]`).join(" "));
  st.caption(":material/bar_chart: A caption with an icon that has no stand-in");
}

const app = createApp({
  entrypoint: async () => {
    const page = st.navigation([
      st.Page(home, { title: "Home", icon: ":material/home:", default: true }),
      st.Page(() => st.text("settings"), { title: "Settings", icon: ":material/settings:", urlPath: "settings" }),
    ]);
    await page.run();
  },
});

export default app;
