/**
 * The Chánh Văn phòng's answer to a draft email (QT.VP.03 §6.2.4): Đạt → goes to Lãnh đạo Cục to sign;
 * Không đạt → back to the compiling officer, so the comments are forwarded to the officer.
 */
import type { MailFacts } from "../domain/message.ts";
import { fold } from "../domain/text.ts";
import { formatDeadlineVi, kindOfPeriodId, periodFromId, periodLabelVi } from "../domain/calendar.ts";
import type { Deps } from "./context.ts";
import { buildMail } from "./outgoing.ts";
import type { OutboxEntry } from "./store.ts";

/** The reply's own words: the lines before the quoted original ("> …", "On … wrote:", "Vào … đã viết:", "From:"). */
export function ownWords(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith(">")) break;
    if (/^(-{2,}\s*(original message|forwarded message|thư gốc)|on .+ wrote:|vào .+ đã viết:|from:|từ:|sent:|đã gửi:)/i.test(t)) break;
    lines.push(line);
  }
  return lines.join("\n").trim();
}

/** "Đạt" / "Không đạt" at the start of the answer or as a whole line; null when the chief said neither. */
export function readDecision(text: string): "dat" | "khong_dat" | null {
  const words = ownWords(text);
  const lines = words.split(/\n/).map((l) => fold(l)).filter(Boolean);
  for (const l of lines.slice(0, 5)) {
    if (/^(ket qua |y kien |danh gia )?khong dat\b/.test(l)) return "khong_dat";
    if (/^(ket qua |y kien |danh gia )?dat\b/.test(l)) return "dat";
  }
  const all = ` ${fold(words)} `;
  if (all.includes(" khong dat ")) return "khong_dat";
  if (/ (dong y|dat) /.test(all)) return "dat";
  return null;
}

export async function handleDraftAnswer(deps: Deps, facts: MailFacts, now: Date): Promise<{ reason: string; outbox: OutboxEntry[] } | null> {
  const refs = [facts.inReplyTo, ...facts.references].filter((x): x is string => !!x);
  if (refs.length === 0) return null;
  const draft = await deps.store.findDraftByEmail(refs);
  if (!draft) return null;
  const office = deps.settings.office;
  const reviewers = [office.chief, ...(office.leadership ?? [])].map((p) => p.address.toLowerCase());
  if (!facts.from || !reviewers.includes(facts.from)) return null;
  const decision = readDecision(facts.text);
  if (!decision) return null;
  const note = ownWords(facts.text) || null;
  await deps.store.reviewDraft(draft.id, { state: decision, note, by: facts.from, at: facts.receivedAt }, []);
  const outbox: OutboxEntry[] = [];
  if (decision === "khong_dat") {
    const officers = (office.officers?.length ? office.officers.map((p) => p.address) : [office.address]);
    const zone = deps.settings.timezone;
    const kind = kindOfPeriodId(draft.period);
    const period = kind ? periodFromId(kind, draft.period, zone) : null;
    const rendered = deps.texts.render("draft_review_forward", {
      draft_label: `dự thảo báo cáo ${period ? periodLabelVi(period, zone) : draft.period}${draft.version > 1 ? ` (bản cập nhật lần ${draft.version - 1})` : ""}`,
      reviewer: facts.fromName ? `${facts.fromName} <${facts.from}>` : facts.from,
      reviewed_at: formatDeadlineVi(facts.receivedAt, zone),
      comments: note ?? "",
    });
    const dedupeKey = `draft-review:${facts.messageId}`;
    outbox.push({
      dedupeKey,
      purpose: "forward",
      mail: buildMail({
        dedupeKey, purpose: "forward", from: deps.settings.mailFrom, officeAddress: office.address, to: officers,
        subject: rendered.subject, text: rendered.text, date: now, inReplyTo: facts.messageId, references: [...facts.references, facts.messageId],
      }),
      rateLimited: false,
      notBefore: now,
      relatedMessageId: facts.messageId,
      regime: draft.regime,
      period: draft.period,
    });
  }
  return { reason: `draft_review: Ý kiến của lãnh đạo về dự thảo ${draft.period} bản ${draft.version}: ${decision === "dat" ? "Đạt" : "Không đạt"}`, outbox };
}
