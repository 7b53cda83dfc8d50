import { st } from "../../../src/index.ts";
import { byCountry, byYear, COUNTRIES, DEFAULT_COUNTRIES, FIRST_YEAR, LAST_YEAR, YEARS } from "../data.ts";

export function dataframeDemo() {
  st.header("DataFrame demo");
  st.markdown(
    "This page shows how to filter a table with a widget and chart the result: choose countries, and " +
      `the table and the chart show their yearly agricultural production from ${FIRST_YEAR} to ${LAST_YEAR}. ` +
      "The numbers are synthetic, made from a seeded random number generator.",
  );
  const countries = st.multiselect("Choose countries", COUNTRIES, { key: "countries", default: DEFAULT_COUNTRIES });
  if (countries.length === 0) {
    st.error("Please select at least one country.");
    return;
  }
  st.subheader("Agricultural production (thousands of tonnes)");
  st.dataframe(byCountry(countries), { key: "production", hideIndex: true, columnOrder: ["country", ...YEARS.map(String)] });
  st.areaChart(byYear(countries), {
    x: "year",
    y: countries,
    stack: false,
    title: "Agricultural production by year",
    yLabel: "Thousands of tonnes",
  });
}
