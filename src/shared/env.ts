/**
 * Node's process environment, where there is one (`node --env-file`, @hono/node-server): what
 * stands in for a Worker's bindings outside Workers. Undefined on Workers without nodejs_compat.
 */
export function processEnv(): Record<string, string | undefined> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
}
