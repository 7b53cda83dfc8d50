/**
 * One script run: what it is (mode, state, request), what it draws (`page`), the widgets it
 * registered and what the request posted for them (`widgets`), the fragments it drew
 * (`fragments`), and per-run state of the layers built on the engine (`slots`). The engine owns the
 * typed groups; the element layer keeps its own state in slots, so the engine knows nothing of it.
 */
import type { SessionState, Json } from "./state.ts";
import type { RerunSignal, StopSignal } from "./errors.ts";
import type { ElementNode } from "./tree.ts";
import type { AppSpec } from "./app-spec.ts";
import type { FragmentRecord, FragmentScope, PageTree } from "./fragments.ts";
import { Slots } from "./slots.ts";
import { WidgetList } from "./widget-list.ts";
import { ENTRYPOINT_SCRIPT } from "./page-change.ts";
import { Presses, StreamTexts, type StreamText } from "./presses.ts";
import type { Opener, Opening } from "./openings.ts";

/** How a widget's value arrives in a form post. */
export type PostStyle =
  | "one" // a single field (text, number, select)
  | "many" // repeated fields plus an empty marker (multiselect, range slider)
  | "bool" // an empty marker plus "1" when checked (checkbox, toggle)
  | "trigger" // present only when this button was the submitter
  | "choice" // a trigger with several buttons: present only when one of them submitted, its text the choice (st.menuButton)
  | "file" // the request's files under its name (st.fileUploader), or its id in "_clear" to remove them
  | "chat" // a single field, sent only by Enter (Apply) or its own send button; otherwise kept as a draft
  | "download" // never posted: a link to the download route (st.downloadButton), which looks its id up
  | "download-rerun" // the same link, and a press when "_dl" names it (st.downloadButton's default on click: rerun)
  | "grid"; // its own field plus every field named `<id>/<part>` (a table of inputs: st.data_editor)

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
  /** the element layer's data shared by every run of this request (see slots.ts) */
  readonly slots: Slots;
  /**
   * what the request says of its sender (st.context): plain data, worked out by whoever serves the
   * request the first time a run asks (most scripts never read st.context, and every request
   * would otherwise copy its headers and cookies for nothing)
   */
  facts: () => RequestFacts;
  /** keeps work going after the response (a Worker's waitUntil); whoever serves the request decides how */
  waitUntil: (work: Promise<unknown>) => void;
  /** who the request comes from, as whoever serves it verified; absent: no sign-in is configured */
  auth?: AuthInfo;
}

/**
 * Sign-in as a run sees it: plain data the HTTP layer fills in before the run (it verified the
 * identity) and reads after it (what st.login or st.logout asked for). The run never sees how.
 */
export interface AuthInfo {
  /** the signed-in user's claims (an ID token's, or a Cloudflare Access assertion's); null: nobody */
  user: Record<string, Json> | null;
  /** the providers st.login may name ("default": the unnamed one), each with null or why it cannot sign in */
  providers: Record<string, string | null>;
  /** set by st.login / st.logout: the request ends with the sign-in or sign-out it asked for */
  asked?: { login: string } | { logout: true };
}

/**
 * What a request says of the person sending it, as st.context shows it: the serving layer reads
 * it from the request, the engine only carries it to the runs of that request.
 */
export interface RequestFacts {
  /** the request's headers, names in lower case */
  headers: Readonly<Record<string, string>>;
  /** the request's cookies, the app's own session cookies left out */
  cookies: Readonly<Record<string, string>>;
  /** the address the browser asked for */
  url: string;
  ipAddress: string | null;
  /** the browser's first preferred language (Accept-Language), e.g. "en-US" */
  locale: string | null;
  /** an IANA time zone name, e.g. "Europe/Berlin": the browser's (posted by the client script) or the network's guess */
  timezone: string | null;
  /** minutes to add to local time to reach UTC, as the browser's Date#getTimezoneOffset (Berlin in winter: -60) */
  timezoneOffset: number | null;
  theme: { type: "light" | "dark" | null };
  /** the request comes from a page that embeds the app */
  isEmbedded: boolean;
}

export const noFacts = (): RequestFacts => ({
  headers: {},
  cookies: {},
  url: "",
  ipAddress: null,
  locale: null,
  timezone: null,
  timezoneOffset: null,
  theme: { type: null },
  isEmbedded: false,
});

/** Work that outlives the response with no runtime to hold it: it runs on, and a failure is logged, never unhandled. */
export const keepRunning = (work: Promise<unknown>): void => {
  work.catch((err) => console.error("st.context.waitUntil: the work failed:", err));
};

/**
 * The response as it is being written: st.writeStream asks it to show the page so far (up to the
 * node that receives the text), then hands it each piece of text. Whoever serves the request
 * decides what that means (HTML flushed to the browser); the engine only calls it.
 */
export interface StreamSink {
  begin(ctx: RunContext, node: ElementNode): Promise<void>;
  write(text: string): Promise<void>;
}

export const emptyRequest = (): RequestInfo => ({
  env: {},
  query: new URLSearchParams(),
  files: new Map(),
  base: "",
  slots: new Slots(),
  facts: noFacts,
  waitUntil: keepRunning,
});

/** st.setPageConfig. */
export interface PageConfig {
  pageTitle?: string;
  pageIcon?: string;
  layout?: "centered" | "wide";
}

/**
 * The page a run chose, as far as the engine needs it: which page it shows. The navigation layer
 * makes it (st.navigation, pages-directory mode) with its menu inside; the engine carries it from
 * the run that drew the page to the callbacks and fragment reruns of the next request.
 */
export interface PageChoice {
  /** URL path of the page shown ("" for the default page) */
  readonly shownPath: string;
}

/** Runs the app's script in a run (the entrypoint, or the page the navigation layer picks). */
export type ScriptRunner = (ctx: RunContext) => Promise<void>;

/** What every run of an app is made with: the app, how its script runs, whether stacks show. */
export interface RunSetup {
  app: AppSpec;
  runScript: ScriptRunner;
  showStack: boolean;
}

/** What a run draws. */
export interface RunPage extends PageTree {
  /** st.setPageConfig, if called */
  config: PageConfig;
  /** set when the requested URL matched no page */
  notFound: string | null;
}

/** What the request posted for the widgets, as the runs of the request see it. */
export interface PostedValues {
  /** messages from rejected posted values, by widget id */
  errors: Map<string, string>;
  /** values staged in an st.form that was not submitted: echoed back, not committed */
  staged: Map<string, string[]>;
  /** posted values no definition could parse before the run: parsed when the widget registers */
  lazyRaw: Map<string, string[]>;
  /** st.forms whose submit button this request's post pressed */
  submittedForms: ReadonlySet<string>;
  /** widgets this request's post changed, pressed or staged (what a person just used) */
  touched: ReadonlySet<string>;
}

export const nothingPosted = (): PostedValues => ({ errors: new Map(), staged: new Map(), lazyRaw: new Map(), submittedForms: new Set(), touched: new Set() });

/** The widgets a run registered (see widgets.ts), with what the request posted for them. */
export class RunWidgets {
  readonly ids = new Set<string>();
  readonly userKeys = new Set<string>();
  readonly formIds = new Set<string>();
  /** st.forms of this run made with clearOnSubmit */
  readonly clearedForms = new Set<string>();
  /**
   * every widget as the cookie records it, in render order; a widget drawn by a fragment names it
   * (the innermost one), so a post that changes only its widgets reruns only it
   */
  readonly rendered = new WidgetList();
  /** the widgets a page drew, not the entrypoint: a change of page drops them first */
  readonly pageDrawn = new Set<string>();
  /** every widget's parser and callback (see Engine's recent runs) */
  readonly definitions = new Map<string, WidgetDefinition>();

  constructor(
    readonly posted: PostedValues,
    /** the default-value warning is shown once per session */
    public defaultWarningShown: boolean,
  ) {}
}

/** The fragments of a run. */
export interface RunFragments {
  /** the fragment being drawn (innermost), or null outside fragments */
  current: FragmentScope | null;
  /** every fragment this run drew, by id: how to draw it again */
  readonly records: Map<string, FragmentRecord>;
  /** how many fragments the script ("") and each fragment (by id) has called so far: ids count on */
  readonly calls: Map<string, number>;
  /** the fragment this run reruns alone, or null for a run of the whole script */
  readonly rerun: string | null;
}

/** How a run starts. */
export interface RunInit {
  mode: RunMode;
  state: SessionState;
  app: AppSpec;
  /** URL path of the page this run should show ("" = default) */
  requestedPath: string;
  request: RequestInfo;
  showStack: boolean;
  warned: boolean;
  posted?: PostedValues;
  /** the page choice of the run that drew the page (callbacks and fragment reruns run without st.navigation) */
  navigation?: PageChoice | null;
  fragmentRun?: string | null;
  /** in a replay: the triggers released at its start, and what the live run's st.writeStream calls wrote */
  released?: Set<string>;
  streamTexts?: readonly StreamText[];
}

export class RunContext {
  readonly mode: RunMode;
  readonly state: SessionState;
  readonly app: AppSpec;
  readonly requestedPath: string;
  /** the request this run belongs to (shared by every run of the request) */
  readonly request: RequestInfo;
  /** uncaught exceptions show their stack (development) */
  readonly showStack: boolean;
  /** the script running: the entrypoint's id or a page's, part of widget and fragment ids */
  scriptId = ENTRYPOINT_SCRIPT;
  /** the page the navigation layer chose (null: no navigation) */
  navigation: PageChoice | null;
  readonly page: RunPage = { main: [], sidebar: [], dialogs: [], config: {}, notFound: null };
  readonly widgets: RunWidgets;
  readonly fragments: RunFragments;
  /** work the run started that must end before the response (st.fileUploader's copies, st.write of a stream) */
  readonly pending: Promise<unknown>[] = [];
  /** the run read the bytes of a posted file that no upload store keeps (a replay cannot) */
  readUnkeptUpload = false;
  /**
   * The first st.stop/st.rerun/st.switchPage of the run: it ends the run as asked even when the
   * app's own catch swallowed the signal it threw.
   */
  signalled: StopSignal | RerunSignal | null = null;
  /** the element layer's data for this run (see slots.ts) */
  readonly slots = new Slots();
  /** when the script first looked at a pressed (in a replay: released) trigger (presses.ts) */
  readonly presses: Presses;
  /** st.writeStream's texts: kept by a live run, handed back to its replay */
  readonly streams: StreamTexts;
  /** dialog openers this run made, by name, and the dialogs it opened that a replay must open again (openings.ts) */
  readonly openers = new Map<string, Opener>();
  readonly openings: Opening[] = [];

  constructor(init: RunInit) {
    this.mode = init.mode;
    this.state = init.state;
    this.app = init.app;
    this.requestedPath = init.requestedPath;
    this.request = init.request;
    this.showStack = init.showStack;
    this.navigation = init.navigation ?? null;
    this.widgets = new RunWidgets(init.posted ?? nothingPosted(), init.warned);
    this.fragments = { current: null, records: new Map(), calls: new Map(), rerun: init.fragmentRun ?? null };
    this.presses = new Presses(init.released);
    this.streams = new StreamTexts(this.presses, init.streamTexts);
  }

  /** The URL path of the page this run shows. */
  shownPath(): string {
    return this.navigation?.shownPath ?? this.requestedPath;
  }
}
