/** The bridge from an element call to the engine's widget registration. */
import { registerWidget, type RegisteredWidget, type WidgetSpec } from "../engine/widgets.ts";
import type { Json } from "../engine/state.ts";
import { RECORDINGS, type ContainerBase } from "./base.ts";
import { alert, exception } from "./display.ts";
import { CachedWidgetWarning, FragmentWidgetsNotAllowedOutsideError } from "../engine/errors.ts";

export function register<T extends Json>(
  c: ContainerBase,
  /** formId: only to override the container's form (a view state that an st.form must not stage) */
  spec: Omit<WidgetSpec<T>, "formId" | "warn"> & { formId?: string | null },
): RegisteredWidget<T> {
  const ctx = c._run();
  const fragment = ctx.fragments.current;
  if (fragment && !fragment.lists.has(c._nodes(ctx))) throw new FragmentWidgetsNotAllowedOutsideError();
  if (ctx.slots.get(RECORDINGS).length > 0) exception(c, new CachedWidgetWarning());
  // Each caller hands over a spec made for this one call: completed where it is, not copied.
  const full = spec as WidgetSpec<T>;
  full.formId = spec.formId === undefined ? c._formId(ctx) : spec.formId;
  full.warn = (text) => alert(c, "warning", text);
  return registerWidget(ctx, full);
}

/**
 * The value session state holds for a widget's user key, if any: some widgets take their shape
 * from it before registering (a slider with no `value` whose key holds a range, a number input
 * whose key holds None), as Streamlit's do.
 */
export function stateValueOf(c: ContainerBase, key: string | null): { value: Json } | undefined {
  return key === null ? undefined : c._run().state.lookup(key);
}
