/**
 * Exactly once, on any isolate: a trigger's branch runs once per press and a stream's source once
 * per run that draws it, even when the next request replays that run to find a callback, a
 * fragment, a dialog or a download. Each scenario runs on cold isolates (a new app per request)
 * and on warm ones (one app); what the app did to the world must be what Streamlit does, on both,
 * and the pages shown must be the same.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";
import { EXACTLY_ONCE, inBothWorlds } from "../support/exactly-once-cases.ts";
import { World } from "../support/world.ts";

describe("exactly once on any isolate (cold and warm isolates alike, as Streamlit counts)", () => {
  for (const c of EXACTLY_ONCE) test(c.name, () => inBothWorlds(c));
});

describe("the download route", () => {
  /** An app that counts its script's runs, with a download below a button. */
  function counted() {
    const world = new World();
    const client = new FormClient(() =>
      createApp({
        secret,
        entrypoint: () => {
          world.branch("script");
          st.button("Refresh");
          st.downloadButton("Export", "a,b\n", { fileName: "export.csv" });
        },
      }),
    );
    return { world, client };
  }

  test("answers 404 without running the script for an id the last run did not draw as a download", async () => {
    const { world, client } = counted();
    await client.get("/");
    const refresh = client.widget("Refresh").querySelector("button")!.getAttribute("name")!;
    for (const id of ["nothing", "$$ID-0000000000", refresh]) {
      const res = await client.subresource(`/_formlit/download?w=${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(await res.text()).toContain("Download not available");
    }
    expect(world.ran.script).toBe(1);
    // the real one still downloads (a replay of the last run)
    const res = await client.subresource(client.downloadHref("Export"));
    expect([res.status, await res.text()]).toEqual([200, "a,b\n"]);
    expect(world.ran.script).toBe(2);
  });

  test("refuses a request another site's page made (Sec-Fetch-Site: cross-site), without running the script", async () => {
    const { world, client } = counted();
    await client.get("/");
    const href = client.downloadHref("Export");
    const res = await client.subresource(href, "cross-site");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Download refused");
    expect(world.ran.script).toBe(1);
  });
});
