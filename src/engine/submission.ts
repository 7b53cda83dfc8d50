/**
 * Reading a form post against the last run's widgets: which values changed (by the digest of what
 * the form held), which button was clicked, and which st.form values are only staged.
 */
import type { Session, Submission } from "./session.ts";
import { rawDigest } from "./widgets.ts";

const NORMALISE_NEWLINES = /\r\n?/g;

export interface Change {
  id: string;
  raw: string[];
  trigger: boolean;
}

/** Which of the last run's widgets the submission changed, and which st.form values are staged. */
export function decodeSubmission(session: Session, sub: Submission): { changes: Change[]; staged: Map<string, string[]> } {
  const stale = sub.run !== session.run;
  // Browsers send only the button that submitted the form, so a trigger present was clicked.
  const clicked = session.l.find(([id, style]) => style === "trigger" && sub.fields.has(id))?.[0] ?? null;
  const committedForms = new Set<string>();
  for (const [id, style, formId] of session.l) {
    if (style === "trigger" && formId && id === clicked) committedForms.add(formId);
  }
  const changes: Change[] = [];
  const staged = new Map<string, string[]>();
  for (const [id, style, formId, , before] of session.l) {
    if (style === "trigger") {
      if (!stale && id === clicked) changes.push({ id, raw: ["1"], trigger: true });
      continue;
    }
    const posted = sub.fields.get(id);
    if (posted === undefined) continue; // not in the submitted form: keep the value
    let raw = posted.map((s) => s.replace(NORMALISE_NEWLINES, "\n"));
    if (style === "bool" || style === "many") raw = raw.filter((s) => s !== "");
    if (formId && !committedForms.has(formId)) {
      staged.set(id, raw);
      continue;
    }
    if (rawDigest(style, raw) !== before) changes.push({ id, raw, trigger: false });
  }
  return { changes, staged };
}
