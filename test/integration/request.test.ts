/**
 * Issue 10 item 4, `intake request` (the sending half): an ad-hoc request is emailed to the units asked, in formal
 * Vietnamese with its code in the subject, the deadline in Vietnamese form, the parts asked and the attached
 * document, and is recorded with the Message-ID of each mail (answers in its thread are matched by them). Real
 * Dovecot + SMTP + SQLite, the CLI as a child process.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICE, startIntakeWorld, UNITS, type IntakeWorld } from "../support/intake.ts";

let world: IntakeWorld;
const dir = mkdtempSync(path.join(tmpdir(), "intake-request-"));
beforeAll(async () => {
  world = await startIntakeWorld();
}, 120_000);
afterAll(async () => {
  await world?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const TITLE = "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh";

describe("intake request", () => {
  it("mails each unit asked, once, with the code, the Vietnamese deadline, the parts and the attachment; records the request", async () => {
    const attach = path.join(dir, "Cong van yeu cau bao cao.pdf");
    writeFileSync(attach, "%PDF-1.4\n% Công văn yêu cầu báo cáo\n");
    const r = await world.run(
      ["request", "--title", TITLE, "--deadline", "2026-12-04T17:00", "--units", "nvdp,ttdn,ttbc", "--attach", attach, "--by", "Lãnh đạo Cục"],
      "2026-11-25T09:00:00",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Đã lập yêu cầu báo cáo YC-2026-001 (hạn trước 17 giờ 00 ngày 04/12/2026 (Thứ Sáu))");

    const ids: string[] = [];
    for (const unit of ["nvdp", "ttdn", "ttbc"] as const) {
      const inbox = await world.servers.readMailbox(UNITS[unit]);
      expect(inbox, unit).toHaveLength(1);
      const m = inbox[0]!;
      expect(m.subject).toBe(`[YC-2026-001] Đề nghị báo cáo: ${TITLE} (hạn trước 17 giờ 00 ngày 04/12/2026 (Thứ Sáu))`);
      expect(m.from).toBe(OFFICE);
      expect(m.text).toMatch(/^Kính gửi: Lãnh đạo /);
      expect(m.text).toContain(`Theo yêu cầu của Lãnh đạo Cục, Văn phòng Cục đề nghị`);
      expect(m.text).toContain("Thời hạn gửi: trước 17 giờ 00 ngày 04/12/2026 (Thứ Sáu).");
      expect(m.text).toContain("Báo cáo gồm các nội dung:");
      expect(m.text).toContain("Văn bản yêu cầu được gửi kèm thư này.");
      expect(m.attachments.map((a) => [a.filename, a.contentType, a.content.toString("utf8")])).toEqual([
        ["Cong van yeu cau bao cao.pdf", "application/pdf", "%PDF-1.4\n% Công văn yêu cầu báo cáo\n"],
      ]);
      ids.push(m.messageId!);
    }
    // VP was not asked.
    expect(await world.servers.readMailbox(UNITS.vp)).toHaveLength(0);

    const rows = await world.query<{ code: string; units: string; messageIds: string; title: string; attachmentName: string }>(
      'SELECT "code", "units", "messageIds", "title", "attachmentName" FROM "Request"',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code).toBe("YC-2026-001");
    expect(rows[0]!.title).toBe(TITLE);
    expect(rows[0]!.attachmentName).toBe("Cong van yeu cau bao cao.pdf");
    expect(JSON.parse(rows[0]!.units)).toEqual(["nvdp", "ttdn", "ttbc"]);
    expect([...JSON.parse(rows[0]!.messageIds)].sort()).toEqual([...ids].sort());
  }, 120_000);

  it("numbers the next request of the year after it, to every unit by default", async () => {
    const r = await world.run(["request", "--title", "Báo cáo tình hình thông tin đối ngoại tháng 12", "--deadline", "2026-12-10T17:00"], "2026-11-26T09:00:00");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("YC-2026-002");
    expect(r.stdout).toContain("gửi 4 đơn vị");
    const vp = await world.servers.readMailbox(UNITS.vp);
    expect(vp.map((m) => m.subject.slice(0, 13))).toEqual(["[YC-2026-002]"]);
  }, 120_000);

  it.each([
    ["a deadline already passed", ["--deadline", "2026-11-20T17:00"], /has passed/],
    ["an unknown unit", ["--deadline", "2026-12-10T17:00", "--units", "nvdp,khong-co"], /Unknown units of qt-vp-03: khong-co/],
    ["an unknown section", ["--deadline", "2026-12-10T17:00", "--sections", "ket_qua_x"], /Unknown sections of qt-vp-03: ket_qua_x/],
  ])("refuses %s (exit 2), sending nothing", async (_what, args, message) => {
    const r = await world.run(["request", "--title", "Báo cáo nhanh", ...args], "2026-11-27T09:00:00");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await world.query('SELECT "code" FROM "Request"')).toHaveLength(2);
  }, 120_000);
});
