/**
 * st.audio, st.video, st.cameraInput and st.audioInput over HTTP (a fresh app per request): the
 * players and their sources, Streamlit's time and subtitle rules, and capture inputs that return
 * the uploaded file like st.fileUploader.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const B64 = (text: string) => Buffer.from(text).toString("base64");

describe("st.audio", () => {
  test("a URL with start and end as a media fragment; bytes as a data: URL in their format; loop and autoplay", async () => {
    const client = await page(() => {
      st.audio("https://example.com/a.mp3", { startTime: "1m30s", endTime: 100 });
      st.audio(new Uint8Array([1, 2, 3]), { format: "audio/ogg", loop: true, autoplay: true });
    });
    expect(client.exceptions()).toEqual([]);
    const [a, b] = [...client.doc.querySelectorAll("audio")] as any[];
    expect(a.getAttribute("src")).toBe("https://example.com/a.mp3#t=90,100");
    expect(a.hasAttribute("controls")).toBe(true);
    expect(a.hasAttribute("loop")).toBe(false);
    expect(b.getAttribute("src")).toBe("data:audio/ogg;base64,AQID");
    expect(b.hasAttribute("loop")).toBe(true);
    expect(b.hasAttribute("autoplay")).toBe(true);
  });

  test.each([
    [() => st.audio("a.wav", { startTime: 5, endTime: 5 }), "Invalid start_time and end_time combination."],
    [() => st.audio("a.wav", { startTime: -1 }), "Invalid start_time and end_time combination."],
    [
      () => st.audio("a.wav", { startTime: "soon" }),
      "Failed to convert 'start_time' to a timedelta. Please use a string in a format supported by [Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), e.g. `\"10s\"`, `\"15 seconds\"`, or `\"1h23s\"`. Got: soon",
    ],
    [() => st.audio(new Uint8Array([1]), { format: "text/html" }), 'st.audio: "text/html" is not an audio MIME type.'],
    [() => st.audio("javascript:alert(1)"), "st.audio: only http(s) and relative URLs are used, not other schemes. Pass the bytes instead."],
  ])("%#: Streamlit's error in the page", async (call, message) => {
    const client = await page(call);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe("st.video", () => {
  test("subtitles (VTT as is, SRT converted) as caption tracks, the first shown by default; muted", async () => {
    const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello";
    const srt = "1\n00:00:00,000 --> 00:00:01,500\nBonjour";
    const client = await page(() => st.video("/clip.mp4", { subtitles: { English: vtt, French: srt }, muted: true, startTime: "10s" }));
    expect(client.exceptions()).toEqual([]);
    const video = client.doc.querySelector("video");
    expect(video.getAttribute("src")).toBe("/clip.mp4#t=10");
    expect(video.hasAttribute("muted")).toBe(true);
    const tracks = [...video.querySelectorAll("track")].map((t: any) => [t.getAttribute("kind"), t.getAttribute("label"), t.getAttribute("src"), t.hasAttribute("default")]);
    expect(tracks).toEqual([
      ["captions", "English", `data:text/vtt;base64,${B64(vtt)}`, true],
      ["captions", "French", `data:text/vtt;base64,${B64("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nBonjour")}`, false],
    ]);
  });

  test("a YouTube link is embedded with its start time", async () => {
    const client = await page(() => st.video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", { startTime: 42 }));
    const frame = client.doc.querySelector("iframe[data-kind=video]");
    expect(frame.getAttribute("src")).toBe("https://www.youtube.com/embed/dQw4w9WgXcQ?start=42");
    expect(frame.getAttribute("title")).toBe("YouTube video");
  });

  test.each([
    [() => st.video("https://youtu.be/dQw4w9WgXcQ", { subtitles: "WEBVTT" }), "Subtitles are not supported for YouTube videos."],
    [() => st.video("/v.mp4", { subtitles: "just words" }), "The provided string neither matches valid VTT nor SRT format."],
  ])("%#: Streamlit's error in the page", async (call, message) => {
    const client = await page(call);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe.each([
  ["cameraInput", "camera_input", "image/*", { name: "photo.gif", type: "image/gif", content: "GIF89aDATA" }, { name: "notes.txt", type: "text/plain", content: "x" }],
  ["audioInput", "audio_input", "audio/*", { name: "voice.wav", type: "audio/wav", content: "RIFFDATA" }, { name: "photo.jpg", type: "image/jpeg", content: "x" }],
] as const)("st.%s", (method, kind, accept, good, bad) => {
  const app = () =>
    new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          const file = st[method]("Capture", { key: "cap" });
          st.text(file ? `${file.name} ${file.type} ${file.size}: ${await file.text().catch(() => "(gone)")}` : "nothing yet");
        },
      }),
    );

  test("a file input with capture and accept, in a multipart form; the captured file comes back as an uploaded file", async () => {
    const client = app();
    await client.get("/");
    const w = client.widget("Capture");
    expect(w.getAttribute("data-kind")).toBe(kind);
    const input = w.querySelector("input[type=file]");
    expect(input.getAttribute("capture")).toBe("user");
    expect(input.getAttribute("accept")).toBe(accept);
    expect(input.hasAttribute("multiple")).toBe(false);
    expect(client.form().getAttribute("enctype")).toBe("multipart/form-data");
    expect(client.texts()).toEqual(["nothing yet"]);

    await client.upload("Capture", good).apply();
    expect(client.exceptions()).toEqual([]);
    expect(client.texts()).toEqual([`${good.name} ${good.type} ${good.content.length}: ${good.content}`]);
    expect((client.state().cap as any).name).toBe(good.name);
  });

  test("a file of another kind is refused next to the field; nothing is kept", async () => {
    const client = app();
    await client.get("/");
    await client.upload("Capture", bad).apply();
    expect(client.fieldErrors()[0]).toContain(`Capture: ${bad.name}:`);
    expect(client.texts()).toEqual(["nothing yet"]);
  });
});
