/**
 * The gallery's newer data features, at the end of its "Data" tab: dataframe selections (rows,
 * exactly one row, columns and cells), a table without its header, and the newer column types.
 */
import type { Container } from "../src/index.ts";

const planets = {
  planet: ["Mercury", "Venus", "Earth", "Mars", "Jupiter"],
  moons: [0, 0, 1, 2, 95],
  dayHours: [4222.6, 2802, 24, 24.7, 9.9],
};

export function galleryData(tab: Container) {
  tab.subheader("Selections");
  tab.caption("Click rows to select them (without JavaScript, tick them and press Apply).");
  const picked = tab.dataframe(planets, { key: "planets", onSelect: "rerun", selectionMode: ["multi-row", "multi-column"] });
  const names = picked.selection.rows.map((r) => planets.planet[r]);
  tab.write(`Selected planets: ${names.join(", ") || "none"}; columns: ${picked.selection.columns.join(", ") || "none"}.`);
  const one = tab.dataframe(planets, { key: "planet", onSelect: "rerun", selectionMode: "single-row-required", hideIndex: true });
  tab.write(`Exactly one: ${planets.planet[one.selection.rows[0] ?? 0]}.`);

  tab.subheader("A table without its header");
  tab.table({ key: ["Mass", "Radius"], value: ["5.97 × 10²⁴ kg", "6,371 km"] }, { hideHeader: true, hideIndex: true, border: "horizontal" });
}
