// oidc-provider ships no types; it is used only through scripts/oidc-dev-provider.ts (tests, npm run dev).
declare module "oidc-provider";
