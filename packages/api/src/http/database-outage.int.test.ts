import net from "node:net";
import { generateSessionToken } from "@vigil/auth";
import { isDatabaseUnavailable } from "@vigil/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDatabaseUnavailable } from "../core/database-outage.ts";
import { handleTrpcRequest } from "./handler.ts";
import { logger } from "../core/logger.ts";

// Issue 12: with the database unreachable, /api/trpc answered 500 and logged a stack per request.
// Here the app's URL points at a port where nothing listens: connections are refused (ECONNREFUSED).

let closedPort: number;
beforeAll(async () => {
  closedPort = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  process.env.DATABASE_URL = `postgres://vigil_app:x@127.0.0.1:${closedPort}/vigil`;
});
afterAll(async () => {
  const { disconnectAppDb } = await import("@vigil/db");
  await disconnectAppDb();
});

function call(path: string, init: RequestInit = {}) {
  return handleTrpcRequest(new Request(`http://localhost:3000/api/trpc/${path}`, { headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" }, ...init }), {
    ipAddress: "127.0.0.1",
  });
}

describe("/api/trpc while the database is unreachable", () => {
  it("answers a query 503 with Retry-After and a neutral message, no stack", async () => {
    const response = await call(`workspaces.mine`, { headers: { cookie: `vigil_session=${generateSessionToken().token}` } });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const text = await response.text();
    expect(text).not.toMatch(/stack|at .*\.(ts|js):\d+|ECONNREFUSED/);
    expect(JSON.parse(text)).toMatchObject({ error: { data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } } });
  });

  it("answers a mutation (sign-in) 503 too, in the caller's language", async () => {
    const response = await call("auth.signIn", {
      method: "POST",
      headers: { "sec-fetch-site": "same-origin", "content-type": "application/json", "accept-language": "uk" },
      body: JSON.stringify({ email: "someone@example.org", password: "correct horse battery staple 42" }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Сервіс ненадовго недоступний. Спробуйте ще раз за кілька секунд.");
  });
});

describe("recognising an unreachable database", () => {
  it("sees it through pg, Prisma's adapter wrapping and a TRPCError cause", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  });

  it("does not mistake a bug or bad input for an outage", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("invalid byte sequence"), { code: "22021" }))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
  });

  it("logs one warning per 30 s with the number of requests, not one per request", () => {
    const lines: unknown[] = [];
    const original = logger.warn.bind(logger);
    logger.warn = ((entry: unknown) => void lines.push(entry)) as typeof logger.warn;
    try {
      const start = 1_000_000;
      for (let i = 0; i < 100; i++) reportDatabaseUnavailable(new Error("refused"), start + i * 100);
      expect(lines).toHaveLength(1);
      reportDatabaseUnavailable(new Error("refused"), start + 31_000);
      expect(lines).toHaveLength(2);
      // The 99 answered in between, and this one.
      expect(lines[1]).toMatchObject({ requests: 100 });
    } finally {
      logger.warn = original;
    }
  });
});
