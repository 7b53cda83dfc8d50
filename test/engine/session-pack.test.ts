/**
 * The session's cookie form: every part of a session survives packing and unpacking, and a shape
 * of another version is not taken for a session.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { packSession, unpackSession, type Packer } from "../../src/engine/session-pack.ts";
import { sameSession } from "../../src/engine/same-session.ts";
import type { Session } from "../../src/engine/session.ts";
import { StoredValues, type Json } from "../../src/engine/state.ts";
import { WidgetList, type WidgetRecord } from "../../src/engine/widget-list.ts";

const packer: Packer = {
  deflate: async (text) => deflateRawSync(Buffer.from(text)).toString("base64url"),
  inflate: async (z) => inflateRawSync(Buffer.from(z, "base64url")).toString(),
};

function session(widgets: number): Session {
  const records: WidgetRecord[] = [
    ["$$ID-abcdefghij", "trigger", "", 1, "d0"],
    ["$$ID-k1a2b-name", "one", "f1", 0, "d1"],
    ["$$ID-k3c4d-tags", "many", "f1", 0, "d2", "frag"],
    ["$$ID-0123456789", "bool", "", 1, "d1", "frag"],
    ["$$ID-k5e6f-gone", "chat", "", 0, "d3"],
    ["$$ID-k7g8h-menu", "choice", "", 1, "d0"],
  ];
  for (let i = 0; i < widgets; i++) records.push([`$$ID-x${String(i).padStart(4, "0")}-n${i}`, "one", "", 0, "d0"]);
  const l = WidgetList.fromJSON(records)!;
  const o: Record<string, Json> = { count: 3, "$$ID-k1a2b-name": "Ada", "$$ID-k3c4d-tags": ["a", "b"], "$$ID-0123456789": true, "$$ID-abcdefghij": false };
  for (let i = 0; i < widgets; i++) o[`$$ID-x${String(i).padStart(4, "0")}-n${i}`] = i % 3;
  return {
    v: 2,
    sid: "s1",
    run: 7,
    pg: "/p",
    // a key mapped to a widget not drawn (kept), a drawn keyed widget whose key is not mapped ("gone")
    st: { o: StoredValues.ofRecord(o), k: ["$$ID-zzzzz-old", ...l.ids.filter((id) => /^\$\$ID-.{5}-/.test(id) && !id.endsWith("gone"))], t: ["$$ID-abcdefghij"] },
    l,
    r: { o: { count: 2 } },
    w: 1,
    n: 1,
    fr: [["frag", { x: ["count"] }]],
    // the widgets a change of page drops, by position
    pd: [1, 3],
  };
}

describe("the session's cookie form", () => {
  test.each([0, 200])("a session with %i more keyed widgets comes back with the same content", async (n) => {
    const s = session(n);
    const packed = await packSession(s, packer);
    const back = await unpackSession(JSON.parse(JSON.stringify(packed)), packer);
    expect(back).not.toBeNull();
    expect(sameSession(back!, s)).toBe(true);
    expect(back!.l).toEqual(s.l);
    // long widget lists travel deflated; values never do
    expect(packed.z !== undefined).toBe(n > 0);
    expect(packed.u).toBeDefined();
  });

  test("the mapped keys come back whichever of them are mapped, in whatever order, drawn or not", async () => {
    const keyed = session(4).l.ids.filter((id) => /^\$\$ID-.{5}-/.test(id));
    const ids = fc.uniqueArray(fc.constantFrom(...keyed, "$$ID-zzzzz-old", "$$ID-yyyyy-other"));
    await fc.assert(
      fc.asyncProperty(ids, async (k) => {
        const s = { ...session(4), st: { ...session(4).st, k } };
        const back = await unpackSession(JSON.parse(JSON.stringify(await packSession(s, packer))), packer);
        expect(new Set(back!.st.k)).toEqual(new Set(k));
        expect(back!.st.k).toHaveLength(k.length);
      }),
      { numRuns: 300 },
    );
    // the usual case, every drawn keyed widget mapped in the list's order, costs no column at all
    const usual = { ...session(4), st: { ...session(4).st, k: keyed } };
    const packed = await packSession(usual, packer);
    expect(packed.st.k).toBeUndefined();
    expect(packed.st.kx).toBeUndefined();
  });

  test("200 keyed widgets take under 16 bytes each of JSON", async () => {
    const small = JSON.stringify(await packSession(session(0), packer)).length;
    const large = JSON.stringify(await packSession(session(200), packer)).length;
    expect((large - small) / 200).toBeLessThan(16);
  });

  test.each([
    ["an earlier version's session", { v: 1, sid: "s", run: 1, pg: "", st: { o: {}, k: [], t: [] }, l: [] }],
    ["a session as the engine holds it, not packed", { v: 2, sid: "s", run: 1, pg: "", st: { o: {}, k: [], t: [] }, l: [] }],
    ["a widget list whose columns disagree", { v: 3, sid: "s", run: 1, pg: "", st: { o: {} }, w: { i: ["a", "b"], c: "a", d: ["x", "y"] } }],
    ["a digest pointing forward", { v: 3, sid: "s", run: 1, pg: "", st: { o: {} }, w: { i: ["a", "b"], c: "aa", d: [1, "y"] } }],
    ["values for more widgets than listed", { v: 3, sid: "s", run: 1, pg: "", st: { o: {} }, w: { i: ["a"], c: "a", d: ["x"] }, u: [1, 2] }],
    ["deflated columns that do not inflate", { v: 3, sid: "s", run: 1, pg: "", st: { o: {} }, z: "not deflate" }],
    ["a page's widgets at a position the list does not have", { v: 3, sid: "s", run: 1, pg: "", st: { o: {} }, w: { i: ["a"], c: "a", d: ["x"] }, pd: [1] }],
    ["not an object", "session"],
  ])("%s is not a session", async (_name, x) => {
    expect(await unpackSession(x, packer)).toBeNull();
  });
});
