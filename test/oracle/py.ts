/** Python-style formatting for ported apps' st.text output (repr of lists, dicts, strings, None). */
export { pyRepr as repr } from "../../src/elements/common.ts";
