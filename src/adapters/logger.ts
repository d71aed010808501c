/**
 * Structured logging with pino, to stderr so stdout stays clean for CLI output (`--json`). No secrets are logged.
 * pino itself is loaded on the first line that its level lets through (issue 9 §6: a one-shot command such as
 * `intake status` logs nothing at the default level and need not pay for loading it).
 */
import { createRequire } from "node:module";
import type { pino as Pino } from "pino";
import type { Logger } from "../app/ports.ts";

const require = createRequire(import.meta.url);

/** pino's levels, lowest first; "silent" lets nothing through. */
const RANKS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

type Level = "debug" | "info" | "warn" | "error";

function lazyLogger(threshold: number, make: () => Logger): Logger {
  let real: Logger | undefined;
  const get = () => (real ??= make());
  const at = (level: Level) => (obj: object, msg?: string) => {
    if (RANKS[level]! >= threshold) get()[level](obj, msg);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // The bindings go to pino's own child when the first line is written, so they appear on every line as before.
    child: (bindings) => lazyLogger(threshold, () => get().child(bindings)),
  };
}

export function createLogger(level: string = "info"): Logger {
  const threshold = RANKS[level] ?? RANKS.info!;
  return lazyLogger(threshold, () => {
    const { pino } = require("pino") as { pino: typeof Pino };
    return pino({ level, base: { app: "intake" }, redact: ["password", "*.password", "pass", "*.pass"] }, pino.destination(2)) as unknown as Logger;
  });
}

export const silentLogger: Logger = createLogger("silent");
