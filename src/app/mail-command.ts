/**
 * The officer's answer to the daily digest (issue 11 item 3): "Duyệt 1, 3", "Duyệt tất cả", "Hủy 2: <lý do>",
 * "Gán 4: nvdp 2026-W47". Read only from the office's or an officer's address, and only in a reply to a digest the
 * bot sent (its Message-ID in In-Reply-To/References); the numbers are the digest's own, recorded with its job.
 * Each action is recorded with who did it; the bot answers with what it did, or with the commands it knows.
 */
import type { MailFacts } from "../domain/message.ts";
import { COMMAND_HELP, parseMailCommands, type MailCommand } from "../domain/mail-commands/index.ts";
import type { Deps } from "./context.ts";
import { assignMessage, DecisionError, type DecideDeps } from "./decide.ts";
import { digestItems, type DigestItem } from "./digest.ts";
import { ownWords } from "./draft-answer.ts";
import { dropHeld, releaseHeld } from "./held-replies.ts";
import { BOT_HEADER, buildMail, replySubject } from "./outgoing.ts";
import { officeAddresses } from "./reply-target.ts";
import type { HeldStore, OutboxEntry, OutboxStore, RequestStore, SubmissionStore } from "./store.ts";

export type MailCommandDeps = Pick<Deps, "settings" | "texts" | "clock" | "archive" | "parse" | "documents" | "skeletonFor"> & {
  store: HeldStore & Pick<OutboxStore, "listOutbox"> & SubmissionStore & Pick<RequestStore, "listRequests">;
};

export interface MailCommandOutcome {
  reason: string;
  outbox: OutboxEntry[];
}

/** Null when the mail is no command mail (not from the office, or not a reply to a digest): it is handled as usual. */
export async function handleMailCommand(deps: MailCommandDeps, facts: MailFacts, now: Date): Promise<MailCommandOutcome | null> {
  if (!facts.from || !officeAddresses(deps.settings).includes(facts.from)) return null;
  // The bot's own answer threads under the digest too, from the same address: never read as a command.
  if (facts.headers[BOT_HEADER.toLowerCase()]) return null;
  const refs = [facts.inReplyTo, ...facts.references].filter((x): x is string => !!x);
  const digest = await deps.store.findDigest(refs);
  if (!digest) return null;

  const items = digestItems(digest.detail);
  const parsed = parseMailCommands(ownWords(facts.text));
  const by = facts.from;
  const results: string[] = parsed.problems.map((p) => `"${p.line}": chưa thực hiện, ${p.message}`);
  for (const c of parsed.commands) results.push(...(await run(deps, c, items, by, facts.messageId)));
  const unknown = parsed.commands.length === 0 && parsed.problems.length === 0;

  const rendered = deps.texts.render("command_answer", { results, unknown, commands: [...COMMAND_HELP] });
  const dedupeKey = `answer:${facts.messageId}`;
  const mail = buildMail({
    dedupeKey, purpose: "answer", from: deps.settings.mailFrom, officeAddress: deps.settings.office.address, to: [by],
    subject: replySubject(facts.subject || rendered.subject), text: rendered.text, date: now,
    inReplyTo: facts.messageId, references: [...facts.references, facts.messageId],
  });
  const summary = unknown ? "không có lệnh đọc được" : `${parsed.commands.length} lệnh, ${parsed.problems.length} dòng không đọc được`;
  return {
    reason: `mail_command: Chuyên viên ${by} trả lời bản tóm tắt ${digest.key} (${summary})`,
    outbox: [{ dedupeKey, purpose: "answer", mail, rateLimited: false, notBefore: now, relatedMessageId: facts.messageId }],
  };
}

function numbersOf(c: MailCommand, items: Record<string, DigestItem>, kind: DigestItem["kind"]): number[] {
  if (c.verb === "release" && c.items === "all") return Object.keys(items).map(Number).filter((n) => items[String(n)]?.kind === kind);
  return c.verb === "assign" ? [c.item] : (c.items as number[]);
}

async function run(deps: MailCommandDeps, c: MailCommand, items: Record<string, DigestItem>, by: string, via: string): Promise<string[]> {
  const out: string[] = [];
  const numbers = numbersOf(c, items, c.verb === "assign" ? "unclassified" : "held");
  if (numbers.length === 0) return [`"${c.line}": bản tóm tắt không có thư nào chờ duyệt`];
  for (const n of numbers) {
    const item = items[String(n)];
    const verb = c.verb === "release" ? "Duyệt" : c.verb === "drop" ? "Hủy" : "Gán";
    if (!item) {
      out.push(`${verb} thư số ${n}: bản tóm tắt không có thư số ${n}`);
      continue;
    }
    if (c.verb === "assign") {
      if (item.kind !== "unclassified") {
        out.push(`Gán thư số ${n}: thư số ${n} là thư trả lời chờ duyệt, không phải thư chờ xác định đơn vị`);
        continue;
      }
      try {
        const row = await assignMessage(deps as DecideDeps, { messageId: item.messageId, index: item.index, unit: c.unit, period: c.period, by });
        out.push(`Gán thư số ${n}: đã gán cho đơn vị ${row.unit}, kỳ ${row.period}; kết quả kiểm tra: ${row.verdict === "dat" ? "Đạt" : row.verdict === "khong_dat" ? "Không đạt" : row.status}`);
      } catch (err) {
        if (!(err instanceof DecisionError)) throw err;
        out.push(`Gán thư số ${n}: chưa thực hiện (${err.message})`);
      }
      continue;
    }
    if (item.kind !== "held") {
      out.push(`${verb} thư số ${n}: thư số ${n} là thư chờ xác định đơn vị; dùng lệnh "Gán ${n}: <mã đơn vị> <kỳ>"`);
      continue;
    }
    const result =
      c.verb === "release"
        ? (await releaseHeld(deps, { ids: [item.outboxId], by, via }))[0]!
        : await dropHeld(deps, { id: item.outboxId, note: c.reason, by, via });
    out.push(`${verb} thư số ${n}: ${result.text}`);
  }
  return out;
}
