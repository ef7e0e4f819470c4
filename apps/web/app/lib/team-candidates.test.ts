import { describe, expect, it } from "vitest";
import { notOnTeam } from "./team-candidates";

describe("team pickers", () => {
  it("leave out the members already on the team, and ignore external experts (no user)", () => {
    const members = [{ id: "ana" }, { id: "boris" }, { id: "vera" }];
    expect(notOnTeam(members, ["boris", null, undefined])).toEqual([{ id: "ana" }, { id: "vera" }]);
    expect(notOnTeam(members, [])).toEqual(members);
  });
});
