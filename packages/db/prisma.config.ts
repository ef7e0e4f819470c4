import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here: migrations are SQL files applied by node-pg-migrate
// (docs/decisions/0002-sql-migrations.md), so no database URL is read at load time.
export default defineConfig({
  schema: "prisma/schema",
});
