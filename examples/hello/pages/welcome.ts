import { st } from "../../../src/index.ts";

export function welcome() {
  st.title("Welcome to formlit! 👋");
  st.sidebar.success("Select a demo above.");
  st.markdown(
    "formlit runs apps written the way Streamlit apps are written, in TypeScript, on Cloudflare " +
      "Workers. Every interaction is a plain HTML form post: the server reruns the script and answers " +
      "with a new page, so everything here works with JavaScript turned off. With it on, the page " +
      "updates in place.",
  );
  st.markdown(
    "**👈 Select a demo from the sidebar** to see some of what formlit can do:\n\n" +
      "- **DataFrame demo**: pick countries from a multiselect; a table and an area chart of their " +
      "yearly agricultural production follow your choice.\n" +
      "- **Plotting demo**: a random walk drawn as a line chart; add points with a button or a " +
      "slider, and a progress bar shows how far it has got.\n" +
      "- **Animation demo**: a Julia set fractal drawn on the server; sliders set the detail, the " +
      "separation and the zoom, and a frame slider steps through the animation.",
  );
  st.markdown(
    "All data is made on the server from a seeded random number generator: nothing is fetched, and " +
      "every visit shows the same numbers. Streamlit's own hello app has a mapping demo too; it is left " +
      "out here because maps need a client-side library.",
  );
  st.caption("Modelled on Streamlit's multipage “hello” demo (streamlit hello), written from scratch.");
}
