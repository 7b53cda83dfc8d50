/**
 * Container: every element method, on any container (`st`, `st.sidebar`, a column, a form...),
 * exactly as Streamlit's DeltaGenerator offers them.
 */
import { ContainerBase, type Area } from "./base.ts";
import type { ElementNode } from "../engine/tree.ts";
import type { Json } from "../engine/state.ts";
import * as display from "./display.ts";
import { numberInput, slider, type NumberInputOptions, type SliderOptions } from "./numeric.ts";
import { textArea, textInput, type TextAreaOptions, type TextInputOptions } from "./text.ts";
import {
  checkbox,
  multiselect,
  radio,
  selectSlider,
  selectbox,
  toggle,
  type CheckboxOptions,
  type MultiselectOptions,
  type RadioOptions,
  type SelectOptions,
  type SelectboxOptions,
  type SelectSliderOptions,
} from "./choice.ts";
import { button, formSubmitButton, type ButtonOptions } from "./buttons.ts";
import { menuButton, type MenuButtonOptions } from "./menu-button.ts";
import { columns, container, expander, form, type ColumnsOptions, type ContainerOptions, type ExpanderOptions, type FormOptions } from "./layout.ts";
import { colorPicker, dateInput, timeInput, type ColorPickerOptions, type DateInputOptions, type TimeInputOptions } from "./dates.ts";
import { datetimeInput, type DatetimeInputOptions } from "./datetime.ts";
import { fileUploader, type FileUploaderOptions, type UploadedFile } from "./files.ts";
import { downloadButton, type DownloadButtonOptions, type DownloadData } from "./download-button.ts";
import { linkButton, pageLink, type LinkButtonOptions, type PageLinkOptions } from "./links.ts";
import { dataframe, table, type DataframeOptions, type TableData, type TableOptions } from "./data.ts";
import type { DataframeState } from "./dataframe-selection.ts";
import { dataEditor, type DataEditorOptions } from "./data-editor.ts";
import { tabs, type TabsOptions } from "./tabs.ts";
import { empty, image, metric, progress, spinner, type ImageOptions, type MetricOptions, type ProgressHandle } from "./feedback.ts";
import { chart, type ChartOptions } from "./charts.ts";
import { vegaLiteChart, type VegaLiteChartOptions, type VegaLiteSpec } from "./vega-lite.ts";
import { map, type MapOptions } from "./map.ts";
import { graphvizChart, type GraphvizChartOptions } from "./graphviz.ts";
import { help, html, latex } from "./text-more.ts";
import { badge, type BadgeOptions } from "./badge.ts";
import { space, type SpaceSize } from "./space.ts";
import { iframe, pdf, type IframeOptions, type PdfOptions } from "./embeds.ts";
import { pagination, type PaginationOptions } from "./pagination.ts";
import { skeleton, type SkeletonHeight, type SkeletonOptions } from "./skeleton.ts";
import { mermaidChart, type MermaidChartOptions } from "./mermaid.ts";
import { audio, audioInput, cameraInput, video, type AudioOptions, type CaptureInputOptions, type VideoOptions } from "./media.ts";
import { celebrate, logo, type LogoOptions } from "./page-extras.ts";
import type { MediaData } from "./media-source.ts";
import { feedback, pills, segmentedControl, type FeedbackOptions, type FeedbackWidgetOptions, type PillsOptions } from "./button-group.ts";
import type { StreamlitPage } from "../navigation/page.ts";
import { chatInput, chatMessage, type ChatInputOptions, type ChatMessageOptions } from "./chat.ts";
import type { ChatInputValue } from "./chat-files.ts";
import { isStreamSource, writeStream, type StreamSource } from "./stream.ts";
import { popover, status, type PopoverOptions, type StatusOptions, type StatusState, type StatusUpdate } from "./panels.ts";
import { toast, type ToastOptions } from "./toast.ts";
import { bindOnRead } from "./unbound.ts";
import type { SizeOptions, WidthOption } from "./sizing.ts";

/**
 * Every element method, on any container: `st` itself, `st.sidebar`, a column, a tab, an expander,
 * an `st.form`, `st.container()`, `st.empty()`. The same methods as Streamlit's DeltaGenerator,
 * in camelCase, each taking its optional arguments as one object (`st.numberInput(label, { minValue,
 * key, onChange })`).
 *
 * Input widgets return their current value. Widgets keep their value in session state across
 * reruns; with `key` the value is also `st.sessionState[key]`. Their return types follow the
 * options, as Streamlit's overloads do: `null` is in the type only where the widget can be empty
 * (`value: null`, `index: null`, a `[start, end]` date pair, no options). As in Streamlit, the types
 * assume that what the app itself writes to a widget's key is of the widget's type (a `null`
 * written to a text field's key is returned as `null`). `onChange`/`onClick` callbacks run
 * with `args` before the script reruns, as in Streamlit.
 *
 * `c.with(() => ...)` makes `c` the target of plain `st.*` calls for the function, like Python's
 * `with c:`.
 *
 * Sizes, as in Streamlit 1.61: every input widget and button, `linkButton`, `downloadButton`,
 * `markdown`, the headings, `json`, `metric`, `image`, the alerts and `popover` take `width`
 * ("stretch", "content", or pixels); `tabs`, `expander`, `status` and `columns` take "stretch" or
 * pixels; `code` and `form` also take `height` (pixels: the content scrolls inside).
 */
export class Container extends ContainerBase {
  // Input widgets: each returns its current value.
  /**
   * A number field (`st.number_input`). Returns its value: an integer when the numbers given among
   * `value`, `minValue`, `maxValue` and `step` are all integers, else a float (with none given: a
   * float starting at 0.0, as in Streamlit); `null` when `value: null` and the field is empty. A posted number outside `minValue`/`maxValue` keeps the last good value and shows a
   * message next to the field.
   * @param label - the field's label (also part of the widget's identity unless `key` is given)
   * @param opts - `value` (default `minValue` or 0), `minValue`, `maxValue`, `step`, `format`,
   *   `placeholder`, `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   * @example
   * ```ts
   * const n = st.numberInput("Number of filters", { minValue: 1, maxValue: 10, key: "filters" });
   * ```
   */
  numberInput(label: string, opts: NumberInputOptions & { value: null }): number | null;
  numberInput(label: string, opts?: NumberInputOptions & { value?: number }): number;
  numberInput(label: string, opts?: NumberInputOptions): number | null;
  numberInput(label: string, opts?: NumberInputOptions): number | null {
    return numberInput(this, label, opts);
  }
  /**
   * A slider (`st.slider`): a number, or a `[low, high]` range when `value` is a pair. Integer
   * unless a bound, the value or `step` is fractional (default range 0..100, or 0.0..1.0 for floats).
   * @param label - the slider's label
   * @param opts - `value`, `minValue`, `maxValue`, `step`, `format`, `key`, `onChange` + `args`,
   *   `help`, `disabled`, `labelVisibility`
   * @example
   * ```ts
   * const [lo, hi] = st.slider("Price", { minValue: 0, maxValue: 500, value: [50, 200] });
   * ```
   */
  slider(label: string, opts?: SliderOptions & { value?: number }): number;
  slider(label: string, opts: SliderOptions & { value: [number, number] }): [number, number];
  slider(label: string, opts?: SliderOptions): number | [number, number] {
    return slider(this, label, opts);
  }
  /**
   * A one-line text field (`st.text_input`). Returns its text; `null` only with `value: null` while
   * it is empty. Enter in it applies the page's pending values (it never clicks a button).
   * @param label - the field's label
   * @param opts - `value`, `maxChars` (longer text is refused with a message), `placeholder`,
   *   `type: "password"`, `autocomplete`, `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  textInput(label: string, opts: TextInputOptions & { value: null }): string | null;
  textInput(label: string, opts?: TextInputOptions & { value?: string }): string;
  textInput(label: string, opts?: TextInputOptions): string | null;
  textInput(label: string, opts?: TextInputOptions): string | null {
    return textInput(this, label, opts);
  }
  /**
   * A multi-line text field (`st.text_area`). Returns its text (`null` with `value: null` while empty).
   * @param label - the field's label
   * @param opts - `value`, `height` (pixels), `maxChars`, `placeholder`, `key`, `onChange` + `args`,
   *   `help`, `disabled`, `labelVisibility`
   */
  textArea(label: string, opts: TextAreaOptions & { value: null }): string | null;
  textArea(label: string, opts?: TextAreaOptions & { value?: string }): string;
  textArea(label: string, opts?: TextAreaOptions): string | null;
  textArea(label: string, opts?: TextAreaOptions): string | null {
    return textArea(this, label, opts);
  }
  /**
   * A checkbox (`st.checkbox`). Returns whether it is ticked.
   * @param label - the checkbox's label
   * @param opts - `value` (default false), `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  checkbox(label: string, opts?: CheckboxOptions): boolean {
    return checkbox(this, label, opts);
  }
  /**
   * A switch (`st.toggle`): a checkbox drawn as a toggle. Returns whether it is on.
   * @param label - the toggle's label
   * @param opts - as {@link Container.checkbox}
   */
  toggle(label: string, opts?: CheckboxOptions): boolean {
    return toggle(this, label, opts);
  }
  /**
   * Radio buttons (`st.radio`). Returns the chosen option itself (not its index), or `null` with
   * `index: null` until one is chosen (and with no options; typed so for a literal `[]` only).
   * @param label - the group's label
   * @param options - the choices: JSON values (strings, numbers, ...), shown with `formatFunc` or as text
   * @param opts - `index` (default 0; `null`: none chosen), `formatFunc`, `horizontal`, `captions`,
   *   `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  radio(label: string, options: readonly [], opts?: RadioOptions<never>): null;
  radio<T extends Json>(label: string, options: readonly T[], opts: RadioOptions<T> & { index: null }): T | null;
  radio<T extends Json>(label: string, options: readonly T[], opts?: RadioOptions<T> & { index?: number }): T;
  radio<T extends Json>(label: string, options: readonly T[], opts?: RadioOptions<T>): T | null;
  radio<T extends Json>(label: string, options: readonly T[], opts?: RadioOptions<T>): T | null {
    return radio(this, label, options, opts);
  }
  /**
   * A drop-down (`st.selectbox`, a native `<select>`). Returns the chosen option, or `null` with
   * `index: null` until one is chosen (and with no options; typed so for a literal `[]` only).
   * @param label - the drop-down's label
   * @param options - the choices (JSON values)
   * @param opts - `index` (default 0; `null`: none chosen), `formatFunc`, `placeholder`, `key`,
   *   `onChange` + `args`, `help`, `disabled`, `labelVisibility`, `acceptNewOptions` (a typed
   *   option not in `options` is returned as its string), `filterMode`
   */
  selectbox<T extends Json>(label: string, options: readonly T[], opts: SelectboxOptions<T> & { acceptNewOptions: true; index: null }): T | string | null;
  selectbox<T extends Json>(label: string, options: readonly T[], opts: SelectboxOptions<T> & { acceptNewOptions: true; index?: number }): T | string;
  selectbox(label: string, options: readonly [], opts?: SelectboxOptions<never>): null;
  selectbox<T extends Json>(label: string, options: readonly T[], opts: SelectboxOptions<T> & { index: null }): T | null;
  selectbox<T extends Json>(label: string, options: readonly T[], opts?: SelectboxOptions<T> & { index?: number }): T;
  selectbox<T extends Json>(label: string, options: readonly T[], opts?: SelectboxOptions<T>): T | string | null;
  selectbox<T extends Json>(label: string, options: readonly T[], opts?: SelectboxOptions<T>): T | string | null {
    return selectbox(this, label, options, opts);
  }
  /**
   * A multiple choice (`st.multiselect`). Returns the chosen options, in the order of `options`.
   * @param label - the group's label
   * @param options - the choices (JSON values)
   * @param opts - `default` (an option or a list), `maxSelections`, `formatFunc`, `placeholder`, `key`,
   *   `onChange` + `args`, `help`, `disabled`, `labelVisibility`, `acceptNewOptions` (typed options
   *   not in `options` are returned as strings), `filterMode`
   */
  multiselect<T extends Json>(label: string, options: readonly T[], opts: MultiselectOptions<T> & { acceptNewOptions: true }): (T | string)[];
  multiselect<T extends Json>(label: string, options: readonly T[], opts?: MultiselectOptions<T>): T[];
  multiselect<T extends Json>(label: string, options: readonly T[], opts?: MultiselectOptions<T>): (T | string)[] {
    return multiselect(this, label, options, opts);
  }
  /**
   * A slider over a list of options (`st.select_slider`; a `<select>` without JavaScript). Returns the
   * chosen option, or a `[start, end]` pair when `value` is a pair.
   * @param label - the slider's label
   * @param options - the choices, in order (JSON values)
   * @param opts - `value` (an option, or `[start, end]`; default the first option), `formatFunc`,
   *   `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  selectSlider<T extends Json>(label: string, options: readonly T[], opts?: SelectSliderOptions<T> & { value?: T | null }): T;
  selectSlider<T extends Json>(label: string, options: readonly T[], opts: SelectSliderOptions<T> & { value: [T, T] }): [T, T];
  selectSlider<T extends Json>(label: string, options: readonly T[], opts?: SelectSliderOptions<T>): T | [T, T] {
    return selectSlider(this, label, options, opts);
  }
  /**
   * A feedback row (`st.feedback`): thumbs, five faces or five stars, as a radio group. Returns the
   * sentiment (thumbs: 1 up, 0 down; faces and stars: 0-4) or `null` until one is picked.
   * @param options - `"thumbs"` (default), `"faces"` or `"stars"`
   * @param opts - `key`, `disabled`, `onChange` + `args`
   */
  feedback(options?: FeedbackOptions, opts?: FeedbackWidgetOptions): number | null {
    return feedback(this, options, opts);
  }
  /**
   * Options as pills (`st.pills`): radio buttons (one choice, or `null`) or, with
   * `selectionMode: "multi"`, checkboxes (a list). A chosen single pill can be cleared.
   * @param label - the group's label
   * @param options - the choices (JSON values)
   * @param opts - `selectionMode` ("single" default, "multi"), `default`, `formatFunc`, `key`,
   *   `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  pills<T extends Json>(label: string, options: readonly T[], opts?: PillsOptions<T> & { selectionMode?: "single" }): T | null;
  pills<T extends Json>(label: string, options: readonly T[], opts: PillsOptions<T> & { selectionMode: "multi" }): T[];
  pills<T extends Json>(label: string, options: readonly T[], opts?: PillsOptions<T>): T | T[] | null {
    return pills(this, label, options, opts);
  }
  /**
   * A segmented control (`st.segmented_control`): the same choice as `pills`, drawn as one joined row.
   * @param label - the group's label
   * @param options - the choices (JSON values)
   * @param opts - as for `pills`
   */
  segmentedControl<T extends Json>(label: string, options: readonly T[], opts?: PillsOptions<T> & { selectionMode?: "single" }): T | null;
  segmentedControl<T extends Json>(label: string, options: readonly T[], opts: PillsOptions<T> & { selectionMode: "multi" }): T[];
  segmentedControl<T extends Json>(label: string, options: readonly T[], opts?: PillsOptions<T>): T | T[] | null {
    return segmentedControl(this, label, options, opts);
  }
  /**
   * A button (`st.button`): `true` only in the run its click caused, `false` otherwise. It is a submit
   * button of the page's one form, so a click also applies every value typed so far. Not allowed inside
   * an `st.form` (use {@link Container.formSubmitButton} there).
   * @param label - the button's text
   * @param opts - `onClick` + `args` (run before the script reruns), `type` ("primary",
   *   "secondary" or "tertiary": plain text), `icon` (an emoji or `:material/name:`),
   *   `useContainerWidth`, `key`, `help`, `disabled`
   * @example
   * ```ts
   * st.button("Add one", { onClick: () => { st.sessionState.count += 1; } });
   * if (st.button("Reset")) st.sessionState.count = 0;
   * ```
   */
  button(label: string, opts?: ButtonOptions): boolean {
    return button(this, label, opts);
  }
  /**
   * A button that opens a menu of options (`st.menu_button`). Choosing one reruns the app and
   * returns that option for that run only; every other run (opening and closing the menu
   * included, which posts nothing) returns `null`, as a button is true once. Without JavaScript
   * the menu is a disclosure whose items are submit buttons. `st.sessionState[key]` holds the
   * chosen option's label during that run. Not inside a form.
   * @param label - the button's label
   * @param options - the menu's options; the chosen one is returned as given
   * @param opts - `key`, `onClick` + `args`, `type`, `icon`, `help`, `disabled`, `formatFunc`
   */
  menuButton<T>(label: string, options: Iterable<T>, opts?: MenuButtonOptions<T>): T | null {
    return menuButton(this, label, options, opts);
  }
  /**
   * Page buttons between "previous" and "next" arrows (`st.pagination`). Returns the selected
   * page, 1-based. Each button posts its page, so it works without JavaScript.
   * @param numPages - how many pages (at least 1)
   * @param opts - `default` (default 1), `maxVisiblePages` (default 7; `null` every page, `0` the
   *   arrows alone), `width` (`"content"` default, `"stretch"`, pixels), `key`, `onChange` + `args`, `disabled`
   * @example
   * ```ts
   * const page = st.pagination(Math.ceil(rows.length / 10), { key: "page" });
   * st.dataframe(rows.slice((page - 1) * 10, page * 10));
   * ```
   */
  pagination(numPages: number, opts?: PaginationOptions): number {
    return pagination(this, numPages, opts);
  }
  /**
   * The submit button of an `st.form` (`st.form_submit_button`): `true` in the run its click caused.
   * Only this click commits the form's staged values (and fires their `onChange`s); its key is
   * `key` when given (`st.sessionState[key]` is then true in the run its click caused), else
   * `FormSubmitter:<form key>-<label>`, as in Streamlit. Throws outside a form.
   * @param label - the button's text (default "Submit")
   * @param opts - `key`, `onClick` + `args`, `type` (default "primary" here; "secondary", "tertiary"),
   *   `icon`, `useContainerWidth`, `help`, `disabled`
   */
  formSubmitButton(label?: string, opts?: ButtonOptions): boolean {
    return formSubmitButton(this, label, opts);
  }

  /**
   * A date field (`st.date_input`, a native date control). Returns the ISO date "YYYY-MM-DD", a
   * `[start, end]` pair when `value` is a pair (`null` once both ends are cleared), or `null` with
   * `value: null` while empty.
   * @param label - the field's label
   * @param opts - `value` ("today", the default, an ISO date, `null`, or a pair), `minValue`,
   *   `maxValue` (ISO dates; default ten years either side), `format`, `key`, `onChange` + `args`,
   *   `help`, `disabled`, `labelVisibility`
   */
  dateInput(label: string, opts: DateInputOptions & { value: [string, string] }): [string, string] | null;
  dateInput(label: string, opts: DateInputOptions & { value: null }): string | null;
  dateInput(label: string, opts?: DateInputOptions & { value?: string }): string;
  dateInput(label: string, opts?: DateInputOptions): string | [string, string] | null;
  dateInput(label: string, opts?: DateInputOptions): string | [string, string] | null {
    return dateInput(this, label, opts);
  }
  /**
   * A time field (`st.time_input`). Returns "HH:MM", or `null` with `value: null` while empty.
   * @param label - the field's label
   * @param opts - `value` ("now", the default, "HH:MM" or `null`), `step` (seconds, default 900),
   *   `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  timeInput(label: string, opts: TimeInputOptions & { value: null }): string | null;
  timeInput(label: string, opts?: TimeInputOptions & { value?: string }): string;
  timeInput(label: string, opts?: TimeInputOptions): string | null;
  timeInput(label: string, opts?: TimeInputOptions): string | null {
    return timeInput(this, label, opts);
  }
  /**
   * A date-and-time field (`st.datetime_input`, a native datetime-local control). Returns the
   * date and time to the minute, without a time zone, as "YYYY-MM-DDTHH:MM", or `null` with
   * `value: null` while empty.
   * @param label - the field's label
   * @param opts - `value` ("now", the default: the UTC date and time; "YYYY-MM-DDTHH:MM"; an ISO
   *   date for its midnight; or `null`), `minValue`, `maxValue` (the same forms; default ten years
   *   either side), `step` (seconds, default 900), `format`, `key`, `onChange` + `args`, `help`,
   *   `disabled`, `labelVisibility`
   */
  datetimeInput(label: string, opts: DatetimeInputOptions & { value: null }): string | null;
  datetimeInput(label: string, opts?: DatetimeInputOptions & { value?: string }): string;
  datetimeInput(label: string, opts?: DatetimeInputOptions): string | null;
  datetimeInput(label: string, opts?: DatetimeInputOptions): string | null {
    return datetimeInput(this, label, opts);
  }
  /**
   * A colour field (`st.color_picker`). Returns "#rrggbb".
   * @param label - the field's label
   * @param opts - `value` (default "#000000"), `key`, `onChange` + `args`, `help`, `disabled`,
   *   `labelVisibility`
   */
  colorPicker(label: string, opts?: ColorPickerOptions): string {
    return colorPicker(this, label, opts);
  }
  /**
   * A file field (`st.file_uploader`). Returns the uploaded file (a list with
   * `acceptMultipleFiles`) or `null`: `{ fileId, name, type, size }` plus `arrayBuffer()`/`text()`.
   * Session state keeps only that metadata; the bytes can be read in the run of the request that
   * carried them, and in later runs only when the app has an upload store (`createApp({ uploads })`).
   * A page with an uploader posts `multipart/form-data`; mind `bodyLimit`.
   * @param label - the field's label
   * @param opts - `type` (extensions or MIME types), `acceptMultipleFiles`, `maxUploadSize` (bytes,
   *   default 10 MB), `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  fileUploader(label: string, opts?: FileUploaderOptions): UploadedFile | UploadedFile[] | null {
    return fileUploader(this, label, opts);
  }
  /**
   * A download button (`st.download_button`). The file comes from the app's download route, which
   * reruns the last run (output discarded, no button pressed) to get `data`; a download drawn only
   * because a button was pressed travels inside the page instead (and is then only a link). A click
   * also reruns the app, or only the fragment the button is in, and returns `true` in that run
   * (Streamlit's default `on_click="rerun"`), unless `onClick` is "ignore".
   * @param label - the button's text
   * @param data - the file's content: text or bytes, or a function making them when the file is asked for
   * @param opts - `fileName`, `mime`, `onClick` ("rerun", "ignore" or a function) + `args`, `type` ("primary", "secondary",
   *   "tertiary"), `icon`, `useContainerWidth`, `key`, `help`, `disabled`
   */
  downloadButton(label: string, data: DownloadData, opts?: DownloadButtonOptions): boolean {
    return downloadButton(this, label, data, opts);
  }
  /**
   * A link styled as a button (`st.link_button`), opening in a new tab. Only http(s), `mailto:` and
   * relative URLs are accepted.
   * @param label - the button's text
   * @param url - where it leads
   * @param opts - `type` ("primary", "secondary", "tertiary"), `icon`, `useContainerWidth`, `help`,
   *   `disabled`; `onClick` ("ignore", the default; "rerun"; or a callback, with `args`) and `key`
   * @returns true in the run a click caused, when `onClick` reruns the app; else false
   */
  linkButton(label: string, url: string, opts?: LinkButtonOptions): boolean {
    return linkButton(this, label, url, opts);
  }
  /**
   * A link to a page of the app (`st.page_link`; a real link, and values typed but not applied are
   * applied first) or to an external http(s) URL (a plain link in a new tab).
   * @param page - an `st.Page` given to `st.navigation`, a page's `urlPath`, or an http(s) URL (then
   *   `label` is required)
   * @param opts - `label` (default the page's title), `icon`, `help`, `disabled`, `useContainerWidth`
   */
  pageLink(page: StreamlitPage | string, opts?: PageLinkOptions): void {
    pageLink(this, page, opts);
  }

  // Data and media.
  /**
   * A static table (`st.table`).
   * @param data - rows (an array of objects) or columns (an object of arrays)
   * @param opts - `hideIndex`, `hideHeader`, `border` (true, false or "horizontal")
   */
  table(data: TableData, opts?: TableOptions): void {
    table(this, data, opts);
  }
  /**
   * An interactive table (`st.dataframe`): click a header to sort, page through long data, all with
   * plain submit buttons. Only the page shown is rendered.
   * @param data - rows (an array of objects) or columns (an object of arrays)
   * With `onSelect` ("rerun" or a function) rows, columns or cells can be selected
   * (`selectionMode`): a column of checkboxes or radio buttons without JavaScript, a click with it;
   * the call then returns Streamlit's `{ selection: { rows, columns, cells } }`.
   * @param data - rows (an array of objects) or columns (an object of arrays)
   * @param opts - `pageSize` (default 20), `hideIndex`, `columnOrder`, `height` (pixels; scrolls
   *   inside), `key`, `onSelect`, `selectionMode`, `selectionDefault`
   */
  dataframe(data: TableData, opts: DataframeOptions & { onSelect: "rerun" | (() => unknown) }): DataframeState;
  dataframe(data: TableData, opts?: DataframeOptions): DataframeState | undefined;
  dataframe(data: TableData, opts?: DataframeOptions): DataframeState | undefined {
    return dataframe(this, data, opts);
  }
  /**
   * An editable table (`st.data_editor`): returns the data with the user's edits, in the shape
   * given. Each cell is a form control (a table of inputs without JavaScript); a value that does
   * not fit its column is refused with a message and the last good edits stay. Session state under
   * `key` holds Streamlit's `{ edited_rows, added_rows, deleted_rows }` (it cannot be set).
   * @param data - rows (an array of objects) or columns (an object of arrays)
   * @param opts - `numRows` ("fixed" default, or "dynamic": add and delete rows), `disabled` (true
   *   or column names), `columnConfig` (from `st.columnConfig`, a label, or null to hide),
   *   `hideIndex`, `columnOrder`, `width`, `height`, `useContainerWidth`, `pageSize` (default 20),
   *   `key`, `onChange` + `args`
   * @example
   * ```ts
   * const edited = st.dataEditor(rows, {
   *   numRows: "dynamic",
   *   columnConfig: { price: st.columnConfig.NumberColumn("Price", { minValue: 0, format: "$%.2f" }) },
   * });
   * ```
   */
  dataEditor<T extends TableData>(data: T, opts?: DataEditorOptions): T {
    return dataEditor(this, data, opts);
  }
  /**
   * A metric (`st.metric`): a big value with an optional change shown as an arrow.
   * @param label - what the value is
   * @param value - the value, shown as text
   * @param opts - `delta` (a number or text), `deltaColor` ("normal", "inverse", "off"), `help`,
   *   `labelVisibility`, `border` (default false)
   */
  metric(label: string, value: unknown, opts?: MetricOptions): void {
    metric(this, label, value, opts);
  }
  /**
   * A progress bar (`st.progress`). Returns a handle whose `progress(value, text)` updates the same bar
   * later in the run.
   * @param value - an integer 0..100 (percent) or a fraction 0.0..1.0
   * @param opts - `text` shown with the bar
   */
  progress(value: number, opts?: { text?: string }): ProgressHandle {
    return progress(this, value, opts);
  }
  /**
   * An image (`st.image`).
   * @param src - an http(s) or relative URL, or the image's bytes (inlined as a data URL)
   * @param opts - `caption`, `alt` (default the caption; with neither the image is decorative),
   *   `width` (pixels), `useContainerWidth`, `mime` (for bytes, default image/png)
   */
  image(src: string | Uint8Array, opts?: ImageOptions): void {
    image(this, src, opts);
  }
  /**
   * A line chart (`st.line_chart`), drawn on the server as accessible SVG (title, description,
   * legend and the data as a table), no script.
   * @param data - rows or columns; by default the index is x and every numeric column a series
   * @param opts - `x`, `y` (column names), `color` (a column that splits series, or colours),
   *   `title`, `xLabel`, `yLabel`, `width`, `height` (pixels)
   */
  lineChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "line", data, opts);
  }
  /**
   * A bar chart (`st.bar_chart`), server-drawn SVG; several series stack unless `stack: false`
   * (then bars are grouped).
   * @param data - rows or columns
   * @param opts - as {@link Container.lineChart}, plus `stack`
   */
  barChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "bar", data, opts);
  }
  /**
   * An area chart (`st.area_chart`), server-drawn SVG.
   * @param data - rows or columns
   * @param opts - as {@link Container.lineChart}, plus `stack`
   */
  areaChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "area", data, opts);
  }
  /**
   * A scatter chart (`st.scatter_chart`), server-drawn SVG.
   * @param data - rows or columns
   * @param opts - as {@link Container.lineChart}, plus `size`
   */
  scatterChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "scatter", data, opts);
  }
  /**
   * A Vega-Lite chart (`st.vega_lite_chart`), drawn on the server as accessible SVG with its data
   * as a table. Needs `enableVegaLite()` from `formlit/vega`. Data given here replaces the spec's
   * `data`; a spec alone may come first. Data by URL is not loaded (pass the data).
   * @param data - rows (an array of objects) or columns (an object of arrays), or null
   * @param spec - the Vega-Lite spec
   * @param opts - `useContainerWidth`
   * @example
   * ```ts
   * st.vegaLiteChart([{ a: "A", b: 28 }, { a: "B", b: 55 }], {
   *   mark: "bar",
   *   encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
   * });
   * ```
   */
  vegaLiteChart(data: TableData | VegaLiteSpec | null, spec?: VegaLiteSpec, opts?: VegaLiteChartOptions): void {
    vegaLiteChart(this, data, spec, opts);
  }
  /**
   * A map of points (`st.map`), drawn on the server as accessible SVG: Web Mercator, a graticule
   * with degree labels, the points as a table; no script. `tiles` (an https URL template) adds a
   * base map that the reader's browser loads.
   * @param data - rows or columns with latitude and longitude columns (lat/latitude, lon/longitude)
   * @param opts - `latitude`, `longitude`, `size` (metres, or a column), `color` (a colour, or a
   *   column), `zoom`, `useContainerWidth`, `width`, `height`, `tiles`, `attribution`, `title`
   * @example
   * ```ts
   * st.map([{ lat: 48.85, lon: 2.35, city: "Paris" }, { lat: 51.51, lon: -0.13, city: "London" }], { size: 20000 });
   * ```
   */
  map(data: TableData | null, opts?: MapOptions): void {
    map(this, data, opts);
  }
  /**
   * A graph in the DOT language (`st.graphviz_chart`), laid out by Graphviz on the server and
   * shown as accessible SVG with its edges as a table. Needs `enableGraphviz()` from
   * `formlit/graphviz`. Links in the graph keep only web addresses.
   * @param figureOrDot - the graph, as DOT text
   * @param opts - `useContainerWidth`, `engine` (default "dot")
   * @example
   * ```ts
   * st.graphvizChart(`digraph { run -> intr; intr -> runbl; runbl -> run }`);
   * ```
   */
  graphvizChart(figureOrDot: string, opts?: GraphvizChartOptions): void {
    graphvizChart(this, figureOrDot, opts);
  }
  /**
   * A Mermaid diagram (`st.mermaid_chart`): flowcharts, sequence, class, state and
   * entity-relationship diagrams and XY charts, drawn to SVG on the server in the page's colours.
   * Needs `enableMermaid()` from `formlit/mermaid`. Source it cannot read is an error in the page.
   * @param body - the diagram's Mermaid source
   * @param opts - `width` (`"stretch"` default, `"content"`, pixels), `alt` (the diagram's
   *   accessible name; default its `accTitle`/`accDescr` lines, else its kind)
   * @example
   * ```ts
   * st.mermaidChart(`graph LR
   *   A[Start] --> B{Decision}
   *   B -->|Yes| C[OK]
   *   B -->|No| D[Cancel]`);
   * ```
   */
  mermaidChart(body: string, opts?: MermaidChartOptions): void {
    mermaidChart(this, body, opts);
  }
  /**
   * Display math (`st.latex`): TeX rendered to MathML on the server, so no script or font is
   * loaded. A TeX error shows in place of the formula.
   * @param body - the TeX source, without `$$`
   * @param opts - `help`
   */
  latex(body: string, opts?: { help?: string }): void {
    latex(this, body, opts);
  }
  /**
   * The author's HTML (`st.html`), sanitised: scripts, `<style>` blocks, event handlers and
   * `javascript:` links are removed (Streamlit does not run scripts in st.html either); tags
   * outside a safe list are dropped, keeping their text.
   * @param body - the HTML
   */
  html(body: string): void {
    html(this, body);
  }
  /**
   * A coloured badge with an optional icon (`st.badge`), drawn as Markdown's `:blue-badge[label]`.
   * @param label - the badge's text: bold, italics, strikethrough and inline code are Markdown;
   *   square brackets show as written
   * @param opts - `icon` (an emoji or `:material/name:`), `color` (default `"blue"`; `"red"`,
   *   `"orange"`, `"yellow"`, `"green"`, `"violet"`, `"gray"`/`"grey"`, `"primary"`), `width`
   *   (`"content"` default, `"stretch"`, pixels), `help`
   * @example
   * ```ts
   * st.badge("New", { icon: ":material/star:", color: "green" });
   * ```
   */
  badge(label: string, opts?: BadgeOptions): void {
    badge(this, label, opts);
  }
  /**
   * Empty vertical space (`st.space`): `"small"` (default, 0.75rem: a widget label's height),
   * `"medium"` (2.5rem: a button's), `"large"` (4.25rem: a labelled input's), `"stretch"` (what is
   * left of a container of fixed height), or pixels. formlit has no horizontal containers, so the
   * space is always vertical.
   * @example
   * ```ts
   * const [left, right] = st.columns(2);
   * left.space("small");
   * left.button("Aligned with the input");
   * right.textInput("Name");
   * ```
   */
  space(size?: SpaceSize): void {
    space(this, size);
  }
  /**
   * A PDF in the browser's own viewer (`st.pdf`), with a link that downloads it (the way to the
   * file where the browser shows no viewer).
   * @param data - the PDF's bytes, or its https or relative address
   * @param opts - `height` (pixels, default 500, or `"stretch"`)
   * @example
   * ```ts
   * st.pdf(await (await fetch("https://example.com/report.pdf")).bytes(), { height: 600 });
   * ```
   */
  pdf(data: MediaData, opts?: PdfOptions): void {
    pdf(this, data, opts);
  }
  /**
   * A frame (`st.iframe`) showing an https or relative address, a `data:` URL, or an HTML string
   * as its whole document. HTML runs in a sandbox with its own opaque origin: it cannot reach the
   * app's page, cookies or storage. `javascript:` and other schemes are refused with a message.
   * @param src - an address (starting with a scheme, `/` or `./`), or HTML
   * @param opts - `width` (`"stretch"` default, `"content"`, pixels), `height` (`"content"`
   *   default: 150 pixels; `"stretch"`, pixels), `tabIndex`
   * @example
   * ```ts
   * st.iframe("<h1>Hello</h1><p>from an HTML string</p>", { height: 120 });
   * ```
   */
  iframe(src: string, opts?: IframeOptions): void {
    iframe(this, src, opts);
  }
  /**
   * What a value is (`st.help`): its name, type, signature (functions and classes) or value, and
   * its members. JavaScript keeps no docstrings, so none is shown.
   */
  help(obj: unknown): void {
    help(this, obj);
  }
  /**
   * The app's logo (`st.logo`) at the top of the sidebar; a second call replaces it.
   * @param image - an http(s) or relative URL, or image bytes
   * @param opts - `size` ("small", "medium", "large"), `link` (an http(s) address), `iconImage`
   *   (shown on narrow screens), `mime` of bytes (default image/png)
   */
  logo(image: MediaData, opts?: LogoOptions): void {
    logo(this, image, opts);
  }
  /** Balloons float up the page once (`st.balloons`); CSS only, off under prefers-reduced-motion. */
  balloons(): void {
    celebrate(this, "balloons");
  }
  /** Snow falls down the page once (`st.snow`); CSS only, off under prefers-reduced-motion. */
  snow(): void {
    celebrate(this, "snow");
  }
  /**
   * An audio player (`st.audio`, a native `<audio controls>`).
   * @param data - an http(s), relative or data: URL, or the audio's bytes
   * @param opts - `format` of bytes (default audio/wav), `startTime`, `endTime` (seconds or "1m30s"),
   *   `loop`, `autoplay`
   */
  audio(data: MediaData, opts?: AudioOptions): void {
    audio(this, data, opts);
  }
  /**
   * A video player (`st.video`, a native `<video controls>`; a YouTube link is embedded).
   * @param data - an http(s), relative or data: URL, or the video's bytes
   * @param opts - `format` of bytes (default video/mp4), `startTime`, `endTime`, `subtitles`
   *   (WebVTT or SRT text, or `{ label: text }`), `loop`, `autoplay`, `muted`
   */
  video(data: MediaData, opts?: VideoOptions): void {
    video(this, data, opts);
  }
  /**
   * A photo from the camera (`st.camera_input`): a file input with `capture`, so phones open the
   * camera. Returns the uploaded image, as `fileUploader` does, or `null`.
   * @param label - the input's label
   * @param opts - `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  cameraInput(label: string, opts?: CaptureInputOptions): UploadedFile | null {
    return cameraInput(this, label, opts);
  }
  /**
   * A recording from the microphone (`st.audio_input`): a file input with `capture`. Returns the
   * uploaded audio, as `fileUploader` does, or `null`.
   * @param label - the input's label
   * @param opts - `key`, `onChange` + `args`, `help`, `disabled`, `labelVisibility`
   */
  audioInput(label: string, opts?: CaptureInputOptions): UploadedFile | null {
    return audioInput(this, label, opts);
  }
  /**
   * A pulsing placeholder (`st.skeleton`) that keeps a place for content still to come. Alone it
   * is a slot, as `st.empty()`: the first element written to it replaces it. With `.with(fn)` it
   * stands while `fn` runs and is gone when `fn` ends; what `fn` writes goes where the skeleton
   * was called. A page is answered when its run ends, so it shows only in a page still streaming,
   * or where the app never fills it.
   * @param height - `null` (default: a widget's height), pixels, or `"stretch"` (the parent's height)
   * @param opts - `width` (`"stretch"` default, or pixels)
   * @example
   * ```ts
   * const slot = st.skeleton(200);
   * const rows = await loadRows();
   * slot.dataframe(rows);
   * ```
   */
  skeleton(height?: SkeletonHeight, opts?: SkeletonOptions): Container {
    return skeleton(this, height, opts) as Container;
  }
  /** Runs `fn` (a spinner shows while the page waits, with the client script). */
  spinner<T>(text: string, fn: () => T | Promise<T>): Promise<T> {
    return spinner(this, text, fn);
  }

  // Display.
  /**
   * A title (`st.title`, an `<h1>`).
   * @param body - the text
   * @param opts - `anchor` (the heading's id), `help` (a "?" beside it with a tooltip)
   */
  title(body: string, opts?: { anchor?: string; help?: string } & WidthOption): void {
    display.heading(this, 1, body, opts);
  }
  /**
   * A header (`st.header`, an `<h2>`).
   * @param body - the text
   * @param opts - `anchor`, `help` (a "?" beside it with a tooltip)
   */
  header(body: string, opts?: { anchor?: string; help?: string } & WidthOption): void {
    display.heading(this, 2, body, opts);
  }
  /**
   * A subheader (`st.subheader`, an `<h3>`).
   * @param body - the text
   * @param opts - `anchor`, `help` (a "?" beside it with a tooltip)
   */
  subheader(body: string, opts?: { anchor?: string; help?: string } & WidthOption): void {
    display.heading(this, 3, body, opts);
  }
  /**
   * Markdown (`st.markdown`, CommonMark via markdown-it). Raw HTML in it is escaped unless
   * `unsafeAllowHtml` (then it is the app's job to trust the text). Embedded in another site's page
   * (`<formlit-app>`, an include), that HTML runs under the host page's CSP, not the app's.
   * @param body - the markdown
   * @param opts - `unsafeAllowHtml`, `help`
   */
  markdown(body: string, opts?: { unsafeAllowHtml?: boolean; help?: string } & WidthOption): void {
    display.markdown(this, body, opts);
  }
  /**
   * Fixed-width text (`st.text`), shown as is (no markdown).
   * @param body - any value, shown as `String(body)`
   */
  text(body: unknown): void {
    display.text(this, body);
  }
  /**
   * Small muted text (`st.caption`; inline markdown, raw HTML escaped).
   * @param body - the text
   */
  caption(body: string): void {
    display.caption(this, body);
  }
  /**
   * A code block (`st.code`).
   * @param body - the code
   * @param opts - `language` (default "python", as in Streamlit; `null` for plain text)
   */
  code(body: string, opts?: { language?: string | null } & SizeOptions): void {
    display.code(this, body, opts);
  }
  /**
   * A value as pretty-printed JSON (`st.json`), in a `<pre>` block, with a copy button when the
   * client script runs.
   * @param value - any value (what JSON.stringify cannot print is shown as text)
   * @param opts - `expanded` (accepted as in Streamlit; the block is always shown whole)
   */
  json(value: unknown, opts?: { expanded?: boolean } & WidthOption): void {
    display.json(this, value, opts);
  }
  /**
   * Streams an async iterable or a generator (`st.write` of a generator): the same as
   * {@link Container.writeStream}; await it.
   * @param stream - the (async) generator
   */
  write(stream: AsyncIterable<unknown> | Generator<unknown>): Promise<void>;
  /**
   * Writes each argument the way it suits (`st.write`): strings and plain values (as code) joined
   * into one line of markdown, errors as {@link Container.exception}, rows or columns as a table,
   * other objects and arrays as JSON.
   * @param args - the values
   */
  write(...args: unknown[]): void;
  write(...args: unknown[]): void | Promise<void> {
    // Python's st.write of a generator streams it: so does a (async) generator here
    if (args.length === 1 && isStreamSource(args[0])) {
      const done = this.writeStream(args[0] as StreamSource).then(() => {});
      // awaited or not, the run waits for it before answering
      this._run().pending.push(done);
      return done;
    }
    display.write(this, ...args);
  }
  /**
   * Writes text as it arrives (`st.write_stream`) and returns the whole text once the stream ends.
   * The page streams to the browser as the text is made (with JavaScript off too): what is above
   * shows at once, then each piece of text. Chunks that are not text are written with
   * {@link Container.write} between runs of text (the result is then the list of what was written).
   * @param stream - an iterable or async iterable of strings (or OpenAI-style chunks), or a
   *   function returning one (a generator function)
   * @example
   * ```ts
   * async function* answer() { for (const w of ["Hello", " there"]) { await sleep(50); yield w; } }
   * const text = await st.writeStream(answer);
   * ```
   */
  writeStream(stream: StreamSource<string>): Promise<string>;
  writeStream(stream: StreamSource): Promise<string | unknown[]>;
  writeStream(stream: StreamSource): Promise<string | unknown[]> {
    return writeStream(this, stream);
  }
  /**
   * A chat message field (`st.chat_input`), pinned to the bottom of the page when called on the
   * main area itself. Returns the message sent for exactly the run it caused, else `null`. Enter
   * sends it (without JavaScript too), as does its send button; other buttons leave it as a draft.
   * @param placeholder - the text shown in the empty field (also its accessible name)
   * @param opts - `key`, `maxChars`, `disabled`, `onSubmit` + `args`, `height`; `acceptFile`,
   *   `fileType`, `acceptAudio`, `maxUploadSize`: with files or a recording accepted, it returns
   *   `{ text, files, audio }` (Streamlit's ChatInputValue) instead of the text
   */
  chatInput(placeholder: string | undefined, opts: ChatInputOptions & ({ acceptFile: true | "multiple" | "directory" } | { acceptAudio: true })): ChatInputValue | null;
  chatInput(placeholder?: string, opts?: ChatInputOptions & { acceptFile?: false; acceptAudio?: false }): string | null;
  chatInput(placeholder?: string, opts?: ChatInputOptions): string | ChatInputValue | null;
  chatInput(placeholder?: string, opts?: ChatInputOptions): string | ChatInputValue | null {
    return chatInput(this, placeholder, opts);
  }
  /**
   * A chat message (`st.chat_message`): a container drawn as one message of a conversation.
   * "user" and "assistant" (also "human", "ai") get their own look and avatar.
   * @param name - who wrote it; also the message's accessible name ("Chat message from ...")
   * @param opts - `avatar`: an emoji, "user"/"assistant", a `:material/name:` icon, or an image
   *   (bytes, a `data:image/` URL, an http(s) URL or a same-origin path)
   */
  chatMessage(name: string, opts?: ChatMessageOptions): Container {
    return chatMessage(this, name, opts) as Container;
  }
  /**
   * A status container (`st.status`): an expander with a state icon (running, complete, error).
   * `.update({ label, state, expanded })` changes it; `.with(fn)` marks it complete when `fn`
   * returns and as an error when it throws, if it was still running.
   * @param label - the summary line
   * @param opts - `expanded` (default false), `state` (default "running"), `type` ("default" or
   *   "compact": a small muted toggle with no box)
   */
  status(label: string, opts?: StatusOptions): StatusContainer {
    const made = status(this, label, opts);
    return statusContainer(made.box as Container, made.state, made.update);
  }
  /**
   * A short message in a corner of the page (`st.toast`), in a polite live region; it fades out
   * after a few seconds (CSS only, so it shows without JavaScript). A long one shows its start with
   * "view more"; each has a Close control (both work without JavaScript).
   * @param body - the message (markdown)
   * @param opts - `icon` (an emoji or a `:material/name:` icon)
   */
  toast(body: string, opts?: ToastOptions): void {
    toast(this, body, opts);
  }
  /**
   * A button that opens a floating container (`st.popover`), an HTML `<details>`, so it opens
   * without JavaScript. Returns the container, with `open`. With `onChange` ("rerun" or a
   * function) opening and closing it reruns the app: its button posts (JavaScript off too), `open`
   * and `st.sessionState[key]` hold whether it is open, and the app may set that before the call.
   * @param label - the button's text (inline markdown)
   * @param opts - `type` ("primary", "secondary", "tertiary"), `help`, `icon` (an emoji or
   *   `:material/name:`), `disabled`, `useContainerWidth`, `key`, `onChange` + `args`
   * @example
   * ```ts
   * const drawer = st.popover("Filters", { key: "drawer", onChange: "rerun" });
   * if (drawer.open) drawer.write("Shown only while open");
   * ```
   */
  popover(label: string, opts?: PopoverOptions): OpenableContainer {
    const made = popover(this, label, opts);
    return withOpen(made.box as Container, made.open);
  }
  /**
   * A horizontal rule (`st.divider`).
   */
  divider(): void {
    display.divider(this);
  }
  /**
   * A green message box (`st.success`).
   * @param body - the message (markdown)
   * @param opts - `icon` (an emoji or a `:material/name:` icon)
   */
  success(body: string, opts?: { icon?: string } & WidthOption): void {
    display.alert(this, "success", body, opts);
  }
  /**
   * A blue message box (`st.info`).
   * @param body - the message (markdown)
   * @param opts - `icon`
   */
  info(body: string, opts?: { icon?: string } & WidthOption): void {
    display.alert(this, "info", body, opts);
  }
  /**
   * A yellow message box (`st.warning`).
   * @param body - the message (markdown)
   * @param opts - `icon`
   */
  warning(body: string, opts?: { icon?: string } & WidthOption): void {
    display.alert(this, "warning", body, opts);
  }
  /**
   * A red message box (`st.error`).
   * @param body - the message (markdown)
   * @param opts - `icon`
   */
  error(body: string, opts?: { icon?: string } & WidthOption): void {
    display.alert(this, "error", body, opts);
  }
  /**
   * An error with its type and message (`st.exception`); the stack is not shown.
   * @param err - an Error (or anything, shown as text)
   */
  exception(err: unknown): void {
    display.exception(this, err);
  }

  // Layout: each returns containers with these same methods.
  /**
   * Side-by-side columns (`st.columns`). Returns one container per column.
   * @param spec - how many equal columns, or their relative widths, e.g. `[2, 1]`
   * @param opts - `gap`: "small" (default), "medium", "large" or null (none); `border`: a border
   *   around each column (default false); `verticalAlignment`: where each column's content sits
   *   ("top" default, "center", "bottom", "distribute"); `width`: the row's ("stretch" or pixels)
   * @example
   * ```ts
   * const [left, right] = st.columns(2);
   * left.metric("Users", 120);
   * right.with(() => st.write("inside the right column"));
   * ```
   */
  columns(spec: number | number[], opts?: ColumnsOptions): Container[] {
    return columns(this, spec, opts) as Container[];
  }
  /**
   * A container (`st.container`) to write into later or out of order: call its methods, or use
   * `.with(() => ...)` as Python's `with`. With `height` in pixels it scrolls its content inside
   * that height, as Streamlit's scrolling container.
   * @param opts - `height` ("content" default, "stretch", or pixels), `width` ("stretch" default,
   *   "content", or pixels), `border` (default: only with a height in pixels), `horizontal` (its
   *   elements side by side in a wrapping row), `gap` ("small" default, "medium", "large", null),
   *   `horizontalAlignment` ("left" default, "center", "right", "distribute"),
   *   `verticalAlignment` ("top" default, "center", "bottom", "distribute")
   * @example
   * ```ts
   * const log = st.container({ height: 300 });
   * for (const line of lines) log.write(line);
   * const toolbar = st.container({ horizontal: true, horizontalAlignment: "right" });
   * toolbar.button("Cancel");
   * toolbar.button("Save", { type: "primary" });
   * ```
   */
  container(opts?: ContainerOptions): Container {
    return container(this, opts) as Container;
  }
  /**
   * A collapsible section (`st.expander`, an HTML `<details>`). Returns the container inside it,
   * with `open`. With `onChange` ("rerun" or a function) opening or closing it reruns the app:
   * its header is a submit button (JavaScript off too), `open` and `st.sessionState[key]` hold
   * whether it is open, and the app may set that before the call.
   * @param label - the summary line
   * @param opts - `expanded` (open at first; default false), `icon`, `type` ("default" or
   *   "compact": a small muted toggle with no box), `key`, `onChange` + `args`
   * @example
   * ```ts
   * const summary = st.expander("Summary", { onChange: "rerun" });
   * if (summary.open) summary.write(await expensiveSummary());
   * ```
   */
  expander(label: string, opts?: ExpanderOptions): OpenableContainer {
    const made = expander(this, label, opts);
    return withOpen(made.box as Container, made.open);
  }
  /**
   * A form (`st.form`): widgets inside it are staged, not applied, until its
   * {@link Container.formSubmitButton} is pressed; then all their values are committed together and
   * their `onChange`s fire. Every form needs a submit button; forms cannot nest, and `st.button` is
   * not allowed inside one. Returns the form's container.
   * @param key - the form's key, unique in the run
   * @param opts - `clearOnSubmit` (after a submit the widgets show their defaults again; the run
   *   still gets the submitted values), `enterToSubmit` (Enter in a field submits the form, with
   *   the client script; default true), `border` (default true)
   * @example
   * ```ts
   * const f = st.form("signup");
   * f.textInput("Email", { key: "email" });
   * if (f.formSubmitButton("Sign up")) st.success(`Welcome, ${st.sessionState.email}`);
   * // or, as Python's `with st.form("signup"):`
   * st.form("signup2").with(() => { st.textInput("Email"); st.formSubmitButton("Sign up"); });
   * ```
   */
  form(key: string, opts?: FormOptions): Container {
    return form(this, key, opts) as Container;
  }
  /** A slot holding one element: each call on it replaces what it shows. */
  empty(): Container {
    return empty(this) as Container;
  }
  /**
   * Tabs (`st.tabs`). Returns one container per tab, each with `open`. By default every tab's
   * content is rendered and CSS (no script) shows the chosen one: choosing a tab posts nothing, and
   * without JavaScript the default tab shows again after a submit. With `onChange` ("rerun" or a
   * function) the open tab is widget state: each tab is a submit button, choosing one reruns the
   * app, `open` is true for the open tab, and `st.sessionState[key]` holds its label (settable
   * before the call).
   * @param labels - the tabs' labels
   * @param opts - `default` (the label of the tab open at first), `key`, `onChange` + `args`
   * @example
   * ```ts
   * const [cat, dog] = st.tabs(["Cat", "Dog"], { key: "animal", onChange: "rerun" });
   * if (cat.open) cat.write("This is the cat");
   * if (dog.open) dog.write("This is the dog");
   * ```
   */
  tabs(labels: string[], opts?: TabsOptions): OpenableContainer[] {
    return tabs(this, labels, opts).map((t) => withOpen(t.box as Container, t.open));
  }
}

ContainerBase.make = (nodes: ElementNode[], form: string | null, area: Area) => new Container(nodes, form, area);
bindOnRead(ContainerBase.prototype);
bindOnRead(Container.prototype);

/**
 * What st.tabs, st.expander and st.popover return: the container, and `open`: whether it is the
 * open tab or open (true/false) when `onChange` is "rerun" or a function, else null (the browser
 * alone knows).
 */
export interface OpenableContainer extends Container {
  /** true when open, false when not; null without `onChange` (the state is not tracked) */
  readonly open: boolean | null;
}

function withOpen(box: Container, open: boolean | null): OpenableContainer {
  return Object.defineProperty(box, "open", { value: open, enumerable: true }) as OpenableContainer;
}

/** What st.status returns: its container, plus `update`. */
export interface StatusContainer extends Container {
  /** Changes the label, the state ("running", "complete", "error") or whether it is open. */
  update(u: StatusUpdate): void;
}

/**
 * Gives the status box `update`, and a `with` that, as Python's `with st.status(...)` on exit,
 * turns a still-running status into complete, or into error when the function throws.
 */
function statusContainer(box: Container, current: () => StatusState, update: (u: StatusUpdate) => void): StatusContainer {
  const plainWith = box.with.bind(box);
  const settle = (state: StatusState) => {
    if (current() === "running") update({ state });

  };
  const withStatus = <T>(fn: () => T): T => {
    let result: T;
    try {
      result = plainWith(fn);
    } catch (err) {
      settle("error");
      throw err;
    }
    if (!(result instanceof Promise)) {
      settle("complete");
      return result;
    }
    const fail = (err: unknown) => {
      settle("error");
      throw err;
    };
    return result.then((v) => (settle("complete"), v), fail) as T;
  };
  return Object.assign(box, { update, with: withStatus });
}
