// `pnpm db:seed`: loads the demo data into the database named by DATABASE_URL.
import { disconnectAppDb } from "@vigil/db";
import { seedDemoData } from "./demo.ts";

await seedDemoData({ log: console.log });
await disconnectAppDb();
