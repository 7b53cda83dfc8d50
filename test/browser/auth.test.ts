/**
 * Sign-in and sign-out in Chromium, with JavaScript off and on, as a person does it: "Log in" on
 * the app (a Worker under wrangler dev), the provider's own sign-in page (oidc-provider, running
 * in this process on 127.0.0.1:8836, which the Worker reaches for discovery, tokens and keys), back
 * on the app with their name and email from st.user; "Log out" shows the signed-out page, and the
 * identity cookie is gone from the browser.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";
import { startProvider, type RunningProvider } from "../support/oidc-provider.ts";

const world = useBrowser(8833, new URL("./support/auth.wrangler.toml", import.meta.url).pathname);

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider(8836, ["http://127.0.0.1:8833/oauth2callback"]);
});
afterAll(async () => {
  await provider?.close();
});

/** The app's text: what the main area says. */
const says = (page: import("playwright-core").Page) => page.locator("form#fl .fl-main").innerText().catch(() => "");

describe.each([false, true])("JavaScript %s", (js) => {
  test("Log in (one post), sign in at the provider, land back with st.user's name and email; Log out shows the signed-out page and deletes the identity cookie", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => says(page)).toContain("Nobody is signed in");
    // one post of the press: with the script, its answer turns into a navigation (no second, plain post)
    const posts: string[] = [];
    page.on("request", (r) => void (r.method() === "POST" && r.url().startsWith(world.server.url) && posts.push(r.url())));
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:8836\/interaction\//);
    expect(posts).toHaveLength(1);
    await page.locator("input[name=login]").fill("ada");
    await page.locator("input[name=password]").fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.waitForURL("http://127.0.0.1:8833/");
    await expect.poll(() => says(page)).toContain("Hello, Ada Lovelace (ada@example.com)");
    const names = async () => (await context.cookies()).map((c) => c.name).sort();
    expect(await names()).toContain("formlit-user");
    expect(await names()).not.toContain("formlit-signin");
    const identity = (await context.cookies()).find((c) => c.name === "formlit-user")!;
    expect(identity.httpOnly).toBe(true);
    expect(identity.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect.poll(() => says(page)).toContain("Nobody is signed in");
    expect(page.url()).toBe("http://127.0.0.1:8833/");
    expect(await names()).not.toContain("formlit-user");
    await context.close();
  });
});
