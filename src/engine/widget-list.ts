/**
 * The widgets a run rendered, in render order, kept as columns: one list per field rather than one
 * record per widget. The session's cookie carries the same columns (session-pack.ts), so a request
 * reads its widget list out of the cookie and writes the run's back without building and taking
 * apart a record for every widget; a page of a thousand widgets made two thousand of them a request.
 *
 * A widget's code is one letter for how its value is posted, upper case when it has a callback:
 * the codes of a whole list are one string, as the cookie carries them.
 */
import type { PostStyle } from "./run-context.ts";

/** One letter per post style (typed by PostStyle: a new style does not compile until it has one). */
const STYLE_LETTERS: Record<PostStyle, string> = { one: "a", many: "b", bool: "c", trigger: "d", file: "e", chat: "f", grid: "g", download: "h", "download-rerun": "i", choice: "j" };
const LETTERS = Object.values(STYLE_LETTERS).join("");
/** A string of codes: only the letters above, either case. */
const CODES = new RegExp(`^[${LETTERS}${LETTERS.toUpperCase()}]*$`);
/** A widget's code, and back: looked up, not case-converted per widget. */
const codeOf = (style: PostStyle, callback: boolean) => (callback ? STYLE_LETTERS[style].toUpperCase() : STYLE_LETTERS[style]);
/** The codes of widgets with a callback. */
const WITH_CALLBACK = new Set(LETTERS.toUpperCase());
const STYLE_OF = new Map<string, PostStyle>((Object.entries(STYLE_LETTERS) as [PostStyle, string][]).flatMap(([style, letter]) => [[letter, style] as const, [letter.toUpperCase(), style] as const]));

/** Whether `codes` is a string of widget codes. */
export const areCodes = (codes: string) => CODES.test(codes);

/** One widget as a store or a commit token keeps it (their JSON is the session as the engine holds it). */
export type WidgetRecord = [id: string, style: PostStyle, formId: string, hasCallback: 0 | 1, valueDigest: string, fragment?: string];

export class WidgetList {
  /** each widget's id */
  readonly ids: string[];
  /** each widget's code (see above), one letter a widget */
  codes: string;
  /** the st.form each widget is in ("" for none) */
  readonly forms: string[];
  /** the digest of the value the form showed (what a stale form's post is compared with) */
  readonly digests: string[];
  /** the fragment that drew each widget (the innermost one), undefined outside fragments */
  readonly fragments: (string | undefined)[];

  constructor(ids: string[] = [], codes = "", forms: string[] = [], digests: string[] = [], fragments: (string | undefined)[] = []) {
    this.ids = ids;
    this.codes = codes;
    this.forms = forms;
    this.digests = digests;
    this.fragments = fragments;
  }

  get length(): number {
    return this.ids.length;
  }

  add(id: string, style: PostStyle, formId: string, callback: boolean, digest: string, fragment: string | undefined): void {
    this.ids.push(id);
    this.codes += codeOf(style, callback);
    this.forms.push(formId);
    this.digests.push(digest);
    this.fragments.push(fragment);
  }

  style(at: number): PostStyle {
    return STYLE_OF.get(this.codes[at]!)!;
  }

  hasCallback(at: number): boolean {
    return WITH_CALLBACK.has(this.codes[at]!);
  }

  /** Widget `at` of `from` appended to this list. */
  private copy(from: WidgetList, at: number): void {
    this.ids.push(from.ids[at]!);
    this.codes += from.codes[at]!;
    this.forms.push(from.forms[at]!);
    this.digests.push(from.digests[at]!);
    this.fragments.push(from.fragments[at]);
  }

  /**
   * The page's widgets after a fragment reran: the old widgets of that fragment (and of fragments
   * inside it, `redrawn`) give way to the ones it drew now (`drawn`), in their place; every other
   * widget stays.
   */
  spliced(redrawn: (fragment: string) => boolean, drawn: WidgetList): WidgetList {
    const gone = (at: number) => this.fragments[at] !== undefined && redrawn(this.fragments[at]);
    const out = new WidgetList();
    let placed = false;
    for (let at = 0; at < this.length; at++) {
      if (!gone(at)) out.copy(this, at);
      else if (!placed) {
        for (let n = 0; n < drawn.length; n++) out.copy(drawn, n);
        placed = true;
      }
    }
    if (!placed) for (let n = 0; n < drawn.length; n++) out.copy(drawn, n);
    return out;
  }

  /** The same widgets with the same fields, in the same order. */
  equals(other: WidgetList): boolean {
    if (this.length !== other.length || this.codes !== other.codes) return false;
    for (let at = 0; at < this.length; at++) {
      if (this.ids[at] !== other.ids[at] || this.forms[at] !== other.forms[at] || this.digests[at] !== other.digests[at] || this.fragments[at] !== other.fragments[at]) return false;
    }
    return true;
  }

  /** A record a widget (what JSON.stringify of a session writes). */
  toJSON(): WidgetRecord[] {
    return this.ids.map((id, at) => {
      const w: WidgetRecord = [id, this.style(at), this.forms[at]!, this.hasCallback(at) ? 1 : 0, this.digests[at]!];
      if (this.fragments[at] !== undefined) w.push(this.fragments[at]);
      return w;
    });
  }

  /** The list that records of {@link toJSON}'s shape stand for, or null when they have another shape. */
  static fromJSON(records: unknown): WidgetList | null {
    if (!Array.isArray(records)) return null;
    const list = new WidgetList();
    for (const w of records) {
      if (!Array.isArray(w) || (w.length !== 5 && w.length !== 6)) return null;
      const [id, style, formId, callback, digest, fragment] = w as unknown[];
      const known = typeof style === "string" && Object.hasOwn(STYLE_LETTERS, style);
      if (typeof id !== "string" || !known || typeof formId !== "string" || (callback !== 0 && callback !== 1) || typeof digest !== "string") return null;
      if (w.length === 6 && typeof fragment !== "string") return null;
      list.add(id, style as PostStyle, formId, callback === 1, digest, fragment as string | undefined);
    }
    return list;
  }
}
