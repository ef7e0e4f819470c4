export { createTestDatabase, freePort, type TestDatabase } from "./test-database.ts";
