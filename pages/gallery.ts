/**
 * The gallery: every element formlit has, on one page, each working without JavaScript.
 */
import { st } from "../src/index.ts";
import { galleryMore } from "./gallery-more.ts";
import { galleryCharts } from "./gallery-charts.ts";
import { galleryNew } from "./gallery-new.ts";
import { galleryData } from "./gallery-data.ts";
import { galleryLayout } from "./gallery-layout.ts";
import { galleryParams } from "./gallery-params.ts";

const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
const sales = months.map((month, i) => ({ month, north: 20 + i * 7 + (i % 2) * 5, south: 35 - i * 3 + (i % 3) * 4 }));
const cities = [
  { city: "Lisbon", country: "Portugal", population: 545_000, founded: -1200 },
  { city: "Oslo", country: "Norway", population: 709_000, founded: 1040 },
  { city: "Quito", country: "Ecuador", population: 2_800_000, founded: 1534 },
  { city: "Hanoi", country: "Vietnam", population: 8_400_000, founded: 1010 },
  { city: "Perth", country: "Australia", population: 2_100_000, founded: 1829 },
  { city: "Accra", country: "Ghana", population: 2_500_000, founded: 1650 },
  { city: "Lima", country: "Peru", population: 10_000_000, founded: 1535 },
];

const tasks = [
  { task: "Write the brief", hours: 2, done: true, owner: "Ana", due: "2024-06-03", link: "https://docs.streamlit.io" },
  { task: "Review the design", hours: 3.5, done: false, owner: "Ben", due: "2024-06-10", link: "https://streamlit.io" },
  { task: "Ship it", hours: 1, done: false, owner: "Ana", due: "2024-06-14", link: "https://workers.cloudflare.com" },
];

/** A tiny PNG (a red square), so the image element shows bytes as well as URLs. */
const RED_SQUARE = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP4z8BAEhrVMKphVMPQ1QAAgu1WsAWS2uwAAAAASUVORK5CYII="),
  (ch) => ch.charCodeAt(0),
);

export async function gallery() {
  st.header("Gallery");
  st.markdown("This page demonstrates every element formlit has, each working with JavaScript off.");

  const [inputs, data, charts, media, more] = st.tabs(["Inputs", "Data", "Charts", "Media and layout", "More"]);
  galleryMore(more!);
  galleryNew(more!);
  galleryParams(more!);

  inputs!.subheader("Choices and values");
  const [left, right] = inputs!.columns(2);
  left!.slider("Price range", { key: "price", minValue: 0, maxValue: 500, value: [100, 300], step: 10 });
  left!.selectSlider("Size", ["S", "M", "L", "XL"], { key: "size", value: "M" });
  left!.dateInput("Delivery date", { key: "day", value: "2024-06-01", minValue: "2024-01-01", maxValue: "2025-12-31" });
  left!.timeInput("Delivery time", { key: "time", value: "09:30" });
  left!.datetimeInput("Collection", { key: "collect", value: "2024-06-03T17:00", minValue: "2024-01-01", maxValue: "2025-12-31T18:00" });
  right!.colorPicker("Label colour", { key: "colour", value: "#1f77b4" });
  right!.toggle("Express", { key: "express" });
  right!.radio("Payment", ["Card", "Invoice"], { key: "pay", horizontal: true });
  right!.multiselect("Extras", ["Gift wrap", "Insurance", "Signature"], { key: "extras" });
  inputs!.write(
    `Range ${JSON.stringify(st.sessionState.price)}, size ${st.sessionState.size}, on ${st.sessionState.day} at ${st.sessionState.time}, collected ${st.sessionState.collect}, colour ${st.sessionState.colour}.`,
  );

  inputs!.subheader("Files");
  inputs!.caption("Upload a small text file: its text (up to 2 KB) is kept in session state, so you can download it back.");
  const file = inputs!.fileUploader("A text file", { key: "upload", type: ["txt", "csv", "md"] });
  if (file && !Array.isArray(file)) {
    try {
      const text = await file.text();
      if (text.length <= 2048) st.sessionState.uploaded_text = text;
      st.sessionState.uploaded_name = file.name;
    } catch {
      // the bytes are only there in the run that received them (no upload store configured)
    }
  }
  if ("uploaded_text" in st.sessionState) {
    inputs!.text(`Kept: ${st.sessionState.uploaded_name} (${String(st.sessionState.uploaded_text).length} characters)`);
    inputs!.downloadButton("Download it back", String(st.sessionState.uploaded_text), { fileName: String(st.sessionState.uploaded_name), mime: "text/plain" });
  }
  inputs!.linkButton("Streamlit's documentation", "https://docs.streamlit.io");
  inputs!.pageLink("forms", { label: "See st.form on its own page" });

  data!.subheader("Tables");
  data!.dataframe(cities, { key: "cities", pageSize: 5 });
  data!.table(cities.slice(0, 3));
  data!.subheader("An editable table");
  const edited = data!.dataEditor(tasks, {
    key: "tasks",
    numRows: "dynamic",
    columnConfig: {
      task: st.columnConfig.TextColumn("Task", { required: true, maxChars: 60 }),
      hours: st.columnConfig.NumberColumn("Hours", { minValue: 0, maxValue: 40, step: 0.5, help: "Estimated hours of work" }),
      done: st.columnConfig.CheckboxColumn("Done"),
      owner: st.columnConfig.SelectboxColumn("Owner", { options: ["Ana", "Ben", "Chloé"] }),
      due: st.columnConfig.DateColumn("Due", { minValue: "2024-01-01" }),
      link: st.columnConfig.LinkColumn("Reference", { displayText: "Open" }),
    },
  });
  const open = edited.filter((t) => !t.done);
  data!.write(`${edited.length} tasks, ${open.length} open, ${open.reduce((sum, t) => sum + (t.hours ?? 0), 0)} hours to go.`);
  const [m1, m2, m3] = data!.columns(3);
  m1!.metric("Temperature", "21 °C", { delta: 1.5 });
  m2!.metric("Wind", "9 km/h", { delta: -3 });
  m3!.metric("Errors", 4, { delta: -2, deltaColor: "inverse" });
  data!.json({ cities: cities.length, largest: "Lima" });
  galleryData(data!);

  charts!.lineChart(sales, { x: "month", title: "Sales by month" });
  charts!.barChart(sales, { x: "month", title: "Sales by region" });
  charts!.areaChart(sales, { x: "month", title: "Cumulative sales" });
  charts!.scatterChart(cities, { x: "founded", y: "population", title: "Population by year founded" });
  galleryCharts(charts!);

  media!.image(RED_SQUARE, { caption: "An image from bytes", width: 64 });
  const bar = media!.progress(0, { text: "Working…" });
  const done = await st.spinner("Computing…", async () => 70);
  bar.progress(done, `${done}% done`);
  const slot = media!.empty();
  slot.text("This text is replaced…");
  slot.success("…by this message: st.empty holds one element.");
  media!.expander("An expander").write("Inside a `<details>`, so it opens without JavaScript.");
  media!.code("st.numberInput('Number of filters', { key: 'filters' })", { language: "ts" });
  media!.info("Alerts: info,");
  media!.warning("warning,");
  media!.error("and error.");
  media!.divider();
  media!.caption("A caption under a divider, then a medium space.");
  media!.space("medium");
  media!.caption("After the space.");
  galleryLayout();
}
