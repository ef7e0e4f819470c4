import { afterAll, beforeAll } from "vitest";
import { startFakeS3, type FakeS3 } from "./s3rver.ts";

/**
 * Switches this test file to the S3 driver, against its own s3rver; the environment is restored
 * afterwards, so other files keep the local driver.
 */
export function useFakeS3(): { fake: () => FakeS3 } {
  let fake: FakeS3 | undefined;
  const saved = new Map<string, string | undefined>();
  beforeAll(async () => {
    fake = await startFakeS3();
    for (const [name, value] of Object.entries(fake.env)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });
  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  });
  return { fake: () => fake! };
}
