/**
 * The gallery's newer data features, at the end of its "Data" tab: dataframe selections (rows,
 * exactly one row, columns and cells), a table without its header, and the newer column types.
 */
import { st, type Container } from "../src/index.ts";
import { tone } from "./tone.ts";

const planets = {
  planet: ["Mercury", "Venus", "Earth", "Mars", "Jupiter"],
  moons: [0, 0, 1, 2, 95],
  dayHours: [4222.6, 2802, 24, 24.7, 9.9],
};

/** A small data: URL image, so the gallery needs no network. */
const DOT = "data:image/svg+xml;base64," + btoa('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="7" fill="#c62828"/></svg>');

const apps = {
  name: ["Roadmap", "Extras"],
  logo: [DOT, DOT],
  tags: [["docs", "plans"], ["components"]],
  meta: [{ stars: 120 }, { stars: 87 }],
  done: [80, 35],
  views: [[3, 8, 5, 9, 12], [7, 4, 6, 3, 5]],
  sales: [[1, 4, 2, 5], [3, 3, 1, 2]],
  load: [[2, 5, 3, 6], [1, 2, 4, 2]],
  open: ["Open", "Open"],
};

/** A short tone as bytes, so the audio and video cells need no network either (an http address is shown as text: the page's policy would block it). */
const TONE = btoa(Array.from(tone(0.04), (b) => String.fromCharCode(b)).join(""));

const media = {
  track: ["Intro", "Outro"],
  note: ["**Loud** start, then `fade`", "A :blue[quiet] close"],
  sound: [`data:audio/wav;base64,${TONE}`, "http://example.com/blocked.wav"],
  clip: [`data:video/webm;base64,${TONE}`, null],
  seconds: [0.25, 0.25],
};

const shifts = [
  { who: "Ana", skills: ["cook"], starts: "2024-06-03T09:00", ends: "17:30" },
  { who: "Ben", skills: ["serve", "clean"], starts: "2024-06-04T08:15", ends: "12:00" },
];

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

  tab.subheader("Column types");
  tab.dataframe(apps, {
    hideIndex: true,
    columnConfig: {
      logo: st.columnConfig.ImageColumn("Logo"),
      tags: st.columnConfig.ListColumn("Tags"),
      meta: st.columnConfig.JsonColumn("Meta"),
      done: st.columnConfig.ProgressColumn("Done", { format: "%d%%" }),
      views: st.columnConfig.LineChartColumn("Views", { yMin: 0 }),
      sales: st.columnConfig.BarChartColumn("Sales", { yMin: 0 }),
      load: st.columnConfig.AreaChartColumn("Load", { yMin: 0 }),
      open: st.columnConfig.ButtonColumn("Open", { key: "open_app" }),
    },
  });
  const opened = st.sessionState.open_app as { row: number } | null | undefined;
  if (opened) tab.write(`You pressed Open on ${apps.name[opened.row]}.`);
  tab.caption("Markdown, audio and video cells; the track column is pinned (scroll sideways) and the seconds are centred.");
  tab.dataframe(media, {
    hideIndex: true,
    columnConfig: {
      track: st.columnConfig.TextColumn("Track", { pinned: true, width: "small" }),
      note: st.columnConfig.MarkdownColumn("Note"),
      sound: st.columnConfig.AudioColumn("Sound"),
      clip: st.columnConfig.VideoColumn("Clip"),
      seconds: st.columnConfig.NumberColumn("Seconds", { alignment: "center" }),
    },
  });
  const rota = tab.dataEditor(shifts, {
    key: "rota",
    columnConfig: {
      skills: st.columnConfig.MultiselectColumn("Skills", { options: ["cook", "serve", "clean"] }),
      starts: st.columnConfig.DatetimeColumn("Starts", { minValue: "2024-01-01T00:00" }),
      ends: st.columnConfig.TimeColumn("Ends"),
    },
  });
  tab.write(`Rota: ${rota.map((r) => `${r.who} (${r.skills.join(", ") || "no skills"}) until ${r.ends}`).join("; ")}.`);
}
