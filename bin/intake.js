#!/usr/bin/env node
// Entry point of `intake` (package.json "bin"). The sources are TypeScript run through tsx, so there is no
// build step between a clone and a working command.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

// .env in the working directory, as README says; variables already set in the environment take precedence.
if (process.env.INTAKE_ENV_FILE !== "none" && existsSync(".env")) process.loadEnvFile(".env");
register();
const { runCli } = await import("../src/cli.ts");
process.exitCode = await runCli(process.argv);
