import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/utils/config.server";

const secret = "s".repeat(40);

describe("loadConfig", () => {
  it("defaults to the embedded database on localhost:3000 with the demo", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.appUrl.origin).toBe("http://localhost:3000");
    expect(config.secureCookies).toBe(false);
    expect(config.seedDemo).toBe(true);
  });

  it("follows PORT and HOST", () => {
    const config = loadConfig({ PORT: "4100", HOST: "127.0.0.1" });
    expect(config.appUrl.origin).toBe("http://127.0.0.1:4100");
  });

  it("refuses plain http on a public address, so cookies cannot lose Secure by accident", () => {
    expect(() => loadConfig({ APP_URL: "http://fellows.example" })).toThrow(ConfigError);
    expect(loadConfig({ APP_URL: "https://fellows.example" }).secureCookies).toBe(true);
  });

  it("requires a session secret with a real database in production, and long secrets", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://x/y" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrow(/at least 32/);
    const config = loadConfig({ DATABASE_URL: "postgres://x/y", SESSION_SECRET: `${secret}, ${"t".repeat(40)}` });
    expect(config.sessionSecrets).toEqual([secret, "t".repeat(40)]);
    expect(config.seedDemo).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
  });
});
