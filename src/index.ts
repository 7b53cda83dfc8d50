/** formlit's public API: `st`, `createApp`, and the types an author may name. */
export { st, Streamlit } from "./st.ts";
export { createApp, type AppOptions } from "./http/app.ts";
export { Container } from "./elements/container.ts";
export { StreamlitPage, type PageOptions } from "./pages/page.ts";
export type { Json } from "./engine/state.ts";
export { StreamlitError, StreamlitAPIException } from "./engine/errors.ts";
export type { SessionStore, StoredRecord } from "./store/types.ts";
export { r2Store } from "./store/r2.ts";
