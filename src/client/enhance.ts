/**
 * The enhancement script, optional by design (every page works without it). With it a change reruns at once: the same form POST, sent with
 * fetch, and the answer (the app's form only) replaces the form in place, keeping focus, caret,
 * scroll and open <details>. Links to the app's pages load in place (a GET), or, when something
 * typed is not applied yet, submit the form to the link's address so it is applied first. Page
 * switches update the URL; Back/Forward rerun the right page; actions taken while a request is in
 * flight are queued and sent in order (a newer page load replaces an older one still loading); any
 * failure falls back to a plain submit or load. It also
 * defines <formlit-app src="..."> for embedding an app in a page on another origin.
 *
 * Fragments: when the answer names one part of the page (`X-Formlit-Swap`, a fragment's rerun or a
 * closed dialog), only that part and the form's hidden fields are replaced. A fragment with
 * `data-run-every` posts its own rerun on a timer (only the hidden fields and its id, so values
 * being typed elsewhere are not sent). A dialog the server drew open becomes a real modal
 * (showModal keeps focus inside it); Escape presses its close control.
 *
 * scripts/build-client.mjs bundles and minifies it into script.generated.ts (`npm run
 * build:client` after a change; a test fails when the generated file is stale). It must stay small
 * (budget: 4 KB gzipped, checked by a test). No framework.
 */
import { COMMIT_FIELD, EMBED_ROUTE, FRAGMENT_FIELD, HIDDEN_FIELDS, LOCATION_HEADER, PATH_HEADER, SHAPE_HEADER, SWAP_HEADER, TIMEZONE_FIELD, TITLE_HEADER } from "../protocol/form.ts";

const d = document;
const APP = "form.fl-app";
let inflight: AbortController | null = null;
/** the request in flight posts (an action the server must see) rather than loads a page */
let posting = false;
/** actions taken while a request was in flight: sent one after another, in order, never dropped */
const waiting: (() => void)[] = [];
let timer = 0;
let queued: HTMLElement | null = null;
/** where the queued submit goes when a link asked for it */
let queuedUrl: string | undefined;

/**
 * Whether `url` is the app's own: its origin and under its base path (the form's data-base). The
 * script fetches, posts to and puts in place only those: a link the app did not make (st.html
 * shows what visitors write) must never receive the form or replace the page.
 */
const own = (root: HTMLElement, url: string) => {
  try {
    const base = new URL((root.querySelector(APP) as HTMLElement | null)?.dataset.base || "/", location.href);
    const u = new URL(url, location.href);
    return u.origin === base.origin && (u.pathname + "/").startsWith(base.pathname.replace(/\/?$/, "/"));
  } catch {
    return false;
  }
};

/** A control whose value differs from the one the page was rendered with. */
/** Whether the person changed this control since the server drew it. */
const edited = (e: HTMLInputElement) =>
  !e.name
    ? false
    : e.type === "checkbox" || e.type === "radio"
      ? e.checked !== e.defaultChecked
      : e.tagName === "SELECT"
        ? [...(e as any as HTMLSelectElement).options].some((o) => o.selected !== o.defaultSelected)
        : "defaultValue" in e && e.value !== e.defaultValue;
const changed = (form: HTMLFormElement) => [...(form.elements as any as HTMLInputElement[])].some(edited);

/**
 * The typed controls of the form shown (text, numbers, dates, text areas: not boxes, files, hidden
 * fields or buttons), each with a key that names it in any form the server draws: its name and its
 * place among the controls of that name.
 */
const typedFields = (root: HTMLElement) => {
  const seen: Record<string, number> = {};
  return [...((root.querySelector(APP) as HTMLFormElement | null)?.elements ?? [])]
    .filter((e): e is HTMLInputElement => !!(e as HTMLInputElement).name && (e.tagName === "TEXTAREA" || (e.tagName === "INPUT" && !/^(checkbox|radio|hidden|file|submit|button|image|reset)$/.test((e as HTMLInputElement).type))))
    .map((e) => [e, e.name + " " + (seen[e.name] = (seen[e.name] ?? -1) + 1)] as const);
};

/**
 * What the person has typed since the request left (`sent`: each control's value then), noted by
 * key with the two values the answer may draw that control with: the one sent, or the one drawn
 * before. The answer's form was drawn before the server saw those keys, so they are put into it
 * again. The run's value wins, as in Streamlit, where the answer marks the widget as set by the
 * run (data-set: a callback or the script wrote it, even back to the value drawn before) or draws
 * the control with any other value.
 */
const noteTyped = (root: HTMLElement, sent: Map<Element, string>, typed: Map<string, string[]>) => {
  for (const [e, k] of typedFields(root)) {
    const base = sent.get(e) ?? e.defaultValue;
    if (e.value !== base) typed.set(k, [e.value, base, e.defaultValue]);
    else typed.delete(k);
  }
};
const putTyped = (root: HTMLElement, typed: Map<string, string[]>) => {
  for (const [e, k] of typedFields(root)) {
    const [value, ...bases] = typed.get(k) ?? [];
    if (value !== undefined && bases.includes(e.defaultValue) && !e.closest("[data-set]")) e.value = value;
  }
};

const enhance = (root: HTMLElement, embed: boolean) => {
  root.classList.add("fl-js");
  // Changes outside an st.form rerun at once; text fields on blur or Enter, sliders on release.
  root.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    const form = t.closest(APP) as HTMLFormElement | null;
    // (an answer put in place blurs the field being typed in: not the person committing it)
    if (replacing) return void (held = [(t as HTMLInputElement).name, (t as any).sent === (t as HTMLInputElement).value]);
    // (switching a tab, or a control with no name (a toast's Close), is only CSS: nothing to
    // send; a chat message, and the files chosen for it, are sent by Enter only)
    if (form && (t as HTMLInputElement).name && !t.closest(".fl-form") && !t.matches(".fl-tab-radio,.fl-chat-field,.fl-chat-file")) {
      // (the change event that follows an Enter which already sent this value sends nothing more)
      const byEnter = (t as any).byEnter;
      (t as any).byEnter = false;
      if (byEnter && (t as any).sent === (t as HTMLInputElement).value) return;
      (t as any).sent = (t as HTMLInputElement).value;
      schedule(root, form, null, embed);
    }
  });
  // Enter in a field, Ctrl/Cmd+Enter in a text area: commit it, as Streamlit does.
  root.addEventListener("keydown", (e) => {
    const t = e.target as HTMLInputElement;
    const form = t.closest(APP) as HTMLFormElement | null;
    if (e.key !== "Enter" || e.isComposing || !form) return;
    // Enter in a chat input sends that one (its own send button), as in Streamlit; with Shift
    // (or Ctrl, Cmd) it is a new line in the message.
    if (t.matches(".fl-chat-field")) {
      if (e.shiftKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      return (t.closest(".fl-chat_input")!.querySelector("button") as HTMLButtonElement).click();
    }
    // (in a text area Enter is a new line: Ctrl+Enter or Cmd+Enter commits it, as in Streamlit)
    if (!(t.tagName === "INPUT" || (t.tagName === "TEXTAREA" && (e.ctrlKey || e.metaKey)))) return;
    const group = t.closest(".fl-form");
    e.preventDefault();
    // Outside an st.form, a value not sent yet is sent as a change (so a fragment's field reruns
    // only its fragment); one already sent, or none typed, sends nothing (no Apply of the whole app).
    if (!group) {
      if (t.value !== t.defaultValue && t.value !== (t as any).sent) {
        (t as any).sent = t.value;
        (t as any).byEnter = true;
        schedule(root, form, null, embed);
      }
      return;
    }
    // Inside an st.form, Enter submits that form, as in Streamlit; with enterToSubmit: false
    // it does nothing (the value waits for the form's button).
    if (group.getAttribute("data-enter") === "0") return;
    (group.querySelector(".fl-form_submit_button button") as HTMLButtonElement | null)?.click();
  });
  // A click outside an open popover or menu closes it (light dismiss), as Streamlit's do; one
  // whose state the server keeps closes by its own button, so the server hears of it.
  d.addEventListener("click", (e) => {
    root.querySelectorAll<HTMLDetailsElement>("details.fl-popover[open],details.fl-menu[open]").forEach((p) => {
      if (!p.contains(e.target as Node)) p.open = false;
    });
    root.querySelectorAll<HTMLElement>(".fl-popover-on").forEach((p) => {
      if (!p.contains(e.target as Node)) p.querySelector<HTMLElement>(".fl-popover-toggle")!.click();
    });
  });
  // A plain click on a link to one of the app's pages (a new tab, a download: the browser's).
  root.addEventListener("click", (e) => {
    const a = (e.target as HTMLElement).closest?.("a.fl-to") as HTMLAnchorElement | null;
    const form = a?.closest(APP) as HTMLFormElement | null;
    if (!a || !form || !own(root, a.href) || e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (timer || changed(form)) schedule(root, form, null, embed, a.href);
    else request(root, a.href, { method: "GET" }, embed, true, () => location.assign(a.href));
  });
  // Escape in a dialog: its close control, so the server knows it is closed.
  root.addEventListener(
    "cancel",
    (e) => {
      const close = (e.target as HTMLElement).querySelector?.(".fl-dialog-close") as HTMLElement | null;
      if (!close) return;
      e.preventDefault();
      close.click();
    },
    true,
  );
  root.addEventListener("submit", (e) => {
    const form = e.target as HTMLFormElement;
    if (!form.matches(APP) || (form as any).native) return;
    e.preventDefault();
    const by = (e as SubmitEvent).submitter;
    // a menu closes on its choice, as a new page without JavaScript draws it closed
    by?.closest("details.fl-menu")?.removeAttribute("open");
    // A link button that reruns: its link in a new tab (this click allows it), then the press here.
    if (by?.dataset.open) open(by.dataset.open, "_blank", "noopener");
    // A download button that reruns: its file from the link (the run that drew it), then the press.
    const file = by?.dataset.href;
    if (file) {
      const a = d.createElement("a");
      a.href = file;
      a.download = by!.dataset.file!;
      a.click();
    }
    schedule(root, form, by, embed);
  });
  settle(root, embed);
  extras(root);
};

/**
 * What a script adds to two elements: a JSON view's copy button (drawn hidden; it shows with the
 * script) copies the JSON; Escape hides a help tooltip shown by hover or focus until the pointer
 * or focus leaves it, so it never stays in the way.
 */
const extras = (root: HTMLElement) => {
  root.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest?.(".fl-json-copy");
    const text = b?.previousElementSibling?.textContent;
    if (text != null) navigator.clipboard?.writeText(text).then(() => b!.classList.add("fl-copied"));
  });
  root.addEventListener("keydown", (e) => {
    const shown = e.key === "Escape" ? root.querySelectorAll(".fl-tip:hover,.fl-tip:focus-within") : [];
    if (!shown.length) return;
    e.preventDefault(); // (a dialog around it stays open)
    shown.forEach((t) => t.classList.add("fl-tip-off"));
  });
  // A field whose change an answer held back commits when the person leaves it, as in Streamlit
  // (unless Enter, or the browser's own change for typing since, has sent it already).
  root.addEventListener("focusout", (e) => {
    const t = e.target as HTMLInputElement & { unsent?: boolean; sent?: string };
    if (!t.unsent) return;
    t.unsent = false;
    if (t.value !== t.defaultValue && t.value !== t.sent) t.dispatchEvent(new Event("change", { bubbles: true }));
  });
  for (const type of ["mouseout", "focusout"])
    root.addEventListener(type, (e) => {
      const tip = (e.target as HTMLElement).closest?.(".fl-tip");
      if (tip && !tip.contains((e as MouseEvent).relatedTarget as Node | null)) tip.classList.remove("fl-tip-off");
    });
};

/** After the page changed: open dialogs as modals, the page behind inert only under one, timers. */
const settle = (root: HTMLElement, embed: boolean) => {
  root.querySelectorAll<HTMLDialogElement>("dialog[open]").forEach((dialog) => {
    if (dialog.matches(":modal")) return;
    dialog.close();
    dialog.showModal();
  });
  const layout = root.querySelector<HTMLElement>("form.fl-app .fl-layout");
  if (layout) layout.inert = !!root.querySelector("form.fl-app dialog");
  const r = root as any;
  (r.ticks || []).forEach(clearInterval);
  r.ticks = [...root.querySelectorAll<HTMLElement>("[data-run-every]")].map((el) =>
    setInterval(() => {
      const form = root.querySelector(APP) as HTMLFormElement | null;
      if (inflight || waiting.length || !form) return;
      const body = new URLSearchParams({ [FRAGMENT_FIELD]: el.dataset.fragment! });
      for (const name of HIDDEN_FIELDS) body.set(name, (form.elements.namedItem(name) as HTMLInputElement).value);
      request(root, form.action, { method: "POST", body }, embed, false, () => {}, true);
    }, +el.dataset.runEvery! * 1000),
  );
};

/** the form as it was at a change still waiting to be sent (null when a press or a link joined it) */
let snap: FormData | null = null;

// A change and the press or link that follows it (a blur, then the click that caused it) are one
// request. Two changes are two: each is sent as the form was at its change, in the order made, so a
// second pick is read against the run that applied the first (the order of picks is kept).
const schedule = (root: HTMLElement, form: HTMLFormElement, submitter: HTMLElement | null, embed: boolean, url?: string) => {
  const fire = () => {
    const [s, to, data] = [queued, queuedUrl, snap];
    queued = null;
    queuedUrl = undefined;
    snap = null;
    timer = 0;
    send(root, form, s, embed, to, data);
  };
  clearTimeout(timer);
  if (timer && snap && !submitter && !url) fire();
  queued = submitter ?? queued;
  queuedUrl = url ?? queuedUrl;
  snap = queued || queuedUrl ? null : new FormData(form);
  timer = setTimeout(fire, 0) as unknown as number;
};

/** The plain submit, when fetch failed: from the form the page shows now (a queued action's may be gone). */
const fallback = (root: HTMLElement, form: HTMLFormElement, submitter: HTMLElement | null, url?: string) => {
  const now = form.isConnected ? form : (root.querySelector(APP) as HTMLFormElement | null);
  if (!now) return;
  const name = submitter?.getAttribute("name");
  const button = submitter?.isConnected ? submitter : name ? now.querySelector(`[name="${CSS.escape(name)}"]`) : null;
  (now as any).native = true;
  if (url) now.action = url;
  now.requestSubmit(button as HTMLButtonElement | null);
};

/**
 * Sends a request, or, while another is in flight, queues it: a post the server may not have seen
 * is never aborted (the person's action would be lost, and the next form stale), so actions are
 * applied one after another, in order. Only a page load still in flight gives way to a newer one.
 */
const request = (root: HTMLElement, url: string, init: RequestInit, embed: boolean, push: boolean, onFail: () => void, quiet?: boolean, body?: () => BodyInit) => {
  if (!own(root, url)) return;
  if (inflight && (posting || init.method === "POST" || waiting.length)) {
    waiting.push(() => request(root, url, init, embed, push, onFail, quiet, body));
    return;
  }
  if (body) init.body = body();
  inflight?.abort();
  posting = init.method === "POST";
  const ctrl = (inflight = new AbortController());
  const busy = embed ? root : d.documentElement;
  // (a timer's rerun shows no "Running…")
  if (!quiet) busy.classList.add("fl-running");
  init.headers = { [SHAPE_HEADER]: embed ? "embed" : "partial" };
  init.credentials = embed ? "include" : "same-origin";
  init.signal = ctrl.signal;
  // what to keep is read just before the first swap (as late as possible: the person may have
  // moved on while the request was in flight), then restored after every swap
  let restore: (() => void) | null = null;
  const sent = new Map<Element, string>(typedFields(root).map(([e]) => [e, e.value]));
  const typed = new Map<string, string[]>();
  fetch(url, init)
    .then((res) => {
      // sign-in and sign-out go to another site or a new session: a real navigation, not a swap
      const away = res.headers.get(LOCATION_HEADER);
      if (away) return location.assign(away);
      const path = res.headers.get(PATH_HEADER);
      // (an answer from elsewhere, a redirect away included, is never put in the page)
      if (path === null || !res.body || !own(root, res.url)) throw 0;
      // one part of the page (a fragment's rerun): put in place once the answer is whole
      const target = res.headers.get(SWAP_HEADER);
      // Read the answer as it arrives: a streamed page shows its preview (and the text coming
      // in) until the page itself has arrived.
      const reader = res.body.getReader();
      const text = new TextDecoder();
      let html = "";
      let shown = false;
      const pump = (): Promise<void> =>
        reader.read().then(({ done, value }) => {
          if (ctrl !== inflight) return;
          html += text.decode(value, { stream: !done });
          // (a part that does not reach the first tag yet shows nothing; a whole answer must)
          restore ??= keep(root);
          noteTyped(root, sent, typed);
          // The end of an answer that brings no more bytes changes nothing shown: putting the same
          // page in again would throw away what the person typed since it arrived.
          if (target ? done && part(root, html, target) : (value?.length || !shown) && swap(root, html)) {
            putTyped(root, typed);
            restore();
            holdOver(root);
            settle(root, embed);
            shown = true;
          } else if (done && !shown) throw 0;
          if (!done) return pump();
          if (!embed) {
            d.title = decodeURIComponent(res.headers.get(TITLE_HEADER) || "") || d.title;
            // a new page is a new history entry; new query parameters on the same page are not
            const [p, q = ""] = path.split("?");
            if (push && p !== location.pathname) history.pushState(null, "", path);
            else if ("?" + q !== (location.search || "?")) history.replaceState(null, "", path);
          }
        });
      return pump();
    })
    .catch(() => {
      if (!ctrl.signal.aborted) onFail();
    })
    .finally(() => {
      if (ctrl !== inflight) return;
      inflight = null;
      posting = false;
      const next = waiting.shift();
      if (next) next();
      else busy.classList.remove("fl-running");
    });
};

/**
 * A queued change of checkboxes or radios, put onto the newer form: the boxes the person ticked or
 * cleared as they left them, the others as the newer form draws them, each with the newer form's
 * value (a pick's place among the picks is drawn there: it keeps the order of picks). False when the
 * two forms hold that name differently, and the person's values are sent as they were.
 */
const ticks = (out: FormData, name: string, was: FormData, old: HTMLFormElement, now: HTMLFormElement) => {
  const of = (f: HTMLFormElement) => [...(f.elements as any as HTMLInputElement[])].filter((e) => e.name === name);
  const [o, n] = [of(old), of(now)];
  if (o.length !== n.length || o.some((e, i) => !/^(checkbox|radio|hidden)$/.test(e.type) || e.type !== n[i]!.type)) return false;
  out.delete(name);
  const picked = was.getAll(name);
  o.forEach((e, i) => {
    const m = n[i]!;
    const mine = picked.includes(e.value);
    if (!m.disabled && (m.type === "hidden" || (mine !== e.defaultChecked ? mine : m.checked))) out.append(name, m.value);
  });
  return true;
};

const send = (root: HTMLElement, form: HTMLFormElement, submitter: HTMLElement | null, embed: boolean, to?: string, snapshot?: FormData | null) => {
  // what the person did, as the form held it (a queued action is sent later, from a newer form)
  const data = snapshot ?? new FormData(form, submitter);
  const url = to ?? (submitter?.getAttribute("formaction") ? (submitter as HTMLButtonElement).formAction : form.action);
  // Made when it is sent, with the hidden fields of the form the page shows then: a queued action
  // is read against the run that drew that form, not an older one.
  const body = () => {
    const now = root.querySelector(APP) as HTMLFormElement | null;
    let out = data;
    if (now && now !== form) {
      // An answer replaced the form since: its untouched fields hold what the server drew before
      // that answer. The page's values now, then, with only what the person changed and pressed.
      out = new FormData(now);
      const names = new Set([...(form.elements as any as HTMLInputElement[])].filter(edited).map((e) => e.name));
      if (submitter?.getAttribute("name")) names.add(submitter.getAttribute("name")!);
      for (const name of names) {
        if (ticks(out, name, data, form, now)) continue;
        out.delete(name);
        for (const v of data.getAll(name)) out.append(name, v);
      }
    }
    for (const name of [...HIDDEN_FIELDS, COMMIT_FIELD]) {
      const field = now?.elements.namedItem(name) as HTMLInputElement | null;
      if (field) out.set(name, field.value);
      else out.delete(name);
    }
    // st.context.timezone: only the browser knows its own zone (a server guesses it from the address)
    out.set(TIMEZONE_FIELD, Intl.DateTimeFormat().resolvedOptions().timeZone);
    // a page with a file uploader posts multipart (with the files), any other URL-encoded
    return form.enctype === "multipart/form-data" ? out : new URLSearchParams(out as any);
  };
  request(root, url, { method: "POST" }, embed, true, () => fallback(root, form, submitter, to), false, body);
};

/** What a swap must keep: focus and caret, open <details>, chosen tabs, scroll; restored by the returned function. */
const keep = (root: HTMLElement) => {
  const active = d.activeElement as HTMLInputElement | null;
  const id = active && root.contains(active) ? active.id : "";
  let caret: [number | null, number | null] = [null, null];
  try {
    caret = [active!.selectionStart, active!.selectionEnd];
  } catch {}
  const open = [...root.querySelectorAll("details")].map((x) => x.open);
  const tabs = [...root.querySelectorAll<HTMLInputElement>(".fl-tab-radio:checked")].map((x) => x.id);
  const side = root.querySelector(".fl-sidebar");
  const [x, y, sideTop] = [scrollX, scrollY, side?.scrollTop ?? 0];
  return () => {
    root.querySelectorAll("details").forEach((el, i) => {
      if (i < open.length) el.open = open[i]!;
    });
    for (const t of tabs) {
      const radio = d.getElementById(t) as HTMLInputElement | null;
      if (radio) radio.checked = true;
    }
    const el = id ? (d.getElementById(id) as HTMLInputElement | null) : null;
    if (el) {
      el.focus({ preventScroll: true });
      try {
        if (caret[0] !== null) el.setSelectionRange(caret[0], caret[1]);
      } catch {}
    }
    scrollTo(x, y);
    const s = root.querySelector(".fl-sidebar");
    if (s) s.scrollTop = sideTop;
  };
};

/** An answer is being put in place, and the field focused in the part it replaces is being blurred. */
let replacing = false;
/**
 * The field whose change that blur fired (held back: the person is still typing), by name, and
 * whether its value had gone out already (Enter sent it, or queued it behind the answer).
 */
let held: [name: string, sent: boolean] | null = null;

/**
 * The field held back, as the answer draws it: still to be committed when the person leaves it,
 * unless the run set it (its value is the run's), it shows what was committed already, or its
 * value has gone out (then it keeps that, so leaving it or Enter does not send it twice).
 */
const holdOver = (root: HTMLElement) => {
  const [name, sent] = held ?? [];
  const e = name ? (typedFields(root).find(([f]) => f.name === name)?.[0] as (HTMLInputElement & { unsent?: boolean; sent?: string }) | undefined) : undefined;
  held = null;
  if (!e || e.closest("[data-set]") || e.value === e.defaultValue) return;
  if (sent) e.sent = e.value;
  else e.unsent = true;
};

/**
 * `next` in place of `old`. A focused field in `old` is blurred first, here, rather than by its
 * removal (which blurs it too, in Chromium): the change that blur fires is then known for what it
 * is, not the person committing the field.
 */
const replace = (old: Element, next: Element) => {
  replacing = true;
  try {
    if (old.contains(d.activeElement)) (d.activeElement as HTMLElement).blur();
  } finally {
    replacing = false;
  }
  old.replaceWith(next);
};

/** Puts the newest of the answer's pages (the form, else the latest stream preview) in place. */
const swap = (root: HTMLElement, html: string) => {
  const t = d.createElement("template");
  t.innerHTML = html;
  const all = t.content.querySelectorAll(APP);
  const next = all[all.length - 1] || [...t.content.querySelectorAll(".fl-live")].pop();
  if (next) replace(root.querySelector(".fl-app")!, next);
  return !!next;
};

/** A fragment's answer: the form's new hidden fields, then that part (or nothing: a closed dialog). */
const part = (root: HTMLElement, html: string, target: string) => {
  const t = d.createElement("template");
  t.innerHTML = html;
  const form = root.querySelector(APP) as HTMLFormElement;
  const old = root.querySelector("#" + target);
  if (!old) throw 0;
  for (const input of [...t.content.children] as HTMLInputElement[]) {
    if (input.tagName === "INPUT") (form.elements.namedItem(input.name) as HTMLInputElement).value = input.value;
  }
  const next = t.content.getElementById(target);
  if (next) replace(old, next);
  else old.remove();
  return true;
};

/** `<formlit-app src="...">`: an app embedded in a page on another origin. */
function defineFormlitApp() {
  if (!customElements.get("formlit-app")) {
    customElements.define(
      "formlit-app",
      class extends HTMLElement {
        connectedCallback() {
          // A fragment the host included on its server is enhanced as it is.
          if (this.querySelector(APP)) return enhance(this, true);
          let src: URL | null = null;
          let url: URL;
          try {
            src = new URL(this.getAttribute("src") || "/", location.href);
            url = new URL(EMBED_ROUTE + "/" + (this.getAttribute("page") || ""), src.href.replace(/\/?$/, "/"));
          } catch {
            return this.openLink(null);
          }
          fetch(url, { credentials: "include" })
            .then((r) => r.text())
            .then((html) => {
              this.innerHTML = html;
              enhance(this, true);
            })
            .catch(() => this.openLink(src));
        }

        /**
         * When the app cannot be loaded: a plain link to it, built with the DOM, never as HTML (the
         * address is the host page's attribute), and a link only to an http(s) address.
         */
        openLink(src: URL | null) {
          const link = d.createElement("a");
          if (src && /^https?:$/.test(src.protocol)) link.href = src.href;
          link.textContent = "Open the app";
          this.replaceChildren(link);
        }
      },
    );
  }
}

/** Enhances the page (its form, Back/Forward) and defines <formlit-app>. */
export function formlitClient(): void {
  const page = d.querySelector("form#fl") as HTMLFormElement | null;
  // the previews a streamed page showed before it arrived whole are hidden: drop them
  d.querySelectorAll(".fl-live").forEach((x) => x.remove());
  if (page && !page.closest("formlit-app")) {
    enhance(d.body, false);
    d.documentElement.classList.add("fl-js");
    // Back/Forward: rerun the page of that URL (a GET, as a reload would), in place.
    addEventListener("popstate", () => request(d.body, location.href, { method: "GET" }, false, false, () => location.reload()));
  }
  defineFormlitApp();
}
