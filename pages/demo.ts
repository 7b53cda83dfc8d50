/**
 * The demo app: Streamlit's guide "Working with widgets in multipage apps", one page per option,
 * plus the contrast case. Every page says in a sentence what it shows. Works with JavaScript off.
 */
import { st, createApp, type AppOptions, type AuthOptions } from "../src/index.ts";
import { gallery } from "./gallery.ts";
import { chat } from "./chat.ts";
import { panels } from "./panels.ts";
import { fragments } from "./fragments.ts";
import { team } from "./team.ts";
import { demoTheme } from "./theme.ts";

// Option 2, functionalised: copy between the permanent key and the widget's temporary key.
function storeValue(key: string) {
  st.sessionState[key] = st.sessionState["_" + key];
}
function loadValue(key: string) {
  st.sessionState["_" + key] = st.sessionState[key];
}

function home() {
  st.title("Widgets across pages");
  st.markdown(
    "Streamlit gives a widget an identity that includes the page it is on, so the same widget on two " +
      "pages is two widgets, and a widget's state is deleted when it is not shown. These pages show the " +
      "three ways to keep a widget's value as you move between pages, and the case where it resets.",
  );
  st.markdown(
    "- **Option 1**: the *Number of filters* input in the sidebar lives in the entrypoint, so it keeps its value on every page.\n" +
      "- **Option 2**: copy the value to a second key in session state.\n" +
      "- **Option 3**: re-save the key on every run so the clean-up keeps it.\n" +
      "- **Contrast**: the same widget on two pages resets when you switch.\n" +
      "- **Classic app** (`/classic`): in pages-directory mode, option 1 does not work.",
  );
  if (st.button("Say hello")) st.success("Hello! This button was true for exactly this run.");
  // st.switchPage: the run ends here and the Forms page runs; its address is in the address bar.
  if (st.button("Place an order")) st.switchPage("forms");
}

function option_1() {
  st.header("Option 1: a widget in the entrypoint");
  st.markdown(
    "This page demonstrates that a widget called in the entrypoint keeps its value on every page: change " +
      "*Number of filters* in the sidebar, open another page, and come back.",
  );
  st.write(`The entrypoint's widget holds **${st.sessionState.filters}**.`);
}

function option_2() {
  st.header("Option 2: a dummy key with a callback");
  st.markdown(
    "This page demonstrates copying a widget's value to a permanent key: the widget uses the temporary " +
      "key `_my_key`, its `onChange` copies it to `my_key`, and the page copies it back before drawing the widget.",
  );
  if (!("my_key" in st.sessionState)) st.sessionState.my_key = 1;
  st.sessionState._my_key = st.sessionState.my_key;
  st.numberInput("Kept number (inline copy)", {
    key: "_my_key",
    onChange: () => {
      st.sessionState.my_key = st.sessionState._my_key;
    },
  });
  st.markdown(
    "The same pattern as functions, as Streamlit's guide writes it: `loadValue` before the widget, " +
      "`storeValue` as its callback with the key in `args`.",
  );
  if (!("other_key" in st.sessionState)) st.sessionState.other_key = 10;
  loadValue("other_key");
  st.numberInput("Kept number (functions)", { key: "_other_key", onChange: storeValue, args: ["other_key"] });
}

function option_3() {
  st.header("Option 3: re-save the key");
  st.markdown(
    "This page demonstrates interrupting the widget clean-up: the entrypoint runs " +
      "`st.sessionState.resaved = st.sessionState.resaved` on every page, so the key survives pages " +
      "without the widget. The second input is not re-saved, so its value is lost when you leave.",
  );
  st.numberInput("Re-saved number", { key: "resaved" });
  st.numberInput("Not re-saved number", { key: "not_resaved" });
}

function contrast_a() {
  st.header("Contrast: page A");
  st.markdown(
    "This page demonstrates the reset: *Same widget* is also on page B, but each page's widget has its own " +
      "identity. Set it here, open page B, and it shows the default; come back and it is reset here too.",
  );
  st.numberInput("Same widget", { key: "same" });
}

function contrast_b() {
  st.header("Contrast: page B");
  st.markdown("This page demonstrates the other half of the reset: the widget below is a different widget from page A's.");
  st.numberInput("Same widget", { key: "same" });
}

function batching_form() {
  st.header("st.form: batch changes");
  st.markdown(
    "This page demonstrates that widgets inside `st.form` keep their committed values until the form's " +
      "submit button is pressed; the checkbox outside the form applies at once.",
  );
  // The form options: Enter does not send this one, and a sent note clears the field.
  const notes = st.form("note", { clearOnSubmit: true, enterToSubmit: false });
  const note = notes.textInput("Note", { key: "note", help: "Enter does not send this form; the field clears once sent." });
  if (notes.formSubmitButton("Save note")) st.write(`Saved note: ${note}`);

  const form = st.form("order");
  const item = form.textInput("Item", { key: "item" });
  const quantity = form.numberInput("Quantity", { key: "quantity", minValue: 1, maxValue: 99, value: 1 });
  const sent = form.formSubmitButton("Place order");
  st.checkbox("Gift wrap", { key: "gift" });
  st.expander("How forms commit").markdown(
    "Changing *Item* or *Quantity* changes nothing until *Place order*; *Gift wrap* reruns the page at once, " +
      "and the values typed in the form are kept (shown as not submitted yet) until you place the order.",
  );
  st.write(sent ? `Order placed: ${quantity} × ${item || "(nothing)"}` : `Committed: ${quantity} × ${item || "(nothing)"}`);
}

/**
 * Sign-in (st.login) when the Worker is given a provider: `npm run dev` hands it the local
 * development provider's address; a deployment would put its own in secrets.
 */
export function demoAuth(env: Record<string, unknown>): AuthOptions | null {
  const text = (name: string) => (typeof env[name] === "string" ? (env[name] as string) : undefined);
  const serverMetadataUrl = text("AUTH_SERVER_METADATA_URL");
  if (!serverMetadataUrl) return null;
  return { serverMetadataUrl, clientId: text("AUTH_CLIENT_ID"), clientSecret: text("AUTH_CLIENT_SECRET"), redirectUri: text("AUTH_REDIRECT_URI") };
}

export const demoOptions: AppOptions = {
  name: "formlit-demo",
  title: "formlit demo",
  auth: demoAuth,
  theme: demoTheme,
  entrypoint: async () => {
    // Option 3's re-save, at the top of every page (the entrypoint runs before each one).
    if ("resaved" in st.sessionState) st.sessionState.resaved = st.sessionState.resaved;
    const page = st.navigation([
      st.Page(home, { title: "Home", default: true }),
      st.Page(option_1, { title: "Option 1: entrypoint widget" }),
      st.Page(option_2, { title: "Option 2: dummy key" }),
      st.Page(option_3, { title: "Option 3: re-save" }),
      st.Page(contrast_a, { title: "Contrast: page A" }),
      st.Page(contrast_b, { title: "Contrast: page B" }),
      st.Page(batching_form, { title: "Forms", urlPath: "forms" }),
      st.Page(gallery, { title: "Gallery", urlPath: "gallery" }),
      st.Page(chat, { title: "Chat", urlPath: "chat" }),
      st.Page(panels, { title: "Status, toast, popover", urlPath: "panels" }),
      st.Page(fragments, { title: "Fragments & dialogs", urlPath: "fragments" }),
      st.Page(team, { title: "Team (D1)", urlPath: "team" }),
    ]);
    // Option 1: a widget in the entrypoint keeps its state on every page.
    st.sidebar.numberInput("Number of filters", { key: "filters" });
    await page.run();
  },
};

export const createDemoApp = (extra: Partial<AppOptions> = {}) => createApp({ ...demoOptions, ...extra });
