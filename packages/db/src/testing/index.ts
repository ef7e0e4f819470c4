export { asTenant, connect } from "./admin.ts";
export { createTestDatabase, freePort, TEST_PASSWORDS, type TestDatabase } from "./test-database.ts";
