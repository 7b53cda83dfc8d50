/** Encrypted state (JWE dir + A256GCM), rotation in both modes, and the run-time limit. */
import { describe, expect, test } from "vitest";
import { decodeProtectedHeader } from "jose";
import { st, createApp } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";

const OLD = "old-secret-for-encryption-tests-0123456789ab";
const NEW = "new-secret-for-encryption-tests-ba9876543210";

const script = () => {
  st.textInput("Secret note", { key: "note" });
  st.sessionState.internal = "server-side-only-value-XYZZY";
};
const make = (secret: string, encrypt: boolean) => () => createApp({ secret, encrypt, entrypoint: script });

describe("encrypted state", () => {
  test("the cookie is a JWE (dir, A256GCM) that does not reveal the state, and the state round-trips", async () => {
    const c = new FormClient(make(NEW, true));
    await c.get("/");
    await c.change("Secret note", "my diary");
    const token = c.cookies.get("formlit")!;
    expect(token.split(".")).toHaveLength(5);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "dir", enc: "A256GCM" });
    const readable = Buffer.from(token.replace(/\./g, ""), "base64url").toString("latin1");
    expect(readable).not.toContain("XYZZY");
    expect(readable).not.toContain("my diary");
    await c.get("/");
    expect(c.value("Secret note")).toBe("my diary");
  });

  test("rotation: a cookie encrypted under the old secret is read and re-encrypted under the new one", async () => {
    const c = new FormClient(make(OLD, true));
    await c.get("/");
    await c.change("Secret note", "kept across rotation");
    const oldKid = decodeProtectedHeader(c.cookies.get("formlit")!).kid;
    const rotated = new FormClient(make(`${NEW},${OLD}`, true));
    rotated.cookies.set("formlit", c.cookies.get("formlit")!);
    await rotated.get("/");
    expect(rotated.value("Secret note")).toBe("kept across rotation");
    expect(rotated.notices()).toEqual([]);
    expect(decodeProtectedHeader(rotated.cookies.get("formlit")!).kid).not.toBe(oldKid);
  });

  test("a signed-only cookie is refused by an app that encrypts, and the other way round", async () => {
    const signed = new FormClient(make(NEW, false));
    await signed.get("/");
    await signed.change("Secret note", "plain");
    const encrypting = new FormClient(make(NEW, true));
    encrypting.cookies.set("formlit", signed.cookies.get("formlit")!);
    await encrypting.get("/");
    expect(encrypting.value("Secret note")).toBe("");
    expect(encrypting.notices().join(" ")).toMatch(/could not be verified/);

    const back = new FormClient(make(NEW, false));
    back.cookies.set("formlit", encrypting.cookies.get("formlit")!);
    await back.get("/");
    expect(back.notices().join(" ")).toMatch(/could not be verified/);
  });
});

describe("run-time limit", () => {
  /** An app whose runs may take 100 ms: a number input "n", then the script's own waiting. */
  const limited = (wait: () => Promise<unknown>) =>
    new FormClient(() =>
      createApp({
        secret: NEW,
        maxRunMs: 100,
        entrypoint: async () => {
          const n = st.numberInput("n", { key: "n" });
          await wait();
          st.text(`n=${n}`);
        },
      }),
    );

  test("an async script that runs too long is reported on the page and changes nothing", async () => {
    let slow = false;
    const c = limited(async () => {
      if (slow) await new Promise((r) => setTimeout(r, 400));
    });
    await c.get("/");
    await c.change("n", 2);
    const before = c.cookies.get("formlit");
    slow = true;
    await c.change("n", 5);
    expect(c.status).toBe(200);
    expect(c.exceptions()[0]?.message).toMatch(/ran longer than 100 ms and was stopped\. Nothing was changed\./);
    expect(c.headers.getSetCookie()).toEqual([]);
    expect(c.cookies.get("formlit")).toBe(before);
    slow = false;
    await c.get("/");
    expect(c.value("n")).toBe(2);
  });

  test("a script that awaits many settled promises before a slow one is still stopped; one that only awaits settled ones finishes", async () => {
    let wait = false;
    const c = limited(async () => {
      // more microtask turns than the run is given before its timer is set
      for (let i = 0; i < 500; i++) await null;
      if (wait) await new Promise(() => {});
    });
    await c.get("/");
    await c.change("n", 3);
    expect(c.texts()).toContain("n=3");
    const before = c.cookies.get("formlit");
    wait = true;
    await c.change("n", 7);
    expect(c.exceptions()[0]?.message).toMatch(/ran longer than 100 ms and was stopped\. Nothing was changed\./);
    expect(c.cookies.get("formlit")).toBe(before);
  });
});
