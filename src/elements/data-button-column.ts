/**
 * ButtonColumn: a button in each row of a table, labelled with the cell's value. The column is one
 * widget with several buttons (the "choice" post style, as st.menuButton's): the clicked button
 * posts its row, and for that run only session state under the column's `key` holds
 * `{ row, label }`, after `onClick(...args)` has run. It is never staged by an st.form: a click
 * reruns at once, as a button does.
 */
import { html, type Html } from "../render/html.ts";
import type { ContainerBase } from "./base.ts";
import { buttonClass, checkButtonType } from "./buttons.ts";
import { register } from "./register.ts";
import type { NewTypeConfig } from "./data-column-types.ts";

type ButtonConfig = Extract<NewTypeConfig, { type: "button" }>;
export type ButtonClick = { row: number; label: string };

/** What a table needs to draw a button column: the widget's id and the buttons' look. */
export interface ButtonColumnWidget {
  id: string;
  buttonType: "primary" | "secondary" | "tertiary";
  error?: string;
}

/**
 * Registers one button column of a table. `table` tells two tables' columns apart; `labelOf`
 * gives a row's label (its cell's text), or null for a row the table does not have.
 */
export function buttonColumn(c: ContainerBase, table: string, column: string, config: ButtonConfig, labelOf: (row: number) => string | null): ButtonColumnWidget {
  const buttonType = checkButtonType("st.column_config.ButtonColumn", config.buttonType);
  const parse = (raw: string[]): { value: ButtonClick } | { error: string } => {
    const text = raw[raw.length - 1] ?? "";
    const row = /^(0|[1-9]\d{0,8})$/.test(text) ? Number(text) : -1;
    const label = row < 0 ? null : labelOf(row);
    return label === null ? { error: "That button is not in this table." } : { value: { row, label } };
  };
  // The engine keeps a press as the posted text (the row): it becomes { row, label } here, or,
  // naming no row of this table, nothing.
  let refused: string | undefined;
  const settle = (v: ButtonClick | null): ButtonClick | null => {
    if (typeof v !== "string") return v;
    const parsed = parse([v]);
    if ("error" in parsed) refused = parsed.error;
    return "value" in parsed ? parsed.value : null;
  };
  const reg = register<ButtonClick | null>(c, {
    elementType: "button_column",
    key: config.key ?? null,
    idParams: { table, column },
    formId: null,
    style: "choice",
    initial: null,
    hasDefault: false,
    isTrigger: true,
    writesAllowed: false,
    callback: config.onClick ? { fn: config.onClick, args: config.args ?? [] } : null,
    settle,
    parse,
    serialize() {
      return [];
    },
  });
  return { id: reg.id, buttonType, error: reg.error ?? refused };
}

/** A row's button. */
export function columnButton(w: ButtonColumnWidget, row: number, label: string): Html {
  return html`<button type="submit" class="${buttonClass(w.buttonType, false, " fl-cell-button")}" name="${w.id}" value="${String(row)}">${label}</button>`;
}
