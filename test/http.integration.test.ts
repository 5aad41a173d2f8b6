// The HTTP surface's defences: body limits, security headers, rate limits, 404s that give nothing away.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInProcess, type Running } from "./helpers/servers.js";

let server: Running;
beforeAll(async () => {
  server = await startInProcess({ ADMIN_TOKEN: "admin-token-for-tests-0123456789" });
});
afterAll(async () => {
  await server.close();
});

describe("HTTP surface", () => {
  it("sends security headers", async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses oversized and malformed bodies with a clear error", async () => {
    const big = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: "tooLarge" });
    const broken = await fetch(`${server.url}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(broken.status).toBe(400);
  });

  it("rate-limits room creation per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await fetch(`${server.url}/api/rooms`, { method: "POST" })).status);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(20);
    expect(statuses).toContain(429);
  });

  it("lists every game for ADMIN_TOKEN only, and nothing for a wrong token", async () => {
    expect((await fetch(`${server.url}/api/games`)).status).toBe(401);
    const none = await fetch(`${server.url}/api/games`, { headers: { Authorization: "Bearer someone-elses-token-000000000" } });
    expect(await none.json()).toEqual([]);
    const admin = await fetch(`${server.url}/api/games`, { headers: { Authorization: "Bearer admin-token-for-tests-0123456789" } });
    expect(admin.status).toBe(200);
    expect(Array.isArray(await admin.json())).toBe(true);
  });

  it("answers 404 for unknown API routes and game ids, even with traversal-like ids", async () => {
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    for (const id of ["..", "..%2F..%2Fdata", "%2e%2e", "a%00b"])
      expect((await fetch(`${server.url}/api/games/${id}/log`, { headers: { Authorization: "Bearer x".padEnd(40, "x") } })).status).toBe(404);
  });
});
