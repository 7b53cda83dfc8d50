/**
 * The output of a run: a tree of element nodes. The engine builds it without knowing what any
 * element looks like; src/render/ turns it into HTML through each element's renderer.
 */
export interface ElementNode {
  type: string;
  props: Record<string, unknown>;
  /** child nodes, for containers (sidebar, columns, expander, form, ...) */
  children?: ElementNode[];
}
