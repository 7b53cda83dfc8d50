/**
 * A browser without JavaScript, over `app.request`: it keeps cookies, parses each page (linkedom),
 * lets a test change controls found by their labels, submits the page's form the way a browser
 * does (successful controls in tree order, only the clicked button), follows redirects and links.
 * Following a link to one of the app's pages after changing a control presses the link's twin (a
 * submit), as the page's CSS shows it then. A new app instance serves every request, so nothing
 * can lean on memory between requests.
 */
import { parseHTML } from "linkedom";
import type { Hono } from "hono";
import { SessionState, type Json } from "../../src/engine/state.ts";
import type { Session } from "../../src/engine/run.ts";
import { TEST_SECRET, tokenSession } from "./token.ts";
import { joinToken } from "../../src/cookie/chunks.ts";
import { CookieJar } from "./cookie-jar.ts";
import { DEV_ENV, ORIGIN } from "./dev-env.ts";

export { TEST_SECRET };
export { ORIGIN, DEV_ENV };

export interface WidgetView {
  kind: string;
  label: string;
  key: string | null;
  value: Json;
}

type El = any;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** An element's text without what is hidden from screen readers (a button's icon). */
function spokenText(el: El): string {
  const copy = el.cloneNode(true);
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent;
}

/** Decodes the character references an HTML parser decodes in a <textarea> (numeric and the common named ones). */
function decodeCharRefs(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, (ref, body: string) => {
    if (body[0] !== "#") return NAMED[body] ?? ref;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

export class FormClient {
  readonly jar = new CookieJar();
  status = 0;
  html = "";
  headers = new Headers();
  doc: any = null;
  /** the URL of the last page loaded (after redirects) */
  url = "";
  /** the redirects the last request followed (their status and Location) */
  redirects: { status: number; location: string }[] = [];
  /** a control was changed since the page loaded (what `:user-valid` shows to the page's CSS) */
  private changed = false;

  /** load a streamed page's commit image, as a browser does (false: leave it unloaded) */
  loadCommitImages = true;

  constructor(
    private readonly makeApp: () => Hono<any>,
    /** the session cookie's name (createApp's cookieName) */
    private readonly cookieName = "formlit",
    /** the app's bindings (development mode unless a test says otherwise) and its secret */
    private readonly config: { env?: Record<string, unknown>; secret?: string } = {},
  ) {}

  /** the cookies the browser holds, by name */
  get cookies(): Map<string, string> {
    return this.jar.cookies;
  }

  /** Keeps the cookies a response sets (also one a test sent by hand). */
  keepCookies(res: Response) {
    this.jar.take(res);
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: this.jar.header() } : {};
  }

  /** GETs a subresource of the page (an image) with the cookies, as a browser does; keeps its cookies. */
  async subresource(src: string, site: "same-origin" | "cross-site" = "same-origin"): Promise<Response> {
    const res = await this.makeApp().request(ORIGIN + src, { headers: { ...this.cookieHeader(), "sec-fetch-site": site } }, this.config.env ?? DEV_ENV);
    this.keepCookies(res);
    return res;
  }

  /** The page's stylesheet, fetched from where its <link> points, as a browser does (it must answer 200). */
  async stylesheet(): Promise<string> {
    const href = this.doc.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    if (!href) throw new Error("the page links no stylesheet");
    const res = await this.subresource(href);
    if (res.status !== 200) throw new Error(`the stylesheet answered ${res.status}`);
    return res.text();
  }

  // ---- requests -------------------------------------------------------------------------------
  async request(method: "GET" | "POST", path: string, body?: URLSearchParams | string | FormData, extra: Record<string, string> = {}) {
    this.redirects = [];
    let res = await this.send(method, path, body, extra);
    // A browser follows a redirect with a GET (303, or 301/302 after a POST), keeping cookies.
    while (res.status >= 300 && res.status < 400 && res.headers.has("location")) {
      if (this.redirects.length >= 20) throw new Error(`more than 20 redirects from ${method} ${path}`);
      const location = res.headers.get("location")!;
      this.redirects.push({ status: res.status, location });
      const next = new URL(location, ORIGIN + path);
      // a redirect to another site (a sign-in provider) ends here: the test follows it itself
      if (next.origin !== ORIGIN) break;
      path = next.pathname + next.search;
      res = await this.send("GET", path, undefined, {});
    }
    this.url = path;
    this.status = res.status;
    this.headers = res.headers;
    this.html = await res.text();
    this.doc = parseHTML(this.html).document;
    this.changed = false;
    // a streamed page's previews are hidden by CSS once the page itself has arrived
    for (const live of this.doc.querySelectorAll(".fl-live")) live.remove();
    if (this.loadCommitImages) for (const img of this.doc.querySelectorAll("img.fl-commit")) await this.subresource(img.getAttribute("src"));
    // linkedom keeps a <textarea>'s character references as written; a browser decodes them.
    for (const area of this.doc.querySelectorAll("textarea")) area.textContent = decodeCharRefs(area.textContent);
    return res;
  }

  /** One request and its cookies. */
  private async send(method: "GET" | "POST", path: string, body?: URLSearchParams | string | FormData, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.cookieHeader(), ...extra };
    const multipart = body instanceof FormData; // fetch writes its content-type (with the boundary)
    if (method === "POST") {
      headers.origin ??= ORIGIN;
      if (!multipart) headers["content-type"] ??= "application/x-www-form-urlencoded";
    }
    const sent = method !== "POST" ? undefined : multipart ? body : body?.toString();
    const res = await this.makeApp().request(ORIGIN + path, { method, body: sent, headers }, this.config.env ?? DEV_ENV);
    this.keepCookies(res);
    return res;
  }

  get(path = "/") {
    return this.request("GET", path);
  }

  /** Reload: GET the page the form posts to (the page shown). */
  reload() {
    return this.get(this.form()?.getAttribute("action") ?? "/");
  }

  // ---- reading the page -----------------------------------------------------------------------
  form(): El {
    return this.doc?.querySelector("form#fl");
  }

  /** The URL path of the page shown ("/" for the default page). */
  path(): string {
    return this.form()?.getAttribute("action") ?? "";
  }

  /** The query parameters of the page's URL after the run: every value of each key. */
  queryParams(): Record<string, string[]> {
    const q = new URLSearchParams(this.path().split("?")[1] ?? "");
    return Object.fromEntries([...new Set(q.keys())].map((k) => [k, q.getAll(k)]));
  }

  /** Title of the current page in the navigation. */
  currentPage(): string | null {
    return this.doc.querySelector('.fl-nav-link[aria-current="page"]')?.textContent.trim() ?? null;
  }

  private wrappers(): El[] {
    return [...this.doc.querySelectorAll(".fl-widget")];
  }

  private labelOf(w: El): string {
    const kind = w.getAttribute("data-kind");
    if (kind === "button" || kind === "form_submit_button") return spokenText(w.querySelector("button"));
    if (kind === "download_button") return spokenText(w.querySelector("a, button"));
    if (kind === "menu_button") return spokenText(w.querySelector("summary, button"));
    const legend = w.querySelector("legend");
    if ((kind === "radio" || kind === "pills" || kind === "segmented_control" || kind === "feedback") && legend) return legend.textContent;
    return w.querySelector(".fl-label")?.textContent ?? "";
  }

  widgets(): WidgetView[] {
    return this.wrappers().map((w) => ({
      kind: w.getAttribute("data-kind"),
      label: this.labelOf(w),
      key: w.getAttribute("data-key"),
      value: JSON.parse(w.getAttribute("data-value")),
    }));
  }

  widget(label: string, nth = 0): El {
    const found = this.wrappers().filter((w) => this.labelOf(w) === label);
    if (!found[nth]) throw new Error(`No widget labelled "${label}" on the page. Widgets: ${this.widgets().map((w) => w.label).join(", ")}`);
    return found[nth];
  }

  value(label: string): Json {
    return JSON.parse(this.widget(label).getAttribute("data-value"));
  }

  /** The address of the file the download button labelled `label` serves (its link, or the link its button names). */
  downloadHref(label: string): string {
    const w = this.widget(label);
    return w.querySelector("a")?.getAttribute("href") ?? w.querySelector("button").getAttribute("data-href");
  }

  /** Output of st.text / st.markdown / st.write (strings), in page order. */
  texts(): string[] {
    return [...this.doc.querySelectorAll(".fl-main .fl-text, .fl-main .fl-markdown, .fl-sidebar .fl-text, .fl-sidebar .fl-markdown")].map((e: El) =>
      e.textContent.replace(/\n$/, ""),
    );
  }

  exceptions(): { type: string; message: string }[] {
    return [...this.doc.querySelectorAll(".fl-exception")].map((e: El) => ({
      type: e.getAttribute("data-type"),
      message: e.querySelector(".fl-exception-message").textContent,
    }));
  }

  alerts(kind: "warning" | "error" | "info" | "success"): string[] {
    return [...this.doc.querySelectorAll(`.fl-alert-${kind} .fl-alert-body`)].map((e: El) => e.textContent.trim());
  }

  notices(): string[] {
    return [...this.doc.querySelectorAll(".fl-notice")].map((e: El) => e.textContent.trim());
  }

  fieldErrors(): string[] {
    return [...this.doc.querySelectorAll(".fl-field-error")].map((e: El) => e.textContent.trim());
  }

  /** The session from the cookie the server set (signed, so decoding is reading, not trusting). */
  session(): Session {
    // A large session spans numbered cookies (name, name.1, name.2...), joined as the server does.
    const token = joinToken(Object.fromEntries(this.cookies), this.cookieName, 100);
    if (!token) throw new Error("no session cookie");
    return tokenSession(token, this.config.secret ?? TEST_SECRET);
  }

  /** What `Object.keys(st.sessionState)` would show, with values, after the last run. */
  state(): Record<string, Json> {
    return Object.fromEntries(SessionState.fromStored(this.session().st).filtered());
  }

  // ---- changing controls (staged until a submit) ----------------------------------------------
  set(label: string, value: Json, nth = 0): this {
    const w = this.widget(label, nth);
    this.changed = true;
    const kind = w.getAttribute("data-kind");
    switch (kind) {
      case "number_input":
      case "text_input":
      case "time_input":
      case "datetime_input":
      case "color_picker":
        w.querySelector("input:not([type=hidden])").setAttribute("value", value === null ? "" : String(value));
        break;
      case "date_input": {
        // one <input type=date>, or two for a range ([start, end])
        const inputs = [...w.querySelectorAll("input[type=date]")];
        const values = Array.isArray(value) ? value : [value];
        if (inputs.length !== values.length) throw new Error(`"${label}" takes ${inputs.length} date(s), not ${values.length}`);
        inputs.forEach((input: El, i) => input.setAttribute("value", values[i] === null ? "" : String(values[i])));
        break;
      }
      case "text_area":
      case "chat_input":
        w.querySelector("textarea").textContent = "\n" + String(value ?? "");
        break;
      case "checkbox":
      case "toggle": {
        const box = w.querySelector("input[type=checkbox]");
        if (value) box.setAttribute("checked", "");
        else box.removeAttribute("checked");
        break;
      }
      case "radio":
        for (const item of w.querySelectorAll(".fl-radio-item")) {
          const input = item.querySelector("input");
          if (item.querySelector("span").textContent === String(value)) input.setAttribute("checked", "");
          else input.removeAttribute("checked");
        }
        break;
      case "pills":
      case "segmented_control":
      case "feedback": {
        // value: the text (or, for feedback, the screen-reader name) of the pill(s) to tick
        const wanted = (Array.isArray(value) ? value : [value]).map(String);
        const items = [...w.querySelectorAll(".fl-pill")].map((item: El) => ({ input: item.querySelector("input"), name: item.querySelector("input").getAttribute("aria-label") ?? item.textContent }));
        for (const v of wanted) if (!items.some((i) => i.name === v)) throw new Error(`"${label}" has no pill "${v}"`);
        for (const i of items) wanted.includes(i.name) ? i.input.setAttribute("checked", "") : i.input.removeAttribute("checked");
        break;
      }
      case "select_slider":
        if (Array.isArray(value)) {
          // a range: one <select> per end, each set to its own value
          const selects = [...w.querySelectorAll("select")];
          if (selects.length !== value.length) throw new Error(`"${label}" takes ${selects.length} value(s), not ${value.length}`);
          selects.forEach((select: El, k) => {
            const options = [...select.querySelectorAll("option")];
            const wanted = String(value[k]);
            if (!options.some((o: El) => o.textContent === wanted)) throw new Error(`"${label}" has no option "${wanted}"`);
            options.forEach((o: El) => (o.textContent === wanted ? o.setAttribute("selected", "") : o.removeAttribute("selected")));
          });
          break;
        }
      // falls through: one value, as a selectbox
      case "selectbox":
      case "multiselect": {
        const wanted = (Array.isArray(value) ? value : [value]).map((v) => (v === null ? "" : String(v)));
        const options = [...w.querySelectorAll("option")];
        const labels = options.map((o: El) => (o.getAttribute("value") === "" ? "" : o.textContent));
        for (const v of wanted) if (!labels.includes(v)) throw new Error(`"${label}" has no option "${v}" (options: ${labels.join(", ")})`);
        options.forEach((o: El, i) => (wanted.includes(labels[i]!) ? o.setAttribute("selected", "") : o.removeAttribute("selected")));
        break;
      }
      case "slider": {
        const inputs = [...w.querySelectorAll("input[type=range]")];
        const values = Array.isArray(value) ? value : [value];
        inputs.forEach((input: El, i) => input.setAttribute("value", String(values[i])));
        break;
      }
      default:
        throw new Error(`cannot set a ${kind}`);
    }
    return this;
  }

  /** Sets a control's raw field value, bypassing the widget's own options (for hostile tests). */
  setRaw(label: string, raw: string): this {
    const control = this.widget(label).querySelector("input:not([type=hidden]), select, textarea");
    this.changed = true;
    if (control.tagName === "SELECT") {
      const option = this.doc.createElement("option");
      option.setAttribute("value", raw);
      option.setAttribute("selected", "");
      for (const o of control.querySelectorAll("option")) o.removeAttribute("selected");
      control.appendChild(option);
    } else if (control.tagName === "TEXTAREA") control.textContent = "\n" + raw;
    else control.setAttribute("value", raw);
    return this;
  }

  // ---- files ----------------------------------------------------------------------------------
  /** Files chosen in file inputs, by field name: sent with the next submit, then cleared. */
  private chosenFiles = new Map<string, File[]>();

  /** Chooses files in the st.fileUploader labelled `label` (the next submit sends them). */
  upload(label: string, ...files: { name: string; type?: string; content: string | Uint8Array }[]): this {
    return this.uploadInto(label, "input[type=file]", ...files);
  }

  /** Chooses files in the file input `selector` finds in the widget labelled `label` (a chat input has two). */
  uploadInto(label: string, selector: string, ...files: { name: string; type?: string; content: string | Uint8Array }[]): this {
    const input = this.widget(label).querySelector(selector);
    if (!input) throw new Error(`"${label}" has no file input ${selector}`);
    this.changed = true;
    this.chosenFiles.set(input.getAttribute("name"), files.map((f) => new File([f.content as BlobPart], f.name, { type: f.type ?? "" })));
    return this;
  }

  // ---- submitting ---------------------------------------------------------------------------
  /** The form data a browser would send, with `submitter` as the clicked button (file inputs: their file names). */
  formData(submitter: El | null): URLSearchParams {
    const data = new URLSearchParams();
    for (const [name, value] of this.entries(submitter)) data.append(name, typeof value === "string" ? value : value.name);
    return data;
  }

  /** The form's entries in tree order: strings, and Files for file inputs (an empty nameless one when none was chosen). */
  private entries(submitter: El | null): [string, string | File][] {
    const data: [string, string | File][] = [];
    const append = (name: string, value: string | File) => data.push([name, value]);
    for (const el of this.form().querySelectorAll("input, select, textarea, button")) {
      const name = el.getAttribute("name");
      if (!name || el.hasAttribute("disabled") || el.closest("fieldset[disabled]")) continue;
      const tag = el.tagName;
      if (tag === "BUTTON") {
        if (el === submitter) append(name, el.getAttribute("value") ?? "");
        continue;
      }
      if (tag === "SELECT") {
        for (const o of el.querySelectorAll("option")) if (o.hasAttribute("selected")) append(name, o.getAttribute("value") ?? o.textContent);
        continue;
      }
      if (tag === "TEXTAREA") {
        append(name, el.textContent.replace(/^\n/, "").replace(/\r?\n/g, "\r\n"));
        continue;
      }
      const type = (el.getAttribute("type") ?? "text").toLowerCase();
      if ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked")) continue;
      if (type === "submit") continue;
      if (type === "file") {
        const chosen = this.chosenFiles.get(name) ?? [];
        if (chosen.length === 0) append(name, new File([], "", { type: "application/octet-stream" }));
        for (const f of el.hasAttribute("multiple") ? chosen : chosen.slice(0, 1)) append(name, f);
        continue;
      }
      append(name, el.getAttribute("value") ?? (type === "checkbox" || type === "radio" ? "on" : ""));
    }
    return data;
  }

  submitWith(button: El) {
    const action = button?.getAttribute("formaction") ?? this.path();
    const multipart = this.form().getAttribute("enctype") === "multipart/form-data";
    let body: URLSearchParams | FormData = this.formData(button);
    if (multipart) {
      body = new FormData();
      for (const [name, value] of this.entries(button)) body.append(name, value);
    }
    this.chosenFiles.clear();
    return this.request("POST", action, body);
  }

  /** Presses "Apply" (what Enter in a text field does). */
  apply() {
    return this.submitWith(this.form().querySelector("button[name=_apply]"));
  }

  /** Clicks the button (st.button or st.form_submit_button) labelled `label`. */
  click(label: string, nth = 0) {
    return this.submitWith(this.widget(label, nth).querySelector("button"));
  }

  /** Chooses `option` in the menu of the menu button labelled `label` (its item is a submit button). */
  choose(label: string, option: string, nth = 0) {
    const items = [...this.widget(label, nth).querySelectorAll("button.fl-menu-item")] as El[];
    const item = items.find((b) => b.textContent === option);
    if (!item) throw new Error(`"${label}" has no option "${option}". Options: ${items.map((b) => b.textContent).join(", ")}`);
    return this.submitWith(item);
  }

  /**
   * Follows the link to one of the app's pages whose text is `text` (in `within`): a GET of its
   * address; after a change, its twin instead (a submit to that address, applying the change).
   */
  follow(text: string, within = ".fl-app") {
    const links = [...this.doc.querySelectorAll(`${within} a.fl-to`)] as El[];
    const link = links.find((a) => a.textContent.trim() === text);
    if (!link) throw new Error(`No link "${text}". Links: ${links.map((a) => a.textContent.trim()).join(", ")}`);
    if (this.changed) {
      const twin = link.nextElementSibling;
      if (!twin?.matches("button.fl-go")) throw new Error(`The link "${text}" has no twin that applies changes first`);
      return this.submitWith(twin);
    }
    return this.get(link.getAttribute("href"));
  }

  /** Follows the navigation entry titled `title`. */
  nav(title: string) {
    return this.follow(title, ".fl-nav");
  }

  /** Types a message in the chat input with this placeholder and presses Enter (which presses Apply). */
  /** Types a message and presses the chat input's Send button (a text area: Enter is a new line without JavaScript). */
  sendChat(text: string, placeholder = "Your message") {
    this.set(placeholder, text);
    return this.submitWith(this.widget(placeholder).querySelector("button.fl-chat-send"));
  }

  /** Changes one widget and presses Apply. */
  async change(label: string, value: Json, nth = 0) {
    this.set(label, value, nth);
    return this.apply();
  }
}
