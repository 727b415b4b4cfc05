import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export const OIDC_CLIENT_ID = "fellowship-portal";
export const OIDC_CLIENT_SECRET = "a-client-secret-for-the-test-provider";

/** The claims an account at the test provider shares (email, its verification, name); its subject is the login. */
export interface OidcTestAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * The account a login typed at the provider stands for. By default the login is the email
 * address, verified;
 * `unverified:<email>` is the same address unverified. The subject is always the login (the
 * provider sets it from the account id). Tests may set accounts of their own.
 */
export function defaultAccount(login: string): OidcTestAccount {
  const unverified = login.startsWith("unverified:");
  const email = unverified ? login.slice("unverified:".length) : login;
  return {
    email,
    emailVerified: !unverified,
    name: `Provider ${email.split("@")[0]}`,
  };
}

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by login, consulted before defaultAccount. */
  accounts: Map<string, OidcTestAccount>;
  /**
   * Registers a portal's callback and (re)starts answering with every callback registered so far
   * (a portal's port is known only once it runs; each test server is another portal).
   */
  configure(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the certified `oidc-provider` package) on a loopback port, with one
 * confidential client and its development login pages (any login, see defaultAccount). Consent is
 * granted without asking, as a program's own provider does for its own portal. The port is taken
 * first and the provider built by `configure`, because the client's redirect URI names the
 * portal's port, which the portal learns only after it is given the issuer.
 */
export async function startTestOidcProvider(port = 0): Promise<TestOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end("provider not configured yet");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, OidcTestAccount>();
  const accountFor = (login: string) => accounts.get(login) ?? defaultAccount(login);
  const redirectUris: string[] = [];
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  return {
    issuer,
    accounts,
    configure(redirectUri) {
      redirectUris.push(redirectUri);
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_CLIENT_ID,
            client_secret: OIDC_CLIENT_SECRET,
            redirect_uris: [...redirectUris],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        jwks: { keys: [{ ...signingKey, kid: "test-key", use: "sig", alg: "RS256" }] },
        cookies: { keys: ["test-provider-cookie-key-long-enough"] },
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        // The portal must send a PKCE challenge even though it also has a secret.
        pkce: { required: () => true },
        findAccount(_ctx: KoaContextWithOIDC, id: string) {
          const account = accountFor(id);
          return {
            accountId: id,
            claims: () => ({
              sub: id,
              email: account.email,
              email_verified: account.emailVerified,
              name: account.name,
            }),
          };
        },
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const { client, session, provider: op, result } = ctx.oidc;
          if (!client || !session?.accountId) return undefined;
          const grantId =
            (result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
          if (grantId) return op.Grant.find(grantId);
          const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
          grant.addOIDCScope("openid email profile");
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
