/** The demo app configured to be embedded by the test host on 127.0.0.1:8794 (another origin). */
import { createDemoApp } from "../../../pages/demo.ts";

export default createDemoApp({ embed: { origins: ["http://127.0.0.1:8794"] } });
