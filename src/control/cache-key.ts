/**
 * The text a cached function's arguments are known by: every value written out by its content
 * and its kind, so values JSON would confuse stay apart (a Map and {}, a Set and [], a Date and its
 * ISO string, undefined and null, a Uint8Array and an Int8Array with the same bytes, -0 and 0).
 * The full text is the key: two different argument lists never share a result, which a short hash
 * could not promise (results are shared by every user of the isolate).
 */
import { hex } from "../shared/hash.ts";

export class UnhashableArgument extends TypeError {
  constructor(what: string) {
    super(`st.cacheData / st.cacheResource cannot hash an argument: ${what}. Pass plain data (strings, numbers, arrays, objects, Map, Set, Date, typed arrays), or create the value inside the function.`);
    this.name = "UnhashableParamError";
  }
}


function objectText(v: object, text: (x: unknown) => string): string {
  if (Array.isArray(v)) return `[${Array.from(v, text).join(",")}]`;
  if (v instanceof Date) return `D${v.getTime()}`;
  if (v instanceof RegExp) return `R${String(v)}`;
  if (v instanceof Map) return `M{${[...v].map(([k, x]) => `${text(k)}:${text(x)}`).join(",")}}`;
  // a set's order is not part of its content
  if (v instanceof Set) return `S{${[...v].map(text).sort().join(",")}}`;
  if (v instanceof ArrayBuffer) return `B${hex(new Uint8Array(v))}`;
  if (ArrayBuffer.isView(v)) return `T${v.constructor.name}:${hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))}`;
  if (v instanceof URL) return `U${JSON.stringify(v.href)}`;
  if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || (typeof Blob !== "undefined" && v instanceof Blob)) {
    throw new UnhashableArgument(`a ${v.constructor.name} has no content to read synchronously`);
  }
  // Plain objects and class instances: their own fields, in order (as Python's dict), and their class.
  const fields = Object.keys(v).map((k) => `${JSON.stringify(k)}:${text((v as Record<string, unknown>)[k])}`);
  return `O${v.constructor?.name ?? ""}{${fields.join(",")}}`;
}

/** The canonical text of any value (an argument list, usually). */
export function canonicalText(value: unknown): string {
  const ancestors: object[] = [];
  const text = (v: unknown): string => {
    switch (typeof v) {
      case "undefined":
        return "u";
      case "boolean":
        return v ? "t" : "f";
      case "number":
        return Object.is(v, -0) ? "n-0" : `n${v}`;
      case "bigint":
        return `i${v}`;
      case "string":
        return `s${JSON.stringify(v)}`;
      case "symbol":
        throw new UnhashableArgument(`${String(v)} is a symbol`);
      case "function":
        return `F${JSON.stringify([v.name, v.toString()])}`;
    }
    if (v === null) return "z";
    const cycle = ancestors.indexOf(v as object);
    if (cycle >= 0) return `^${ancestors.length - cycle}`; // a reference back up the tree
    ancestors.push(v as object);
    try {
      return objectText(v as object, text);
    } finally {
      ancestors.pop();
    }
  };
  return text(value);
}
