import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "@vigil/db/testing";
import { peakDuring, startBuiltServer } from "./server.ts";

const MB = 1024 * 1024;

/**
 * The web server's memory while one large evidence upload goes through HTTP (issue 19, "Done
 * means"): the built server on a throwaway database, a monitor's session, and a multipart body
 * sent in 1 MB chunks to a visit's findings page, as a browser's form post. The server's RSS (its
 * process tree, read from /proc) is sampled during the upload and compared with just before it.
 */
export async function benchHttpUploads(options: { webDir: string; port: number; sizeMb: number; drivers: [name: string, storageEnv: Record<string, string>][] }) {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.appUrl;
  process.env.DATABASE_OWNER_URL = database.ownerUrl;
  process.env.LOG_LEVEL ??= "silent";
  // A throwaway key, shared with the server: the test helpers seal an owner's two-factor secret with it.
  process.env.INTERVIEW_NOTES_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  const { addMember, createTestUser, createTestVisit, createTestWorkspace } = await import("@vigil/api/testing");
  const owner = await createTestUser("Bench Owner");
  const monitor = await createTestUser("Bench Monitor");
  const workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  const visit = await createTestVisit(workspace.id, { team: [{ id: monitor.id }] });
  const results: { driver: string; beforeMb: number; peakMb: number; growthMb: number }[] = [];
  try {
    for (const [driver, storageEnv] of options.drivers) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-bench-upload-"));
      const server = await startBuiltServer({
        webDir: options.webDir,
        port: options.port,
        env: {
          DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl, VIGIL_DATA_DIR: dataDir, INTERVIEW_NOTES_KEYS: process.env.INTERVIEW_NOTES_KEYS,
          ATTACHMENTS_MAX_BYTES: String((options.sizeMb + 1) * MB), ...storageEnv,
        },
      });
      try {
        // Let the start settle: the figure is the growth caused by the upload, not by the start.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const beforeMb = await server.rssMb();
        const { result: status, peak } = await peakDuring(server.rssMb, () => postUpload(server.url, `/t/${workspace.slug}/visits/${visit.id}/findings`, monitor.token, options.sizeMb), 50);
        if (status >= 400) throw new Error(`the upload was answered ${status}:\n${server.output()}`);
        results.push({ driver, beforeMb, peakMb: peak, growthMb: peak - beforeMb });
      } finally {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    const { disconnectAppDb } = await import("@vigil/db");
    await disconnectAppDb();
    await database.dispose();
  }
  return results;
}

/** A multipart form post of a `sizeMb` PDF, streamed in 1 MB chunks; resolves with the status. */
function postUpload(base: string, pathname: string, sessionToken: string, sizeMb: number): Promise<number> {
  const boundary = `----vigil-bench-${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="uploadTarget"\r\n\r\nvisit\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="register.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 0x20);
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(head.length + sizeMb * MB + tail.length),
        cookie: `vigil_session=${sessionToken}`,
        origin: url.origin,
        "sec-fetch-site": "same-origin",
      },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    (async () => {
      request.write(head);
      for (let index = 0; index < sizeMb; index += 1) {
        if (!request.write(chunk)) await new Promise((drained) => request.once("drain", drained));
      }
      request.end(tail);
    })().catch(reject);
  });
}
