import { randomUUID } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { access, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertObjectKey, assertObjectPrefix, counted, ObjectNotFound, type ObjectStorage, type StoredObject } from "./object-storage.ts";

/** The data folder (VIGIL_DATA_DIR), read on every call: tests point it at a folder of their own. */
function dataDir(): string {
  return path.resolve(process.env.VIGIL_DATA_DIR ?? path.join(os.tmpdir(), "vigil"));
}

/** `<data folder>/<key>`, as files were kept before the interface; ATTACHMENTS_DIR still moves the evidence folder. */
function pathOf(keyOrPrefix: string): string {
  const [namespace = "", ...rest] = keyOrPrefix.split("/");
  const base = namespace === "attachments" && process.env.ATTACHMENTS_DIR ? path.resolve(process.env.ATTACHMENTS_DIR) : path.join(dataDir(), namespace);
  return path.join(base, ...rest);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : Promise.resolve(entry.isFile() ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
}

/**
 * The local folder (the default): each object a file under the data folder, written under a
 * temporary name and renamed when complete (a rename is atomic), readable by the process only.
 */
export const localStorage: ObjectStorage = {
  driver: "local",
  async put(key, body) {
    const target = pathOf(assertObjectKey(key));
    await mkdir(path.dirname(target), { recursive: true });
    // Each write has its own partial file: two attempts of one job may overlap.
    const partial = `${target}.${randomUUID()}.partial`;
    const counter = { bytes: 0 };
    try {
      await pipeline(counted(body, counter), createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return { sizeBytes: counter.bytes };
  },
  async get(key) {
    const file = pathOf(assertObjectKey(key));
    // Opened before the stream is returned, so a missing file is ObjectNotFound here, not an error mid-response.
    const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOENT" ? new ObjectNotFound(key) : error;
    });
    return handle.createReadStream();
  },
  async remove(key) {
    await rm(pathOf(assertObjectKey(key)), { force: true });
  },
  async removePrefix(prefix) {
    const dir = pathOf(assertObjectPrefix(prefix));
    const files = await filesUnder(dir);
    await rm(dir, { recursive: true, force: true });
    return files.length;
  },
  async list(prefix) {
    const dir = pathOf(assertObjectPrefix(prefix));
    const objects: StoredObject[] = [];
    for (const file of await filesUnder(dir)) {
      const key = prefix + path.relative(dir, file).split(path.sep).join("/");
      // Partial files of writes in progress (and anything else not a key) are not objects.
      if (!/\.partial$/.test(key) && isKey(key)) objects.push({ key, sizeBytes: (await stat(file)).size });
    }
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  },
  async health() {
    try {
      await mkdir(dataDir(), { recursive: true });
      await access(dataDir(), constants.W_OK);
      return { driver: "local", ok: true };
    } catch (error) {
      return { driver: "local", ok: false, detail: (error as NodeJS.ErrnoException).code ?? "unwritable" };
    }
  },
};

function isKey(key: string): boolean {
  try {
    assertObjectKey(key);
    return true;
  } catch {
    return false;
  }
}
