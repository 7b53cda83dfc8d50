/**
 * Streamlit's error classes, with the exact wording Streamlit 1.39 uses (see shared/oracle traces).
 * Messages keep Streamlit's Python names (`st.session_state`, `number_input`) on purpose: an author
 * searching for the text finds Streamlit's documentation and discussions of it.
 */

import type { ElementNode } from "./tree.ts";

const INIT_DOCS =
  "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization";

/** Where Streamlit's API reference is: its messages link into it. */
export const API_DOCS = "https://docs.streamlit.io/develop/api-reference/";

/** Base class: every error the engine raises on purpose. `type` is Streamlit's class name. */
export class StreamlitError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export class StreamlitAPIException extends StreamlitError {
  constructor(message: string) {
    super("StreamlitAPIException", message);
  }
}

/** Reading a key that is not in session state (Python's KeyError / AttributeError). */
export class MissingKeyError extends StreamlitError {
  constructor(readonly key: string) {
    super("KeyError", `st.session_state has no key "${key}". Did you forget to initialize it? ${INIT_DOCS}`);
  }
}

export class DuplicateElementId extends StreamlitError {
  constructor(elementType: string) {
    super(
      "StreamlitDuplicateElementId",
      `There are multiple \`${elementType}\` elements with the same auto-generated ID. When this element is created, it is assigned an internal ID based on the element type and provided parameters. Multiple elements with the same type and parameters will cause this error.\n\nTo fix this error, please pass a unique \`key\` argument to the \`${elementType}\` element.`,
    );
  }
}

export class DuplicateElementKey extends StreamlitError {
  constructor(key: string) {
    super(
      "StreamlitDuplicateElementKey",
      `There are multiple elements with the same \`key='${key}'\`. To fix this, please make sure that the \`key\` argument is unique for each element you create.`,
    );
  }
}

export class InvalidFormCallbackError extends StreamlitError {
  constructor() {
    super(
      "StreamlitInvalidFormCallbackError",
      "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining callbacks on other widgets inside a form is not allowed.",
    );
  }
}

export class ValueAssignmentNotAllowedError extends StreamlitError {
  constructor(key: string) {
    super(
      "StreamlitValueAssignmentNotAllowedError",
      `Values for the widget with \`key\` '${key}' cannot be set using \`st.session_state\`.`,
    );
  }
}

/** st.number_input's default below its `min_value`. */
export class ValueBelowMinError extends StreamlitError {
  constructor(value: number, minValue: number) {
    super("StreamlitValueBelowMinError", `The \`value\` ${value} is less than the \`min_value\` ${minValue}.`);
  }
}

/** st.number_input's default above its `max_value` (Streamlit's text says "than than"). */
export class ValueAboveMaxError extends StreamlitError {
  constructor(value: number, maxValue: number) {
    super("StreamlitValueAboveMaxError", `The \`value\` ${value} is greater than than the \`max_value\` ${maxValue}.`);
  }
}

/** A widget called inside st.cacheData / st.cacheResource: shown, not thrown, as Streamlit does. */
export class CachedWidgetWarning extends StreamlitError {
  constructor() {
    super(
      "CachedWidgetWarning",
      'Your script uses a widget command in a cached function\n(function decorated with `@st.cache_data` or `@st.cache_resource`).\nThis code will only be called when we detect a cache "miss",\nwhich can lead to unexpected results.\n\nTo fix this, move all widget commands outside the cached function.',
    );
  }
}

export const modifiedAfterInstantiated = (key: string) =>
  new StreamlitAPIException(
    `\`st.session_state.${key}\` cannot be modified after the widget with key \`${key}\` is instantiated.`,
  );

export const reservedKey = () => new StreamlitAPIException("Keys beginning with $$ID are reserved.");

export const notJsonValue = (key: string, why: string) =>
  new StreamlitAPIException(
    `st.session_state["${key}"] must be JSON-serialisable to travel in the session cookie (${why}). Store plain objects, arrays, strings, numbers, booleans or null.`,
  );

export const defaultValueWarning = (key: string) =>
  `The widget with key "${key}" was created with a default value but also had its value set via the Session State API.`;

export const RERUN_IN_CALLBACK_WARNING = "Calling st.rerun() within a callback is a no-op.";

export const buttonInForm = () =>
  new StreamlitAPIException(
    "`st.button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n[documentation for forms](" + API_DOCS + "execution-flow/st.form).",
  );

export const nestedForms = () => new StreamlitAPIException("Forms cannot be nested in other forms.");

export const duplicateFormKey = (key: string) =>
  new StreamlitAPIException(
    `There are multiple identical forms with \`key='${key}'\`.\n\nTo fix this, please make sure that the \`key\` argument is unique for\neach \`st.form\` you create.`,
  );

export const submitOutsideForm = () =>
  new StreamlitAPIException("`st.form_submit_button()` must be used inside an `st.form()`.");

export const defaultNotInOptions = (value: string) =>
  new StreamlitAPIException(
    `The default value '${value}' is not part of the options. Please make sure that every default values also exists in the options.`,
  );

/** Python's `ValueError: X is not in iterable`, raised by selectbox/radio for a value not in options. */
export class NotInIterable extends StreamlitError {
  constructor(value: string) {
    super("ValueError", `${value} is not in iterable`);
  }
}

/** Python's TypeError from protobuf when a widget gets a value of the wrong type via session state. */
export class WrongValueType extends StreamlitError {
  constructor(valueRepr: string, typeName: string, expected: string) {
    super("TypeError", `${valueRepr} has type ${typeName}, but expected one of: ${expected}`);
  }
}

export const tooManyReruns = (limit: number) =>
  new StreamlitAPIException(
    `The script called st.rerun() or st.switch_page() ${limit} times in one request without settling. formlit stops there so the request cannot hang; check the condition that guards st.rerun().`,
  );

export const fragmentScopeOutsideFragmentRun = () =>
  new StreamlitAPIException(
    'scope="fragment" can only be specified from `@st.fragment`-decorated functions during fragment reruns.',
  );

export const sidebarInFragment = () =>
  new StreamlitAPIException(
    "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write elements to the sidebar with a fragment, call your fragment function inside a `with st.sidebar` context manager.",
  );

export class FragmentWidgetsNotAllowedOutsideError extends StreamlitError {
  constructor() {
    super("StreamlitFragmentWidgetsNotAllowedOutsideError", "Fragments cannot write widgets to outside containers.");
  }
}

export const emptyDialogTitle = () =>
  new StreamlitAPIException(
    'A non-empty `title` argument has to be provided for dialogs, for example `@st.dialog("Example Title")`.',
  );

export const nestedDialogs = () => new StreamlitAPIException("Dialogs may not be nested inside other dialogs.");

export const secondDialog = () =>
  new StreamlitAPIException(
    "Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.",
  );

/** An element showing an uncaught exception: its type and message (the stack only in development). */
export function exceptionNode(err: unknown, showStack: boolean): ElementNode {
  if (err instanceof StreamlitError) return { type: "exception", props: { errorType: err.type, message: err.message } };
  const e = err instanceof Error ? err : new Error(describeThrown(err));
  return {
    type: "exception",
    props: { errorType: e.name || "Error", message: e.message, stack: showStack ? e.stack : undefined },
  };
}

/** Control flow, not errors: thrown by st.stop / st.rerun / st.switchPage and caught by the run loop. */
/**
 * st.stop(), st.rerun() and st.switchPage() end the run by throwing these. They are not Errors, as
 * Streamlit's are not Exceptions, so `catch (e) { if (e instanceof Error) ... }` lets them pass; a
 * catch that takes everything can still print them, and reads what they are.
 */
const SIGNAL_NOTE = " (formlit's signal, not an error: a catch that takes everything should rethrow it; the run ends as asked anyway)";

export class StopSignal {
  readonly message = "st.stop() ended the run" + SIGNAL_NOTE;
  toString(): string {
    return this.message;
  }
}
export class RerunSignal {
  readonly message: string;
  constructor(
    readonly page?: string,
    /** "fragment": rerun only the fragment that is rerunning (st.rerun({ scope: "fragment" })) */
    readonly scope: "app" | "fragment" = "app",
  ) {
    this.message = (page === undefined ? `st.rerun() asked for a new run${scope === "fragment" ? " of the fragment" : ""}` : `st.switchPage() asked for the page "${page}"`) + SIGNAL_NOTE;
  }
  toString(): string {
    return this.message;
  }
}

/** How a run that threw (or swallowed) `signal` ends: stopped, or with that rerun request. */
export const endingOf = (signal: StopSignal | RerunSignal): "stop" | RerunSignal => (signal instanceof StopSignal ? "stop" : signal);

/**
 * A fragment's exception, already shown inside the fragment: it ends a run of the whole script
 * (as any uncaught exception) without being shown a second time.
 */
export class FragmentFailed {}

export const badTimeString = (text: string) =>
  new StreamlitAPIException(`Time string doesn't look right. It should be formatted as\`'1d2h34m'\` or \`2 days\`, for example. Got: ${text}`);

/**
 * What a thrown value that is not an Error says (`throw "x"`, `throw { code: 1 }`, a control
 * signal thrown where it cannot work): never "[object Object]".
 */
function describeThrown(value: unknown): string {
  if (value instanceof StopSignal) return "st.stop() was called where no script run can stop.";
  if (value instanceof RerunSignal) return "st.rerun() or st.switchPage() was called where no script run can rerun.";
  if (typeof value !== "object" || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    const name = value.constructor?.name;
    return name && name !== "Object" ? `${name} ${text}` : text;
  } catch {
    return `${(value as object).constructor?.name ?? "Object"} (thrown; not printable as JSON)`;
  }
}
