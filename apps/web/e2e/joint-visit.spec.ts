import { expect, test } from "@playwright/test";
import { createVisitWithChecklist } from "./checklist-fixture";
import { tinyPng } from "./files";
import { newOwner, signUp } from "./support";

/**
 * Two workspaces in two browser contexts run a joint visit (docs/decisions/0100-joint-visits.md):
 * the partner allows joint visits, the host invites it, the partner accepts and nominates, both fill
 * the checklist, the host sees the partner's answers, and ending the partnership removes the access.
 */
test("a host and a partner workspace run a joint visit, and the partner loses access when it ends", async ({ browser }) => {
  // Two sign-ups with two-factor enrolment and two workspaces' worth of pages: longer than one flow.
  test.setTimeout(240_000);
  const hostOwner = newOwner();
  const partnerOwner = newOwner();
  const hostContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const host = await hostContext.newPage();
  const partner = await partnerContext.newPage();
  await signUp(host, hostOwner);
  await signUp(partner, partnerOwner);
  const { visitId } = await createVisitWithChecklist(hostOwner.slug);

  // The partner workspace accepts invitations to joint visits (a workspace setting).
  await partner.getByRole("link", { name: "Joint visits" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Joint visits" })).toBeVisible();
  await expect(partner.getByRole("heading", { name: "No joint visits" })).toBeVisible();
  await partner.getByRole("button", { name: "Accept invitations" }).click();
  await expect(partner.getByText("Setting saved.")).toBeVisible();

  // The host invites it from the directory, on the visit's Partners page.
  await host.goto(`/t/${hostOwner.slug}/visits/${visitId}`);
  await host.getByRole("link", { name: "Partners" }).click();
  await expect(host.getByRole("heading", { level: 1, name: "Partner workspaces" })).toBeVisible();
  // A new sign-up is not verified: the host picks it and confirms it by typing its slug (decision 0155).
  await host.getByRole("group", { name: "Partner workspace" }).getByRole("radio", { name: partnerOwner.workspaceName }).check();
  await host.getByLabel("Workspace address, to confirm a workspace that is not verified").fill(partnerOwner.slug);
  await host.getByRole("button", { name: "Invite" }).click();
  await expect(host.getByText("Invitation sent.")).toBeVisible();
  await expect(host.getByText(`${partnerOwner.workspaceName} · Invitation open`)).toBeVisible();

  // The partner's owner sees it labelled with the host, accepts, and nominates a member (themselves) as the doctor.
  await partner.reload();
  await expect(partner.getByText(`Hosted by ${hostOwner.workspaceName} (RS)`)).toBeVisible();
  await partner.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(partner.getByText("Invitation accepted.")).toBeVisible();
  await partner.getByLabel("Member").selectOption({ label: partnerOwner.name });
  await partner.getByLabel("Visit role").selectOption({ label: "Doctor" });
  await partner.getByRole("button", { name: "Nominate" }).click();
  await expect(partner.getByText(`${partnerOwner.name} (Doctor)`)).toBeVisible();

  // The host sees the acceptance and the nominated member.
  await host.reload();
  await expect(host.getByText(`${partnerOwner.workspaceName} · Accepted`)).toBeVisible();
  await expect(host.getByText(`${partnerOwner.name} (Doctor)`)).toBeVisible();

  // The nominated member opens the joint visit from their own workspace and fills part of the checklist.
  await partner.getByRole("link", { name: "Open the joint visit" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Joint visit to Police Department Test" })).toBeVisible();
  await expect(partner.getByText("Your role on this visit: Doctor")).toBeVisible();
  await partner.getByRole("link", { name: "Checklist" }).click();
  await expect(partner).toHaveURL(new RegExp(`/t/${partnerOwner.slug}/joint-visits/${visitId}/checklist$`));
  await partner.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByText("No", { exact: true }).click();
  await expect(partner.locator("#status-register-complete")).toHaveText("Saved");
  await partner.getByRole("textbox", { name: /Number of cells/ }).fill("3");
  await expect(partner.locator("#status-cell-count")).toHaveText("Saved");

  // Together: the host sees the partner's answers on its own checklist and adds one of its own.
  await host.goto(`/t/${hostOwner.slug}/visits/${visitId}/checklist`);
  await expect(host.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByRole("radio", { name: "No", exact: true })).toBeChecked();
  await expect(host.getByRole("textbox", { name: /Number of cells/ })).toHaveValue("3");
  await host.locator("#q-register-complete").getByRole("button", { name: "History" }).click();
  // Attributed to the person AND their workspace (docs/decisions/0105-joint-attribution.md).
  await expect(host.locator("#q-register-complete ol li").first()).toContainText(`Saved by ${partnerOwner.name} · ${partnerOwner.workspaceName}`);
  await host.getByRole("radiogroup", { name: /Register format/ }).getByText("Paper", { exact: true }).click();
  await expect(host.locator("#status-register-format")).toHaveText("Saved");
  await partner.reload();
  await expect(partner.getByRole("radiogroup", { name: /Register format/ }).getByRole("radio", { name: "Paper", exact: true })).toBeChecked();

  // The partner records a finding on the joint visit, attaches evidence to it and downloads it (0106).
  await partner.goto(`/t/${partnerOwner.slug}/joint-visits/${visitId}`);
  const partnerFindings = partner.getByRole("region", { name: "Findings" });
  await partnerFindings.getByLabel("Theme").fill("Healthcare");
  await partnerFindings.getByRole("textbox", { name: "Finding" }).fill("No doctor at night.");
  await partnerFindings.getByRole("button", { name: "Record finding" }).click();
  await expect(partner.getByText("Finding added.")).toBeVisible();
  const partnerFinding = partnerFindings.getByRole("listitem").filter({ hasText: "No doctor at night." });
  await expect(partnerFinding.getByText(`Recorded by ${partnerOwner.name} · ${partnerOwner.workspaceName}`)).toBeVisible();
  await partnerFinding.getByLabel("Photo, scan or PDF").setInputFiles({ name: "night-roster.png", mimeType: "image/png", buffer: tinyPng() });
  await partnerFinding.getByRole("button", { name: "Attach file" }).click();
  await expect(partner.getByText("night-roster.png uploaded.")).toBeVisible();
  const evidenceLink = partnerFinding.getByRole("link", { name: "Download night-roster.png" });
  const evidenceHref = (await evidenceLink.getAttribute("href"))!;
  expect(evidenceHref).toBe(`/t/${partnerOwner.slug}/joint-visits/${visitId}/evidence/${evidenceHref.split("/").pop()}`);
  const downloaded = await partner.request.get(evidenceHref);
  expect(downloaded.status()).toBe(200);
  expect(downloaded.headers()["content-disposition"]).toContain("attachment");
  // A PNG, rewritten without metadata on upload (docs/decisions/0195): the same picture, not the same bytes.
  expect((await downloaded.body()).subarray(0, 8)).toEqual(tinyPng().subarray(0, 8));
  // The partner sees the photo's thumbnail through its own evidence route.
  const thumbnail = await partner.request.get(`${evidenceHref}?view=thumbnail`);
  expect(thumbnail.headers()["content-type"]).toBe("image/jpeg");

  // The host sees the finding and the evidence on its own visit, with the partner's name and workspace.
  await host.goto(`/t/${hostOwner.slug}/visits/${visitId}/findings`);
  const hostFinding = host.getByRole("article", { name: "Healthcare" });
  await expect(hostFinding.getByText(`Recorded by ${partnerOwner.name} · ${partnerOwner.workspaceName}`)).toBeVisible();
  await expect(hostFinding.getByText(`uploaded by ${partnerOwner.name} · ${partnerOwner.workspaceName}`)).toBeVisible();

  // The partner adds a recommendation to the host's report draft; the host's editor says who and from where (0107).
  await host.goto(`/t/${hostOwner.slug}/visits/${visitId}/report`);
  const draft = host.getByRole("region", { name: "Draft" });
  await draft.getByLabel("Summary").fill("A joint night visit with a partner NPM.");
  await draft.getByRole("button", { name: "Save the draft" }).click();
  await expect(host.getByRole("status")).toHaveText("The draft was saved.");
  await partner.goto(`/t/${partnerOwner.slug}/joint-visits/${visitId}`);
  const partnerReport = partner.getByRole("region", { name: "Report draft" });
  await partnerReport.getByLabel("Recommendation", { exact: true }).fill("Have a doctor on call at night.");
  await partnerReport.getByRole("button", { name: "Add a recommendation" }).click();
  await expect(partner.getByText("Recommendation added to the draft.")).toBeVisible();
  await host.reload();
  const partnerRecommendation = host.getByRole("region", { name: "Recommendations" }).getByRole("listitem").filter({ hasText: "Have a doctor on call at night." });
  await expect(partnerRecommendation.getByText(`${partnerOwner.name} · ${partnerOwner.workspaceName}`)).toBeVisible();

  // The host ends the partnership: the partner loses access at once.
  await host.goto(`/t/${hostOwner.slug}/visits/${visitId}/partners`);
  await host.getByRole("button", { name: "End partnership" }).click();
  await expect(host.getByText("Partnership ended. The partner no longer has access.")).toBeVisible();
  await expect(host.getByText(`${partnerOwner.workspaceName} · Ended`)).toBeVisible();

  const gone = await partner.goto(`/t/${partnerOwner.slug}/joint-visits/${visitId}/checklist`);
  expect(gone?.status()).toBe(404);
  const page = await partner.goto(`/t/${partnerOwner.slug}/joint-visits/${visitId}`);
  expect(page?.status()).toBe(404);
  expect((await partner.request.get(evidenceHref)).status()).toBe(404);
  await partner.goto(`/t/${partnerOwner.slug}/joint-visits`);
  await expect(partner.getByRole("heading", { name: "No joint visits" })).toBeVisible();

  await hostContext.close();
  await partnerContext.close();
});
