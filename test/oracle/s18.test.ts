/** s18: st.queryParams, replayed from Streamlit's trace (the element catalogue's control part). */
import { test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";

test("s18_query_params: read, write, clear, fromDict; reflected in the URL, not in session state", async () => {
  await replay({
    trace: "s18_query_params",
    app: () =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: () => {
          const qp = st.queryParams;
          st.text(`qp at start: ${repr(qp.toDict())}`);
          if (st.button("set")) {
            qp["page"] = "two";
            qp.tags = ["x", "y"];
          }
          if (st.button("clear")) qp.clear();
          if (st.button("from_dict")) qp.fromDict({ only: "this" });
          st.text(`qp at end: ${repr(qp.toDict())}; get_all(tags)=${repr(qp.getAll("tags"))}`);
          st.text("in session_state? " + repr(Object.keys(st.sessionState).sort()));
        },
      }),
  });
});
