/**
 * Builds the requests the benchmark replays, with the project's own no-JavaScript client
 * (test/support/client.ts): a typical session on an app, then one realistic POST (the page's
 * form as a browser would send it, one widget changed, "Apply" pressed) and the cookie it
 * carries. Replaying the same POST with the same cookie is the same interaction every time: the
 * server keeps nothing between requests.
 */
import type { Hono } from "hono";
import { DEV_ENV, FormClient, ORIGIN } from "../test/support/client.ts";

export interface Interaction {
  /** what was measured, for the report */
  label: string;
  path: string;
  /** the Cookie header: the session cookie(s) */
  cookie: string;
  /** urlencoded form body */
  body: string;
  /** the app's answer to this POST: bytes of HTML, status, bytes of Set-Cookie values */
  responseBytes: number;
  status: number;
  /** bytes of the session cookie(s) as sent (name=value pairs) and of the joined token */
  cookieBytes: number;
  tokenBytes: number;
  cookieCount: number;
}

/** name=value bytes and token bytes of the session cookie(s) `name`, `name.1`, ... */
export function sessionCookieSize(client: FormClient, name = "formlit") {
  let cookieBytes = 0;
  let tokenBytes = 0;
  let count = 0;
  for (const [k, v] of client.cookies) {
    if (k === name || new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+$`).test(k)) {
      cookieBytes += k.length + 1 + v.length;
      tokenBytes += v.length;
      count++;
    }
  }
  return { cookieBytes, tokenBytes, count };
}

const cookieHeader = (client: FormClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

/** A value one step away from the widget's current one, for kinds the benchmark changes. */
function changed(kind: string, value: unknown): unknown {
  switch (kind) {
    case "number_input":
      return typeof value === "number" ? value + 1 : 1;
    case "text_input":
    case "text_area":
      return String(value ?? "") + "x";
    case "checkbox":
    case "toggle":
      return !value;
    default:
      return undefined;
  }
}

/**
 * Stages a change of the last changeable widget on the page and returns the form post "Apply"
 * would send, without sending it. Throws when the page has no widget the benchmark can change.
 */
export function stageInteraction(client: FormClient, label: string): Omit<Interaction, "responseBytes" | "status"> & { widget: string } {
  const widgets = client.widgets().map((w, i, all) => {
    const nth = all.slice(0, i).filter((x) => x.label === w.label).length;
    return { ...w, nth, inForm: !!client.widget(w.label, nth).closest(".fl-form") };
  });
  // The last widget that applies at once (not one staged inside an st.form); else the last at all.
  const order = [...widgets.filter((w) => w.inForm), ...widgets.filter((w) => !w.inForm)];
  for (let i = order.length - 1; i >= 0; i--) {
    const w = order[i]!;
    const next = changed(w.kind, w.value);
    if (next === undefined) continue;
    client.set(w.label, next as never, w.nth);
    return stagedApply(client, label, `${w.label} (${w.kind}) ${JSON.stringify(w.value)} -> ${JSON.stringify(next)}`);
  }
  throw new Error(`${label}: no widget to change on ${client.path()}`);
}

/** The form post "Apply" would send from the page as it stands (after the caller's changes). */
export function stagedApply(client: FormClient, label: string, widget: string): Omit<Interaction, "responseBytes" | "status"> & { widget: string } {
  const body = client.formData(client.form().querySelector("button[name=_apply]")).toString();
  const size = sessionCookieSize(client);
  return { label, widget, path: client.path(), cookie: cookieHeader(client), body, cookieBytes: size.cookieBytes, tokenBytes: size.tokenBytes, cookieCount: size.count };
}

/** Sends a staged interaction once in-process and checks the app took it as a normal post. */
export async function checkInteraction(app: Hono<any>, staged: Omit<Interaction, "responseBytes" | "status">): Promise<Interaction> {
  const res = await app.request(ORIGIN + staged.path, {
    method: "POST",
    headers: { cookie: staged.cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: staged.body,
  }, DEV_ENV);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${staged.label}: POST ${staged.path} answered ${res.status}`);
  if (/class="fl-notice"|class="fl-field-error"/.test(html)) {
    throw new Error(`${staged.label}: POST ${staged.path} was not applied as a normal interaction (the page shows a notice or a field error)`);
  }
  return { ...staged, status: res.status, responseBytes: Buffer.byteLength(html) };
}

export interface DemoSession {
  /** the interaction on the busiest page, from the cookie of a typical session */
  interaction: Interaction & { widget: string; page: string };
  /** the session cookie after the typical session (before the measured POST) */
  cookieBytes: number;
  tokenBytes: number;
  cookieCount: number;
  pages: { title: string; path: string; widgets: number; htmlBytes: number }[];
  homeHtml: string;
}

/**
 * A typical session on the demo: open Home, press its button, visit every page of the navigation
 * and change each number and text input there once, then come back Home. Then go to the busiest page (most
 * widgets; ties go to the larger page) and stage one change there. Number and text inputs are
 * changed; on a page with an st.form its submit button is pressed (so the form's values count).
 */
export async function demoSession(makeApp: () => Hono<any>, page = process.env.BENCH_PAGE): Promise<DemoSession> {
  const app = makeApp();
  const client = new FormClient(() => app);
  await client.get("/");
  const homeHtml = client.html;
  const titles: string[] = [...client.doc.querySelectorAll(".fl-nav-link")].map((b: any) => b.textContent.trim());
  const button = client.widgets().find((w) => w.kind === "button");
  if (button) await client.click(button.label);

  const pages: DemoSession["pages"] = [];
  for (const title of titles) {
    await client.nav(title);
    if (client.status !== 200) throw new Error(`demo: page "${title}" answered ${client.status}`);
    pages.push({ title, path: client.path(), widgets: client.widgets().length, htmlBytes: Buffer.byteLength(client.html) });
    const all = client.widgets();
    const inputs = all.filter((w) => w.kind === "number_input" || w.kind === "text_input");
    if (inputs.length === 0) continue;
    const seen = new Map<string, number>();
    for (const w of inputs) {
      const nth = seen.get(w.label) ?? 0;
      seen.set(w.label, nth + 1);
      client.set(w.label, w.kind === "number_input" ? (typeof w.value === "number" ? w.value : 0) + 2 : "typed text", nth);
    }
    // An st.form's values count only when its own button is pressed; that submit applies the rest too.
    const submit = all.find((w) => w.kind === "form_submit_button");
    if (submit) await client.click(submit.label);
    else await client.apply();
    if (client.status !== 200) throw new Error(`demo: applying on "${title}" answered ${client.status}`);
  }
  if (titles.length) await client.nav(titles[0]!);
  const size = sessionCookieSize(client);

  // `page` (or BENCH_PAGE=<title>) measures that page (e.g. "Forms") instead of the busiest
  const busiest = page ? pages.find((p) => p.title === page) : [...pages].sort((a, b) => b.widgets - a.widgets || b.htmlBytes - a.htmlBytes)[0];
  if (!busiest) throw new Error(page ? `demo: no page "${page}" in the navigation` : "demo: no pages in the navigation");
  await client.nav(busiest.title);
  const staged = stageInteraction(client, `demo ${busiest.path}`);
  const interaction = { ...(await checkInteraction(app, staged)), widget: staged.widget, page: `${busiest.title} (${busiest.path}, ${busiest.widgets} widgets)` };
  return { interaction, cookieBytes: size.cookieBytes, tokenBytes: size.tokenBytes, cookieCount: size.count, pages, homeHtml };
}

/** The interaction for a synthetic one-page app: GET it, stage one change (the last widget). */
export async function syntheticInteraction(app: Hono<any>, label: string): Promise<Interaction> {
  const client = new FormClient(() => app);
  await client.get("/");
  if (client.status !== 200) throw new Error(`${label}: GET / answered ${client.status}`);
  return checkInteraction(app, stageInteraction(client, label));
}

/** The data editor case: GET the table, change one cell (row 17's hours), stage "Apply". */
export async function dataEditorInteraction(app: Hono<any>): Promise<Interaction & { widget: string }> {
  const client = new FormClient(() => app);
  await client.get("/");
  if (client.status !== 200) throw new Error(`data editor: GET / answered ${client.status}`);
  const cell = client.doc.querySelector(`[data-kind=data_editor] [aria-label="Hours, row 17"]`);
  if (!cell) throw new Error("data editor: no cell \"Hours, row 17\"");
  const before = cell.getAttribute("value");
  cell.setAttribute("value", String(Number(before) + 1));
  const staged = stagedApply(client, "data editor", `Hours, row 17: ${before} -> ${Number(before) + 1}`);
  return { ...(await checkInteraction(app, staged)), widget: staged.widget };
}
