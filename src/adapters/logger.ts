/** Structured logging with pino, to stderr so stdout stays clean for CLI output (`--json`). No secrets are logged. */
import { pino } from "pino";
import type { Logger } from "../app/ports.ts";

export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: { app: "intake" }, redact: ["password", "*.password", "pass", "*.pass"] }, pino.destination(2)) as unknown as Logger;
}

export const silentLogger: Logger = createLogger("silent");
