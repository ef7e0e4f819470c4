import { TRPCError } from "@trpc/server";
import { privilegedDb } from "@vigil/db/privileged";
import { translator } from "@vigil/i18n";
import { describe, expect, it } from "vitest";
import { describeError } from "../core/error-format.ts";
import { deliver, signedEvent, useFakeStripe } from "../testing/billing.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const stripe = useFakeStripe();
useSmtpReceiver();

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function ownedWorkspace() {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const { caller } = await callerFor(owner);
  return { owner, workspace, caller };
}

/** Subscribes the workspace through Checkout and the fake's webhooks, then sets the subscription's status. */
async function subscribe(workspace: { id: string; slug: string }, caller: Awaited<ReturnType<typeof callerFor>>["caller"], status: string) {
  const { url } = await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" });
  const session = stripe.fake().sessions.get(url.split("/").at(-1)!)!;
  const subscription = await stripe.fake().completeCheckout(session);
  subscription.status = status;
  await deliver(signedEvent("customer.subscription.updated", subscription));
  return subscription;
}

describe("Checkout and the Customer Portal", () => {
  it("an owner starts Checkout for a plan: one Stripe customer per workspace, recorded in the audit log", async () => {
    const { workspace, caller } = await ownedWorkspace();
    const first = await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "network" });
    await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" });
    expect(first.url).toMatch(new RegExp(`^${stripe.fake().url}/checkout/`));
    const customers = [...stripe.fake().customers.values()].filter((customer) => customer.metadata.tenantId === workspace.id);
    expect(customers).toHaveLength(1);
    const sessions = stripe.fake().requests.filter((r) => r.path === "/v1/checkout/sessions" && r.form.customer === customers[0]!.id);
    expect(sessions.map((r) => r.form["line_items[0][price]"])).toEqual(["price_network", "price_standard"]);
    expect(sessions[0]!.form.success_url).toBe(`http://localhost:3000/t/${workspace.slug}/billing?checkout=success`);
    expect(await privilegedDb().auditEvent.count({ where: { tenantId: workspace.id, action: "billing.checkoutStarted" } })).toBe(2);
  });

  it("refuses a plan that is not offered, and the Portal before any Checkout", async () => {
    const { workspace, caller } = await ownedWorkspace();
    expect((await errorOf(caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "free" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(caller.billing.openPortal({ tenantSlug: workspace.slug }))).code).toBe("BAD_REQUEST");
  });

  it("opens the Portal for the workspace's own customer, returning to the billing page", async () => {
    const { workspace, caller } = await ownedWorkspace();
    await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" });
    const { url } = await caller.billing.openPortal({ tenantSlug: workspace.slug });
    expect(url).toContain("/portal/bps_");
    const billing = await privilegedDb().workspaceBilling.findUniqueOrThrow({ where: { tenantId: workspace.id } });
    expect(stripe.fake().requests.at(-1)?.form).toMatchObject({ customer: billing.stripeCustomerId, return_url: `http://localhost:3000/t/${workspace.slug}/billing` });
  });
});

describe("entitlements", () => {
  it("the free plan's member limit (members and pending invitations) is enforced when inviting, with a clear message", async () => {
    const { workspace, caller } = await ownedWorkspace();
    for (let i = 0; i < 4; i++) await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("seat")}@example.org`, role: "monitor" });
    const refused = await errorOf(caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("sixth")}@example.org`, role: "monitor" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("billingErrors.memberLimitReached");
    const described = describeError(refused, translator("en"));
    expect(described.message).toBe("The workspace has reached its plan's limit of 5 members. An owner can upgrade the plan on the billing page.");
    expect(described.fieldErrors.email).toBe(described.message);
    expect((await caller.billing.status({ tenantSlug: workspace.slug })).seatsUsed).toBe(5);
  });

  it("two invitations at once for the last seat: one is refused", async () => {
    const { owner, workspace, caller } = await ownedWorkspace();
    for (let i = 0; i < 3; i++) await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("seat")}@example.org`, role: "monitor" });
    const [first, second] = await Promise.all([callerFor(owner), callerFor(owner)]);
    const results = await Promise.allSettled([
      first.caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("race")}@example.org`, role: "monitor" }),
      second.caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("race")}@example.org`, role: "monitor" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await caller.billing.status({ tenantSlug: workspace.slug })).seatsUsed).toBe(5);
  });

  it("a paid plan raises the limit", async () => {
    const { workspace, caller } = await ownedWorkspace();
    for (let i = 0; i < 4; i++) await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("seat")}@example.org`, role: "monitor" });
    await subscribe(workspace, caller, "active");
    await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("sixth")}@example.org`, role: "monitor" });
    expect(await caller.billing.status({ tenantSlug: workspace.slug })).toMatchObject({ memberLimit: 30, seatsUsed: 6, access: "full" });
  });

  it("a failed payment leaves the workspace editable during the grace period, then read-only", async () => {
    const { workspace, caller } = await ownedWorkspace();
    await subscribe(workspace, caller, "past_due");
    const inGrace = await caller.billing.status({ tenantSlug: workspace.slug });
    expect(inGrace.access).toBe("grace");
    expect(inGrace.graceEndsAt!.getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
    await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("grace")}@example.org`, role: "viewer" });

    // Fifteen days later, still unpaid.
    await privilegedDb().workspaceBilling.update({ where: { tenantId: workspace.id }, data: { paymentFailedAt: new Date(Date.now() - 15 * 86_400_000) } });
    expect((await caller.billing.status({ tenantSlug: workspace.slug })).access).toBe("readOnly");
    const refused = await errorOf(caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("late")}@example.org`, role: "viewer" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("billingErrors.workspaceReadOnly");
  });

  it("a cancelled workspace is read-only: changes refused with a translated message, reads and paying again still work, nothing deleted", async () => {
    const { owner, workspace, caller } = await ownedWorkspace();
    const colleague = await createTestUser();
    const membership = await addMember(workspace.id, colleague, "monitor");
    await subscribe(workspace, caller, "canceled");

    const refused = await errorOf(caller.members.changeRole({ tenantSlug: workspace.slug, membershipId: membership.id, role: "viewer" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(describeError(refused, translator("uk")).message).toMatch(/^Цей робочий простір доступний лише для читання/);
    expect(describeError(refused, translator("sr-Latn")).message).toMatch(/^Ovaj radni prostor je samo za čitanje/);
    expect((await errorOf(caller.members.remove({ tenantSlug: workspace.slug, membershipId: membership.id }))).message).toBe("billingErrors.workspaceReadOnly");

    const members = await caller.members.list({ tenantSlug: workspace.slug });
    expect(members.map((m) => m.user.id).sort()).toEqual([owner.id, colleague.id].sort());
    const again = await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" });
    expect(again.url).toContain("/checkout/");
  });
});
