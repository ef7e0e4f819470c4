import { describe, expect, it } from "vitest";
import { dispatchIntent } from "./intent";

function statusOf(run: () => unknown): number | "ran" {
  try {
    run();
    return "ran";
  } catch (thrown) {
    return (thrown as { init?: ResponseInit }).init?.status ?? -1;
  }
}

describe("dispatchIntent", () => {
  const handlers = { save: (intent: "save") => `saved by ${intent}`, remove: () => "removed" };

  it("runs the handler named by the form's intent, and passes it the intent", () => {
    const form = new FormData();
    form.set("intent", "save");
    expect(dispatchIntent(form, handlers)).toBe("saved by save");
    expect(dispatchIntent("remove", handlers)).toBe("removed");
  });

  it("throws a 400 for a missing, unknown or inherited intent", () => {
    for (const intent of [null, undefined, "", "bogus", "constructor", "toString", "__proto__"]) {
      expect(statusOf(() => dispatchIntent(intent, handlers)), String(intent)).toBe(400);
    }
    expect(statusOf(() => dispatchIntent(new FormData(), handlers))).toBe(400);
  });
});
