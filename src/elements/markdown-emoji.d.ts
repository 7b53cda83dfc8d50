/**
 * Types for markdown-it-emoji, which ships none: its full plugin takes the shortcut table to use
 * (formlit passes an empty one, as Streamlit turns `:name:` codes into emoji but leaves `:)` alone).
 */
declare module "markdown-it-emoji" {
  import type MarkdownIt from "markdown-it";
  export function full(md: MarkdownIt, options?: { shortcuts?: Record<string, string | string[]> }): void;
}
