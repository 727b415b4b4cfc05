import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { createUser, describeServer, type TestServer } from "../../support/server";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body comes back as sent on the wire (fetch would decompress it and hide the encoding). */
function rawGet(server: TestServer, pathname: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(pathname, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describeServer("compression and caching", (t) => {
  it("sends HTML with brotli or gzip as the browser asks, and plain to a client that asks for neither", async () => {
    const brotli = await rawGet(t.server, "/login", { "Accept-Encoding": "br, gzip" });
    expect(brotli.status).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(String(brotli.headers["vary"])).toMatch(/Accept-Encoding/i);
    const html = brotliDecompressSync(brotli.body).toString("utf8");
    expect(html).toContain("<html");
    expect(brotli.body.length).toBeLessThan(Buffer.byteLength(html) / 2);

    const gzip = await rawGet(t.server, "/login", { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString("utf8")).toContain("<html");

    const plain = await rawGet(t.server, "/login", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("<html");
  });

  it("compresses hashed assets and lets browsers keep them for a year without asking again", async () => {
    const html = (await rawGet(t.server, "/login", {})).body.toString("utf8");
    const asset = /\/assets\/[\w.-]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const response = await rawGet(t.server, asset!, { "Accept-Encoding": "gzip" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(response.body).length).toBeGreaterThan(response.body.length);
  });

  it("compresses JSON (a person's data export)", async () => {
    const user = await createUser(t.server, { name: "A name long enough ".repeat(60).trim() });
    const response = await rawGet(t.server, "/me/data.json", { "Accept-Encoding": "gzip", Cookie: user.cookie });
    expect(response.status).toBe(200);
    expect(String(response.headers["content-type"])).toContain("application/json");
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(response.body).toString("utf8"))).toBeTruthy();
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
