import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, codeOf, createTestPlace, createTestUser, createTestVisit, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createAuthorities } from "../testing/recommendations.ts";
import { createTestTemplate } from "../testing/visits.ts";

/**
 * The getting-started list (issue 16 §2): each step ticks itself from the workspace's data, for
 * coordinators and above; a monitor is refused, and another workspace's member finds nothing.
 */
let owner: TestUser;
let coordinator: TestUser;
let monitor: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  owner = await createTestUser();
  coordinator = await createTestUser();
  monitor = await createTestUser();
  outsider = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await createTestWorkspace(outsider);
});

const doneSteps = async (user: TestUser) => {
  const result = await (await callerFor(user)).caller.workspaces.gettingStarted({ tenantSlug: workspace.slug });
  return { done: result.steps.filter((s) => s.done).map((s) => s.step), count: result.done, total: result.total };
};

describe("getting started", () => {
  it("starts with nothing done, and ticks each step as the workspace's data appears", async () => {
    expect(await doneSteps(owner)).toEqual({ done: [], count: 0, total: 5 });
    await createTestPlace(workspace.id);
    expect((await doneSteps(owner)).done).toEqual(["places"]);
    await createAuthorities(workspace.id);
    await createTestTemplate(workspace.id, ["police_custody"]);
    expect((await doneSteps(owner)).done).toEqual(["places", "authorities", "checklist"]);
    // An invitation is enough: the step is to ask colleagues in, not to wait for them.
    await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: `colleague-${workspace.id}@example.org`, role: "monitor" });
    expect((await doneSteps(owner)).done).toContain("members");
    await createTestVisit(workspace.id);
    expect(await doneSteps(owner)).toEqual({ done: ["places", "authorities", "checklist", "members", "visit"], count: 5, total: 5 });
  });

  it("counts a colleague who is already a member, and is read by coordinators", async () => {
    const fresh = await createTestWorkspace(coordinator);
    const caller = (await callerFor(coordinator)).caller;
    expect((await caller.workspaces.gettingStarted({ tenantSlug: fresh.slug })).steps.find((s) => s.step === "members")?.done).toBe(false);
    await addMember(fresh.id, monitor, "monitor");
    expect((await caller.workspaces.gettingStarted({ tenantSlug: fresh.slug })).steps.find((s) => s.step === "members")?.done).toBe(true);
  });

  it("leaves out the invitation step for a coordinator, who cannot invite", async () => {
    await addMember(workspace.id, coordinator, "coordinator");
    const steps = (await (await callerFor(coordinator)).caller.workspaces.gettingStarted({ tenantSlug: workspace.slug })).steps.map((s) => s.step);
    expect(steps).toEqual(["places", "authorities", "checklist", "visit"]);
  });

  it("refuses a monitor, and another workspace's member finds no such workspace", async () => {
    await addMember(workspace.id, monitor, "monitor");
    expect(await codeOf((await callerFor(monitor)).caller.workspaces.gettingStarted({ tenantSlug: workspace.slug }))).toBe("FORBIDDEN");
    expect(await codeOf((await callerFor(outsider)).caller.workspaces.gettingStarted({ tenantSlug: workspace.slug }))).toBe("NOT_FOUND");
  });
});
