/**
 * Records commands (issue 10): `tracking` (the table of Công văn 212 as .xlsx/.csv/.html), `kpi` (QT.VP.03 §9.1) and
 * `retention` (§7). Arguments only; the use cases are in src/app, the file formats in src/adapters.
 */
import type { Command } from "commander";
import type { App } from "./main.ts";
import type { Config } from "./config.ts";
import type { Regime } from "./domain/regime.ts";

export interface RecordsCliHelpers {
  checked(c: { regime?: string | undefined; needRegime?: boolean }): Promise<{ config: Config; regime: Regime | undefined }>;
  withApp<T>(config: Config, fn: (app: App) => Promise<T>): Promise<T>;
  usage(message: string): Error;
  /** Delivers what a command queued (SMTP down: a warning, exit 0). */
  deliver(app: App): Promise<unknown>;
}

const REGIME_HELP = "mã chế độ báo cáo trong tệp cấu hình, ví dụ tinh-thanh (bỏ trống khi chỉ có một chế độ)";

export function addRecordsCommands(program: Command, h: RecordsCliHelpers): void {
  program
    .command("tracking")
    .description("bảng theo dõi đơn vị × loại báo cáo × năm (Công văn 212): đúng hạn, chậm, Không đạt, chưa nhận")
    .option("--regime <id>", REGIME_HELP)
    .requiredOption("--years <from-to>", "năm hoặc khoảng năm, ví dụ 2025-2026")
    .option("--out <file>", "ghi ra tệp .xlsx, .csv hoặc .html (mặc định: in bảng dạng CSV)")
    .option("--send", "gửi bảng (nội dung thư và tệp .xlsx đính kèm) cho Chánh Văn phòng")
    .action(async (o: { regime?: string; years: string; out?: string; send?: boolean }) => {
      const { yearRange } = await import("./domain/tracking/index.ts");
      const years = yearRange(o.years);
      if (!years) throw h.usage(`--years: "${o.years}" không phải năm hoặc khoảng năm, ví dụ 2025-2026`);
      const ext = o.out ? (/\.(xlsx|csv|html?)$/i.exec(o.out)?.[1]?.toLowerCase() ?? null) : "csv";
      if (!ext) throw h.usage(`--out: "${o.out}" phải có đuôi .xlsx, .csv hoặc .html`);
      const { config, regime } = await h.checked({ regime: o.regime, needRegime: true });
      const [{ trackingOf }, files, { writeFileSync }] = await Promise.all([import("./app/records.ts"), import("./adapters/tracking-files.ts"), import("node:fs")]);
      await h.withApp(config, async (app) => {
        const { table, title } = await trackingOf(app.deps, regime!, years);
        if (o.send) {
          const { queueTrackingSummary } = await import("./app/records.ts");
          const entry = await queueTrackingSummary(app.deps, regime!, years, files.trackingXlsx);
          await h.deliver(app);
          process.stdout.write(`Đã gửi bảng theo dõi cho ${entry.mail.to.join(", ")}.\n`);
          if (!o.out) return;
        }
        if (!o.out) return void process.stdout.write(files.trackingCsv(table).replace(/^\uFEFF/, ""));
        const content = ext === "xlsx" ? await files.trackingXlsx(table, title) : ext === "csv" ? files.trackingCsv(table) : files.trackingHtml(table, title);
        writeFileSync(o.out, content);
        process.stdout.write(`Đã ghi ${o.out}: ${table.rows.length} đơn vị × ${table.columns.length} cột.\n`);
      });
    });

  program
    .command("kpi")
    .description("chỉ tiêu đánh giá năm (QT.VP.03 mục 9.1): Đạt khi mọi báo cáo đúng nội dung, hình thức và đúng hạn")
    .option("--regime <id>", REGIME_HELP)
    .requiredOption("--year <yyyy>", "năm đánh giá, ví dụ 2026")
    .option("--json", "in JSON: office và từng đơn vị dat | khong_dat, kèm các báo cáo vi phạm")
    .action(async (o: { regime?: string; year: string; json?: boolean }) => {
      if (!/^\d{4}$/.test(o.year)) throw h.usage(`--year: "${o.year}" không phải năm, ví dụ 2026`);
      const { config, regime } = await h.checked({ regime: o.regime, needRegime: true });
      const { kpiOf } = await import("./app/records.ts");
      await h.withApp(config, async (app) => {
        const r = await kpiOf(app.deps, regime!, o.year);
        process.stdout.write(o.json ? `${JSON.stringify(r.json, null, 2)}\n` : `${r.text}\n`);
      });
    });

  program
    .command("retention")
    .description("liệt kê (và xóa bản lưu) thư quá thời hạn lưu trữ (QT.VP.03 mục 7: ít nhất 3 năm; retentionYears, mặc định 5)")
    .option("--dry-run", "chỉ liệt kê, không xóa")
    .option("--json", "in JSON cho máy đọc")
    .action(async (o: { dryRun?: boolean; json?: boolean }) => {
      const { config } = await h.checked({});
      const [{ loadRegimes }, retention, { openDatabase }, adapters, { createFileArchive }, { parseInstant }, path] = await Promise.all([
        import("./config.ts"), import("./app/retention.ts"), import("./adapters/database.ts"), import("./adapters/prisma-retention.ts"),
        import("./adapters/file-archive.ts"), import("./domain/calendar/index.ts"), import("node:path"),
      ]);
      const years = loadRegimes(config.regimesFile).file.retentionYears;
      const db = await openDatabase(config.databaseUrl, { dataDir: config.dataDir });
      try {
        const archive = createFileArchive(path.join(config.dataDir, "archive"));
        // INTAKE_NOW replaces the clock (contract.md); checked() has already refused a malformed one.
        const now = (config.env.INTAKE_NOW ? parseInstant(config.env.INTAKE_NOW, config.timezone) : null) ?? new Date();
        const r = await retention.applyRetention(
          { store: adapters.createPrismaRetention(db), archive: adapters.createArchiveRemover(archive.resolve) },
          { now, years, zone: config.timezone, dryRun: !!o.dryRun },
        );
        if (!o.json) return void process.stdout.write(`${retention.retentionText(r, config.timezone)}\n`);
        const { formatInstant } = await import("./domain/calendar/index.ts");
        const out = { years: r.years, cutoff: formatInstant(r.cutoff, config.timezone), dryRun: r.dryRun, messages: r.messages.map((m) => ({ messageId: m.messageId, receivedAt: formatInstant(m.receivedAt, config.timezone), from: m.fromAddress, subject: m.subject, removed: m.removed })) };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } finally {
        await db.$disconnect();
      }
    });
}
