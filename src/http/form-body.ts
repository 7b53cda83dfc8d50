/**
 * Reads a form post into named strings. Anything that is not a well-formed form body is refused
 * before it can touch the state.
 */
import { SNIFF_BYTES, checkedType } from "../elements/file-types.ts";

export class BadBody extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface FormBody {
  fields: Map<string, string[]>;
  /** uploaded files, by field name (multipart only) */
  files: Map<string, File[]>;
}

/** The upload with the type its first bytes show (see elements/file-types.ts), not the one it claims. */
async function withCheckedType(file: File): Promise<File> {
  const type = checkedType(file.type, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  return type === file.type ? file : new File([file], file.name, { type, lastModified: file.lastModified });
}

export async function readFormBody(req: Request, maxFields: number): Promise<FormBody> {
  // The media type exactly (parameters such as charset or boundary aside): a prefix match would
  // take "application/x-www-form-urlencoded_x" for a form.
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const fields = new Map<string, string[]>();
  const files = new Map<string, File[]>();
  let count = 0;
  const add = (name: string, value: string) => {
    if (++count > maxFields) throw new BadBody(413, `The form has more than ${maxFields} fields.`);
    const list = fields.get(name);
    if (list) list.push(value);
    else fields.set(name, [value]);
  };
  if (type === "application/x-www-form-urlencoded") {
    let text: string;
    try {
      // Bytes, then UTF-8: workerd warns when .text() reads a body that is not typed as text.
      text = new TextDecoder().decode(await req.arrayBuffer());
    } catch {
      throw new BadBody(400, "The form body could not be read.");
    }
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(text);
    } catch {
      throw new BadBody(400, "The form body is not valid URL-encoded data.");
    }
    for (const [name, value] of params) add(name, value);
    return { fields, files };
  }
  if (type === "multipart/form-data") {
    let data: FormData;
    try {
      data = await req.formData();
    } catch {
      throw new BadBody(400, "The form body is not valid multipart data.");
    }
    for (const [name, value] of data) {
      if (typeof value === "string") add(name, value);
      else {
        if (++count > maxFields) throw new BadBody(413, `The form has more than ${maxFields} fields.`);
        // An empty file input posts a nameless, empty file: that is "no file chosen".
        if (value.size === 0 && value.name === "") continue;
        const file = await withCheckedType(value);
        const list = files.get(name);
        if (list) list.push(file);
        else files.set(name, [file]);
      }
    }
    return { fields, files };
  }
  throw new BadBody(415, "Expected a form submission (application/x-www-form-urlencoded or multipart/form-data).");
}
