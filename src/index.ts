/**
 * formlit's public API: `st`, `createApp`, and the types an author may name.
 *
 * - `st` ({@link Streamlit}) is what Python apps call `st`: every element method of
 *   {@link Container} (`st.numberInput(label, { ... })` returns the widget's value), plus
 *   `st.sidebar`, `st.sessionState`, `st.queryParams`, `st.secrets`, `st.cacheData`,
 *   `st.cacheResource`, `st.navigation`, `st.Page`, `st.switchPage`, `st.rerun()`, `st.stop()`,
 *   `st.fragment`, `st.dialog`, `st.setPageConfig`, and `st.login`, `st.logout`, `st.user` (sign-in,
 *   configured by createApp's `auth` option). It finds the current run through
 *   AsyncLocalStorage, so `wrangler.toml` needs `compatibility_flags = ["nodejs_als"]` (or
 *   `nodejs_compat`), and calling it outside a run is an error that says so.
 * - `createApp(options)` returns a Hono app: `export default` it as a Worker, mount it with
 *   `app.route(basePath, ...)`, or serve it from Node with `@hono/node-server`. Its options are
 *   {@link AppOptions}.
 * - `r2Store(bucket)` keeps sessions too large for cookies in R2; the Durable Object store is the
 *   separate entry `formlit/store/durable-object` (it imports `cloudflare:workers`).
 *
 * @example
 * ```ts
 * import { st, createApp } from "formlit";
 *
 * function home() {
 *   const n = st.numberInput("How many", { key: "n", value: 1 }) ?? 0;
 *   st.write(`Twice that is ${n * 2}.`);
 * }
 * function about() {
 *   st.markdown("Every interaction is a form post.");
 * }
 *
 * export default createApp({
 *   entrypoint: async () => {
 *     const page = st.navigation([st.Page(home, { title: "Home", default: true }), st.Page(about)]);
 *     await page.run();
 *   },
 * });
 * ```
 *
 * @packageDocumentation
 * @module formlit
 */
export { st, Streamlit } from "./st.ts";
export { createApp, type AppOptions } from "./http/app.ts";
export type { ThemeOptions, ThemeSection, ThemeColors, PaletteKeys, PaletteColour } from "./render/theme-options.ts";
export { Container } from "./elements/container.ts";
export { StreamlitPage, type NavPosition, type PageOptions } from "./navigation/page.ts";
export type { NavigationOptions } from "./navigation/navigation.ts";
export type { Json } from "./engine/state.ts";
export type { SessionStateShape, SessionStateProxy } from "./engine/session-proxy.ts";
export { StreamlitError, StreamlitAPIException } from "./engine/errors.ts";
export { StreamlitAuthError, type UserInfo } from "./control/user.ts";
export type { AuthOptions, ProviderOptions, CloudflareAccessOptions } from "./auth/options.ts";
export type { SessionStore, StoredRecord } from "./store/types.ts";
export type { UploadStore } from "./store/uploads.ts";
export { r2Store } from "./store/r2.ts";
export type { NumberInputOptions, SliderOptions } from "./elements/numeric.ts";
export type { TextInputOptions, TextAreaOptions } from "./elements/text.ts";
export type { CheckboxOptions, RadioOptions, SelectOptions, SelectboxOptions, MultiselectOptions, SelectSliderOptions } from "./elements/choice.ts";
export type { AudioOptions, VideoOptions, SubtitleData, MediaTime, CaptureInputOptions } from "./elements/media.ts";
export type { LogoOptions } from "./elements/page-extras.ts";
export type { MediaData } from "./elements/media-source.ts";
export type { BadgeColor, BadgeOptions } from "./elements/badge.ts";
export type { SpaceSize } from "./elements/space.ts";
export type { IframeOptions, PdfOptions } from "./elements/embeds.ts";
export type { PaginationOptions } from "./elements/pagination.ts";
export type { SkeletonHeight, SkeletonOptions } from "./elements/skeleton.ts";
export type { MermaidChartOptions } from "./elements/mermaid.ts";
export type { FeedbackOptions, FeedbackWidgetOptions, PillsOptions, SelectionMode } from "./elements/button-group.ts";
export type { ButtonOptions, ButtonType } from "./elements/buttons.ts";
export type { MenuButtonOptions } from "./elements/menu-button.ts";
export type { DateInputOptions, TimeInputOptions, ColorPickerOptions } from "./elements/dates.ts";
export type { DatetimeInputOptions } from "./elements/datetime.ts";
export type { FileUploaderOptions, UploadedFile } from "./elements/files.ts";
export type { DownloadButtonOptions, DownloadData } from "./elements/download-button.ts";
export type { LinkButtonOptions, PageLinkOptions } from "./elements/links.ts";
export type { TableData, DataframeOptions } from "./elements/data.ts";
export type { DataframeState, DataframeSelection, DataframeSelectionMode } from "./elements/dataframe-selection.ts";
export type { DataEditorOptions } from "./elements/data-editor.ts";
export type { EditingState } from "./elements/data-editor-state.ts";
export type { ColumnConfig, ColumnConfigInput, ColumnWidth } from "./elements/data-editor-columns.ts";
export type { MetricOptions, ImageOptions, ProgressHandle } from "./elements/feedback.ts";
export type { ChartOptions } from "./elements/charts.ts";
export type { VegaLiteChartOptions, VegaLiteSpec } from "./elements/vega-lite.ts";
export type { MapOptions } from "./elements/map.ts";
export type { GraphvizChartOptions, GraphvizEngine } from "./elements/graphviz.ts";
export type { ChatInputOptions, ChatMessageOptions } from "./elements/chat.ts";
export type { ChatInputValue } from "./elements/chat-files.ts";
export type { StreamSource } from "./elements/stream.ts";
export type { OpenableContainer, StatusContainer } from "./elements/container.ts";
export type { OpenChange, OpenStateOptions } from "./elements/open-state.ts";
export type { TabsOptions } from "./elements/tabs.ts";
export type { StatusOptions, StatusState, StatusUpdate, PopoverOptions } from "./elements/panels.ts";
export type { ToastOptions } from "./elements/toast.ts";
export type { CacheOptions, CacheDataOptions, CachedFunction, PersistedFunction } from "./control/cache.ts";
export type { Env, StreamlitContext } from "./control/context.ts";
export type { ConnectionOptions } from "./control/connection.ts";
export { D1Connection, type D1QueryOptions, type D1Statement, type D1Value } from "./control/d1-connection.ts";
export type { PageConfig } from "./engine/run-context.ts";
export type { FragmentOptions, DialogOptions } from "./elements/fragment.ts";
export type { ColumnsOptions, ContainerOptions, ExpanderOptions, FormOptions, PanelType } from "./elements/layout.ts";
export type { Extent, SizeOptions } from "./elements/sizing.ts";
