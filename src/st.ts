/**
 * `st`: the object apps import, as Python apps `import streamlit as st`. Element methods write to
 * the current container of the current run (found through AsyncLocalStorage); the rest is
 * control: session state, pages, rerun, stop.
 */
import { Container } from "./elements/container.ts";
import { bindOnRead } from "./elements/unbound.ts";
import { currentRun } from "./engine/context.ts";
import { RerunSignal, StopSignal, fragmentScopeOutsideFragmentRun } from "./engine/errors.ts";
import { dialog, fragment } from "./elements/fragment.ts";
import { sessionState, type SessionStateProxy, type SessionStateShape } from "./engine/session-proxy.ts";
import { navigation, switchPage } from "./navigation/navigation.ts";
import { Page } from "./navigation/page.ts";
import { queryParams, type QueryParamsProxy } from "./control/query-params.ts";
import { secrets } from "./control/secrets.ts";
import { login, logout, user, type UserInfo } from "./control/user.ts";
import { context } from "./control/context.ts";
import { connection, type ConnectionOptions } from "./control/connection.ts";
import type { D1Connection } from "./control/d1-connection.ts";
import { cacheData, cacheResource } from "./control/cache.ts";
import type { PageConfig } from "./engine/run-context.ts";
import { columnConfig } from "./elements/data-editor-columns.ts";
import { bottom } from "./elements/bottom.ts";

export class Streamlit extends Container {
  constructor() {
    super(null, null, "main", true);
  }

  /** The sidebar: `st.sidebar.checkbox(...)`, or `st.sidebar.with(() => ...)`. */
  get sidebar(): Container {
    return new Container(null, null, "sidebar");
  }

  /**
   * The container pinned to the bottom of the main area (`st.bottom`): `st.bottom.button(...)`, or
   * `st.bottom.with(() => ...)`. It stays in view while the page scrolls (CSS, so without
   * JavaScript too); a chat input called on the main area itself goes there as well. Not in the
   * sidebar, nor in a fragment.
   */
  get bottom(): Container {
    return bottom(this) as Container;
  }

  /**
   * Session state, read and written like Python's `st.session_state`. Keys are `any` until the app
   * declares their types in {@link SessionStateShape} (module augmentation of "formlit").
   */
  readonly sessionState: SessionStateProxy = sessionState;

  /** The URL's query parameters, read and written like Python's `st.query_params`. */
  readonly queryParams: QueryParamsProxy = queryParams;
  /** The Worker's secrets and variables (strings), like Python's `st.secrets`. */
  readonly secrets = secrets;
  /**
   * This request's headers, cookies, URL, IP address, locale, time zone and colour scheme, like
   * Python's `st.context`; plus the Worker's bindings (`st.context.env.DB`) and
   * `st.context.waitUntil(work)`. Read-only.
   */
  readonly context = context;
  /**
   * Memoises a function by its arguments and source for `ttl` seconds in this isolate (Python's
   * `@st.cache_data`): `const load = st.cacheData(fetchRows, { ttl: 600 })`, at module level or
   * inside the script. Results are handed out as copies, elements the function wrote come back on
   * a hit; `{ persist: true }` also keeps them in the Workers Cache API (and the function then
   * returns a promise). The result has `fn`'s own type: its parameters with their defaults, its
   * type parameters, its return type. `st.cacheData.clear()` forgets every result.
   */
  readonly cacheData = cacheData;
  /**
   * Like cacheData, but hands out the one shared object (a client, a model): `@st.cache_resource`.
   * `st.cacheResource.clear()` forgets every resource.
   */
  readonly cacheResource = cacheResource;

  /**
   * Column configs for `st.dataEditor` and `st.dataframe` (Python's `st.column_config`): `Column`,
   * `TextColumn`, `NumberColumn`, `CheckboxColumn`, `SelectboxColumn`, `DateColumn`,
   * `DatetimeColumn`, `TimeColumn`, `MultiselectColumn` (editable), `LinkColumn`, `ListColumn`,
   * `JsonColumn`, `ImageColumn`, `ProgressColumn`, `BarChartColumn`, `LineChartColumn`,
   * `AreaChartColumn`, `ButtonColumn`, each `(label, { width, help, disabled, required, default,
   * ...their own })`.
   */
  readonly columnConfig = columnConfig;

  /**
   * A connection to data the Worker has, like Python's `st.connection`: `st.connection("db", {
   * type: "d1" })` reads the D1 binding `DB` (or `{ binding }`). `await conn.query(sql, { params,
   * ttl })` returns rows, cached as st.cacheData caches; `conn.run(sql, params)` and
   * `conn.batch([...])` write through prepared statements; `conn.db` is the D1Database itself.
   */
  connection(name: string, options: ConnectionOptions): D1Connection {
    return connection(name, options);
  }

  /**
   * Title, icon and layout of the page. It may be called any number of times in a run, anywhere
   * in it, as in Streamlit since 1.46: each call sets the keys it is given (an omitted or
   * undefined key keeps what an earlier call set).
   */
  setPageConfig(config: PageConfig): void {
    const page = currentRun("st.setPageConfig").page.config;
    for (const [key, value] of Object.entries(config)) if (value !== undefined) Object.assign(page, { [key]: value });
  }

  /**
   * Declares the app's pages and returns the one the URL selects (`await page.run()` runs it).
   * `pages` is a list, or sections `{ "Section": [...] }`. Options: `position` ("sidebar" default;
   * "top": a bar across the page, pages without a section first, each section a drop-down;
   * "hidden": no menu) and `expanded` (the sidebar shows every page; by default a menu of more than
   * twelve shows ten and "View N more"). Page titles and section labels are inline Markdown
   * (`**bold**`, `:material/home:`, `:blue[colour]`).
   */
  readonly navigation = navigation;
  /** A page: any function (sync or async), with `{ title, icon, urlPath, default }`. */
  readonly Page = Page;
  /**
   * Ends this run and shows another page (a page or its urlPath): the answer is a redirect to that
   * page's address, whose request runs it (a no-op with a warning in a callback).
   */
  readonly switchPage = switchPage;

  /**
   * Signs the person in with an OpenID Connect provider (createApp's `auth` option): the run ends
   * here and the browser goes to the provider, then back to this page with `st.user` filled.
   * `provider` names one of `auth.providers`; without it, the provider of `auth`'s own keys.
   * @example
   * ```ts
   * if (!st.user.isLoggedIn) {
   *   if (st.button("Log in")) st.login();
   *   st.stop();
   * }
   * st.write(`Hello, ${st.user.name}!`);
   * ```
   */
  readonly login = login;
  /**
   * Signs the person out of this app (not of the provider): the identity cookie is deleted and the
   * browser goes to the app's home page, with a new session.
   */
  readonly logout = logout;
  /**
   * Who is signed in (read-only): `st.user.isLoggedIn`, the ID token's claims (`st.user.name`,
   * `st.user.email`, `st.user.sub`...) or, behind Cloudflare Access, the Access token's;
   * `st.user.toDict()` for all of them.
   */
  readonly user: UserInfo = user;

  /**
   * Makes `fn` a fragment (Python's `@st.fragment`): returns a function that draws it. A change to
   * one of its widgets reruns only `fn`; with JavaScript only its part of the page is replaced.
   * `runEvery` (seconds, or "10s", "2m"...) reruns it on a timer while the page is open with
   * JavaScript. Widgets inside may not be written to containers made outside it.
   * @example
   * ```ts
   * const counter = st.fragment(() => {
   *   if (st.button("Add one")) st.sessionState.n += 1;
   *   st.write(`n = ${st.sessionState.n}`);
   * });
   * counter();
   * ```
   */
  readonly fragment = fragment;

  /**
   * A modal dialog (Python's `@st.dialog(title)`): `st.dialog("Vote")(fn)` returns a function that
   * opens it, showing `fn(...args)`; its body is a fragment. It stays open while the script calls
   * it; `st.rerun()` inside it (a run that does not call it) or the user's close control closes it.
   * Without JavaScript it is drawn open by the server with the page behind made inert. Options:
   * `width` ("small" or "large") and `icon` (an emoji or `:material/name:` before the title).
   * @example
   * ```ts
   * const vote = st.dialog("Cast your vote")((item: string) => {
   *   const reason = st.textInput("Because...");
   *   if (st.button("Submit")) { st.sessionState.vote = { item, reason }; st.rerun(); }
   * });
   * if (st.button("A")) vote("A");
   * ```
   */
  readonly dialog = dialog;

  /**
   * Ends this run and starts a new one in the same request (a no-op with a warning in a callback).
   * `{ scope: "fragment" }` inside a fragment's own rerun reruns only that fragment.
   */
  rerun(opts: { scope?: "app" | "fragment" } = {}): never {
    const ctx = currentRun("st.rerun");
    const scope = opts.scope ?? "app";
    if (scope === "fragment" && ctx.mode !== "callback" && ctx.fragments.rerun === null) throw fragmentScopeOutsideFragmentRun();
    throw (ctx.signalled ??= new RerunSignal(undefined, scope));
  }

  /** Ends this run here; nothing after it renders, and widgets not rendered keep their state. */
  stop(): never {
    const ctx = currentRun("st.stop");
    throw (ctx.signalled ??= new StopSignal());
  }
}

bindOnRead(Streamlit.prototype);

export const st = new Streamlit();
