/**
 * MarkdownColumn, AudioColumn and VideoColumn, and pinned and aligned columns, for
 * test/browser/data-columns-media.test.ts. The Worker serves /tone.wav itself, so a player can
 * load a same-origin file; the other players load bytes (data: URLs), and an http address (which
 * the page's policy forbids) must stay text.
 */
import { createApp, st } from "../../../src/index.ts";
import { base64 } from "../../../src/elements/media-source.ts";
import { tone } from "../../../pages/tone.ts";

const TONE = tone(0.5, 20);
const bytes = (mime: string) => `data:${mime};base64,${base64(TONE)}`;

const app = createApp({
  entrypoint: () => {
    st.dataframe(
      { sound: ["/tone.wav", bytes("audio/wav"), "http://example.com/a.wav"], film: ["/tone.wav", bytes("video/webm"), "javascript:alert(1)"], note: ["**loud**", "`x`", "<i>raw</i>"] },
      { hideIndex: true, columnConfig: { sound: st.columnConfig.AudioColumn("Sound"), film: st.columnConfig.VideoColumn("Film"), note: st.columnConfig.MarkdownColumn("Note") } },
    );
    const notes = st.dataEditor(
      [
        { who: "Ana", note: "**bold** move" },
        { who: "Ben", note: "plain" },
      ],
      { key: "notes", columnConfig: { note: st.columnConfig.MarkdownColumn("Note"), who: st.columnConfig.TextColumn("Who", { alignment: "right" }) } },
    );
    st.text(`Notes: ${notes.map((r) => JSON.stringify(r.note)).join(", ")}`);
    const wide: Record<string, string[]> = { name: ["Ana", "Ben"] };
    for (let i = 1; i <= 12; i++) wide[`col${i}`] = [`value ${i} of a wide table`, `another ${i}`];
    st.dataframe(wide, { key: "wide", columnConfig: { name: st.columnConfig.Column("Name", { pinned: true, width: "small", alignment: "center" }) } });
  },
});

export default {
  fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Response | Promise<Response> {
    if (new URL(request.url).pathname === "/tone.wav") return new Response(TONE as unknown as BodyInit, { headers: { "Content-Type": "audio/wav" } });
    return app.fetch(request, env, ctx);
  },
};
