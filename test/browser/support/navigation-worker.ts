/**
 * A menu of fourteen pages in sections, drawn in the top bar or the sidebar as a radio on every
 * page chooses, for test/browser/navigation-menu.test.ts.
 */
import { createApp, st } from "../../../src/index.ts";

const page = (title: string) => st.Page(() => st.write(`On ${title}`), { title, urlPath: title.toLowerCase().replace(/\W+/g, "") });

const app = createApp({
  entrypoint: async () => {
    const position = st.radio("Menu position", ["top", "sidebar"], { key: "position" });
    const more = Array.from({ length: 11 }, (_, i) => page(`Page ${i + 1}`));
    await st.navigation({ "": [page("Home")], "**Reports**": [page("Sales"), page("Costs")], More: more }, { position }).run();
  },
});

export default app;
