import { OIDC_CLIENT_ID, startTestOidcProvider } from "../../support/oidc-provider";

// The program's OpenID provider for the browser tests: the same real provider the HTTP tests use,
// on its own port next to the portal's (playwright.config.ts), registered for the portal's callback.
const provider = await startTestOidcProvider(Number(process.env.E2E_OIDC_PORT));
provider.configure(`http://127.0.0.1:${process.env.E2E_PORT}/auth/oidc/callback`);
console.log(`OpenID provider for ${OIDC_CLIENT_ID} at ${provider.issuer}`);

const stop = async () => {
  await provider.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
