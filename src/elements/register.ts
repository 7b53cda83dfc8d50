/** The bridge from an element call to the engine's widget registration. */
import { registerWidget, type RegisteredWidget, type WidgetSpec } from "../engine/widgets.ts";
import type { Json } from "../engine/state.ts";
import type { ContainerBase } from "./base.ts";
import { alert } from "./display.ts";

export function register<T extends Json>(
  c: ContainerBase,
  spec: Omit<WidgetSpec<T>, "formId" | "warn">,
): RegisteredWidget<T> {
  const ctx = c._run();
  return registerWidget(ctx, { ...spec, formId: c._formId(), warn: (text) => alert(c, "warning", text) });
}
