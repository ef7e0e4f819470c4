import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentThumbnail } from "./storage.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestTemplate, createTestVisit } from "../testing/visits.ts";

// Photos of a place of detention must not carry where, when and with what they were taken
// (issue 16, docs/decisions/0195): the stored bytes are read back and searched for it.

let dir: string;
let monitor: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-photos-"));
  process.env.ATTACHMENTS_DIR = dir;
  const owner = await createTestUser();
  [monitor, viewer] = await Promise.all([createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  visitId = (await createTestVisit(workspace.id)).id;
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

const PHONE = { IFD0: { Make: "Phonecam", Model: "X1 Pro", Software: "CamOS 7" } };
const GPS = { IFD3: { GPSLatitudeRef: "N", GPSLatitude: "44/1 49/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "20/1 27/1 0/1" } };
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="44,49N"/></rdf:RDF></x:xmpmeta>';
/** 8 wide, 4 high, turned a quarter by its EXIF orientation (6), as a phone held upright writes it. */
const blank = () => sharp({ create: { width: 8, height: 4, channels: 3, background: "#8a8a8a" } });

async function upload(fileName: string, bytes: Buffer) {
  const { caller } = await callerFor(monitor);
  return caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName, content: Readable.from([bytes]) });
}

const storedBytes = (id: string) => readFile(path.join(dir, workspace.id, id));

/** What would give a photo away, searched for in the stored bytes. */
function expectNoMetadata(bytes: Buffer) {
  for (const marker of ["Exif\0\0", "eXIf", "Phonecam", "X1 Pro", "CamOS", "GPS", "xmpmeta", "iTXt", "tEXt"]) {
    expect(bytes.includes(marker), `stored photo still contains "${marker}"`).toBe(false);
  }
}

describe("uploaded photos", () => {
  it("a JPEG loses its EXIF (camera, GPS) and stays upright", async () => {
    const original = await blank().jpeg().withMetadata({ orientation: 6 }).withExif({ ...PHONE, ...GPS }).toBuffer();
    expect(original.includes("Phonecam")).toBe(true);
    const stored = await upload("cell.jpg", original);
    const bytes = await storedBytes(stored.id);
    expectNoMetadata(bytes);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 4, height: 8 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored.sizeBytes).toBe(bytes.length);
  });

  it("a PNG loses its EXIF and XMP", async () => {
    const original = await blank().png().withExif({ ...PHONE, ...GPS }).withXmp(XMP).toBuffer();
    expect(original.includes("eXIf")).toBe(true);
    const stored = await upload("yard.png", original);
    const bytes = await storedBytes(stored.id);
    expectNoMetadata(bytes);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.format).toBe("png");
    expect([metadata.exif, metadata.xmp]).toEqual([undefined, undefined]);
  });

  it("a PDF is kept byte for byte", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const stored = await upload("register.pdf", pdf);
    expect(await storedBytes(stored.id)).toEqual(pdf);
  });

  it("a photo that cannot be decoded is refused, and nothing is stored", async () => {
    const before = await readdir(dir, { recursive: true });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    expect(await refusalOf(upload("broken.jpg", broken))).toBe("BAD_REQUEST attachmentErrors.unreadablePhoto");
    expect(await readdir(dir, { recursive: true })).toEqual(before);
    const rows = await withTenant(workspace.id, null, (tx) => tx.attachment.count({ where: { fileName: "broken.jpg" } }));
    expect(rows).toBe(0);
  });
});

describe("thumbnails and previews", () => {
  it("any member opens a photo's thumbnail (not audited) and preview (audited); a PDF has neither", async () => {
    const photo = await upload("corridor.jpg", await blank().jpeg().toBuffer());
    const pdf = await upload("letter.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    const { caller } = await callerFor(viewer);
    const thumbnail = await caller.attachments.open({ tenantSlug: workspace.slug, attachmentId: photo.id, view: "thumbnail" });
    expect(thumbnail).toMatchObject({ id: photo.id, view: "thumbnail" });
    expect((await sharp(await attachmentThumbnail(thumbnail.storageKey)).metadata()).format).toBe("jpeg");
    await caller.attachments.open({ tenantSlug: workspace.slug, attachmentId: photo.id, view: "preview" });
    const audited = await withTenant(workspace.id, null, (tx) =>
      tx.auditEvent.findMany({ where: { action: "attachment.downloaded", targetId: photo.id }, select: { actorId: true, details: true } }),
    );
    expect(audited).toEqual([{ actorId: viewer.id, details: { visitId, view: "preview" } }]);
    for (const view of ["thumbnail", "preview"] as const) {
      expect(await refusalOf(caller.attachments.open({ tenantSlug: workspace.slug, attachmentId: pdf.id, view }))).toBe("NOT_FOUND errors.notFound");
    }
  });
});

describe("a photo of a checklist question", () => {
  it("is linked to a question of the visit's checklist, and refused for any other question", async () => {
    const { versionId } = await createTestTemplate(workspace.id, ["police_custody"]);
    await withTenant(workspace.id, null, (tx) => tx.visit.update({ where: { tenantId_id: { tenantId: workspace.id, id: visitId } }, data: { templateVersionId: versionId } }));
    const { caller } = await callerFor(monitor);
    const photo = () => blank().jpeg().toBuffer().then((bytes) => Readable.from([bytes]));
    const linked = await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, questionId: "register", fileName: "register.jpg", content: await photo() });
    expect(linked.questionId).toBe("register");
    const listed = await caller.findings.list({ tenantSlug: workspace.slug, visitId });
    expect(listed.unlinkedAttachments.find((a) => a.id === linked.id)?.questionId).toBe("register");

    const before = await readdir(dir, { recursive: true });
    const upload = async (questionId: string) =>
      refusalOf(caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, questionId, fileName: "x.jpg", content: await photo() }));
    expect(await upload("no-such-question")).toBe("BAD_REQUEST checklistErrors.unknownQuestion");
    // Not an id at all: refused by the input schema (its zod issues are the message on a direct call).
    expect(await upload("Not an id!")).toMatch(/^BAD_REQUEST /);
    expect(await readdir(dir, { recursive: true })).toEqual(before);
  });

  it("refuses a photo of more pixels than any camera takes (a decompression bomb) before decoding it, and stores nothing", async () => {
    // 7100 × 7100 is 50.4 million pixels, just above PHOTO_MAX_PIXELS; a few hundred KB as a JPEG.
    const bomb = await sharp({ create: { width: 7100, height: 7100, channels: 3, background: "#777777" } }).jpeg({ quality: 10 }).withMetadata({ orientation: 6 }).toBuffer();
    const before = await readdir(dir, { recursive: true });
    expect(await refusalOf(upload("bomb.jpg", bomb))).toBe("BAD_REQUEST attachmentErrors.unreadablePhoto");
    expect(await readdir(dir, { recursive: true })).toEqual(before);
  });
});

describe("the upload limit after the metadata is stripped", () => {
  it("refuses a photo whose rewritten file exceeds the limit it was received under, and keeps nothing", async () => {
    // Noise saved at a low JPEG quality: small as sent, several times larger once rewritten at 92.
    const noise = randomBytes(256 * 256 * 3);
    const photo = await sharp(noise, { raw: { width: 256, height: 256, channels: 3 } }).jpeg({ quality: 5 }).toBuffer();
    const rewritten = await sharp(photo).jpeg({ quality: 92, chromaSubsampling: "4:4:4" }).toBuffer();
    expect(rewritten.length).toBeGreaterThan(photo.length + 1024);
    process.env.ATTACHMENTS_MAX_BYTES = String(photo.length + 512);
    try {
      const { caller } = await callerFor(monitor);
      const upload = caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "noise.jpg", content: Readable.from([photo]) });
      expect(await refusalOf(upload)).toBe("BAD_REQUEST attachmentErrors.tooLarge");
    } finally {
      delete process.env.ATTACHMENTS_MAX_BYTES;
    }
    const rows = await withTenant(workspace.id, null, (tx) => tx.attachment.findMany({ where: { fileName: "noise.jpg" } }));
    expect(rows).toEqual([]);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
    const keys = (await withTenant(workspace.id, null, (tx) => tx.attachment.findMany({ select: { storageKey: true } }))).map((row) => row.storageKey.split("/")[1]);
    expect(files.filter((file) => !keys.includes(file))).toEqual([]);
  });
});
