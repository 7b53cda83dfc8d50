/**
 * The gallery's part for parameters Streamlit added since 1.39, in the "More" tab: sparklines on
 * metrics, and the other newer options each element takes.
 */
import { st, type Container } from "../src/index.ts";

const visits = [120, 132, 101, 134, 190, 230, 210, 260];

export function galleryParams(tab: Container) {
  tab.subheader("Newer parameters");
  tab.markdown("Markdown: :shimmer[Thinking…] :badge[Badge] :primary[primary colour]");
  tab.info("An alert led by its icon.", { icon: ":material/bolt:" });
  const [a, b, c] = tab.columns(3);
  a!.metric("Visits", 260, { delta: 50, chartData: visits, border: true, deltaDescription: "vs. last week", icon: ":material/group:" });
  b!.metric("Signups", 0.256, { delta: -0.01, chartData: [5, 7, 6, 4, 3, 4], chartType: "bar", format: "percent", border: true });
  c!.metric("Load", "1.4 s", { delta: "0.2 s", deltaColor: "inverse", deltaArrow: "off", chartData: visits.map((v) => v / 100), chartType: "area", border: true });
  const city = tab.selectbox("City (type a new one)", ["Lisbon", "Oslo", "Quito"], { key: "new_city", acceptNewOptions: true });
  const tags = tab.multiselect("Tags (add your own)", ["urgent", "later"], { key: "new_tags", acceptNewOptions: true });
  tab.write(`City ${JSON.stringify(city)}, tags ${JSON.stringify(tags)}.`);
  const note = tab.chatInput("Send a note with a file", { key: "new_note", acceptFile: true, fileType: ["txt", "md"] });
  if (note) tab.info(`Note ${JSON.stringify(note.text)} with ${note.files.map((f) => f.name).join(", ") || "no file"}.`);
  const docs = tab.linkButton("Streamlit's docs (counted)", "https://docs.streamlit.io", { key: "docs_link", onClick: () => (st.sessionState.docs_opened = st.sessionState.get("docs_opened", 0) + 1) });
  tab.caption(`Opened ${st.sessionState.get("docs_opened", 0)} times${docs ? " (just now)" : ""}.`);
}
