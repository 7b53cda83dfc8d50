/**
 * `st`'s methods, and every container's, work unbound: `onClick: st.balloons`,
 * `const { write } = st`, `messages.map(st.write)`, as Python's module functions do. A method is
 * a getter on its prototype that hands out the method bound to the object it is read from (a bind
 * per read, cheaper than binding a hundred methods on every container made).
 */
export function bindOnRead(proto: object): void {
  for (const name of Object.getOwnPropertyNames(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, name)!;
    // (formlit's own `_` methods are only ever called on their object, and often: left as they are)
    if (name === "constructor" || name.startsWith("_") || typeof found.value !== "function") continue;
    const method = found.value as (...args: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get(this: object) {
        return method.bind(this);
      },
      // (an object may still be given a method of its own: st.status's box its own `with`)
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
}
