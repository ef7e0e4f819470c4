// The web typecheck reaches this file through the e2e spec, without the api package's own file list.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver-module.d.ts" />
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export const TEST_BUCKET = "vigil-test";

export type FakeS3 = {
  url: string;
  /** The environment that points Vigil's S3 driver at this server (README, File storage). */
  env: Record<string, string>;
  close: () => Promise<void>;
};

/**
 * A local S3-compatible server (s3rver, from npm) with one empty bucket, for the S3 driver's tests,
 * the multi-instance end-to-end test and the bench, as the fake Stripe is for billing. Its objects
 * live in a temporary folder that is removed on close.
 */
export async function startFakeS3(options: { port?: number } = {}): Promise<FakeS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "vigil-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: options.port ?? 0, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: {
      STORAGE_DRIVER: "s3", S3_BUCKET: TEST_BUCKET, S3_ENDPOINT: url, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true",
      // s3rver's fixed credentials.
      S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A store that accepts connections and never answers (decision 0251), for the web server's outage tests. */
export { startStalledStore } from "./stalled-store.ts";
