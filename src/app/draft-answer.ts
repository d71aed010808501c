/**
 * The Chánh Văn phòng's answer to a draft email (QT.VP.03 §6.2.4): Đạt → goes to Lãnh đạo Cục to sign;
 * Không đạt → back to the compiling officer, so the comments are forwarded to the officer.
 */
import type { MailFacts } from "../domain/message.ts";
import { detectNoise } from "../domain/classify/index.ts";
import { nfc, stripDiacritics } from "../domain/text/index.ts";
import { formatDeadlineVi, kindOfPeriodId, periodFromId, periodLabelVi } from "../domain/calendar/index.ts";
import type { PeriodKind } from "../domain/model.ts";
import { parsePeriodKey } from "../domain/versions/index.ts";
import type { Deps } from "./context.ts";
import { BOT_HEADER, botMessageIdDomain, buildMail } from "./outgoing.ts";
import type { DraftStore, OutboxEntry } from "./store.ts";

/** The reply's own words: the lines before the quoted original ("> …", "On … wrote:", "Vào … đã viết:", "From:"). */
export function ownWords(text: string): string {
  const lines: string[] = [];
  const all = text.split(/\r?\n/);
  for (const [i, line] of all.entries()) {
    const t = line.trim();
    if (t.startsWith(">")) break;
    if (/^(-{2,}\s*(original message|forwarded message|thư gốc)|on .+ wrote:|vào .+ đã viết:|from:|từ:|sent:|đã gửi:)/i.test(t)) break;
    // Gmail wraps a long attribution ("On Mon, … Văn phòng Cục <" / "tonghop@…> wrote:") over two lines.
    if (/^(on|vào) /i.test(t) && /(wrote|đã viết):$/i.test(all[i + 1]?.trim() ?? "")) break;
    lines.push(line);
  }
  return lines.join("\n").trim();
}

/** A line as a decision is read from it: NFC, lower case, punctuation as single spaces, diacritics kept. */
function decisionWords(line: string): string {
  return nfc(line).replace(/\p{Cf}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// Diacritics decide here: folding would make "đạt" (pass) equal "đặt" (set), "đất" (land) and "dát", so a comment
// like "Đặt lại tiêu đề phần II" read as a pass. Text typed wholly without diacritics ("Khong dat") is read as such.
const LEAD = "(?:(?:kết quả|ý kiến|đánh giá|kết luận) )?";
const YES = "(?:đạt|đồng ý|nhất trí)";
// "Chưa đạt", "không đồng ý" are refusals, not a "đạt" / "đồng ý".
const NO = `(?:không|chưa|ko|k) ${YES}`;
const END = "(?= |$)";
const patterns = (plain: boolean) => {
  const f = (p: string) => new RegExp(plain ? stripDiacritics(p) : p, "u");
  return {
    noAtStart: f(`^${LEAD}${NO}${END}`),
    // "Đạt ơi, …" addresses a person named Đạt.
    yesAtStart: f(`^${LEAD}${YES}${END}(?! ơi${END})`),
    noAnywhere: f(`(?:^| )${NO}${END}`),
  };
};
const ACCENTED = patterns(false);
const PLAIN = patterns(true);
const patternsFor = (words: string) => (stripDiacritics(words) === words ? PLAIN : ACCENTED);

/**
 * The chief's decision: "Đạt" / "Đồng ý" / "Nhất trí" or "Không đạt" / "Chưa đạt" / "Không đồng ý" at the start of one
 * of the first lines of the answer's own words; else a refusal anywhere in them. Null when the chief said neither:
 * the mail stays in the officer's mailbox for a person, and nothing is recorded.
 */
export function readDecision(text: string): "dat" | "khong_dat" | null {
  const lines = ownWords(text).split(/\n/).map(decisionWords).filter(Boolean);
  for (const l of lines.slice(0, 5)) {
    const p = patternsFor(l);
    if (p.noAtStart.test(l)) return "khong_dat";
    if (p.yesAtStart.test(l)) return "dat";
  }
  return lines.some((l) => patternsFor(l).noAnywhere.test(l)) ? "khong_dat" : null;
}

/** A chief's answer to a draft, as one decision: the review to record and the mail it calls for (committed with the message). */
export interface DraftAnswer {
  reason: string;
  outbox: OutboxEntry[];
  review: { draftId: number; state: "dat" | "khong_dat"; note: string | null; by: string; at: Date } | null;
}

export type DraftAnswerDeps = Pick<Deps, "settings" | "texts"> & { store: Pick<DraftStore, "findDraftByEmail"> };

export async function handleDraftAnswer(deps: DraftAnswerDeps, facts: MailFacts, now: Date): Promise<DraftAnswer | null> {
  const refs = [facts.inReplyTo, ...facts.references].filter((x): x is string => !!x);
  if (refs.length === 0) return null;
  const draft = await deps.store.findDraftByEmail(refs);
  if (!draft) return null;
  const office = deps.settings.office;
  const reviewers = [office.chief, ...(office.leadership ?? [])].map((p) => p.address.toLowerCase());
  if (!facts.from || !reviewers.includes(facts.from)) return null;
  // An out-of-office answer to the draft email is no review (RFC 3834); noise handling sets it aside.
  const noise = detectNoise(facts, {
    botAddress: deps.settings.mailFrom, botMessageIdDomain: botMessageIdDomain(office.address), botHeader: BOT_HEADER.toLowerCase(),
    officeAddress: office.address, isForwardedUnitReport: false,
  });
  if (noise) return null;
  const decision = readDecision(facts.text);
  // Comments without Đạt / Không đạt: never a unit's report, never answered; the officer reads them in the mailbox.
  if (!decision) return { reason: `draft_comment: Ý kiến của lãnh đạo về dự thảo ${draft.period} bản ${draft.version}, chưa nêu Đạt hay Không đạt; chuyên viên xem thư`, outbox: [], review: null };
  const note = ownWords(facts.text) || null;
  const review = { draftId: draft.id, state: decision, note, by: facts.from, at: facts.receivedAt };
  const outbox: OutboxEntry[] = [];
  if (decision === "khong_dat") {
    const officers = (office.officers?.length ? office.officers.map((p) => p.address) : [office.address]);
    const zone = deps.settings.timezone;
    // A province's draft is recorded as "plan-2026" / "report-2026" (issue 10: versions/periodKey).
    const keyed = parsePeriodKey(draft.period);
    const kind = (keyed.kind as PeriodKind | undefined) ?? kindOfPeriodId(keyed.id);
    const period = kind ? periodFromId(kind, keyed.id, zone) : null;
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
  return { reason: `draft_review: Ý kiến của lãnh đạo về dự thảo ${draft.period} bản ${draft.version}: ${decision === "dat" ? "Đạt" : "Không đạt"}`, outbox, review };
}
