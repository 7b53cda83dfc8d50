/**
 * st.audio and st.video as a person meets them: from bytes (data: URLs) and from a file the same
 * Worker serves (/tone.wav), so the browser test can check that each one loads and can play.
 */
import { createApp, st } from "../../../src/index.ts";

/** Half a second of a quiet 440 Hz tone: 8 kHz, 8-bit mono PCM in a WAV file. */
function tone(): Uint8Array {
  const rate = 8000;
  const samples = rate / 2;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true); // PCM header size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true); // bytes per second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  text(36, "data");
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) bytes[44 + i] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return bytes;
}

const TONE = tone();

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
