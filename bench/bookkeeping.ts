/**
 * The session's round trip around the script, timed alone: what a request of N keyed number inputs
 * spends turning its session from the cookie's columns into the engine's state and back.
 *
 * It takes the real session of the scaling app (`widgets-N`: the benchmark's own interaction,
 * decrypted), then repeats everything a request does to that session's widget records outside the
 * script: unpack the columns (`unpackSession`), build the state's layers (`fromStored`, with the
 * copy a run takes), register each widget's value (the state's part of `registerWidget`), end the
 * run (`onRunFinished`), fold the layers (`toStored`) and pack the columns again (`packSession`).
 * The JSON text the cookie carries is parsed and written in both columns of the report, so it is
 * not in the difference, and neither is the deflate of a long page's columns. Each phase is
 * printed as what it adds to the phases before it (the round trip cut short after it, less the
 * round trip cut short before it).
 *
 * This was first written before the session-columns redesign, to bound what it could save (1,124 us
 * of a 1,000-widget request then); it now shows what is left after it.
 *
 *   node_modules/.bin/node --experimental-transform-types bench/bookkeeping.ts [widgets]
 */
import { widgetsApp } from "./apps.ts";
import { syntheticInteraction } from "./session.ts";
import { joinToken } from "../src/cookie/chunks.ts";
import { signingKeys } from "../src/cookie/keys.ts";
import { verifyToken } from "../src/cookie/token.ts";
import { textCodec } from "../src/cookie/compress.ts";
import { packSession, unpackSession } from "../src/engine/session-pack.ts";
import { SessionState } from "../src/engine/state.ts";
import { userKeyOf } from "../src/engine/widget-id.ts";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const n = Number(process.argv[2] ?? 100);
const label = `widgets-${n}`;

/** The packed session (the cookie's JSON) after the benchmark's interaction with `widgets-N`. */
async function packedSessionJson(): Promise<string> {
  const app = widgetsApp(n, SECRET);
  const i = await syntheticInteraction(app, label);
  const cookies = Object.fromEntries(i.cookie.split("; ").map((pair) => pair.split("=", 2) as [string, string]));
  const token = joinToken(cookies, "formlit", 40);
  if (!token) throw new Error("the interaction carries no session cookie");
  const verified = await verifyToken(token, await signingKeys(SECRET), { audience: `bench-widgets-${n}`, maxAge: 3600, encrypt: true });
  if (!verified.ok || !("state" in verified)) throw new Error(`the session cookie did not open (${JSON.stringify(verified)})`);
  return JSON.stringify(verified.state);
}

const json = await packedSessionJson();
let written = 0;

const PHASES = ["unpack the columns (with the JSON's parse and the inflate)", "the state's layers (a copy)", "register each widget", "end the run", "fold the layers", "pack the columns (with the deflate and the JSON's write)"] as const;

/** The session's round trip a request makes around its script, on the real packed session, up to phase `upTo`. */
async function roundTrip(upTo: number = PHASES.length): Promise<void> {
  const session = await unpackSession(JSON.parse(json), textCodec);
  if (!session) throw new Error("the packed session did not unpack");
  if (upTo < 2) return;
  const state = SessionState.fromStored(session.st, true);
  if (upTo < 3) return;
  const ids = new Set<string>();
  for (const id of session.l.ids) {
    state.registerWidget(id, userKeyOf(id), false, 0);
    ids.add(id);
  }
  if (upTo < 4) return;
  state.onRunFinished(ids);
  if (upTo < 5) return;
  const st = state.toStored();
  if (upTo < 6) return;
  const packed = await packSession({ ...session, st }, textCodec);
  written += JSON.stringify(packed).length;
}

/** The cookie's JSON parsed and written again, which the round trip does too. */
async function jsonOnly(): Promise<void> {
  written += JSON.stringify(JSON.parse(json)).length;
}

const packed = JSON.parse(json) as { z?: string };
const shown = packed.z === undefined ? null : await textCodec.inflate(packed.z);

/** A long page's columns travel deflated: inflated and deflated again, which a redesign keeps doing. */
async function columnsDeflate(): Promise<void> {
  if (shown === null) return;
  written += (await textCodec.inflate(packed.z!)).length + (await textCodec.deflate(shown)).length;
}

/** Microseconds per call of `f`, after a warm-up: the median of five batches. */
async function timed(f: () => Promise<void>): Promise<number> {
  const batch = Math.max(200, Math.round(200_000 / n));
  for (let i = 0; i < batch * 3; i++) await f();
  const each: number[] = [];
  for (let b = 0; b < 5; b++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) await f();
    each.push(((performance.now() - t) * 1000) / batch);
  }
  return each.sort((a, b) => a - b)[2]!;
}

const trip = await timed(() => roundTrip());
const bare = await timed(jsonOnly);
const deflate = await timed(columnsDeflate);
console.log(`# ${label}: the session's packed JSON is ${json.length} characters`);
console.log(`round trip of the session around the script: ${trip.toFixed(1)} us (its JSON alone: ${bare.toFixed(1)} us)`);
if (shown !== null) console.log(`of which the columns' inflate and deflate: ${deflate.toFixed(1)} us`);
const most = trip - bare - (shown === null ? 0 : deflate);
console.log(`the round trip beyond its JSON and deflate: ${most.toFixed(1)} us a request, ${(most / n).toFixed(2)} us a widget`);
let before = 0;
for (let phase = 1; phase <= PHASES.length; phase++) {
  const upTo = await timed(() => roundTrip(phase));
  console.log(`  ${PHASES[phase - 1]}: ${(upTo - before).toFixed(1)} us`);
  before = upTo;
}
if (written === 0) throw new Error("nothing was written");
