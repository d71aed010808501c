import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests share one Dovecot per file and spawn the CLI; two cores, so keep it modest.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    passWithNoTests: false,
    // Issue 9 §9: a private temp folder for the run; the run fails naming anything the tests leave in it.
    globalSetup: ["test/support/temp-guard.ts"],
  },
});
