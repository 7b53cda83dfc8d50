/**
 * st.audio and st.video as a person meets them: from bytes (data: URLs) and from a file the same
 * Worker serves (/tone.wav), so the browser test can check that each one loads and can play.
 */
import { createApp, st } from "../../../src/index.ts";
import { tone } from "../../../pages/tone.ts";

/** half a second of a quiet tone */
const TONE = tone(0.5, 20);

const app = createApp({
  entrypoint: () => {
    st.audio(TONE, { format: "audio/wav" });
    st.audio("/tone.wav");
    st.video(TONE, { format: "video/webm", subtitles: "WEBVTT\n\n00:00.000 --> 00:00.400\nA tone" });
    st.video("/tone.wav");
  },
});

export default {
  fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Response | Promise<Response> {
    if (new URL(request.url).pathname === "/tone.wav") return new Response(TONE as unknown as BodyInit, { headers: { "Content-Type": "audio/wav" } });
    return app.fetch(request, env, ctx);
  },
};
