/** Driving st.dataEditor's cells in a FormClient page, as a person without JavaScript would. */
import { FormClient } from "../support/client.ts";

/** The editor's control with this accessible name ("name, row 0", "Delete row 1"). */
export function cell(client: FormClient, label: string): any {
  const found = client.doc.querySelector(`[data-kind=data_editor] [aria-label="${label}"]`);
  if (!found) throw new Error(`no cell "${label}"`);
  return found;
}

/** Types `text` into a text, number or date cell, or picks the option shown as `text` in a drop-down. */
export function type(client: FormClient, label: string, text: string): void {
  const control = cell(client, label);
  if (control.tagName === "SELECT") {
    for (const o of control.querySelectorAll("option")) {
      if (o.textContent === text) o.setAttribute("selected", "");
      else o.removeAttribute("selected");
    }
  } else control.setAttribute("value", text);
}

export function tick(client: FormClient, label: string, on = true): void {
  const box = cell(client, label);
  if (on) box.setAttribute("checked", "");
  else box.removeAttribute("checked");
}

/** The editor's value (its editing state) as the page shows it. */
export const editorState = (client: FormClient, nth = 0) =>
  JSON.parse(client.doc.querySelectorAll("[data-kind=data_editor]")[nth].getAttribute("data-value"));

/** The editor's field name (its widget id). */
export const editorId = (client: FormClient, nth = 0) =>
  client.doc.querySelectorAll("[data-kind=data_editor]")[nth].querySelector("input[type=hidden]").getAttribute("name");

/** Posts the page's form with extra fields, as a forged or stale form would. */
export async function postWith(client: FormClient, extra: [string, string][]) {
  const data = client.formData(null);
  for (const [name, value] of extra) data.append(name, value);
  return client.request("POST", client.path(), data);
}

export const addRow = (client: FormClient) => client.submitWith(client.doc.querySelector("[data-kind=data_editor] button[name$='/add']"));
