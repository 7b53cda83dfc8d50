/** File upload and download. (Stub: to be implemented.) */
import type { ContainerBase } from "./base.ts";
import type { ChangeOptions, WidgetOptions } from "./common.ts";
import type { ButtonOptions } from "./buttons.ts";
import type { Renderers } from "../render/types.ts";

export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  /** the file's bytes (available in the run that received it, or from the upload store) */
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export interface FileUploaderOptions extends WidgetOptions, ChangeOptions {
  /** accepted extensions or MIME types, e.g. ["csv", "image/png"] */
  type?: string[];
  acceptMultipleFiles?: boolean;
}

export interface DownloadButtonOptions extends ButtonOptions {
  fileName?: string;
  mime?: string;
}

export function fileUploader(_c: ContainerBase, _label: string, _opts: FileUploaderOptions = {}): UploadedFile | UploadedFile[] | null {
  throw new Error("st.fileUploader is not implemented yet");
}
export function downloadButton(_c: ContainerBase, _label: string, _data: string | Uint8Array, _opts: DownloadButtonOptions = {}): boolean {
  throw new Error("st.downloadButton is not implemented yet");
}

export const fileRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const filesCss = ``;
