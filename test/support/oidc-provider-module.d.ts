// oidc-provider ships no types; the tests use it only through test/support/oidc-provider.ts.
declare module "oidc-provider";
