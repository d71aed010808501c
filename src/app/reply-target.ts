/**
 * Who answers go to. contract.md: a report the officer forwards into the office mailbox from a registered unit is
 * that unit's report, so its answer goes to the unit (the original sender); any other mail is answered to its
 * sender, even when it forwards someone else's report (a colleague forwarding the leader's mail).
 */
import type { Settings } from "./context.ts";

/** The office mailbox and the officers' own addresses, lower case. */
export function officeAddresses(settings: Settings): string[] {
  const o = settings.office;
  return [o.address, ...(o.officers ?? []).map((p) => p.address)].map((a) => a.toLowerCase());
}

/** The address an answer about a report goes to: the original sender when the office forwarded it, else the sender. */
export function replyTarget(settings: Settings, from: string | null, originalFrom: string | null): string | null {
  const fromOffice = !!from && officeAddresses(settings).includes(from.toLowerCase());
  return fromOffice && originalFrom ? originalFrom : from;
}
