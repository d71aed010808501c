/**
 * composeReply (src/app/compose-reply.ts): which reply a judged report calls for, under the regime's switches
 * (contract.md "Configuration": `receipts`, `oldPeriodReplies`) and the sending rules ("Replies to a unit's own
 * mail go at once, day or night"; rate-limited per recipient; threaded; Cc to the unit when the sender is not
 * one of its registered addresses). Shipped mail texts, a real parsed mail; nothing is sent.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { composeReply } from "../../src/app/compose-reply.ts";
import type { MailContext } from "../../src/app/context.ts";
import type { SubmissionRecord } from "../../src/app/store.ts";
import { loadMailTexts } from "../../src/adapters/template-loader.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import type { Regime } from "../../src/domain/regime.ts";
import { gmailMail } from "../support/eml.ts";
import { loadTemplateRegime } from "../support/regime.ts";
import { ROOT } from "../support/intake.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const local = (s: string) => new Date(`${s}+07:00`);
const texts = loadMailTexts(path.join(ROOT, "templates", "mail"));

function deps(_regime: Regime): MailContext {
  return {
    zone: ZONE,
    mailFrom: "tonghop@cuc.example.vn",
    officeAddress: "tonghop@cuc.example.vn",
    texts,
    skeletonFor: (kind: string) => ({ filename: `Mẫu báo cáo ${kind}.docx`, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", contentBase64: Buffer.from("PK").toString("base64") }),
  };
}

function record(verdict: "dat" | "khong_dat", receivedAt: string): SubmissionRecord {
  const due = local("2026-11-19T15:00:00");
  const late = local(receivedAt).getTime() >= due.getTime();
  return {
    index: 0, regime: "qt-vp-03", unit: "ttdn", kind: "week", period: "2026-W47", deadline: due, onTime: !late,
    lateSeconds: late ? (local(receivedAt).getTime() - due.getTime()) / 1000 : 0, status: verdict === "dat" ? "accepted" : "rejected", verdict,
    missingSections: verdict === "dat" ? [] : ["ke_hoach"], findings: [], verdictDetail: {}, evidence: [], confidence: 0.9,
    attachments: ["BC tuần 47.docx"], outline: null, secret: null, reason: null,
  };
}

async function reply(opts: { verdict: "dat" | "khong_dat"; receivedAt: string; now: string; from?: string; regime?: Partial<Regime>; earlierAccepted?: boolean }) {
  const regime = loadTemplateRegime(opts.regime);
  regime.units.find((u) => u.id === "ttdn")!.addresses = ["ttdn@cuc.example.vn"];
  const from = opts.from ?? "ttdn@cuc.example.vn";
  const raw = gmailMail({ from: { name: "Phòng TTĐN", address: from }, to: [{ address: "tonghop@cuc.example.vn" }], subject: "Báo cáo tuần 47 - Phòng TTĐN", messageId: "bc47-ttdn@mail.gmail.com", text: "Kính gửi Văn phòng,\nPhòng gửi báo cáo tuần 47." });
  const facts = await parseMessage(raw, local(opts.receivedAt));
  const out = composeReply(deps(regime), {
    facts, replyTo: from, record: record(opts.verdict, opts.receivedAt), regime, compileDeadline: local("2026-11-24T00:00:00"),
    earlierAccepted: opts.earlierAccepted ?? false, now: local(opts.now),
  });
  if (!out) return null;
  return {
    purpose: out.purpose, to: out.mail.to, cc: out.mail.cc, subject: out.mail.subject, inReplyTo: out.mail.inReplyTo ?? null, rateLimited: out.rateLimited,
    notBefore: out.notBefore.toISOString(), attachments: out.mail.attachments.map((a) => a.filename), text: out.mail.text,
  };
}

const at = (s: string) => local(s).toISOString();

describe("composeReply: which reply, to whom, when", () => {
  it.each([
    ["a Đạt at 22:40 gets its receipt at once (replies are not held to office hours)", { verdict: "dat", receivedAt: "2026-11-18T22:39:00", now: "2026-11-18T22:40:00" }, { purpose: "receipt", notBefore: at("2026-11-18T22:40:00"), attachments: [] }],
    ["a Không đạt on Sunday 06:00 goes at once with the weekly skeleton", { verdict: "khong_dat", receivedAt: "2026-11-22T05:58:00", now: "2026-11-22T06:00:00" }, { purpose: "khong_dat", notBefore: at("2026-11-22T06:00:00"), attachments: ["Mẫu báo cáo week.docx"] }],
    ["receipts: false → no receipt", { verdict: "dat", receivedAt: "2026-11-18T10:00:00", now: "2026-11-18T10:01:00", regime: { receipts: false } }, null],
    ["receipts: false still sends Không đạt", { verdict: "khong_dat", receivedAt: "2026-11-18T10:00:00", now: "2026-11-18T10:01:00", regime: { receipts: false } }, { purpose: "khong_dat", notBefore: at("2026-11-18T10:01:00"), attachments: ["Mẫu báo cáo week.docx"] }],
    ["Không đạt after the compile deadline: none by default", { verdict: "khong_dat", receivedAt: "2026-11-24T00:00:00", now: "2026-11-24T00:01:00" }, null],
    ["Không đạt one minute before the compile deadline: sent", { verdict: "khong_dat", receivedAt: "2026-11-23T23:58:00", now: "2026-11-23T23:59:00" }, { purpose: "khong_dat", notBefore: at("2026-11-23T23:59:00"), attachments: ["Mẫu báo cáo week.docx"] }],
    ["oldPeriodReplies: true → Không đạt after the compile deadline too", { verdict: "khong_dat", receivedAt: "2026-11-25T09:00:00", now: "2026-11-25T09:01:00", regime: { oldPeriodReplies: true } }, { purpose: "khong_dat", notBefore: at("2026-11-25T09:01:00"), attachments: ["Mẫu báo cáo week.docx"] }],
    ["a Đạt for an old period still gets its receipt", { verdict: "dat", receivedAt: "2026-11-25T09:00:00", now: "2026-11-25T09:01:00" }, { purpose: "receipt", notBefore: at("2026-11-25T09:01:00"), attachments: [] }],
    ["a later Không đạt beside an earlier Đạt is answered too (each version gets its own)", { verdict: "khong_dat", receivedAt: "2026-11-19T09:00:00", now: "2026-11-19T09:01:00", earlierAccepted: true }, { purpose: "khong_dat", notBefore: at("2026-11-19T09:01:00"), attachments: ["Mẫu báo cáo week.docx"] }],
  ] as const)("%s", async (_name, input, expected) => {
    const got = await reply(input as Parameters<typeof reply>[0]);
    if (expected === null) return void expect(got).toBeNull();
    expect({ purpose: got?.purpose, notBefore: got?.notBefore, attachments: got?.attachments }).toEqual(expected);
    expect(got).toMatchObject({ to: ["ttdn@cuc.example.vn"], cc: [], subject: "Re: Báo cáo tuần 47 - Phòng TTĐN", inReplyTo: "<bc47-ttdn@mail.gmail.com>", rateLimited: true });
  });

  it("a sender who is not a registered address gets the reply, the unit's address in Cc", async () => {
    const got = await reply({ verdict: "khong_dat", receivedAt: "2026-11-18T10:00:00", now: "2026-11-18T10:01:00", from: "le.thi.binh.ttdn@gmail.com" });
    expect(got).toMatchObject({ to: ["le.thi.binh.ttdn@gmail.com"], cc: ["ttdn@cuc.example.vn"] });
    expect(got?.text).toContain("Kế hoạch công tác");
  });

  it("a later Không đạt beside an earlier Đạt tells the unit the Đạt version stands (contract.md Versions)", async () => {
    const kept = await reply({ verdict: "khong_dat", receivedAt: "2026-11-19T09:00:00", now: "2026-11-19T09:01:00", earlierAccepted: true });
    const plain = await reply({ verdict: "khong_dat", receivedAt: "2026-11-19T09:00:00", now: "2026-11-19T09:01:00" });
    expect(kept?.text).toContain("bản báo cáo đạt yêu cầu (Đạt) đơn vị gửi trước đó tiếp tục được sử dụng");
    expect(plain?.text).not.toContain("tiếp tục được sử dụng");
  });

  it("the receipt of a late report says it was late and by how much", async () => {
    const got = await reply({ verdict: "dat", receivedAt: "2026-11-19T16:30:00", now: "2026-11-19T16:31:00" });
    expect(got?.text).toMatch(/muộn[^\n]*1 giờ 30 phút/);
  });
});
