/**
 * The embedded default end to end (issue 9 "Done when"): no .env, no IMAP or SMTP, no regimes file — `intake run`
 * says where to drop mail and where replies appear, and an .eml copied into mail/new gets its reply as an .eml in
 * outbox/ within 10 seconds. The copied file is left exactly as it was.
 */
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outlookMail } from "../support/eml.ts";
import { unitReport } from "../support/report-mail.ts";
import { eventually } from "../support/intake.ts";
import { startEmbeddedWorld, stopDaemon, type EmbeddedWorld } from "../support/embedded.ts";

let world: EmbeddedWorld;
beforeAll(() => {
  world = startEmbeddedWorld({ regimes: null });
});
afterAll(async () => {
  await world?.stop();
});

describe("the embedded default", () => {
  it("runs with nothing configured and answers an .eml dropped into mail/new within 10 seconds", async () => {
    // The week of the real clock: the daemon runs without INTAKE_NOW, as `npm start` does.
    const today = DateTime.now().setZone("Asia/Ho_Chi_Minh");
    const week = today.weekNumber;
    const doc = await unitReport({ unit: "nvdp", title: `Kết quả công tác tuần ${week} và kế hoạch công tác tuần ${week + 1}`, next: "tuần tới" });
    const subject = `Báo cáo tuần ${week}/${today.weekYear} - Phòng NVĐP`;
    const raw = outlookMail({
      from: { name: "Phòng Nghiệp vụ - Điều phối", address: "nvdp@cuc.example.vn" },
      to: ["tonghop@cuc.example.vn"],
      subject,
      text: `Kính gửi Văn phòng Cục,\nPhòng Nghiệp vụ - Điều phối gửi báo cáo tuần ${week}.\nTrân trọng.`,
      date: new Date(),
      attachments: [{ filename: `Báo cáo tuần ${week} - NVĐP.docx`, content: doc }],
    });

    const d = world.daemon();
    try {
      await eventually(async () => /outbox/.test(d.output()) && /mail.new/.test(d.output()) || undefined, 120_000, `the start-up notice\n${d.output()}`);
      const out = d.output();
      expect(out).toContain(path.join(world.maildir, "new"));
      expect(out).toContain(world.outbox);
      expect(out).toMatch(/IMAP_HOST/);
      expect(out).toMatch(/SMTP_HOST/);
      expect(out).toMatch(/regimes\.example\.yaml/);
      await eventually(async () => /"msg":"daemon started"/.test(d.output()) || undefined, 120_000, `the daemon\n${d.output()}`);
      // The Maildir is created when the daemon first opens it, right after its start-up jobs.
      await eventually(async () => existsSync(path.join(world.maildir, "new")) || undefined, 120_000, `the Maildir\n${d.output()}`);

      // Copied in by hand, as the README says (not a Maildir delivery): the file keeps its name and mtime.
      const source = path.join(world.dataDir, "bao-cao-tuan-nvdp.eml");
      writeFileSync(source, raw);
      const dropped = path.join(world.maildir, "new", "bao-cao-tuan-nvdp.eml");
      const started = Date.now();
      copyFileSync(source, dropped);
      const before = statSync(dropped).mtimeMs;

      const busy = () => os.loadavg()[0]! > os.cpus().length;
      const wasBusy = busy();
      const reply = await eventually(async () => (await world.sent()).find((s) => s.mail.subject === `Re: ${subject}`), 60_000, `the reply .eml\n${d.output()}`);
      const took = Date.now() - started;
      // Issue 9: within 10 seconds — on a machine not already oversubscribed by other work; else only reported.
      if (!wasBusy && !busy()) expect(took).toBeLessThan(10_000);
      else console.info(`reply after ${took} ms on a busy machine (load ${os.loadavg()[0]!.toFixed(1)})`);
      expect(reply.mail.to && !Array.isArray(reply.mail.to) ? reply.mail.to.value.map((a) => a.address) : []).toEqual(["nvdp@cuc.example.vn"]);
      expect(reply.mail.text).toContain(`đã tiếp nhận báo cáo tuần ${week}/`);
      expect(reply.mail.text).toMatch(/\(Đạt\)|Kết quả kiểm tra: Đạt/);
      expect(reply.mail.text).not.toMatch(/Không đạt/);
      expect(reply.mail.headers.get("auto-submitted")).toBe("auto-replied");
      expect(readdirSync(path.join(world.maildir, "new"))).toEqual(["bao-cao-tuan-nvdp.eml"]);
      expect(readdirSync(path.join(world.maildir, "cur"))).toEqual([]);
      expect(statSync(dropped).mtimeMs).toBe(before);
    } finally {
      expect(await stopDaemon(d)).toBe(0);
    }
    const rows = await world.json<{ unit: string; status: string }[]>(["submissions"]);
    expect(rows.map((r) => [r.unit, r.status])).toEqual([["nvdp", "accepted"]]);
  }, 300_000);
});
