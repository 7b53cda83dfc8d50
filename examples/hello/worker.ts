/** The hello app's Worker entry (examples/hello/wrangler.toml: main). */
import { app } from "./app.ts";

export default app;
