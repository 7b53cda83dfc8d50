/**
 * A small app that signs people in with the OpenID Connect provider the browser test runs on
 * 127.0.0.1:8836, its `auth` read from the Worker's variables (as secrets would be), for
 * test/browser/auth.test.ts.
 */
import { createApp, st } from "../../../src/index.ts";

export default createApp({
  entrypoint: () => {
    st.title("Team notes");
    if (st.user.isLoggedIn) {
      st.write(`Hello, ${st.user.name} (${st.user.email})`);
      st.button("Log out", { onClick: () => st.logout() });
    } else {
      st.write("Nobody is signed in");
      if (st.button("Log in")) st.login();
    }
  },
  auth: (env: Record<string, string>) => ({
    redirectUri: env.AUTH_REDIRECT_URI,
    clientId: env.AUTH_CLIENT_ID,
    clientSecret: env.AUTH_CLIENT_SECRET,
    serverMetadataUrl: env.AUTH_SERVER_METADATA_URL,
  }),
});
