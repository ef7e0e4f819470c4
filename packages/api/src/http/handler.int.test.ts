import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { handleTrpcRequest } from "./handler.ts";
import { TRANSACTIONS_PER_REQUEST } from "../core/context.ts";
import { addMember, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { recordStatements } from "../testing/statements.ts";

/** The API as the browser sees it at /api/trpc: statuses, translated messages, no internals. */
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return handleTrpcRequest(
    new Request(`http://localhost:3000/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
      body: JSON.stringify(body),
    }),
    { ipAddress: "127.0.0.1" },
  );
}

function get(path: string, input: unknown, headers: Record<string, string> = {}) {
  const url = `http://localhost:3000/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return handleTrpcRequest(new Request(url, { headers }), { ipAddress: "127.0.0.1" });
}

describe("/api/trpc", () => {
  it("answers bad input with 400 and translated field messages, without a stack trace", async () => {
    const response = await post("auth.signIn", { email: "nope", password: "" }, { "accept-language": "sr-Latn-RS,sr;q=0.9" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toBe("Ispravite označena polja.");
    expect(body.error.data.fieldErrors).toMatchObject({ email: "Unesite ispravnu adresu e-pošte, na primer ime@primer.rs.", password: "Ovo polje je obavezno." });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it("answers a signed-out caller with 401", async () => {
    const response = await get("workspaces.mine", undefined);
    expect(response.status).toBe(401);
  });

  it("answers a non-member with 404, in the language of their profile (over the browser's)", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const stranger = await createTestUser();
    await privilegedDb().user.update({ where: { id: stranger.id }, data: { preferredLocale: "uk" } });
    const response = await get("workspaces.current", { tenantSlug: workspace.slug }, { cookie: `vigil_session=${stranger.token}`, "accept-language": "en" });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe("Сторінку не знайдено.");
  });

  it("refuses a cross-site mutation with 403", async () => {
    const response = await post("auth.signIn", { email: "a@example.org", password: "x" }, { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
  });
});

describe("/api/trpc batches", () => {
  function batch(size: number) {
    const paths = Array.from({ length: size }, () => "workspaces.mine").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [i, undefined]))));
    return handleTrpcRequest(new Request(`http://localhost:3000/api/trpc/${paths}?batch=1&input=${input}`), { ipAddress: "127.0.0.1" });
  }

  it("answers a batch of up to 10 calls, each on its own", async () => {
    const response = await batch(10);
    const body = (await response.json()) as unknown[];
    expect(body).toHaveLength(10);
  });

  it("refuses a batch of 11 calls with 400 and runs none of them", async () => {
    const response = await batch(11);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/"result"/);
  });

  it("answers each call of a batch that mixes workspaces for that workspace alone: nothing of another workspace leaks", async () => {
    const ownerA = await createTestUser();
    const ownerB = await createTestUser();
    const [a, b] = [await createTestWorkspace(ownerA), await createTestWorkspace(ownerB)];
    const coordinator = await createTestUser();
    await addMember(a.id, coordinator, "coordinator");
    const calls: [string, unknown][] = [
      ["workspaces.current", { tenantSlug: a.slug }],
      ["workspaces.current", { tenantSlug: b.slug }],
      ["members.list", { tenantSlug: b.slug }],
      ["members.invitations", { tenantSlug: a.slug }], // admin and above: one role too high for a coordinator
      ["members.list", { tenantSlug: a.slug }],
    ];
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(calls.map(([, callInput], i) => [i, callInput]))));
    const response = await handleTrpcRequest(
      new Request(`http://localhost:3000/api/trpc/${calls.map(([path]) => path).join(",")}?batch=1&input=${input}`, { headers: { cookie: `vigil_session=${coordinator.token}` } }),
      { ipAddress: "127.0.0.1" },
    );
    const entries = (await response.json()) as { result?: { data: unknown }; error?: { data?: { code?: string } } }[];
    expect(entries.map((entry) => entry.error?.data?.code ?? "OK")).toEqual(["OK", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "OK"]);
    const text = JSON.stringify(entries);
    for (const secret of [b.id, b.name, ownerB.email, ownerB.id]) expect(text).not.toContain(secret);
  });

  it("holds at most two transactions at once for a batch of ten workspace calls, and answers all ten", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const size = 10;
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { tenantSlug: workspace.slug }]))));
    const paths = Array.from({ length: size }, () => "workspaces.current").join(",");
    let entries: { result?: { data: { name: string } } }[] = [];
    const statements = await recordStatements(async () => {
      const response = await handleTrpcRequest(
        new Request(`http://localhost:3000/api/trpc/${paths}?batch=1&input=${input}`, { headers: { cookie: `vigil_session=${owner.token}` } }),
        { ipAddress: "127.0.0.1" },
      );
      entries = (await response.json()) as typeof entries;
    });
    expect(entries.map((entry) => entry.result?.data.name)).toEqual(Array.from({ length: size }, () => workspace.name));
    // Open transactions, in the order their statements reached PostgreSQL: ten at once would hold the whole pool.
    let open = 0;
    let most = 0;
    for (const text of statements) {
      if (/^BEGIN/i.test(text)) most = Math.max(most, ++open);
      if (/^(COMMIT|ROLLBACK)/i.test(text)) open--;
    }
    expect(statements.filter((text) => /^BEGIN/i.test(text))).toHaveLength(size);
    expect(most).toBe(TRANSACTIONS_PER_REQUEST);
  });
});
