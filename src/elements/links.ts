/** Link button and page link. (Stub: to be implemented.) */
import type { ContainerBase } from "./base.ts";
import type { StreamlitPage } from "../pages/page.ts";
import type { Renderers } from "../render/types.ts";

export interface LinkButtonOptions {
  help?: string;
  type?: "primary" | "secondary";
  disabled?: boolean;
  useContainerWidth?: boolean;
}
export interface PageLinkOptions {
  label?: string;
  icon?: string;
  help?: string;
  disabled?: boolean;
}

export function linkButton(_c: ContainerBase, _label: string, _url: string, _opts: LinkButtonOptions = {}): void {
  throw new Error("st.linkButton is not implemented yet");
}
export function pageLink(_c: ContainerBase, _page: StreamlitPage | string, _opts: PageLinkOptions = {}): void {
  throw new Error("st.pageLink is not implemented yet");
}

export const linkRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const linksCss = ``;
