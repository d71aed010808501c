/**
 * The clock. INTAKE_NOW (contract.md): for one-shot commands a fixed "now"; for the daemon the instant the clock
 * starts from, then running at normal speed.
 */
import type { Clock } from "../app/ports.ts";

export function systemClock(): Clock {
  return { now: () => new Date() };
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/** Starts at `at` and advances with real time. */
export function offsetClock(at: Date): Clock {
  const delta = at.getTime() - Date.now();
  return { now: () => new Date(Date.now() + delta) };
}
