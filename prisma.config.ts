// Prisma CLI configuration. The provider follows DATABASE_URL (contract.md "Configuration"): file:… → SQLite,
// postgresql://… → PostgreSQL. Each provider has its own schema folder and migration history; models are shared.
// Driver adapters let Prisma 6.19 use its bundled wasm schema engine, so migrate works offline (stack-notes.md).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { catalogTextPool } from "./src/adapters/pg-catalog-types.ts";

const url = process.env.DATABASE_URL ?? `file:${process.env.DATA_DIR ?? "./var"}/intake.db`;
const provider = /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  async adapter() {
    // PostgreSQL: see src/adapters/pg-catalog-types.ts (prisma/orm#27403).
    return provider === "postgresql" ? new PrismaPg(catalogTextPool(url)) : new PrismaBetterSQLite3({ url });
  },
});
