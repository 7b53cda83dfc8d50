/**
 * "Hello": Streamlit's multipage hello demo as a formlit app. A welcome page and three demos (a
 * filtered table with an area chart, a growing line chart, a fractal animation stepped with
 * sliders), all with data made on the server from a seeded random number generator.
 * Runtime-neutral: worker.ts is the Workers entry; tests call `createHelloApp({ secret })`.
 */
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { welcome } from "./pages/welcome.ts";
import { dataframeDemo } from "./pages/dataframe.ts";
import { plottingDemo } from "./pages/plotting.ts";
import { animationDemo } from "./pages/animation.ts";

export const helloOptions: AppOptions = {
  name: "formlit-hello",
  title: "Hello",
  entrypoint: async () => {
    st.setPageConfig({ pageTitle: "Hello", pageIcon: "👋" });
    const page = st.navigation([
      st.Page(welcome, { title: "Welcome", icon: "👋", urlPath: "welcome", default: true }),
      st.Page(dataframeDemo, { title: "DataFrame demo", icon: "📊", urlPath: "dataframe" }),
      st.Page(plottingDemo, { title: "Plotting demo", icon: "📈", urlPath: "plotting" }),
      st.Page(animationDemo, { title: "Animation demo", icon: "🌀", urlPath: "animation" }),
    ]);
    await page.run();
  },
};

export const createHelloApp = (extra: Partial<AppOptions> = {}) => createApp({ ...helloOptions, ...extra });

export const app = createHelloApp();
