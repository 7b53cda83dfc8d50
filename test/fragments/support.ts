/**
 * Fragment tests drive apps built afresh for every request (a cold isolate each time) as a browser
 * without JavaScript (FormClient), and as one with the client script: the same form post sent with
 * `X-Formlit: partial`, its answer put in place the way src/client/enhance.ts does it (a fragment's
 * rerun replaces only that fragment and the form's hidden fields; anything else, the whole form).
 */
import { parseHTML } from "linkedom";
import type { Hono } from "hono";
import { FormClient } from "../support/client.ts";

export function browse(make: () => Hono<any>): FormClient {
  return new FormClient(make);
}

/** What a JavaScript post changed: the DOM id it replaced (null: the whole form). */
export interface Swapped {
  target: string | null;
  /** the answer's body as sent */
  body: string;
}

/**
 * Submits the page's form with the client script's header (`submitter`: a button element, or null
 * for a change), or, with `fields`, posts just those fields and the hidden ones (a timer's post).
 */
export async function jsPost(client: FormClient, submitter: any, fields?: Record<string, string>): Promise<Swapped> {
  const page = client.doc;
  const form = client.form();
  let body = client.formData(submitter);
  if (fields) {
    body = new URLSearchParams();
    for (const name of ["_run", "_csrf", "_v"]) body.set(name, form.querySelector(`input[name=${name}]`).getAttribute("value"));
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
  }
  const action = submitter?.getAttribute("formaction") ?? client.path();
  const res = await client.request("POST", action, body, { "X-Formlit": "partial" });
  const answer = client.html;
  const target = res.headers.get("x-formlit-swap");
  const got = parseHTML(`<!doctype html><html><body>${answer}</body></html>`).document;
  if (target) {
    for (const input of got.querySelectorAll("body > input[type=hidden]")) {
      page.querySelector(`form#fl > input[name=${input.getAttribute("name")}]`).setAttribute("value", input.getAttribute("value"));
    }
    const old = page.getElementById(target);
    if (!old) throw new Error(`the answer replaces #${target}, which the page does not have`);
    const next = got.getElementById(target);
    if (next) old.replaceWith(next);
    else old.remove();
  } else {
    page.querySelector("form#fl").replaceWith(got.querySelector("form#fl"));
  }
  client.doc = page;
  client.html = page.toString();
  return { target, body: answer };
}

/** The click on the button labelled `label` (the nth), with the client script. */
export function jsClick(client: FormClient, label: string, nth = 0): Promise<Swapped> {
  return jsPost(client, client.widget(label, nth).querySelector("button"));
}

/** Changes a widget and sends the change, with the client script (its change event). */
export function jsChange(client: FormClient, label: string, value: any, nth = 0): Promise<Swapped> {
  client.set(label, value, nth);
  return jsPost(client, null);
}

/** Texts (st.write / st.text / st.markdown) inside the element matching `selector`. */
export function textsIn(client: FormClient, selector: string): string[] {
  return [...client.doc.querySelectorAll(`${selector} .fl-text, ${selector} .fl-markdown`)].map((e: any) => e.textContent.replace(/\n$/, ""));
}
