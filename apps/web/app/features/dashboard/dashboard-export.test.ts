import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { loader } from "./dashboard-export";

/** The status the loader threw with; the unknown-file check runs before any sign-in or database call. */
async function thrownStatus(file: string): Promise<number | undefined> {
  const request = new Request(`http://localhost:3000/t/npm-serbia/exports/${file}`);
  try {
    await loader({ request, context: {} as AppLoadContext, params: { slug: "npm-serbia", file } } as Parameters<typeof loader>[0]);
  } catch (thrown) {
    return (thrown as { init?: ResponseInit | null }).init?.status ?? undefined;
  }
  return undefined;
}

describe("dashboard export file names", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "nope.csv"])("answers 404 for %s (not a file, even if Object.prototype has it)", async (file) => {
    expect(await thrownStatus(file)).toBe(404);
  });
});
