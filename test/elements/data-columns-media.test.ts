/**
 * MarkdownColumn, AudioColumn and VideoColumn, and the common `pinned` and `alignment` options,
 * over HTTP without JavaScript: what st.dataframe and st.dataEditor draw, and what an edited
 * Markdown cell returns.
 */
import { describe, expect, test } from "vitest";
import { st, type Json } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";
import { cell, editorState } from "./data-editor-support.ts";

const NOTES = [
  { who: "Ana", note: "**bold** and `code`\nsecond line" },
  { who: "Ben", note: "<b>raw</b> [link](javascript:alert(1))" },
];

let returned: Json = null;
const notes = () => {
  returned = st.dataEditor(NOTES, { key: "notes", columnConfig: { note: st.columnConfig.MarkdownColumn("Note") } }) as Json;
};

describe("MarkdownColumn", () => {
  test("in st.dataframe a cell shows its text as inline Markdown; raw HTML stays text and a javascript: link is no link", async () => {
    const client = browse(() => st.dataframe(NOTES, { columnConfig: { note: st.columnConfig.MarkdownColumn("Note") } }));
    await client.get("/");
    expectOk(client);
    const [first, second] = [...client.doc.querySelectorAll(".fl-dataframe tbody tr")].map((r: any) => r.querySelectorAll("td")[1]);
    expect(first.querySelector("strong").textContent).toBe("bold");
    expect(first.querySelector("code").textContent).toBe("code");
    // inline: no paragraph or heading around the text
    expect(first.querySelector("p")).toBeNull();
    expect(second.querySelector("b")).toBeNull();
    expect(second.textContent).toContain("<b>raw</b>");
    expect(second.querySelector("a")).toBeNull();
  });

  test("in st.dataEditor a cell is a text box of its source; an untouched post changes nothing, an edit returns the new text with its line breaks", async () => {
    const client = browse(notes);
    await client.get("/");
    expectOk(client);
    const box = cell(client, "Note, row 0");
    expect(box.tagName).toBe("TEXTAREA");
    expect(box.textContent.replace(/^\n/, "").replace(/\r\n/g, "\n")).toBe(NOTES[0]!.note);
    await client.apply();
    expect(editorState(client).edited_rows).toEqual({});
    cell(client, "Note, row 1").textContent = "\n_new_\nline";
    await client.apply();
    expectOk(client);
    expect(editorState(client).edited_rows).toEqual({ "1": { note: "_new_\nline" } });
    expect((returned as any[])[1].note).toBe("_new_\nline");
  });

  test("disabled, it shows the rendered Markdown and has no field", async () => {
    const client = browse(() => st.dataEditor(NOTES, { disabled: ["note"], columnConfig: { note: st.columnConfig.MarkdownColumn("Note") } }));
    await client.get("/");
    const td = client.doc.querySelectorAll("[data-kind=data_editor] tbody tr")[0].querySelectorAll("td")[1];
    expect(td.querySelector("textarea")).toBeNull();
    expect(td.querySelector("strong").textContent).toBe("bold");
  });

  test("over numbers it cannot be edited: Streamlit's incompatibility message", async () => {
    const client = browse(() => st.dataEditor({ n: [1] }, { columnConfig: { n: st.columnConfig.MarkdownColumn() } }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toMatch(/^The configured column type `markdown` for column `n` is not compatible for editing the underlying data type `integer`/);
  });
});

describe("AudioColumn and VideoColumn", () => {
  const clips = {
    sound: ["/tone.wav", "https://example.com/a.mp3", "data:audio/wav;base64,UklGRg==", "http://example.com/a.mp3", "data:video/mp4;base64,AAAA", "//elsewhere.example/a.mp3"],
    film: ["/tone.wav", "https://example.com/a.mp4", "data:video/webm;base64,GkXf", "javascript:alert(1)", "data:audio/wav;base64,UklGRg==", null],
  };
  const config = { sound: st.columnConfig.AudioColumn("Sound"), film: st.columnConfig.VideoColumn("Film") };
  const players = (client: ReturnType<typeof browse>, scope: string, tag: string) =>
    [...client.doc.querySelectorAll(`${scope} tbody tr`)].map((r: any) => r.querySelector(tag)?.getAttribute("src") ?? r.querySelectorAll("td")[tag === "audio" ? 0 : 1].textContent);

  test.each([
    ["dataframe", ".fl-dataframe"],
    ["dataEditor", "[data-kind=data_editor]"],
  ] as const)("in st.%s a player per cell for a relative, https or data: address of its kind; any other address is text", async (kind, scope) => {
    const client = browse(() => (kind === "dataframe" ? st.dataframe(clips, { columnConfig: config, hideIndex: true }) : st.dataEditor(clips, { columnConfig: config, hideIndex: true })));
    await client.get("/");
    expectOk(client);
    expect(players(client, scope, "audio")).toEqual(["/tone.wav", "https://example.com/a.mp3", "data:audio/wav;base64,UklGRg==", "http://example.com/a.mp3", "data:video/mp4;base64,AAAA", "//elsewhere.example/a.mp3"]);
    expect(client.doc.querySelectorAll(`${scope} audio`).length).toBe(3);
    expect(players(client, scope, "video")).toEqual(["/tone.wav", "https://example.com/a.mp4", "data:video/webm;base64,GkXf", "javascript:alert(1)", "data:audio/wav;base64,UklGRg==", ""]);
    expect(client.doc.querySelectorAll(`${scope} video`).length).toBe(3);
    expect(client.doc.querySelector(`${scope} audio`).hasAttribute("controls")).toBe(true);
    expect(client.doc.querySelector(`${scope} tbody input, ${scope} tbody textarea`)).toBeNull();
  });
});

describe("pinned and alignment", () => {
  const data = { name: ["Ana", "Ben"], score: [3, 12], city: ["Oslo", "Rome"], ok: [true, false] };

  test("in st.dataframe pinned columns come first and stick at the left after the index; alignment sets each column's class", async () => {
    const client = browse(() =>
      st.dataframe(data, {
        columnConfig: {
          city: st.columnConfig.Column("City", { pinned: true, width: "small", alignment: "center" }),
          score: st.columnConfig.NumberColumn("Score", { pinned: true, alignment: "left" }),
          name: st.columnConfig.TextColumn("Name", { alignment: "right" }),
        },
      }),
    );
    await client.get("/");
    expectOk(client);
    const table = client.doc.querySelector(".fl-dataframe table");
    expect(table.hasAttribute("data-pins")).toBe(true);
    expect(table.getAttribute("style")).toBe("--fl-pin-index:0rem;--fl-pin-lead:4rem");
    const heads = [...table.querySelectorAll("thead th")];
    expect(heads.map((h: any) => h.textContent.replace(/[↕▲▼]/g, ""))).toEqual(["Index", "Score", "City", "Name", "ok"]);
    const row = [...table.querySelectorAll("tbody tr")[0].children];
    expect(row.map((c: any) => c.getAttribute("class") ?? "")).toEqual(["fl-index", "fl-num fl-align-left fl-pin", "fl-align-center fl-pin", "fl-align-right", ""]);
    // the first pinned column sticks right after the index; the next after the first's width (the index comes first anyway)
    expect(row[1].getAttribute("style")).toBe("left:calc(var(--fl-pin-lead) + 0px);width:200px;min-width:200px;max-width:200px");
    expect(row[2].getAttribute("style")).toBe("left:calc(var(--fl-pin-lead) + 200px);width:75px;min-width:75px;max-width:75px");
    expect(heads[1].getAttribute("class")).toBe("fl-num fl-align-left fl-pin");
  });

  test("a selectable st.dataframe counts its row checkboxes before the pinned columns, and a selection still names the right column", async () => {
    let picked: any = null;
    const client = browse(() => {
      picked = st.dataframe(data, { onSelect: "rerun", selectionMode: ["multi-row", "single-cell"], hideIndex: true, columnConfig: { city: st.columnConfig.Column("City", { pinned: true }) } });
    });
    await client.get("/");
    expect(client.doc.querySelector(".fl-dataframe table").getAttribute("style")).toBe("--fl-pin-index:2rem;--fl-pin-lead:2rem");
    const box = client.doc.querySelector('.fl-dataframe tbody tr td.fl-pin input[aria-label="Select cell city, row 0"]');
    box.setAttribute("checked", "");
    await client.apply();
    expect(picked.selection.cells).toEqual([[0, "city"]]);
  });

  test("in st.dataEditor pinned columns come first and edit their own cells; a checkbox column's alignment wins over its centring", async () => {
    const client = browse(() =>
      st.dataEditor(data, { key: "e", columnConfig: { ok: st.columnConfig.CheckboxColumn("OK", { pinned: true, alignment: "left" }), city: st.columnConfig.TextColumn("City", { alignment: "right" }) } }),
    );
    await client.get("/");
    expectOk(client);
    const table = client.doc.querySelector("[data-kind=data_editor] table");
    expect(table.getAttribute("style")).toBe("--fl-pin-index:0rem;--fl-pin-lead:4rem");
    expect([...table.querySelectorAll("thead th")].map((h: any) => h.textContent)).toEqual(["Row", "OK", "name", "score", "City"]);
    const row = [...table.querySelectorAll("tbody tr")[0].children];
    expect(row[1].getAttribute("class")).toBe("fl-align-left fl-pin");
    expect(row[4].getAttribute("class")).toBe("fl-align-right");
    cell(client, "OK, row 1").setAttribute("checked", "");
    await client.apply();
    expect(editorState(client).edited_rows).toEqual({ "1": { ok: true } });
  });

  test("an alignment other than left, center or right is refused with a message", async () => {
    const client = browse(() => st.dataframe(data, { columnConfig: { name: st.columnConfig.Column("Name", { alignment: "middle" as never }) } }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toBe(`Invalid alignment: 'middle'. Expected one of "left", "center" or "right".`);
  });
});
