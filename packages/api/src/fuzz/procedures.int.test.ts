import { connect } from "@vigil/db/testing";
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "../http/handler.ts";
import { leakedInternals } from "./answer-checks.ts";
import { changedTables, fingerprintReader, type Fingerprint } from "./database-fingerprint.ts";
import { abbreviate, fuzzSettings, seedFor } from "./fuzz-settings.ts";
import { createFuzzWorld, type FuzzCaller, type FuzzWorld } from "./fuzz-world.ts";
import { inputArbitrary, poisonedExamples, validInputArbitrary } from "./json-schema-arbitrary.ts";
import { fuzzedProcedures, type FuzzedProcedure } from "./procedures.ts";

/**
 * Every tRPC procedure, through the real HTTP handler, with inputs generated from its own zod
 * schema, as three callers: signed out, a member of another workspace aiming at the victim's
 * slug and ids, and a monitor of the victim workspace. No answer may be a 5xx or carry internals,
 * and a refused call must leave the database as it found it (docs/decisions/0140).
 */
const settings = fuzzSettings();
const procedures = fuzzedProcedures();
const callers: FuzzCaller[] = ["signed-out", "member of another workspace", "monitor"];

let owner: pg.Client;
let world: FuzzWorld;
let fingerprint: (scope: FuzzWorld["scope"]) => Promise<Fingerprint>;

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  world = await createFuzzWorld(owner);
  fingerprint = await fingerprintReader(owner);
});

afterAll(async () => {
  await owner?.end();
});

type Answer = { status: number; body: string };

/** The fingerprint once two readings a moment apart agree (bounded: background work is short). */
async function settledFingerprint(): Promise<Fingerprint> {
  let previous = await fingerprint(world.scope);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const current = await fingerprint(world.scope);
    if (changedTables(previous, current).length === 0) return current;
    previous = current;
  }
  return previous;
}

async function send(procedure: FuzzedProcedure, input: unknown, cookie: string | null): Promise<Answer> {
  const url = new URL(`http://localhost:3000/api/trpc/${procedure.path}`);
  const headers = new Headers({ "sec-fetch-site": "same-origin" });
  if (cookie) headers.set("cookie", cookie);
  let request: Request;
  if (procedure.type === "query") {
    if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    request = new Request(url, { headers });
  } else {
    headers.set("content-type", "application/json");
    request = new Request(url, { method: "POST", headers, body: input === undefined ? undefined : JSON.stringify(input) });
  }
  const response = await handleTrpcRequest(request, { ipAddress: world.ipAddress });
  return { status: response.status, body: await response.text() };
}

/** Why an answer is unacceptable, or null. */
function problemWith(answer: Answer, changed: string[]): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${abbreviate(answer.body, 600)}`;
  const leak = leakedInternals(answer.body);
  if (leak) return `leaked internals in a ${answer.status}: ${leak}`;
  if (answer.status >= 400 && changed.length > 0) return `refused with ${answer.status} but changed ${changed.join(", ")}: ${abbreviate(answer.body, 300)}`;
  return null;
}

it("covers every procedure of the router, each with a JSON Schema for its input", () => {
  expect(procedures.length).toBeGreaterThan(100);
  expect(procedures.map((procedure) => procedure.path)).toEqual(expect.arrayContaining(["auth.signIn", "visits.plan", "forums.respond"]));
  const tenantProcedures = procedures.filter((procedure) => procedure.input?.properties?.tenantSlug);
  expect(tenantProcedures.length).toBeGreaterThan(100);
});

describe.each(callers)("every procedure, as %s", (caller) => {
  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))(
    "%s: no 5xx, no internals, a refusal changes nothing",
    async (path, procedure) => {
      const cookie = await world.cookieFor(caller);
      const seed = seedFor(settings.seed, path, caller);
      // Queries do not write; around mutations, the state after each call is the baseline for the next.
      let baseline = procedure.type === "mutation" ? await fingerprint(world.scope) : null;
      const targets = world.targets[caller];
      const [valid] = procedure.input ? fc.sample(validInputArbitrary(procedure.input, targets), { seed, numRuns: 1 }) : [undefined];
      const aimed = valid && typeof valid === "object" && "tenantSlug" in valid ? { ...valid, tenantSlug: world.home[caller] } : valid;
      const examples = poisonedExamples(procedure.input, aimed).map((input) => [input] as [unknown]);
      const property = fc.asyncProperty(inputArbitrary(procedure.input, targets), async (input) => {
        const answer = await send(procedure, input, cookie);
        let changed: string[] = [];
        if (baseline) {
          if (answer.status >= 400) {
            changed = changedTables(baseline, await fingerprint(world.scope));
          } else {
            // An accepted call may finish its work after answering (a reset e-mail's token is
            // written after the reply, so its timing reveals nothing): wait until that settles.
            baseline = await settledFingerprint();
          }
        }
        const problem = problemWith(answer, changed);
        if (problem) throw new Error(`${path} as ${caller} ${problem}`);
      });
      try {
        await fc.assert(property, { seed, numRuns: settings.runs + examples.length, examples, endOnFailure: !settings.shrink });
      } catch (error) {
        // fast-check keeps the property's own error as the cause: show both, kept short.
        const cause = (error as Error).cause instanceof Error ? `\n${((error as Error).cause as Error).message}` : "";
        throw new Error(`${abbreviate((error as Error).message + cause)}\nReplay: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} (add FUZZ_SHRINK=1 for a minimal input)`);
      }
    },
    // Generous: a few calls with large inputs take long on a busy two-core machine; no time is asserted.
    Math.max(90_000, settings.runs * 10_000),
  );
});

describe("every procedure, over a broken transport", () => {
  it("answers malformed JSON, the wrong method and an unknown path without a 5xx or internals", async () => {
    const cookie = await world.cookieFor("monitor");
    const headers = { cookie: cookie!, "sec-fetch-site": "same-origin", "content-type": "application/json" };
    const failures: string[] = [];
    const check = async (label: string, request: Request) => {
      const response = await handleTrpcRequest(request, { ipAddress: world.ipAddress });
      const answer = { status: response.status, body: await response.text() };
      const problem = problemWith(answer, []);
      if (problem) failures.push(`${label} ${problem}`);
    };
    for (const procedure of procedures) {
      const url = `http://localhost:3000/api/trpc/${procedure.path}`;
      if (procedure.type === "query") {
        await check(`${procedure.path} malformed input`, new Request(`${url}?input=%7B%22tenantSlug%22%3A`, { headers }));
        await check(`${procedure.path} by POST`, new Request(url, { method: "POST", headers, body: "{}" }));
      } else {
        await check(`${procedure.path} malformed body`, new Request(url, { method: "POST", headers, body: '{"tenantSlug":' }));
        await check(`${procedure.path} by GET`, new Request(`${url}?input=%7B%7D`, { headers }));
      }
    }
    await check("unknown procedure", new Request("http://localhost:3000/api/trpc/visits.doesNotExist?input=%7B%7D", { headers }));
    await check("no procedure", new Request("http://localhost:3000/api/trpc/", { headers }));
    expect(failures).toEqual([]);
  }, 120_000);
});
