/**
 * `intake <command>`: parses arguments and calls the use cases; nothing else. Output for people is Vietnamese;
 * `--json` output is the stable contract (contract.md). Logs go to stderr.
 */
import { userInfo } from "node:os";
import { writeFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { addOfficerCommands } from "./cli-officer.ts";
import { createApp, stopSignal, type App } from "./main.ts";
import { ConfigError } from "./config.ts";
import { PERIOD_KINDS, type PeriodKind } from "./domain/model.ts";
import { pollMailbox } from "./app/poll-mailbox.ts";
import { deliverOutbox, type DeliverySummary } from "./app/deliver-outbox.ts";
import { draftsView, outboxView, statusView, submissionsView } from "./app/views.ts";
import { assignMessage, DecisionError, reviewMessage } from "./app/decide.ts";
import { runDaemon } from "./app/daemon.ts";
import { runDueJobs } from "./app/run-due-jobs.ts";
import { calendarRows } from "./app/calendar-view.ts";
import { laggardsReport } from "./app/laggards.ts";
import { compileDraft } from "./app/compile-draft.ts";
import { renderTable } from "./cli-table.ts";

const defaultUser = () => {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
};

function kindOption(v: string): PeriodKind {
  if (!(PERIOD_KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${PERIOD_KINDS.join(", ")}`);
  return v as PeriodKind;
}

async function withApp<T>(fn: (app: App) => Promise<T>, opts: { daemon?: boolean } = {}): Promise<T> {
  const app = await createApp(opts);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Delivers what the command queued (and any earlier pending mail); SMTP down → a warning, exit 0. */
async function deliverAndReport(app: App): Promise<DeliverySummary> {
  const summary = await deliverOutbox(app.deps);
  if (summary.smtpError) {
    process.stderr.write(`Cảnh báo: chưa gửi được ${summary.pending} thư, thư vẫn nằm trong hàng chờ (intake outbox). Lý do: ${summary.smtpError}\n`);
  }
  return summary;
}

function regimeOf(app: App, id: string | undefined) {
  const regimes = app.deps.settings.regimes;
  const r = id ? regimes.find((x) => x.id === id) : regimes.length === 1 ? regimes[0] : undefined;
  if (!r) throw new DecisionError(id ? `Unknown regime "${id}" (configured: ${regimes.map((x) => x.id).join(", ")}).` : `Give --regime (configured: ${regimes.map((x) => x.id).join(", ")}).`);
  return r;
}

const STATE_VI: Record<string, string> = { on_time: "đúng hạn", late: "muộn", khong_dat: "Không đạt", missing: "chưa gửi" };

export function buildProgram(): Command {
  const program = new Command("intake")
    .description("Trợ lý hộp thư tiếp nhận báo cáo định kỳ (QT.VP.03) — Văn phòng Cục Thông tin đối ngoại")
    .showHelpAfterError();

  program
    .command("run")
    .description("run the daemon: IMAP IDLE intake, replies, reminders, drafts")
    .action(() => withApp((app) => runDaemon(app, { signal: stopSignal() }), { daemon: true }));

  program
    .command("poll")
    .description("one pass over new mail, deliver what it queued, exit")
    .option("--once", "one pass, then exit (the default and only mode of `poll`; the daemon is `intake run`)")
    .action(() =>
      withApp(async (app) => {
        const mailbox = app.openMailbox();
        try {
          const s = await pollMailbox(app.deps, mailbox);
          const d = await deliverAndReport(app);
          process.stdout.write(
            `Đã xem ${s.seen} thư: ${s.processed} thư mới đã xử lý, ${s.ignored} thư bỏ qua, ${s.duplicate} thư trùng, ${s.failed} thư lỗi (sẽ thử lại). Đã gửi ${d.sent} thư trả lời; còn chờ gửi ${d.pending}.\n`,
          );
        } finally {
          await mailbox.close();
        }
      }),
    );

  program
    .command("submissions")
    .description("list received reports and other mail")
    .option("--regime <id>")
    .option("--period <id>")
    .option("--unit <id>")
    .option("--json", "JSON array (contract.md)")
    .action((o: { regime?: string; period?: string; unit?: string; json?: boolean }) =>
      withApp(async (app) => {
        const view = await submissionsView(app.deps, { regime: o.regime, period: o.period, unit: o.unit });
        if (o.json) return void process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        process.stdout.write(
          renderTable(
            ["Nhận lúc", "Đơn vị", "Kỳ", "Trạng thái", "Hạn", "Thiếu", "Từ", "Tiêu đề", "Lý do"],
            view.map((r) => [
              r.receivedAt, r.unit ?? "", r.period ?? "", r.status + (r.latest ? " *" : ""), r.onTime == null ? "" : r.onTime ? "đúng hạn" : "muộn",
              r.missingSections.join(","), r.originalFrom ?? r.from ?? "", r.subject, r.reason ?? "",
            ]),
          ),
        );
      }),
    );

  program
    .command("status")
    .description("one row per unit for a period: on time / late / Không đạt / missing")
    .option("--regime <id>")
    .requiredOption("--period <id>")
    .option("--json")
    .action((o: { regime?: string; period: string; json?: boolean }) =>
      withApp(async (app) => {
        const regime = regimeOf(app, o.regime);
        const st = await statusView(app.deps, regime, o.period);
        if (o.json) return void process.stdout.write(`${JSON.stringify(st, null, 2)}\n`);
        process.stdout.write(
          renderTable(["Đơn vị", "Tình trạng", "Nhận lúc", "Số lần gửi", "Lần gửi mới nhất"], st.map((s) => [s.name, STATE_VI[s.state] ?? s.state, s.receivedAt ?? "", String(s.versions), s.latestVerdict ?? ""])),
        );
      }),
    );

  program
    .command("assign <messageId>")
    .description("a person attributes an unclassified message to a unit and period")
    .requiredOption("--unit <id>")
    .requiredOption("--period <id>")
    .option("--kind <kind>", "report kind when the period id is ambiguous", kindOption)
    .option("--regime <id>")
    .option("--index <n>", "which report of the message (0-based)", (v) => Number.parseInt(v, 10))
    .option("--by <name>", "who decides", defaultUser())
    .action((messageId: string, o: { unit: string; period: string; kind?: PeriodKind; regime?: string; index?: number; by: string }) =>
      withApp(async (app) => {
        const row = await assignMessage(app.deps, { messageId, ...o });
        await deliverAndReport(app);
        process.stdout.write(`Đã gán ${row.messageId} cho ${row.unit}, kỳ ${row.period}: ${row.status}${row.verdict ? ` (${row.verdict})` : ""}.\n`);
      }),
    );

  program
    .command("review <messageId>")
    .description("a person overrules a verdict")
    .option("--dat", "Đạt")
    .option("--khong-dat", "Không đạt")
    .option("--note <text>")
    .option("--index <n>", "which report of the message (0-based)", (v) => Number.parseInt(v, 10))
    .option("--by <name>", "who decides", defaultUser())
    .action((messageId: string, o: { dat?: boolean; khongDat?: boolean; note?: string; index?: number; by: string }) =>
      withApp(async (app) => {
        if (!!o.dat === !!o.khongDat) throw new DecisionError("Give exactly one of --dat or --khong-dat.");
        const row = await reviewMessage(app.deps, { messageId, verdict: o.dat ? "dat" : "khong_dat", note: o.note ?? null, index: o.index, by: o.by });
        await deliverAndReport(app);
        process.stdout.write(`Đã ghi nhận đánh giá ${row.verdict === "dat" ? "Đạt" : "Không đạt"} cho ${row.messageId} (${row.unit}, ${row.period}).\n`);
      }),
    );

  program
    .command("outbox")
    .description("mail waiting, sent and failed")
    .option("--json")
    .option("--deliver", "try to deliver what is due now")
    .action((o: { json?: boolean; deliver?: boolean }) =>
      withApp(async (app) => {
        if (o.deliver) await deliverAndReport(app);
        const rows = await outboxView(app.deps);
        if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        process.stdout.write(renderTable(["Trạng thái", "Loại", "Gửi đến", "Tiêu đề", "Không trước", "Lỗi"], rows.map((r) => [r.state, r.purpose, r.to.join(", "), r.subject, r.notBefore, r.lastError ?? ""])));
      }),
    );

  program
    .command("calendar")
    .description("coming periods and their deadlines")
    .option("--regime <id>")
    .option("--from <date>")
    .option("--to <date>")
    .option("--json")
    .action((o: { regime?: string; from?: string; to?: string; json?: boolean }) =>
      withApp(async (app) => {
        const regime = regimeOf(app, o.regime);
        const rows = calendarRows(app.deps, regime, o.from, o.to);
        if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        process.stdout.write(renderTable(["Loại", "Kỳ", "Đơn vị gửi trước", "Tổng hợp trước", "Gửi dự thảo"], rows.map((r) => [r.label, r.period, r.due, r.compile, r.draftAt])));
      }),
    );

  program
    .command("remind")
    .description("run every scheduled job due now (reminders, chases, laggards summary, drafts), as the daemon would")
    .option("--dry-run", "say what would be sent, send nothing")
    .action((o: { dryRun?: boolean }) =>
      withApp(async (app) => {
        const done = await runDueJobs(app.deps, { dryRun: !!o.dryRun });
        for (const j of done) process.stdout.write(`${o.dryRun ? "[dry-run] " : ""}${j.description}\n`);
        if (!o.dryRun) await deliverAndReport(app);
        if (done.length === 0) process.stdout.write("Không có việc nào đến hạn.\n");
      }),
    );

  program
    .command("laggards")
    .description("who is late, Không đạt or missing for a period")
    .option("--regime <id>")
    .requiredOption("--period <id>")
    .option("--json")
    .action((o: { regime?: string; period: string; json?: boolean }) =>
      withApp(async (app) => {
        const regime = regimeOf(app, o.regime);
        const report = await laggardsReport(app.deps, regime, o.period);
        if (o.json) return void process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
        process.stdout.write(`${report.text}\n`);
      }),
    );

  program
    .command("compile")
    .description("compile the draft of a period (.docx); --send emails it to the Chánh Văn phòng")
    .option("--regime <id>")
    .requiredOption("--period <id>")
    .option("--send")
    .option("--out <file>")
    .action((o: { regime?: string; period: string; send?: boolean; out?: string }) =>
      withApp(async (app) => {
        const regime = regimeOf(app, o.regime);
        const result = await compileDraft(app.deps, { regime, period: o.period, send: !!o.send });
        if (o.out) writeFileSync(o.out, result.docx);
        if (o.send) await deliverAndReport(app);
        process.stdout.write(`${result.description}${o.out ? ` Tệp: ${o.out}` : ""}\n`);
      }),
    );

  program
    .command("drafts")
    .description("compiled drafts, versions and the chief's review")
    .option("--json")
    .action((o: { json?: boolean }) =>
      withApp(async (app) => {
        const rows = await draftsView(app.deps);
        if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        process.stdout.write(renderTable(["Kỳ", "Bản", "Lập lúc", "Đã gửi", "Ý kiến", "Ghi chú"], rows.map((r) => [`${r.regime} ${r.period}`, String(r.version), r.createdAt, r.sentAt ?? "", r.reviewState, r.reviewNote ?? ""])));
      }),
    );

  // Issue 11: check, explain, headings --suggest, outbox --release/--drop.
  addOfficerCommands(program);

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DecisionError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    const e = err as { code?: string; message?: string };
    process.stderr.write(`intake: ${e.code ? `[${e.code}] ` : ""}${e.message ?? String(err)}\n`);
    return 1;
  }
}
