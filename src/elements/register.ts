/** The bridge from an element call to the engine's widget registration. */
import { registerWidget, type RegisteredWidget, type WidgetSpec } from "../engine/widgets.ts";
import type { Json } from "../engine/state.ts";
import type { ContainerBase } from "./base.ts";
import { alert } from "./display.ts";
import { FragmentWidgetsNotAllowedOutsideError } from "../engine/errors.ts";

export function register<T extends Json>(
  c: ContainerBase,
  /** formId: only to override the container's form (a view state that an st.form must not stage) */
  spec: Omit<WidgetSpec<T>, "formId" | "warn"> & { formId?: string | null },
): RegisteredWidget<T> {
  const ctx = c._run();
  if (ctx.fragment && !ctx.fragment.lists.has(c._nodes())) throw new FragmentWidgetsNotAllowedOutsideError();
  const formId = spec.formId === undefined ? c._formId() : spec.formId;
  return registerWidget(ctx, { ...spec, formId, warn: (text) => alert(c, "warning", text) });
}
