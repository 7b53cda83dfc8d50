/** The cookie's deflate inside workerd (the demo's compatibility date has nodejs_compat on). */
import { describe } from "vitest";
import { compressCases } from "../support/compress-cases.ts";

describe("in workerd", compressCases);
