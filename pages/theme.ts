/**
 * The demo's theme: Streamlit's `[theme.light]` and `[theme.dark]`, which the visitor's colour
 * scheme chooses between. Colours close to formlit's own, with links of their own colour and
 * slightly rounder corners; every pair reads for axe in both schemes.
 */
import type { ThemeOptions } from "../src/index.ts";

export const demoTheme: ThemeOptions = {
  baseRadius: "medium",
  buttonRadius: "large",
  light: { primaryColor: "#b42318", linkColor: "#1d4ed8" },
  dark: { primaryColor: "#ff8a80", linkColor: "#8ab4ff" },
};
