#!/usr/bin/env node
// Entry point of `intake` (package.json "bin"). The sources are TypeScript run through tsx, so there is no
// build step between a clone and a working command.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
process.exitCode = await runCli(process.argv);
