/**
 * The exactly-once scenarios inside workerd: on cold isolates (a new app per request) and warm
 * ones (one app), a trigger's branch runs once per press, a model is asked once per message, a
 * download or a dialog's rerun repeats nothing, as in Streamlit.
 */
import { describe, test } from "vitest";
import { EXACTLY_ONCE, inBothWorlds } from "../support/exactly-once-cases.ts";

describe("exactly once in workerd (cold and warm isolates alike, as Streamlit counts)", () => {
  for (const c of EXACTLY_ONCE) test(c.name, () => inBothWorlds(c));
});
