/**
 * st.downloadButton's click, as Streamlit's e2e app st_download_button checks it (the value is
 * true for the run the click causes, the callback gets its args, another widget's change resets
 * it), and inside a fragment (Streamlit's default on_click="rerun" reruns only the fragment;
 * "ignore" reruns nothing). With the client script the press is posted and the fragment swapped;
 * without JavaScript the post is answered with the file and the next page shows what the rerun did.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { browse, jsPost, textsIn } from "./support.ts";

const ss = st.sessionState;

const inFragment = st.fragment(() => {
  ss.fragmentRuns = ss.get("fragmentRuns", 0) + 1;
  const clicked = st.downloadButton("Download in fragment", "Hello world!", { fileName: "hello.txt" });
  st.downloadButton("Download and ignore", "quiet", { fileName: "quiet.txt", onClick: "ignore" });
  st.write(`fragment value: ${clicked}, fragment runs: ${ss.fragmentRuns}`);
});

const app = () =>
  createApp({
    secret: TEST_SECRET,
    entrypoint: () => {
      ss.appRuns = ss.get("appRuns", 0) + 1;
      const i1 = st.downloadButton("Download + On Click", "Hello world!", {
        key: "download_button",
        onClick: (x: number, y: number) => {
          ss.click_count = ss.get("click_count", 0) + 1;
          ss.x = x;
          ss.y = y;
        },
        args: [1, 2],
      });
      st.write(`value: ${i1}`);
      st.write(`times clicked: ${ss.get("click_count", 0)}, arg value: ${ss.get("x", "-")}, kwarg value: ${ss.get("y", "-")}`);
      st.checkbox("reset button return value");
      inFragment();
      st.write(`app runs: ${ss.appRuns}`);
    },
  });

const button = (c: ReturnType<typeof browse>, label: string) => c.widget(label).querySelector("button, a");
const texts = (c: ReturnType<typeof browse>) => c.texts();

describe("with the client script (the press posted, the file from the link)", () => {
  test("Download + On Click: value true for that run, the callback with its args once; another widget's change resets the value", async () => {
    const c = browse(app);
    await c.get("/");
    expect(texts(c)).toContain("value: false");
    const swapped = await jsPost(c, button(c, "Download + On Click"));
    expect(swapped.target).toBeNull();
    expect(texts(c)).toEqual(expect.arrayContaining(["value: true", "times clicked: 1, arg value: 1, kwarg value: 2", "app runs: 2"]));
    await jsPost(c, button(c, "Download + On Click"));
    expect(texts(c)).toEqual(expect.arrayContaining(["value: true", "times clicked: 2, arg value: 1, kwarg value: 2"]));
    c.set("reset button return value", true);
    await jsPost(c, null);
    expect(texts(c)).toEqual(expect.arrayContaining(["value: false", "times clicked: 2, arg value: 1, kwarg value: 2"]));
  });

  test("a download button in a fragment reruns only the fragment, where it returns true", async () => {
    const c = browse(app);
    await c.get("/");
    const swapped = await jsPost(c, button(c, "Download in fragment"));
    expect(swapped.target).toMatch(/^fl-frag-/);
    expect(swapped.body).not.toContain("app runs");
    expect(textsIn(c, ".fl-fragment")).toEqual(["fragment value: true, fragment runs: 2"]);
    expect(c.state()).toMatchObject({ appRuns: 1, fragmentRuns: 2 });
  });

  test('onClick "ignore" is only a link to the file: there is no press to post', async () => {
    const c = browse(app);
    await c.get("/");
    const link = button(c, "Download and ignore");
    expect(link.tagName).toBe("A");
    expect(link.getAttribute("download")).toBe("quiet.txt");
    const res = await c.get(link.getAttribute("href"));
    expect(res.status).toBe(200);
    expect(c.html).toBe("quiet");
    await c.get("/");
    expect(c.state()).toMatchObject({ appRuns: 2, fragmentRuns: 2 });
  });
});

describe("without JavaScript (the press is a post answered with the file)", () => {
  test("clicking the download button in a fragment downloads the file, reruns only the fragment, and the next page shows it", async () => {
    const c = browse(app);
    await c.get("/");
    const res = await c.submitWith(button(c, "Download in fragment"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="hello.txt"; filename*=UTF-8''hello.txt`);
    expect(c.html).toBe("Hello world!");
    // the rerun was the fragment's alone, and its state is in the cookie the file came with
    expect(c.state()).toMatchObject({ appRuns: 1, fragmentRuns: 2 });
    await c.get("/");
    expect(texts(c)).toContain("app runs: 2");
    expect(textsIn(c, ".fl-fragment")).toEqual(["fragment value: false, fragment runs: 3"]);
  });

  test("the callback runs once with its args, and the file is the one the page showed", async () => {
    const c = browse(app);
    await c.get("/");
    await c.submitWith(button(c, "Download + On Click"));
    expect(c.html).toBe("Hello world!");
    await c.get("/");
    expect(texts(c)).toContain("times clicked: 1, arg value: 1, kwarg value: 2");
  });

  test("a post naming in _dl no download button of the last run (nonsense, a tampered id) is answered with the page, not a file or a 500", async () => {
    const c = browse(app);
    await c.get("/");
    for (const bad of ["<script>", "$$ID-0000000000", "x".repeat(5000)]) {
      const body = c.formData(null);
      body.set("_dl", bad);
      const res = await c.request("POST", "/", body);
      expect(res.status, bad).toBe(200);
      expect(res.headers.get("content-disposition")).toBeNull();
      // the page (a whole run: nothing was changed or pressed), where no download returned true
      expect(c.texts().filter((t) => /^(fragment )?value: /.test(t))).toEqual(["value: false", expect.stringMatching(/^fragment value: false, /)]);
    }
  });
});
