/**
 * Types for the two xss modules st.html imports one by one (xss types only its index, which
 * re-exports them): the filter class and the default allow-list.
 */
declare module "xss/lib/xss.js" {
  const FilterXSS: typeof import("xss").FilterXSS;
  export default FilterXSS;
}

declare module "xss/lib/default.js" {
  const defaults: Pick<typeof import("xss"), "getDefaultWhiteList" | "safeAttrValue">;
  export default defaults;
}
