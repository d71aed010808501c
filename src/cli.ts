/**
 * `intake <command>`: parses arguments and calls the use cases; nothing else. Output for people is Vietnamese;
 * `--json` output is the stable contract (contract.md). Logs go to stderr.
 *
 * Issue 9 §6: the heavy parts (Prisma, imapflow, mammoth, docx, the configuration's zod and yaml) are imported
 * inside the command that needs them, so `--help` loads only commander. Issue 9 §5: every option is checked
 * against the configuration before the database opens (cli-input.ts), one line and exit status 2 when wrong.
 */
import { userInfo } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { addOfficerCommands } from "./cli-officer.ts";
import { addRecordsCommands } from "./cli-records.ts";
import { addRequestCommands } from "./cli-requests.ts";
import type { App } from "./main.ts";
import type { Config } from "./config.ts";
import type { DeliverySummary } from "./app/deliver-outbox.ts";
import type { PeriodKind } from "./domain/model.ts";
import type { Regime } from "./domain/regime.ts";
import { DATE_HELP, PERIOD_HELP, UsageError } from "./cli-input.ts";

const KINDS: readonly PeriodKind[] = ["week", "month", "quarter", "half", "year", "plan", "report", "request"];
const REGIME_HELP = "mã chế độ báo cáo trong tệp cấu hình, ví dụ qt-vp-03 (bỏ trống khi chỉ có một chế độ)";
const UNIT_HELP = "mã đơn vị trong tệp cấu hình, ví dụ nvdp";
const JSON_HELP = "in JSON cho máy đọc (thời gian ISO 8601, ví dụ 2026-11-19T15:00:00+07:00)";
const BY_HELP = "người quyết định, ví dụ nguyen.thi.lan (mặc định: tên người dùng hệ điều hành)";
const INDEX_HELP = "báo cáo thứ mấy trong thư, đếm từ 0, ví dụ 1";

const defaultUser = () => {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
};

function kindOption(v: string): PeriodKind {
  if (!(KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`phải là một trong ${KINDS.join(", ")}`);
  return v as PeriodKind;
}

function indexOption(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError("phải là số nguyên không âm, ví dụ 0 hoặc 1");
  return Number.parseInt(v, 10);
}

/** What a command checks before the database opens (cli-input.ts). */
interface Checks {
  regime?: string | undefined;
  /** true: the command works on one regime (given, or the only one configured). */
  needRegime?: boolean;
  period?: string | undefined;
  unit?: string | undefined;
  dates?: Record<string, string | undefined>;
}

/** Loads the configuration and checks the options against it, then INTAKE_NOW; throws UsageError (exit 2). */
async function checked(c: Checks): Promise<{ config: Config; regime: Regime | undefined }> {
  const [{ loadConfig }, input] = await Promise.all([import("./config.ts"), import("./cli-input.ts")]);
  const config = loadConfig(process.env);
  const zone = config.timezone;
  if (config.env.INTAKE_NOW !== undefined) input.checkDate("INTAKE_NOW", config.env.INTAKE_NOW, zone);
  const regime = c.needRegime || c.regime !== undefined ? input.checkRegime(config.regimes, c.regime) : undefined;
  const scope = regime ? [regime] : config.regimes;
  if (c.period !== undefined) input.checkPeriod(scope, c.period, zone);
  if (c.unit !== undefined) input.checkUnit(scope, c.unit);
  for (const [option, text] of Object.entries(c.dates ?? {})) if (text !== undefined) input.checkDate(option, text, zone);
  return { config, regime };
}

async function withApp<T>(config: Config, fn: (app: App) => Promise<T>, opts: { daemon?: boolean } = {}): Promise<T> {
  const { createApp } = await import("./main.ts");
  const app = await createApp({ ...opts, config });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Delivers what the command queued (and any earlier pending mail); SMTP down → a warning, exit 0. */
async function deliverAndReport(app: App): Promise<DeliverySummary> {
  const { deliverOutbox } = await import("./app/deliver-outbox.ts");
  const summary = await deliverOutbox(app.deps);
  if (summary.smtpError) {
    process.stderr.write(`Cảnh báo: chưa gửi được ${summary.pending} thư, thư vẫn nằm trong hàng chờ (intake outbox). Lý do: ${summary.smtpError}\n`);
  }
  return summary;
}

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function buildProgram(): Command {
  const program = new Command("intake")
    .description("Trợ lý hộp thư tiếp nhận báo cáo định kỳ (QT.VP.03) — Văn phòng Cục Thông tin đối ngoại")
    .showHelpAfterError("(xem cách dùng: intake <lệnh> --help)")
    // Usage errors (unknown option, missing --period, a bad --index) come back to runCli: exit status 2.
    .exitOverride();

  program
    .command("run")
    .description("chạy thường trực: nhận thư, trả lời, nhắc hạn, đôn đốc, lập dự thảo")
    .action(async () => {
      const { config } = await checked({});
      const { stopSignal } = await import("./main.ts");
      const { runDaemon } = await import("./app/daemon.ts");
      await withApp(config, (app) => runDaemon(app, { signal: stopSignal() }), { daemon: true });
    });

  program
    .command("poll")
    .description("đọc thư mới một lượt, gửi thư trả lời đã xếp hàng, rồi dừng")
    .option("--once", "một lượt rồi dừng (cách chạy duy nhất của `poll`; chạy thường trực là `intake run`)")
    .action(async () => {
      const { config } = await checked({});
      const [{ pollMailbox }, { progressLine }] = await Promise.all([import("./app/poll-mailbox.ts"), import("./cli-progress.ts")]);
      await withApp(config, async (app) => {
        const mailbox = app.openMailbox();
        const progress = progressLine("thư");
        try {
          const s = await pollMailbox(app.deps, mailbox, undefined, progress.update);
          progress.done();
          const d = await deliverAndReport(app);
          process.stdout.write(
            `Đã xem ${s.seen} thư: ${s.processed} thư mới đã xử lý, ${s.ignored} thư bỏ qua, ${s.duplicate} thư trùng, ${s.failed} thư lỗi (sẽ thử lại). Đã gửi ${d.sent} thư trả lời; còn chờ gửi ${d.pending}.\n`,
          );
        } finally {
          progress.done();
          await mailbox.close();
        }
      });
    });

  program
    .command("submissions")
    .description("danh sách báo cáo và thư đã nhận")
    .option("--regime <id>", REGIME_HELP)
    .option("--period <id>", PERIOD_HELP)
    .option("--unit <id>", UNIT_HELP)
    .option("--json", JSON_HELP)
    .action(async (o: { regime?: string; period?: string; unit?: string; json?: boolean }) => {
      const { config } = await checked({ regime: o.regime, period: o.period, unit: o.unit });
      const [{ submissionsView }, { renderTable }, f] = await Promise.all([import("./app/views.ts"), import("./cli-table.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        const view = await submissionsView(app.deps, { regime: o.regime, period: o.period, unit: o.unit });
        if (o.json) return void json(view);
        const zone = config.timezone;
        process.stdout.write(
          renderTable(
            ["Nhận lúc", "Đơn vị", "Kỳ", "Kết quả", "Thời hạn", "Thiếu mục", "Người gửi", "Tiêu đề", "Lý do"],
            view.map((r) => [
              f.timeVi(r.receivedAt, zone), r.unit ?? "", r.period ?? "", f.submissionStatusVi(r.status) + (r.latest ? " (bản mới nhất)" : ""),
              r.onTime == null ? "" : r.onTime ? "đúng hạn" : "muộn", r.missingSections.join(", "), r.originalFrom ?? r.from ?? "", r.subject, r.reason ?? "",
            ]),
          ),
        );
      });
    });

  program
    .command("status")
    .description("tình hình gửi báo cáo của từng đơn vị trong một kỳ: đúng hạn, muộn, Không đạt, chưa gửi")
    .option("--regime <id>", REGIME_HELP)
    .requiredOption("--period <id>", PERIOD_HELP)
    .option("--kind <kind>", `loại báo cáo khi mã kỳ có thể hiểu nhiều cách: ${KINDS.join(" | ")}`, kindOption)
    .option("--json", JSON_HELP)
    .action(async (o: { regime?: string; period: string; kind?: PeriodKind; json?: boolean }) => {
      const { config, regime } = await checked({ regime: o.regime, needRegime: true, period: o.period });
      const [{ statusView }, { renderTable }, f] = await Promise.all([import("./app/views.ts"), import("./cli-table.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        const st = await statusView(app.deps, regime!, o.period, o.kind);
        if (o.json) return void json(st);
        process.stdout.write(
          renderTable(
            ["Đơn vị", "Tình trạng", "Nhận lúc", "Số lần gửi", "Kết quả lần gửi mới nhất"],
            st.map((s) => [s.name, f.unitStateVi(s.state), f.timeVi(s.receivedAt, config.timezone), String(s.versions), f.verdictVi(s.latestVerdict)]),
          ),
        );
      });
    });

  program
    .command("assign <messageId>")
    .description("gán thư chưa phân loại cho một đơn vị và một kỳ (người quyết định)")
    .requiredOption("--unit <id>", UNIT_HELP)
    .requiredOption("--period <id>", PERIOD_HELP)
    .option("--kind <kind>", `loại báo cáo khi mã kỳ có thể hiểu nhiều cách: ${KINDS.join(" | ")}`, kindOption)
    .option("--regime <id>", REGIME_HELP)
    .option("--index <n>", INDEX_HELP, indexOption)
    .option("--by <name>", BY_HELP, defaultUser())
    .action(async (messageId: string, o: { unit: string; period: string; kind?: PeriodKind; regime?: string; index?: number; by: string }) => {
      // The unit and the period are checked by the use case against the regime they resolve to (assign's own rules).
      const { config } = await checked({ regime: o.regime });
      const [{ assignMessage }, f] = await Promise.all([import("./app/decide.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        const row = await assignMessage(app.deps, { messageId, ...o });
        await deliverAndReport(app);
        process.stdout.write(`Đã gán ${row.messageId} cho ${row.unit}, kỳ ${row.period}: ${f.submissionStatusVi(row.status)}.\n`);
      });
    });

  program
    .command("review <messageId>")
    .description("người có thẩm quyền đánh giá lại kết quả kiểm tra của một thư")
    .option("--dat", "đánh giá Đạt")
    .option("--khong-dat", "đánh giá Không đạt")
    .option("--note <text>", 'ghi chú gửi kèm, ví dụ "Thiếu số liệu mục II"')
    .option("--index <n>", INDEX_HELP, indexOption)
    .option("--by <name>", BY_HELP, defaultUser())
    .action(async (messageId: string, o: { dat?: boolean; khongDat?: boolean; note?: string; index?: number; by: string }) => {
      if (!!o.dat === !!o.khongDat) throw new UsageError("Give exactly one of --dat or --khong-dat.");
      const { config } = await checked({});
      const { reviewMessage } = await import("./app/decide.ts");
      await withApp(config, async (app) => {
        const row = await reviewMessage(app.deps, { messageId, verdict: o.dat ? "dat" : "khong_dat", note: o.note ?? null, index: o.index, by: o.by });
        await deliverAndReport(app);
        process.stdout.write(`Đã ghi nhận đánh giá ${row.verdict === "dat" ? "Đạt" : "Không đạt"} cho ${row.messageId} (${row.unit}, ${row.period}).\n`);
      });
    });

  program
    .command("outbox")
    .description("thư chờ gửi, đã gửi và gửi lỗi")
    .option("--json", JSON_HELP)
    .option("--deliver", "gửi ngay những thư đã đến giờ gửi")
    .action(async (o: { json?: boolean; deliver?: boolean }) => {
      const { config } = await checked({});
      const [{ outboxView }, { renderTable }, f] = await Promise.all([import("./app/views.ts"), import("./cli-table.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        if (o.deliver) await deliverAndReport(app);
        const rows = await outboxView(app.deps);
        if (o.json) return void json(rows);
        process.stdout.write(
          renderTable(
            ["Trạng thái", "Loại thư", "Gửi đến", "Tiêu đề", "Gửi từ", "Lỗi"],
            rows.map((r) => [f.outboxStateVi(r.state), f.purposeVi(r.purpose), r.to.join(", "), r.subject, f.timeVi(r.notBefore, config.timezone), r.lastError ?? ""]),
          ),
        );
      });
    });

  program
    .command("calendar")
    .description("các kỳ báo cáo sắp tới và thời hạn; mặc định từ kỳ đang chờ gửi dự thảo")
    .option("--regime <id>", REGIME_HELP)
    .option("--from <date>", `từ ngày (${DATE_HELP})`)
    .option("--to <date>", `đến ngày (${DATE_HELP})`)
    .option("--json", JSON_HELP)
    .action(async (o: { regime?: string; from?: string; to?: string; json?: boolean }) => {
      const { config, regime } = await checked({ regime: o.regime, needRegime: true, dates: { "--from": o.from, "--to": o.to } });
      const [{ calendarRows }, { renderTable }, f] = await Promise.all([import("./app/calendar-view.ts"), import("./cli-table.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        const rows = calendarRows(app.deps, regime!, o.from, o.to);
        if (o.json) return void json(rows);
        const t = (iso: string) => f.timeVi(iso, config.timezone);
        process.stdout.write(
          renderTable(["Loại", "Kỳ", "Đơn vị gửi trước", "Tổng hợp trước", "Gửi dự thảo"], rows.map((r) => [r.label, r.period, t(r.due), t(r.compile), t(r.draftAt)])),
        );
      });
    });

  program
    .command("remind")
    .description("chạy mọi việc đã đến giờ (nhắc hạn, đôn đốc, tổng hợp đơn vị chậm, dự thảo) như tiến trình thường trực")
    .option("--dry-run", "chỉ liệt kê thư sẽ gửi, không gửi gì")
    .action(async (o: { dryRun?: boolean }) => {
      const { config } = await checked({});
      const { runDueJobs } = await import("./app/run-due-jobs.ts");
      await withApp(config, async (app) => {
        const done = await runDueJobs(app.deps, { dryRun: !!o.dryRun });
        for (const j of done) process.stdout.write(`${o.dryRun ? "[dry-run] " : ""}${j.description}\n`);
        if (!o.dryRun) await deliverAndReport(app);
        if (done.length === 0) process.stdout.write("Không có việc nào đến hạn.\n");
      });
    });

  program
    .command("laggards")
    .description("đơn vị gửi muộn, Không đạt hoặc chưa gửi trong một kỳ")
    .option("--regime <id>", REGIME_HELP)
    .requiredOption("--period <id>", PERIOD_HELP)
    .option("--kind <kind>", `loại báo cáo khi mã kỳ có thể hiểu nhiều cách: ${KINDS.join(" | ")}`, kindOption)
    .option("--json", JSON_HELP)
    .action(async (o: { regime?: string; period: string; kind?: PeriodKind; json?: boolean }) => {
      const { config, regime } = await checked({ regime: o.regime, needRegime: true, period: o.period });
      const { laggardsReport } = await import("./app/laggards.ts");
      await withApp(config, async (app) => {
        const report = await laggardsReport(app.deps, regime!, o.period, o.kind);
        if (o.json) return void json(report.json);
        process.stdout.write(`${report.text}\n`);
      });
    });

  program
    .command("compile")
    .description("lập dự thảo báo cáo tổng hợp của một kỳ (.docx); --send gửi Chánh Văn phòng")
    .option("--regime <id>", REGIME_HELP)
    .requiredOption("--period <id>", PERIOD_HELP)
    .option("--kind <kind>", `loại báo cáo khi mã kỳ có thể hiểu nhiều cách: ${KINDS.join(" | ")}`, kindOption)
    .option("--send", "đưa dự thảo vào hàng chờ gửi Chánh Văn phòng và gửi")
    .option("--out <file>", "ghi dự thảo ra tệp, ví dụ du-thao-2026-W47.docx")
    .option("--allow-empty", "vẫn gửi khi kỳ chưa có báo cáo nào Đạt (mặc định: không gửi dự thảo rỗng)")
    .action(async (o: { regime?: string; period: string; kind?: PeriodKind; send?: boolean; out?: string; allowEmpty?: boolean }) => {
      const { config, regime } = await checked({ regime: o.regime, needRegime: true, period: o.period });
      const [{ compileDraft }, { writeFileSync }, { progressLine }] = await Promise.all([import("./app/compile-draft.ts"), import("node:fs"), import("./cli-progress.ts")]);
      await withApp(config, async (app) => {
        // Reading the reports, writing the .docx, each unit's originals: on a terminal only (cli-progress.ts).
        const progress = progressLine("bước");
        const result = await compileDraft(app.deps, {
          regime: regime!, period: o.period, kind: o.kind, send: !!o.send, allowEmpty: !!o.allowEmpty, onProgress: progress.update,
        }).finally(() => progress.done());
        if (o.out) writeFileSync(o.out, result.docx);
        if (o.send) await deliverAndReport(app);
        process.stdout.write(`${result.description} Tệp: ${o.out ?? result.file}\n`);
      });
    });

  program
    .command("drafts")
    .description("các bản dự thảo đã lập, thời điểm gửi và ý kiến của Chánh Văn phòng")
    .option("--json", JSON_HELP)
    .action(async (o: { json?: boolean }) => {
      const { config } = await checked({});
      const [{ draftsView }, { renderTable }, f] = await Promise.all([import("./app/views.ts"), import("./cli-table.ts"), import("./cli-format.ts")]);
      await withApp(config, async (app) => {
        const rows = await draftsView(app.deps);
        if (o.json) return void json(rows);
        const t = (iso: string | null) => f.timeVi(iso, config.timezone);
        process.stdout.write(
          renderTable(
            ["Kỳ", "Bản", "Lập lúc", "Đã gửi", "Ý kiến", "Ghi chú"],
            rows.map((r) => [`${r.regime} ${r.period}`, String(r.version), t(r.createdAt), r.sentAt ? t(r.sentAt) : "chưa gửi", f.reviewVi(r.reviewState), r.reviewNote ?? ""]),
          ),
        );
      });
    });

  // Issue 11: check, explain, headings --suggest, outbox --release/--drop.
  addOfficerCommands(program);
  // Issue 10: tracking, kpi, retention.
  addRecordsCommands(program, { checked, withApp: (config, fn) => withApp(config, fn), usage: (m) => new UsageError(m), deliver: deliverAndReport });
  // Issue 10 item 4: ad-hoc requests.
  addRequestCommands(program, { checked, withApp: (config, fn) => withApp(config, fn), usage: (m) => new UsageError(m), deliver: deliverAndReport, defaultUser: defaultUser() });

  return program;
}

/** Errors that are the user's to fix (configuration, arguments, a decision that cannot be taken): exit 2. */
const USAGE_ERRORS = new Set(["ConfigError", "DecisionError", "UsageError"]);

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string; exitCode?: number };
    // commander has already printed its message (or the help); --help and --version are not errors.
    if (e.name === "CommanderError" || e.code?.startsWith("commander.")) return e.exitCode === 0 ? 0 : 2;
    if (e.name && USAGE_ERRORS.has(e.name)) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    // A database or data folder the command cannot use: one line naming the path or host (database.ts).
    if (e.code === "ESETUP") {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`intake: ${e.code ? `[${e.code}] ` : ""}${e.message ?? String(err)}\n`);
    return 1;
  }
}
