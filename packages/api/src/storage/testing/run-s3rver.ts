// Runs the fake S3 on FAKE_S3_PORT until SIGTERM: for the multi-instance end-to-end test and `pnpm bench`.
import { startFakeS3 } from "./s3rver.ts";

const fake = await startFakeS3({ port: Number(process.env.FAKE_S3_PORT ?? 4520) });
process.stdout.write(`Fake S3 is listening at ${fake.url} (bucket ${fake.env.S3_BUCKET}).\n`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
