// `pnpm bench` (after the pages and procedures) or `pnpm bench:storage`: upload and download
// throughput of both storage drivers (the local folder, and S3 against s3rver on this machine), and
// the process's memory while a 10 MB and a 100 MB body stream through the same code path the server's
// upload takes (docs/decisions/0220); then the built web server's own RSS while a 100 MB evidence
// upload goes through HTTP (storage-http-bench.ts): neither must grow with the file.
// `pnpm bench:storage` (BENCH_ONLY's storage switch) runs this part alone.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { objectStorage, type ObjectStorage } from "@vigil/api/storage";
import { TEST_BUCKET } from "@vigil/api/storage-testing";
import { textTable, type Table } from "./report.ts";
import { benchHttpUploads } from "./storage-http-bench.ts";

const MB = 1024 * 1024;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function* body(megabytes: number) {
  const chunk = Buffer.alloc(MB, 7);
  for (let index = 0; index < megabytes; index += 1) yield chunk;
}

/** Runs `work`, sampling the resident memory every 20 ms; returns its duration and the highest RSS above the start. */
async function measured(work: () => Promise<unknown>): Promise<{ ms: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { ms: performance.now() - started, peakMb: (Math.max(peak, process.memoryUsage.rss()) - base) / MB };
}

async function benchDriver(name: string, storage: ObjectStorage, sizeMb: number) {
  const key = `bench/${randomUUID()}/${randomUUID()}`;
  const small = await measured(() => storage.put(`bench/${randomUUID()}/${randomUUID()}`, body(10)));
  const upload = await measured(() => storage.put(key, body(sizeMb)));
  const download = await measured(async () => {
    for await (const _chunk of await storage.get(key)) void _chunk;
  });
  await storage.removePrefix(`${key.split("/").slice(0, 2).join("/")}/`);
  return [name, (sizeMb / (upload.ms / 1000)).toFixed(0), (sizeMb / (download.ms / 1000)).toFixed(0), small.peakMb.toFixed(0), upload.peakMb.toFixed(0)];
}

async function main() {
  // BENCH_ONLY names one part of `pnpm bench` (run.ts): this one runs only when it names none or storage.
  const only = process.env.BENCH_ONLY;
  if (only && only !== "storage") return;
  const sizeMb = Number(process.env.BENCH_STORAGE_MB ?? 100);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-bench-storage-"));
  process.env.VIGIL_DATA_DIR = dataDir;
  // s3rver in a process of its own, so that its memory is not counted as the driver's.
  const port = Number(process.env.BENCH_S3_PORT ?? 4529);
  const s3 = spawn("node", ["--import", "tsx", path.resolve(import.meta.dirname, "../../api/src/storage/testing/run-s3rver.ts")], { env: { ...process.env, FAKE_S3_PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await once(s3.stdout, "data");
  const s3Env = {
    STORAGE_DRIVER: "s3", S3_BUCKET: TEST_BUCKET, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER",
  };
  try {
    const rows = [await benchDriver("local folder", objectStorage({}), sizeMb), await benchDriver("S3 (s3rver, same machine)", objectStorage(s3Env), sizeMb)];
    if (process.env.BENCH_HTTP_UPLOAD !== "0") await benchServerUpload(sizeMb, s3Env);
    const table: Table = {
      title: `File storage: a ${sizeMb} MB body streamed in 1 MB chunks`,
      header: ["driver", "upload MB/s", "download MB/s", "RSS growth, 10 MB upload (MB)", `RSS growth, ${sizeMb} MB upload (MB)`],
      rows,
      notes: ["Memory is the process's resident size above its start while the body streams through the driver (the server's upload path after the multipart parser): it must not grow with the file.", "s3rver writes to this machine's disk: its figures measure the driver's streaming, not a real S3 network."],
    };
    for (const line of textTable(table)) log(line);
  } finally {
    s3.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The web server's own memory while a `sizeMb` upload goes through HTTP, for both drivers (the
 * built app: `turbo run build --filter=@vigil/web` first). BENCH_HTTP_UPLOAD=0 leaves it out.
 */
async function benchServerUpload(sizeMb: number, s3Env: Record<string, string>) {
  const webDir = path.resolve(import.meta.dirname, "../../../apps/web");
  const port = Number(process.env.BENCH_PORT ?? 4392);
  const uploads = await benchHttpUploads({ webDir, port, sizeMb, drivers: [["local folder", { STORAGE_DRIVER: "local" }], ["S3 (s3rver, same machine)", s3Env]] });
  const rows = uploads.map((upload) => [upload.driver, upload.beforeMb.toFixed(0), upload.peakMb.toFixed(0), upload.growthMb.toFixed(0)]);
  for (const line of textTable({
    title: `The web server during a ${sizeMb} MB evidence upload over HTTP (multipart form post)`,
    header: ["driver", "server RSS before (MB)", "server RSS peak (MB)", "growth (MB)"],
    rows,
    notes: ["RSS of the built server's process tree (/proc), sampled every 50 ms while the body streams through Express, the multipart parser, the type check and the driver: it must not grow with the file."],
  })) log(line);
}

await main();
