/**
 * What replaying the last run costs: the demo's busiest interaction (toggling a widget on the
 * gallery) as a chain of posts, each with the cookie the previous answer set. Warm: one app serves
 * the chain, so it remembers every run it drew. Cold: two apps take turns, so the app answering
 * never served the run that drew the page and must replay it, as an isolate that did not serve the
 * last request does. Measured in interleaved batches; figures are medians of CPU per request.
 */
import type { Hono } from "hono";
import { DEV_ENV, FormClient, ORIGIN } from "../test/support/client.ts";
import { formPost } from "./post.ts";

export interface ReplayCost {
  coldUs: number;
  warmUs: number;
  requests: number;
  /** bytes of the run's start in the session (JSON), on the measured page */
  startBytes: number;
}

/** One browser's chain of posts, each toggling the same widget and carrying the last cookie. */
class Chain {
  private cookies = new Map<string, string>();
  private run: number;
  private on = false;
  private served = 0;

  constructor(
    private readonly apps: Hono<any>[],
    private readonly path: string,
    private readonly base: URLSearchParams,
    private readonly field: string,
    client: FormClient,
  ) {
    this.cookies = new Map(client.cookies);
    this.run = Number(base.get("_run"));
  }

  async step(): Promise<void> {
    const body = new URLSearchParams(this.base);
    body.set("_run", String(this.run));
    this.on = !this.on;
    body.delete(this.field);
    body.append(this.field, "");
    if (this.on) body.append(this.field, "1");
    const app = this.apps[this.served++ % this.apps.length]!;
    const res = await app.fetch(
      formPost(ORIGIN + this.path, { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), origin: ORIGIN, body: body.toString() }),
      DEV_ENV, // development mode, as the FormClient that made the cookie (plain http on localhost)
    );
    const html = await res.text();
    if (res.status !== 200 || html.includes('class="fl-notice"')) throw new Error(`replay bench: the post was not applied (${res.status})`);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (/max-age=0/i.test(line)) this.cookies.delete(pair!.slice(0, eq));
      else this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    this.run++;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Toggles `label` on the page titled `page`, cold and warm; `makeApp` builds one app (one isolate). */
export async function replayCost(makeApp: () => Hono<any>, secret: string, page: string, label: string, batches = 9, perBatch = 60): Promise<ReplayCost> {
  const a = makeApp();
  // (the app's secret: the bench reads the session from the cookie)
  const client = new FormClient(() => a, "formlit", { secret });
  await client.get("/");
  await client.nav(page);
  const input = client.widget(label).querySelector("input[type=checkbox]");
  const field: string = input.getAttribute("name");
  const base = client.formData(client.form().querySelector("button[name=_apply]"));
  const startBytes = JSON.stringify(client.session().r ?? {}).length - 2;
  const warm = new Chain([a], client.path(), base, field, client);
  const cold = new Chain([makeApp(), makeApp()], client.path(), base, field, client);
  const cpu: Record<"cold" | "warm", number[]> = { cold: [], warm: [] };
  const measure = async (chain: Chain, n: number) => {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) await chain.step();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / n;
  };
  await measure(cold, perBatch);
  await measure(warm, perBatch);
  for (let b = 0; b < batches; b++) {
    cpu.cold.push(await measure(cold, perBatch));
    cpu.warm.push(await measure(warm, perBatch));
  }
  return { coldUs: median(cpu.cold), warmUs: median(cpu.warm), requests: batches * perBatch, startBytes };
}
