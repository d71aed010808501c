/**
 * `intake request` (issue 10 item 4): an ad-hoc (đột xuất) report request emailed to units, formal Vietnamese
 * (templates/mail/request.txt) with its code in the subject, recorded with its mails in one transaction. The answers
 * are the request's submissions: kind `request`, period = the code, deadline = the request's.
 */
import { formatDeadlineVi } from "../domain/calendar/index.ts";
import type { Regime } from "../domain/regime.ts";
import { nextRequestCode } from "../domain/requests/index.ts";
import type { Deps } from "./context.ts";
import { DecisionError } from "./decide.ts";
import { buildMail } from "./outgoing.ts";
import type { OutgoingAttachment } from "./ports.ts";
import type { OutboxEntry, OutboxStore, RequestRow, RequestStore } from "./store.ts";

export interface RequestInput {
  regime: Regime;
  title: string;
  deadline: Date;
  /** Unit ids; absent = every unit of the regime. */
  units?: string[];
  /** Section ids an answer must contain; absent = the regime's required sections. */
  sections?: string[];
  attachment?: { filename: string; contentType: string; content: Buffer };
  by: string;
}

export type RequestDeps = Pick<Deps, "settings" | "clock" | "texts" | "archive"> & { store: RequestStore & Pick<OutboxStore, "listOutbox"> };

export async function issueRequest(deps: RequestDeps, input: RequestInput): Promise<{ request: RequestRow; description: string }> {
  const { regime } = input;
  const zone = deps.settings.timezone;
  const now = deps.clock.now();
  const title = input.title.trim();
  if (!title) throw new DecisionError("A request needs a title.");
  if (input.deadline.getTime() <= now.getTime()) throw new DecisionError(`The deadline ${formatDeadlineVi(input.deadline, zone)} has passed.`);
  const unknownUnits = (input.units ?? []).filter((id) => !regime.units.some((u) => u.id === id));
  if (unknownUnits.length) throw new DecisionError(`Unknown units of ${regime.id}: ${unknownUnits.join(", ")}.`);
  const units = input.units?.length ? regime.units.filter((u) => input.units!.includes(u.id)) : regime.units;
  const noAddress = units.filter((u) => u.addresses.length === 0).map((u) => u.id);
  if (noAddress.length) throw new DecisionError(`Units without an address cannot be asked: ${noAddress.join(", ")}.`);
  const sectionIds = input.sections?.length ? input.sections : regime.sections.filter((s) => s.required).map((s) => s.id);
  const unknownSections = sectionIds.filter((id) => !regime.sections.some((s) => s.id === id));
  if (unknownSections.length) throw new DecisionError(`Unknown sections of ${regime.id}: ${unknownSections.join(", ")}.`);
  const sections = sectionIds.map((id) => regime.sections.find((s) => s.id === id)!);

  const stored = input.attachment ? await deps.archive.put(input.attachment.content, extensionOf(input.attachment.filename)) : null;
  const attachments: OutgoingAttachment[] = input.attachment && stored
    ? [{ filename: input.attachment.filename, contentType: input.attachment.contentType, path: deps.archive.resolve(stored.path) }]
    : [];
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric" }).format(now));

  // The code is numbered after those issued; two officers at once: the loser numbers again (unique code).
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = nextRequestCode(await deps.store.requestCodes(), year);
    const outbox: OutboxEntry[] = units.map((unit) => {
      const rendered = deps.texts.render("request", {
        unit_name: unit.name,
        request_code: code,
        title,
        deadline: formatDeadlineVi(input.deadline, zone),
        sections: sections.map((s) => `${s.title}: ${s.description}`),
        attached: attachments.length > 0,
        requested_by: input.by,
        office_address: deps.settings.office.address,
      });
      const dedupeKey = `request:${code}:${unit.id}`;
      const mail = buildMail({
        dedupeKey, purpose: "request", from: deps.settings.mailFrom, officeAddress: deps.settings.office.address,
        to: unit.addresses, subject: rendered.subject, text: rendered.text, date: now, attachments,
      });
      return { dedupeKey, purpose: "request", mail, rateLimited: false, notBefore: now, regime: regime.id, period: code };
    });
    const request = await deps.store.commitRequest(
      {
        code, regime: regime.id, title, deadline: input.deadline, units: units.map((u) => u.id), sections: sectionIds,
        messageIds: outbox.map((o) => o.mail.messageId), attachmentName: input.attachment?.filename ?? null, attachmentPath: stored?.path ?? null,
        requestedBy: input.by,
      },
      outbox,
    );
    if (request) {
      return {
        request,
        description: `Đã lập yêu cầu báo cáo ${code} (hạn trước ${formatDeadlineVi(input.deadline, zone)}) và đưa vào hàng chờ gửi ${units.length} đơn vị: ${units.map((u) => u.name).join("; ")}.`,
      };
    }
  }
  throw new DecisionError("Could not number the request: its code was taken five times in a row.");
}

function extensionOf(filename: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(filename);
  return m ? m[0].toLowerCase() : "";
}
