/**
 * Issue 4's proof: INTAKE_NOW walks through the week 2026-W43 and the month 2026-10, with the weeks 2026-W44
 * and 2026-W45 running beside them as they do in the office. Four units behave as units do: NVĐP sends early
 * (Đạt), TTĐN sends Không đạt then fixes it, TTBC is late, VP never sends. At each step the mail that has
 * arrived by then is delivered, `intake poll --once` runs, then `intake remind` twice; every Dovecot mailbox is
 * read and what arrived in that step is compared with the exact expected set (the second run must add nothing).
 *
 * The walk is in October 2026 because Dovecot does not keep an INTERNALDATE later than its own clock: a mail
 * "received" after the real now would get the real now as its receipt time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gmailMail, outlookMail, thunderbirdMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx, type Producer } from "../support/reports.ts";
import { CHIEF, OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import type { ReadMessage } from "../support/mail-servers.ts";

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(async () => {
  await world?.stop();
});

type UnitId = keyof typeof UNITS;
const NAME: Record<UnitId, string> = {
  nvdp: "Phòng Nghiệp vụ - Điều phối",
  ttdn: "Phòng Truyền thông đối ngoại",
  ttbc: "Trung tâm Báo chí và Hợp tác truyền thông quốc tế",
  vp: "Văn phòng",
};
const HEADER: Record<UnitId, string> = {
  nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI",
  ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI",
  ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ",
  vp: "VĂN PHÒNG",
};

interface Report {
  unit: UnitId;
  /** Server receipt time (INTERNALDATE), local time. */
  at: string;
  subject: string;
  title: string;
  file: string;
  next: string;
  omit?: string[];
  producer: Producer;
  client: "outlook" | "gmail" | "thunderbird";
}

async function reportMail(r: Report): Promise<Buffer> {
  const doc = await reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", HEADER[r.unit]],
    title: r.title,
    sections: qtvp03Sections({ next: r.next, omit: r.omit }),
    producer: r.producer,
    style: r.producer === "pandoc" ? "heading" : "bold",
  });
  const spec = {
    from: { name: NAME[r.unit], address: UNITS[r.unit] },
    to: [OFFICE],
    subject: r.subject,
    date: new Date(`${r.at}+07:00`),
    text: `Kính gửi Văn phòng Cục,\n${NAME[r.unit]} gửi ${r.title.charAt(0).toLowerCase()}${r.title.slice(1)}.\nTrân trọng.`,
    attachments: [{ filename: r.file, content: doc }],
  };
  return r.client === "gmail" ? gmailMail(spec) : r.client === "thunderbird" ? thunderbirdMail(spec) : outlookMail(spec);
}

const week = (n: number) => (unit: UnitId, at: string, producer: Producer, client: Report["client"], omit?: string[]): Report => ({
  unit, at, producer, client, omit, subject: `Báo cáo tuần ${n} - ${NAME[unit]}`,
  title: `Kết quả công tác tuần ${n} và kế hoạch công tác tuần ${n + 1}`, file: `Bao cao tuan ${n} - ${unit.toUpperCase()}.docx`, next: "tuần tới",
});
const w43 = week(43);
const w44 = week(44);
const w45 = week(45);
const m10 = (unit: UnitId, at: string, producer: Producer, client: Report["client"], omit?: string[]): Report => ({
  unit, at, producer, client, omit, subject: `BC tháng 10/2026 - ${NAME[unit]}`,
  title: "Báo cáo công tác tháng 10/2026 và nhiệm vụ trọng tâm tháng 11/2026", file: `BC thang 10-2026 ${unit.toUpperCase()}.docx`, next: "tháng tới",
});

const BOXES = { ...UNITS, chief: CHIEF, office: OFFICE } as const;
type Box = keyof typeof BOXES;
const seen: Partial<Record<Box, number>> = {};
const everything: { box: Box; step: string; m: ReadMessage }[] = [];

/** What a person sees of a mail: replies by their verdict line, the bot's other mail by its subject. */
function tag(m: ReadMessage): string {
  if (!m.subject.startsWith("Re: ")) return m.subject;
  if (m.text.includes("báo cáo chưa đạt yêu cầu về nội dung và hình thức")) return `Không đạt | ${m.subject}`;
  if (m.text.includes("Báo cáo được gửi đúng thời hạn quy định")) return `Đạt, đúng hạn | ${m.subject}`;
  if (m.text.includes("Báo cáo được gửi muộn")) return `Đạt, muộn | ${m.subject}`;
  return `? | ${m.subject}`;
}

/** Mail that arrived in each mailbox since the last call (in the office's own INBOX: only what the bot sent). */
async function arrivals(step: string): Promise<Record<Box, ReadMessage[]>> {
  const out = {} as Record<Box, ReadMessage[]>;
  for (const [box, address] of Object.entries(BOXES) as [Box, string][]) {
    const all = await world.servers.readMailbox(address);
    out[box] = all.slice(seen[box] ?? 0).filter((m) => box !== "office" || m.headers["x-intake-bot"] !== undefined);
    seen[box] = all.length;
    for (const m of out[box]) everything.push({ box, step, m });
  }
  return out;
}

// Subjects, as the templates write them.
const W43 = "báo cáo tuần 43/2026 (từ 19/10/2026 đến 25/10/2026)";
const W44 = "báo cáo tuần 44/2026 (từ 26/10/2026 đến 01/11/2026)";
const W45 = "báo cáo tuần 45/2026 (từ 02/11/2026 đến 08/11/2026)";
const M10 = "báo cáo tháng 10/2026";
const remind = (label: string, due: string) => (u: UnitId) => `Nhắc gửi ${label} - ${NAME[u]} (hạn trước ${due})`;
const chase = (label: string) => (u: UnitId, by: string) => `Đôn đốc gửi ${label} - ${NAME[u]} (đã quá hạn ${by})`;
const remindW43 = remind(W43, "15 giờ 00 ngày 22/10/2026 (Thứ Năm)");
const remindW44 = remind(W44, "15 giờ 00 ngày 29/10/2026 (Thứ Năm)");
const remindW45 = remind(W45, "15 giờ 00 ngày 05/11/2026 (Thứ Năm)");
const remindM10 = remind(M10, "0 giờ 00 ngày 28/10/2026 (Thứ Tư)");
const chaseW43 = chase(W43);
const chaseW44 = chase(W44);
const chaseM10 = chase(M10);
const ok = (r: Report) => `Đạt, đúng hạn | Re: ${r.subject}`;
const late = (r: Report) => `Đạt, muộn | Re: ${r.subject}`;
const ko = (r: Report) => `Không đạt | Re: ${r.subject}`;
const digest = (day: string) => `Tóm tắt hằng ngày của hệ thống tiếp nhận báo cáo, ngày ${day}`;
const draftW43 = "Dự thảo báo cáo công tác tuần 43/2026";
const draftW44 = "Dự thảo báo cáo công tác tuần 44/2026";
const draftM10 = "Dự thảo báo cáo công tác tháng 10/2026";

interface Step {
  now: string;
  mail?: Report[];
  /** `intake remind --dry-run` first: its exact lines, and nothing may arrive. */
  dryRun?: string[];
  expect: Partial<Record<Box, string[]>>;
  /** More checks after the step, at its `now`. */
  also?: (now: string) => Promise<void>;
}

const R = {
  nvdpW43: w43("nvdp", "2026-10-20T09:15:00", "word", "outlook"),
  nvdpM10: m10("nvdp", "2026-10-20T10:05:00", "docx", "outlook"),
  ttdnW43ko: w43("ttdn", "2026-10-21T09:20:00", "pandoc", "gmail", ["ke_hoach"]),
  ttdnW43: w43("ttdn", "2026-10-22T10:45:00", "pandoc", "gmail"),
  ttdnM10ko: m10("ttdn", "2026-10-22T11:30:00", "word", "thunderbird", ["ket_qua"]),
  ttbcW43: w43("ttbc", "2026-10-23T10:10:00", "docx", "thunderbird"),
  nvdpW44: w44("nvdp", "2026-10-26T14:00:00", "docx", "outlook"),
  ttdnW44: w44("ttdn", "2026-10-26T16:30:00", "pandoc", "gmail"),
  ttbcW44: w44("ttbc", "2026-10-27T07:50:00", "word", "thunderbird"),
  ttdnM10: m10("ttdn", "2026-10-28T09:30:00", "word", "thunderbird"),
  ttbcM10: m10("ttbc", "2026-10-29T14:20:00", "libreoffice", "outlook"),
  nvdpW45: w45("nvdp", "2026-11-03T15:00:00", "docx", "outlook"),
  ttdnW45: w45("ttdn", "2026-11-04T09:10:00", "pandoc", "gmail"),
  ttbcW45: w45("ttbc", "2026-11-04T11:40:00", "word", "thunderbird"),
};

const STEPS: Step[] = [
  // NVĐP sends both reports early: receipts only, nothing is due yet.
  { now: "2026-10-20T10:30:00", mail: [R.nvdpW43, R.nvdpM10], expect: { nvdp: [ok(R.nvdpW43), ok(R.nvdpM10)] } },
  // TTĐN's weekly report lacks the plan: Không đạt at once. The 08:00 digest had nothing to say.
  { now: "2026-10-21T09:40:00", mail: [R.ttdnW43ko], expect: { ttdn: [ko(R.ttdnW43ko)] } },
  // The -24h reminder fell at 15:00 while nothing ran; at 18:30 the office is closed: mail to units waits.
  { now: "2026-10-21T18:30:00", expect: {} },
  // 07:45 next morning, office open: the -24h reminder goes now, to the three units without a Đạt report.
  { now: "2026-10-22T07:45:00", expect: { ttdn: [remindW43("ttdn")], ttbc: [remindW43("ttbc")], vp: [remindW43("vp")] } },
  // TTĐN fixes the week (on time) and sends a month report without results (Không đạt); -2h reminder; the
  // digest of 22/10 says what stood at 08:00 (yesterday's Không đạt), not the one sent since.
  {
    now: "2026-10-22T13:00:00", mail: [R.ttdnW43, R.ttdnM10ko],
    expect: { ttdn: [ok(R.ttdnW43), ko(R.ttdnM10ko)], ttbc: [remindW43("ttbc")], vp: [remindW43("vp")], office: [digest("22/10/2026")] },
  },
  // The deadline: the first chase right after it.
  { now: "2026-10-22T15:00:00", expect: { ttbc: [chaseW43("ttbc", "1 phút")], vp: [chaseW43("vp", "1 phút")] } },
  { now: "2026-10-23T08:00:00", expect: { ttbc: [chaseW43("ttbc", "17 giờ")], vp: [chaseW43("vp", "17 giờ")], office: [digest("23/10/2026")] } },
  // TTBC sends late: a receipt that says so, and no more chases for it.
  { now: "2026-10-23T10:30:00", mail: [R.ttbcW43], expect: { ttbc: [late(R.ttbcW43)] } },
  // Saturday: nothing to anybody.
  { now: "2026-10-24T09:00:00", expect: {} },
  // Monday 08:00: the week's draft to the chief (cc the office) with the laggards, the last weekly chase to VP,
  // the month's "-3d" reminder (due Sunday 00:00, moved to the working morning).
  {
    now: "2026-10-26T08:00:00",
    dryRun: [
      `Đôn đốc Văn phòng: ${W43} → vp@cuc.example.vn`,
      "Dự thảo 2026-W43 (qt-vp-03) gửi Chánh Văn phòng, kèm tổng hợp đơn vị chậm, thiếu báo cáo",
      `Nhắc Phòng Truyền thông đối ngoại: ${M10} → ttdn@cuc.example.vn`,
      `Nhắc Trung tâm Báo chí và Hợp tác truyền thông quốc tế: ${M10} → ttbc@cuc.example.vn`,
      `Nhắc Văn phòng: ${M10} → vp@cuc.example.vn`,
    ],
    expect: {
      ttdn: [remindM10("ttdn")], ttbc: [remindM10("ttbc")], vp: [chaseW43("vp", "3 ngày 17 giờ"), remindM10("vp")],
      chief: [draftW43], office: [draftW43],
    },
  },
  // The week's compile deadline passed at 00:00: no more W43 mail. The month's -1d reminder. W44 arrives early.
  {
    now: "2026-10-27T08:00:00", mail: [R.nvdpW44, R.ttdnW44, R.ttbcW44],
    expect: { nvdp: [ok(R.nvdpW44)], ttdn: [ok(R.ttdnW44), remindM10("ttdn")], ttbc: [ok(R.ttbcW44), remindM10("ttbc")], vp: [remindM10("vp")] },
  },
  // The month's deadline (Wednesday 00:00): the first chase at 08:00.
  {
    now: "2026-10-28T08:00:00", expect: { ttdn: [chaseM10("ttdn", "8 giờ")], ttbc: [chaseM10("ttbc", "8 giờ")], vp: [chaseM10("vp", "8 giờ")] },
    // While TTĐN's only month report is Không đạt, it is listed as such, apart from those who never sent.
    also: async (now) => {
      const r = await world.run(["laggards", "--regime", "qt-vp-03", "--period", "2026-10"], now);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        "Đối với báo cáo tháng 10/2026, thời hạn gửi trước 0 giờ 00 ngày 28/10/2026 (Thứ Tư):\n" +
          "  Đơn vị có báo cáo chưa đạt yêu cầu (Không đạt), chưa gửi lại:\n  - Phòng Truyền thông đối ngoại\n" +
          "  Đơn vị chưa gửi báo cáo:\n  - Trung tâm Báo chí và Hợp tác truyền thông quốc tế\n  - Văn phòng\n\n" +
          "Số lần gửi báo cáo muộn trong năm 2026:\n- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: 2 lần\n- Văn phòng: 2 lần\n- Phòng Truyền thông đối ngoại: 1 lần\n\n",
      );
    },
  },
  { now: "2026-10-28T10:00:00", mail: [R.ttdnM10], expect: { ttdn: [late(R.ttdnM10)] } },
  // W44's -24h reminder (Wednesday 15:00) went unsent; Thursday 08:00 it still makes sense.
  { now: "2026-10-29T08:00:00", expect: { ttbc: [chaseM10("ttbc", "1 ngày 8 giờ")], vp: [chaseM10("vp", "1 ngày 8 giờ"), remindW44("vp")] } },
  // After W44's deadline: the chase, never the stale -2h reminder.
  { now: "2026-10-29T16:00:00", mail: [R.ttbcM10], expect: { ttbc: [late(R.ttbcM10)], vp: [chaseW44("vp", "1 giờ")] } },
  { now: "2026-10-30T08:00:00", expect: { vp: [chaseM10("vp", "2 ngày 8 giờ"), chaseW44("vp", "17 giờ")] } },
  { now: "2026-11-02T08:00:00", expect: { vp: [chaseM10("vp", "5 ngày 8 giờ"), chaseW44("vp", "3 ngày 17 giờ")], chief: [draftW44], office: [draftW44] } },
  { now: "2026-11-03T08:00:00", expect: { vp: [chaseM10("vp", "6 ngày 8 giờ")], chief: [draftM10], office: [draftM10] } },
  { now: "2026-11-04T08:00:00", mail: [R.nvdpW45], expect: { nvdp: [ok(R.nvdpW45)], vp: [chaseM10("vp", "7 ngày 8 giờ")] } },
  // The month's compile deadline passed: no more chases for it. Only VP still lacks W45: its reminder.
  { now: "2026-11-05T09:00:00", mail: [R.ttdnW45, R.ttbcW45], expect: { ttdn: [ok(R.ttdnW45)], ttbc: [ok(R.ttbcW45)], vp: [remindW45("vp")] } },
];

async function runStep(s: Step): Promise<Record<Box, ReadMessage[]>> {
  for (const r of s.mail ?? []) await world.deliver(await reportMail(r), `${r.at}+07:00`);
  const poll = await world.run(["poll", "--once"], s.now);
  expect(poll.code, poll.stderr).toBe(0);
  if (s.dryRun) {
    const dry = await world.run(["remind", "--dry-run"], s.now);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trim().split("\n").sort(), `dry-run at ${s.now}`).toEqual(s.dryRun.map((l) => `[dry-run] ${l}`).sort());
  }
  const first = await world.run(["remind"], s.now);
  expect(first.code, first.stderr).toBe(0);
  const arrived = await arrivals(s.now);
  const second = await world.run(["remind"], s.now);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout, `second remind at ${s.now}`).toBe("Không có việc nào đến hạn.\n");
  const again = await arrivals(`${s.now} (second remind)`);
  for (const box of Object.keys(BOXES) as Box[]) expect(again[box].map(tag), `${box} after the second remind at ${s.now}`).toEqual([]);
  await s.also?.(s.now);
  return arrived;
}

const findAll = (box: Box, subject: string) => everything.filter((e) => e.box === box && e.m.subject === subject).map((e) => e.m);
const find = (box: Box, subject: string) => {
  const hit = findAll(box, subject);
  expect(hit, `${box}: ${subject}`).toHaveLength(1);
  return hit[0]!;
};

describe("reminders, chases and escalation through 2026-W43 and 2026-10", () => {
  it("sends each reminder, chase, draft and digest once, only to whom it concerns", async () => {
    for (const s of STEPS) {
      const arrived = await runStep(s);
      for (const box of Object.keys(BOXES) as Box[]) {
        expect(arrived[box].map(tag).sort(), `${box} at ${s.now}`).toEqual([...(s.expect[box] ?? [])].sort());
      }
    }

    // Nothing twice: every mail the bot sent has its own Message-ID in each mailbox.
    for (const box of Object.keys(BOXES) as Box[]) {
      const ids = everything.filter((e) => e.box === box).map((e) => e.m.messageId);
      expect(new Set(ids).size, box).toBe(ids.length);
    }
    // Every scheduled mail is automatic (RFC 3834), from the office, to the unit alone.
    for (const e of everything.filter((x) => /^(Nhắc|Đôn đốc)/.test(x.m.subject))) {
      expect(e.m.headers["auto-submitted"]).toBe("auto-replied");
      expect(e.m.from).toBe(OFFICE);
      expect(e.m.to).toEqual([BOXES[e.box]]);
      expect(e.m.cc).toEqual([]);
    }
  }, 900_000);

  it("writes what each unit needs to read", () => {
    // A unit that sent a Không đạt report is told so in the reminder, with the skeleton attached.
    const toTtdn = find("ttdn", remindW43("ttdn"));
    expect(toTtdn.text).toContain("Văn phòng Cục xin nhắc Phòng Truyền thông đối ngoại gửi báo cáo tuần 43/2026 (từ 19/10/2026 đến 25/10/2026) trước 15 giờ 00 ngày 22/10/2026 (Thứ Năm); thời gian còn lại là 7 giờ 15 phút.");
    expect(toTtdn.text).toContain("Bản báo cáo đơn vị gửi lúc 9 giờ 20 ngày 21/10/2026 (Thứ Tư) chưa đạt yêu cầu (Không đạt). Đề nghị đơn vị bổ sung, hoàn thiện và gửi lại bản báo cáo đầy đủ.");
    expect(toTtdn.text).toContain("qua thư điện tử về địa chỉ tonghop@cuc.example.vn");
    expect(toTtdn.attachments.map((a) => a.filename)).toEqual(["Mẫu báo cáo tuần.docx"]);
    // VP got both weekly reminders (-24h sent the next morning, then -2h); never a Không đạt paragraph.
    const toVp = findAll("vp", remindW43("vp")).map((m) => m.text);
    expect(toVp).toHaveLength(2);
    expect(toVp[0]).toContain("thời gian còn lại là 7 giờ 15 phút.");
    expect(toVp[1]).toContain("thời gian còn lại là 2 giờ.");
    for (const t of toVp) expect(t).not.toContain("Không đạt");
    for (const m of findAll("vp", remindM10("vp"))) expect(m.attachments.map((a) => a.filename)).toEqual(["Mẫu báo cáo tháng.docx"]);
    const monthReminder = findAll("ttbc", remindM10("ttbc")).map((m) => m.text);
    expect(monthReminder).toHaveLength(2);
    expect(monthReminder[0]).toContain("thời gian còn lại là 1 ngày 16 giờ.");
    expect(monthReminder[1]).toContain("thời gian còn lại là 16 giờ.");

    const chased = find("ttdn", chaseM10("ttdn", "8 giờ"));
    expect(chased.text).toContain("thời hạn gửi báo cáo tháng 10/2026 là trước 0 giờ 00 ngày 28/10/2026 (Thứ Tư). Đến nay đã quá hạn 8 giờ, Văn phòng Cục chưa nhận được báo cáo đạt yêu cầu của Phòng Truyền thông đối ngoại.");
    expect(chased.text).toContain("Bản báo cáo đơn vị gửi lúc 11 giờ 30 ngày 22/10/2026 (Thứ Năm) chưa đạt yêu cầu (Không đạt) và chưa được gửi lại.");
    expect(chased.text).toContain("trình Lãnh đạo Cục trước 0 giờ 00 ngày 05/11/2026 (Thứ Năm)");
    expect(chased.attachments).toEqual([]);
  });

  it("tells the chief who is late in the draft's cover email", () => {
    const w = find("chief", draftW43);
    expect(w.to).toEqual([CHIEF]);
    expect(w.cc).toEqual([OFFICE]);
    const lines = w.text.split("\n");
    expect(lines).toEqual(expect.arrayContaining([
      "- Phòng Nghiệp vụ - Điều phối: Đạt, gửi đúng hạn (nhận lúc 9 giờ 15, 20/10/2026).",
      "- Phòng Truyền thông đối ngoại: Đạt, gửi đúng hạn (nhận lúc 10 giờ 45, 22/10/2026); bản gửi lần 2.",
      "- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: Đạt, gửi muộn 19 giờ 10 phút (nhận lúc 10 giờ 10, 23/10/2026).",
      "- Văn phòng: chưa gửi báo cáo.",
      "- Gửi báo cáo muộn: Trung tâm Báo chí và Hợp tác truyền thông quốc tế.",
      "- Chưa gửi báo cáo: Văn phòng.",
    ]));
    // The draft first (its file name belongs to the draft's own tests), then the accepted units' originals.
    const files = w.attachments.map((a) => a.filename);
    expect(files[0]).toMatch(/tuần 43-2026.*\.docx$/);
    expect(files.slice(1)).toEqual(["Bao cao tuan 43 - NVDP.docx", "Bao cao tuan 43 - TTDN.docx", "Bao cao tuan 43 - TTBC.docx"]);

    const m = find("chief", draftM10).text.split("\n");
    expect(m).toEqual(expect.arrayContaining([
      "- Phòng Nghiệp vụ - Điều phối: Đạt, gửi đúng hạn (nhận lúc 10 giờ 05, 20/10/2026).",
      "- Phòng Truyền thông đối ngoại: Đạt, gửi muộn 9 giờ 30 phút (nhận lúc 9 giờ 30, 28/10/2026); bản gửi lần 2.",
      "- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: Đạt, gửi muộn 1 ngày 14 giờ (nhận lúc 14 giờ 20, 29/10/2026).",
      "- Văn phòng: chưa gửi báo cáo.",
      "- Gửi báo cáo muộn: Phòng Truyền thông đối ngoại, Trung tâm Báo chí và Hợp tác truyền thông quốc tế.",
      "- Chưa gửi báo cáo: Văn phòng.",
    ]));
    expect(find("chief", draftW44).text.split("\n")).toEqual(expect.arrayContaining(["- Chưa gửi báo cáo: Văn phòng."]));
  });

  it("gives the officer a digest of the morning, not of the moment", () => {
    const d22 = find("office", digest("22/10/2026")).text;
    expect(d22).toContain("4. Thư Không đạt đã gửi các đơn vị:\n- 9 giờ 40 ngày 21/10/2026 (Thứ Tư) — ttdn@cuc.example.vn — Re: Báo cáo tuần 43 - Phòng Truyền thông đối ngoại\n");
    expect(d22).not.toContain("BC tháng 10/2026");
    const d23 = find("office", digest("23/10/2026")).text;
    expect(d23).toContain("4. Thư Không đạt đã gửi các đơn vị:\n- 13 giờ 00 ngày 22/10/2026 (Thứ Năm) — ttdn@cuc.example.vn — Re: BC tháng 10/2026 - Phòng Truyền thông đối ngoại\n");
    expect(d23).not.toContain("Báo cáo tuần 43");
  });

  it("prints who is late, Không đạt or never sent, and how often this year", async () => {
    const at = "2026-11-05T09:00:00";
    const month = await world.json<{ units: unknown[] }>(["laggards", "--regime", "qt-vp-03", "--period", "2026-10"], at);
    expect(month).toEqual({
      regime: "qt-vp-03",
      period: "2026-10",
      units: [
        { unit: "nvdp", name: NAME.nvdp, state: "on_time", lateSeconds: null, versions: 1, lateThisYear: 0 },
        { unit: "ttdn", name: NAME.ttdn, state: "late", lateSeconds: 34_200, versions: 2, lateThisYear: 1 },
        { unit: "ttbc", name: NAME.ttbc, state: "late", lateSeconds: 138_000, versions: 1, lateThisYear: 2 },
        { unit: "vp", name: NAME.vp, state: "missing", lateSeconds: null, versions: 0, lateThisYear: 3 },
      ],
    });
    const text = await world.run(["laggards", "--regime", "qt-vp-03", "--period", "2026-W43"], at);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Tình hình gửi báo cáo định kỳ của các đơn vị: tuần 43/2026 (từ 19/10/2026 đến 25/10/2026)\n");
    expect(text.stdout).toContain(
      "Đối với báo cáo tuần 43/2026 (từ 19/10/2026 đến 25/10/2026), thời hạn gửi trước 15 giờ 00 ngày 22/10/2026 (Thứ Năm):\n" +
        "  Đơn vị gửi báo cáo muộn:\n  - Trung tâm Báo chí và Hợp tác truyền thông quốc tế: muộn 19 giờ 10 phút\n" +
        "  Đơn vị chưa gửi báo cáo:\n  - Văn phòng\n",
    );
    expect(text.stdout).toContain("Số lần gửi báo cáo muộn trong năm 2026:\n- Văn phòng: 3 lần\n- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: 2 lần\n- Phòng Truyền thông đối ngoại: 1 lần\n\n");

  });

  it("lists the calendar across the year end, 2026-W53 included", async () => {
    const r = await world.json<{ kind: string; period: string; due: string; compile: string; draftAt: string }[]>(
      ["calendar", "--regime", "qt-vp-03", "--from", "2026-12-01", "--to", "2027-01-15"], "2026-11-05T09:00:00",
    );
    expect(r.map((x) => [x.period, x.due, x.compile, x.draftAt])).toEqual([
      ["2026-W49", "2026-12-03T15:00:00+07:00", "2026-12-08T00:00:00+07:00", "2026-12-07T08:00:00+07:00"],
      ["2026-W50", "2026-12-10T15:00:00+07:00", "2026-12-15T00:00:00+07:00", "2026-12-14T08:00:00+07:00"],
      ["2026-W51", "2026-12-17T15:00:00+07:00", "2026-12-22T00:00:00+07:00", "2026-12-21T08:00:00+07:00"],
      ["2026-W52", "2026-12-24T15:00:00+07:00", "2026-12-29T00:00:00+07:00", "2026-12-28T08:00:00+07:00"],
      ["2026-12", "2026-12-28T00:00:00+07:00", "2027-01-05T00:00:00+07:00", "2027-01-03T08:00:00+07:00"],
      ["2026-Q4", "2026-12-28T00:00:00+07:00", "2027-01-05T00:00:00+07:00", "2027-01-03T08:00:00+07:00"],
      ["2026-W53", "2026-12-31T15:00:00+07:00", "2027-01-05T00:00:00+07:00", "2027-01-04T08:00:00+07:00"],
      ["2027-W01", "2027-01-07T15:00:00+07:00", "2027-01-12T00:00:00+07:00", "2027-01-11T08:00:00+07:00"],
      ["2027-W02", "2027-01-14T15:00:00+07:00", "2027-01-19T00:00:00+07:00", "2027-01-18T08:00:00+07:00"],
    ]);
    const text = await world.run(["calendar", "--regime", "qt-vp-03", "--from", "2026-12-01", "--to", "2027-01-15"], "2026-11-05T09:00:00");
    // The table for people writes the same instants in Vietnamese (issue 9 §6); --json above keeps ISO.
    expect(text.stdout).toMatch(/báo cáo tuần\s+2026-W53\s+15 giờ 00, Thứ Năm 31\/12\/2026\s+0 giờ 00, Thứ Ba 05\/01\/2027\s+8 giờ 00, Thứ Hai 04\/01\/2027/);
  });
});
