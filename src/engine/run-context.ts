/**
 * Everything one script run records: the widgets it registered (for clean-up and for the next
 * request's form decoding), the element tree it produced, and the navigation it chose.
 */
import type { SessionState, Json } from "./state.ts";
import type { ElementNode } from "./tree.ts";
import type { NavInfo, StreamlitPage } from "../pages/page.ts";
import type { AppSpec } from "./app-spec.ts";
import type { FragmentRecord, FragmentScope } from "./fragments.ts";

/** How a widget's value arrives in a form post. */
export type PostStyle =
  | "one" // a single field (text, number, select)
  | "many" // repeated fields plus an empty marker (multiselect, range slider)
  | "bool" // an empty marker plus "1" when checked (checkbox, toggle)
  | "trigger" // present only when this button was the submitter
  | "file" // the request's files under its name (st.fileUploader), or its id in "_clear" to remove them
  | "chat" // a single field, sent only by Enter (Apply) or its own send button; otherwise kept as a draft
  | "grid"; // its own field plus every field named `<id>/<part>` (a table of inputs: st.data_editor)

/**
 * One widget as the last run rendered it; travels in the cookie (compact tuple). A widget drawn by
 * a fragment names it (the innermost one), so a post that changes only its widgets reruns only it.
 */
export type RenderedWidget = [id: string, style: PostStyle, formId: string, hasCallback: 0 | 1, valueDigest: string, fragment?: string];

export interface Callback {
  fn: (...args: unknown[]) => unknown;
  args: unknown[];
}

/** What a run registered for a widget: how to parse its value, its callback (a replay finds them again). */
export interface WidgetDefinition {
  parse: (raw: string[]) => { value: Json } | { error: string };
  callback: Callback | null;
  /** what the widget serves besides its value (st.downloadButton's data) */
  payload?: unknown;
}

/** "replay": the last run again, output discarded, to find what it registered */
export type RunMode = "run" | "replay" | "callback";

/** What a run may know of its request, beyond the session: none of it is HTTP-specific. */
export interface RequestInfo {
  /** the Worker's bindings and variables (st.secrets reads them) */
  env: Record<string, unknown>;
  /** the page's query parameters; st.queryParams reads and writes them, the response's URL shows them */
  query: URLSearchParams;
  /** files posted with this request, by field name (st.fileUploader) */
  files: Map<string, File[]>;
  /** where links to the app's own routes start: "" or the app's origin (embedded fragments) + its mount path */
  base: string;
  /** where st.writeStream sends text as it arrives, when the response can stream (absent: it cannot) */
  stream?: StreamSink;
}

/**
 * The response as it is being written: st.writeStream asks it to show the page so far (up to the
 * node that receives the text), then hands it each piece of text. Whoever serves the request
 * decides what that means (HTML flushed to the browser); the engine only calls it.
 */
export interface StreamSink {
  begin(ctx: RunContext, node: ElementNode): Promise<void>;
  write(text: string): Promise<void>;
}

export const emptyRequest = (): RequestInfo => ({ env: {}, query: new URLSearchParams(), files: new Map(), base: "" });

/** st.setPageConfig. */
export interface PageConfig {
  pageTitle?: string;
  pageIcon?: string;
  layout?: "centered" | "wide";
}

export class RunContext {
  scriptId = "main";
  readonly widgetIds = new Set<string>();
  readonly userKeys = new Set<string>();
  readonly formIds = new Set<string>();
  /** st.forms of this run made with clearOnSubmit */
  readonly clearedForms = new Set<string>();
  /** st.forms whose submit button this request's post pressed */
  submittedForms: ReadonlySet<string> = new Set();
  readonly rendered: RenderedWidget[] = [];
  main: ElementNode[] = [];
  sidebar: ElementNode[] = [];
  /** the containers `st.*` writes to, innermost last (the element layer pushes and pops) */
  readonly containerStack: unknown[] = [];
  navigation: NavInfo | null = null;
  /** open recordings of cached function calls: every element pushed while one is open (st.cacheData replays them) */
  readonly recordings: [target: unknown, node: ElementNode][][] = [];
  /** the page st.navigation returned and page.run() may still run (once) in this run */
  runnablePage: StreamlitPage | null = null;
  /** set when the requested URL matched no page */
  pageNotFound: string | null = null;
  /** messages from rejected posted values, by widget id */
  widgetErrors = new Map<string, string>();
  /** values staged in an st.form that was not submitted: echoed back, not committed */
  pendingRaw = new Map<string, string[]>();
  /** posted values no definition could parse before the run: parsed when the widget registers */
  lazyRaw = new Map<string, string[]>();
  /** the default-value warning is shown once per session */
  defaultWarningShown: boolean;
  /** the request this run belongs to (shared by every run of the request) */
  request: RequestInfo = emptyRequest();
  /** every widget this run registered: how to parse its value, its callback (see Engine's recent runs) */
  readonly definitions = new Map<string, WidgetDefinition>();
  /** the run read the bytes of a posted file that no upload store keeps (a replay cannot) */
  readUnkeptUpload = false;
  /** st.setPageConfig, if called */
  pageConfig: PageConfig = {};
  /** work the run started that must end before the response (st.fileUploader's copies to the upload store) */
  readonly pending: Promise<unknown>[] = [];
  /** st.dialog's modal boxes opened in this run (drawn apart from the page) */
  dialogs: ElementNode[] = [];
  /** the fragment being drawn (innermost), or null outside fragments */
  fragment: FragmentScope | null = null;
  /** every fragment this run drew, by id: how to draw it again */
  readonly fragments = new Map<string, FragmentRecord>();
  /** how many fragments the script ("") and each fragment (by id) has called so far: ids count on */
  readonly fragmentCalls = new Map<string, number>();
  /** the fragment this run reruns alone, or null for a run of the whole script */
  fragmentRun: string | null = null;
  /** uncaught exceptions show their stack (development) */
  showStack = false;

  constructor(
    readonly mode: RunMode,
    readonly state: SessionState,
    readonly app: AppSpec,
    /** URL path of the page this run should show ("" = default) */
    public requestedPath: string,
    defaultWarningShown: boolean,
  ) {
    this.defaultWarningShown = defaultWarningShown;
  }

  selectedPage(): StreamlitPage | null {
    return this.navigation?.selected ?? null;
  }
}
