/**
 * Issue 12 item 6 ("doubt goes to a person, not to the unit"), against real Dovecot, the SMTP server and SQLite:
 * a report missing its results section that also has a same-rank heading no section claims ("I. Tổng hợp hoạt động
 * chuyên môn") is `unclassified` with reason `uncertain_sections`; the unit gets nothing; the officer's digest
 * lists it with the heading. A report whose every heading is placed and that really lacks its plan still gets its
 * Không đạt, so the guard does not swallow real omissions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { qtvp03Sections, reportDocx } from "../support/reports.ts";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";
import { requireMessageId, UNIT_HEADER, type UnitId } from "../support/report-mail.ts";

const TITLE = "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48";

async function report(unit: UnitId, at: string, opts: { omit?: string[]; headings?: Record<string, string> }): Promise<Buffer> {
  const docx = await reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER[unit]],
    title: TITLE,
    sections: qtvp03Sections({ next: "tuần 48", ...(opts.omit ? { omit: opts.omit } : {}), ...(opts.headings ? { headings: opts.headings } : {}) }),
    producer: "docx",
    style: "numbered",
  });
  return outlookMail({
    from: { name: `Cán bộ ${unit}`, address: UNITS[unit] },
    to: [{ address: OFFICE }],
    subject: `Báo cáo tuần 47 - ${unit.toUpperCase()}`,
    text: "Kính gửi Văn phòng Cục,\nĐơn vị gửi báo cáo công tác tuần 47.\nTrân trọng.",
    date: new Date(at),
    messageId: `<uncertain-${unit}-${Date.parse(at)}@${unit}.cuc.example.vn>`,
    attachments: [{ filename: `Báo cáo tuần 47 - ${unit.toUpperCase()}.docx`, content: docx }],
  });
}

interface Row {
  messageId: string;
  unit: string | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
  reason: string | null;
}

describe("a missing section beside a heading nobody placed goes to a person", () => {
  let world: IntakeWorld;
  let doubtful: Buffer;
  let incomplete: Buffer;
  beforeAll(async () => {
    world = await startIntakeWorld();
    // nvdp titles its results in its own words: ket_qua is "missing", but an unplaced heading of the same rank stands there.
    doubtful = await report("nvdp", "2026-11-18T09:00:00+07:00", { headings: { ket_qua: "Tổng hợp hoạt động chuyên môn" } });
    // ttdn really has no plan: every heading is placed.
    incomplete = await report("ttdn", "2026-11-18T09:05:00+07:00", { omit: ["ke_hoach"] });
    await world.deliver(doubtful, "2026-11-18T09:00:00+07:00");
    await world.deliver(incomplete, "2026-11-18T09:05:00+07:00");
    const r = await world.run(["poll", "--once"], "2026-11-18T09:10:00+07:00");
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await world?.stop();
  });

  it("records the doubtful report as unclassified / uncertain_sections naming the heading, and the incomplete one Không đạt", async () => {
    const rows = await world.json<Row[]>(["submissions", "--json"], "2026-11-18T09:11:00+07:00");
    const nvdp = rows.find((r) => r.messageId === requireMessageId(doubtful))!;
    expect(nvdp.status).toBe("unclassified");
    expect(nvdp.verdict).toBeNull();
    expect(nvdp.reason).toMatch(/^uncertain_sections: /);
    expect(nvdp.reason).toContain("Tổng hợp hoạt động chuyên môn");
    const ttdn = rows.find((r) => r.messageId === requireMessageId(incomplete))!;
    expect([ttdn.status, ttdn.verdict, ttdn.missingSections]).toEqual(["rejected", "khong_dat", ["ke_hoach"]]);
  }, 120_000);

  it("sends nothing to the doubtful unit, and the Không đạt to the other", async () => {
    const toNvdp = (await world.servers.readMailbox(UNITS.nvdp)).filter((m) => m.inReplyTo === requireMessageId(doubtful));
    expect(toNvdp).toEqual([]);
    const toTtdn = (await world.servers.readMailbox(UNITS.ttdn)).filter((m) => m.inReplyTo === requireMessageId(incomplete));
    expect(toTtdn.map((m) => m.text.split(/\r?\n/).find((l) => l.startsWith("Kết quả kiểm tra:")))).toEqual(["Kết quả kiểm tra: Không đạt"]);
  }, 120_000);

  it("lists it in the officer's next digest, with the heading it could not place", async () => {
    const r = await world.run(["remind"], "2026-11-19T08:00:00+07:00");
    expect(r.code, r.stderr).toBe(0);
    const digest = (await world.servers.readMailbox(OFFICE)).find((m) => (m.headers["x-intake-bot"] ?? "").includes("purpose=digest"));
    expect(digest, "a digest to the office").toBeDefined();
    expect(digest!.text).toContain(UNITS.nvdp);
    expect(digest!.text).toContain("uncertain_sections");
    expect(digest!.text).toContain("Tổng hợp hoạt động chuyên môn");
    // The unit still has nothing after the digest went out.
    expect((await world.servers.readMailbox(UNITS.nvdp)).filter((m) => m.inReplyTo === requireMessageId(doubtful))).toEqual([]);
  }, 180_000);
});
