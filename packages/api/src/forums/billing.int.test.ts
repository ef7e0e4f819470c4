import { describe, expect, it } from "vitest";
import { deliver, signedEvent, useFakeStripe } from "../testing/billing.ts";
import { callerFor, createTestUser, createTestWorkspace, refusalOf } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

/** Organising a forum is the Network plan's "forums" feature; answering an invitation needs no plan. */
const stripe = useFakeStripe();
useSmtpReceiver();

async function ownedWorkspace() {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  return { workspace, caller: (await callerFor(owner)).caller };
}

describe("forums and billing", () => {
  it("a free workspace cannot organise a forum but can take part; the Network plan organises", async () => {
    const free = await ownedWorkspace();
    expect(await refusalOf(free.caller.forums.create({ tenantSlug: free.workspace.slug, name: "Forum" }))).toBe("FORBIDDEN forumErrors.planRequired");

    const network = await ownedWorkspace();
    const { url } = await network.caller.billing.startCheckout({ tenantSlug: network.workspace.slug, planKey: "network" });
    const session = stripe.fake().sessions.get(url.split("/").at(-1)!)!;
    const subscription = await stripe.fake().completeCheckout(session);
    await deliver(signedEvent("customer.subscription.updated", subscription));
    const forum = await network.caller.forums.create({ tenantSlug: network.workspace.slug, name: "SEE NPM Network" });

    await network.caller.forums.invite({ tenantSlug: network.workspace.slug, forumId: forum.id, workspaceIds: [free.workspace.id] });
    expect(await refusalOf(free.caller.forums.respond({ tenantSlug: free.workspace.slug, forumId: forum.id, accept: true }))).toBe("OK");
    expect((await free.caller.forums.get({ tenantSlug: free.workspace.slug, forumId: forum.id })).member).toBe(true);
  });
});
