/**
 * st.audio and st.video in Chromium, with JavaScript off and on: from bytes (data: URLs) and from a
 * same-origin file, each element loads its media (metadata read, no error) and plays; a video's
 * subtitles load as a text track. The page's CSP must allow what the elements name.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8814, new URL("./support/media.wrangler.toml", import.meta.url).pathname);

/** Each media element's readiness: readyState (1 = metadata known), its error code, its duration. */
const states = (page: import("playwright-core").Page) =>
  page.locator("audio, video").evaluateAll((els) =>
    els.map((e) => {
      const m = e as HTMLMediaElement;
      return { kind: m.tagName.toLowerCase(), from: m.currentSrc.startsWith("data:") ? "bytes" : new URL(m.currentSrc).pathname, ready: m.readyState >= 1, error: m.error?.code ?? null, seconds: Math.round(m.duration * 10) / 10 };
    }),
  );

describe.each([false, true])("JavaScript %s", (js) => {
  test("audio and video from bytes and from a same-origin file load (metadata read, no error); with JavaScript one plays and the subtitles load", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual([
      { kind: "audio", from: "bytes", ready: true, error: null, seconds: 0.5 },
      { kind: "audio", from: "/tone.wav", ready: true, error: null, seconds: 0.5 },
      { kind: "video", from: "bytes", ready: true, error: null, seconds: 0.5 },
      { kind: "video", from: "/tone.wav", ready: true, error: null, seconds: 0.5 },
    ]);
    // with JavaScript (the test's timers run in the page): it plays, muted so that no autoplay
    // policy stands in the way, and time moves on; the subtitles (a data: URL too) load
    if (!js) return void (await context.close());
    {
      const played = await page.locator("audio").first().evaluate(async (e) => {
        const m = e as HTMLMediaElement;
        m.muted = true;
        await m.play();
        await new Promise((r) => setTimeout(r, 200));
        return m.currentTime > 0;
      });
      expect(played).toBe(true);
    }
    const cues = await page.locator("video").first().evaluate(async (e) => {
      const track = (e as HTMLVideoElement).textTracks[0]!;
      track.mode = "hidden";
      for (let i = 0; i < 50 && !track.cues?.length; i++) await new Promise((r) => setTimeout(r, 100));
      return track.cues?.length ?? 0;
    }).catch(() => -1);
    expect(cues).toBe(1);
    await context.close();
  });
});
