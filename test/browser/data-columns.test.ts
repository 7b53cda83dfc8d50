/**
 * In Chromium with JavaScript off and on: st.table without its header row, and the newer column
 * types of st.dataframe and st.dataEditor.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8855, new URL("./support/data-columns.wrangler.toml", import.meta.url).pathname);

describe.each([false, true])("JavaScript %s", (js) => {
  test("a table with hideHeader and hideIndex shows its cells and no header row", async () => {
    const { context, page } = await world.person("/", { js });
    const table = page.locator('[data-kind="table"]');
    expect(await table.getByRole("columnheader").count()).toBe(0);
    expect(await table.getByRole("row").first().getByRole("cell").allTextContents()).toEqual(["Mass", "5.97e24 kg"]);
    await context.close();
  });
});
