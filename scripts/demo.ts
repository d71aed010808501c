/**
 * `npm run demo`: one QT.VP.03 week on the embedded default, with nothing to configure. It fills a fresh
 * ./var/demo (and removes only that folder), drops the week's mail into ./var/demo/mail as a mail server would,
 * runs the pipeline with the `intake` command at a fixed time (Monday 21/09/2026 07:45, the morning the draft is
 * due): poll, remind, compile --send; then prints who sent what, the verdicts, and where the replies and the draft
 * are. Run it again at will: it starts from scratch each time.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { parse, stringify } from "yaml";
import { renderTable } from "../src/cli-table.ts";
import { demoWeek, deliverToMaildir } from "./demo-week.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEMO = path.resolve(process.env.DEMO_DIR ?? path.join(ROOT, "var", "demo"));
const NOW = "2026-09-21T07:45:00";
const PERIOD = "2026-W38";
const DRAFT = path.join(DEMO, `du-thao-bao-cao-tuan-38-2026.docx`);

/**
 * Wipes only ./var/demo, or a folder an earlier demo made (its marker file), or an empty one: DEMO_DIR may point
 * elsewhere (the tests do), and must never empty someone's folder.
 */
function freshFolder(dir: string): void {
  const ours = dir === path.join(ROOT, "var", "demo") || existsSync(path.join(dir, ".intake-demo"));
  if (!ours && existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} không phải thư mục của bản minh hoạ (không có tệp .intake-demo), không xoá`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, ".intake-demo"), "Thư mục của `npm run demo`: xoá và tạo lại mỗi lần chạy.\n");
}

function intakeEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? DEMO,
    DATA_DIR: DEMO,
    REGIMES_FILE: path.join(DEMO, "regimes.yaml"),
    INTAKE_NOW: NOW,
    INTAKE_ENV_FILE: "none",
    LOG_LEVEL: "warn",
  };
}

/** A read-only command, run beside others. */
function intakeAsync(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "intake.js"), ...args], { cwd: DEMO, env: intakeEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`intake ${args.join(" ")} exited ${code}:\n${stdout}\n${stderr}`))));
  });
}

function intake(args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "intake.js"), ...args], { cwd: DEMO, env: intakeEnv(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`intake ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface Row {
  unit: string | null; from: string | null; subject: string; receivedAt: string; status: string; verdict: string | null;
  onTime: boolean | null; missingSections: string[]; reason: string | null;
}

const STATUS_VI: Record<string, string> = {
  accepted: "Đạt", rejected: "Không đạt", unclassified: "chờ người xem", ignored: "bỏ qua", failed: "lỗi, sẽ thử lại",
};

async function main(): Promise<void> {
  const started = Date.now();
  freshFolder(DEMO);
  // The shipped example with one addition: the bot is taken to have gone live on Monday 14/09, so the week's
  // mail (already in the mailbox when the demo starts) is answered. Without it, mail older than the first start
  // is recorded and never answered.
  const regimes = parse(readFileSync(path.join(ROOT, "templates", "regimes.example.yaml"), "utf8")) as Record<string, unknown>;
  regimes.answerSince = "2026-09-14T00:00:00+07:00";
  writeFileSync(path.join(DEMO, "regimes.yaml"), stringify(regimes));

  const maildir = path.join(DEMO, "mail");
  const week = await demoWeek();
  week.forEach((m, i) => deliverToMaildir(maildir, m, i + 1));

  const steps = [
    ["poll", "--once"],
    ["remind"],
    ["compile", "--period", PERIOD, "--send", "--out", DRAFT],
  ];
  const log: string[] = [];
  for (const s of steps) log.push(`$ intake ${s.join(" ")}\n${intake(s).trim()}`);
  const [submissions, tracking] = await Promise.all([intakeAsync(["submissions", "--json"]), intakeAsync(["status", "--period", PERIOD])]);
  const rows = JSON.parse(submissions) as Row[];

  const outbox = path.join(DEMO, "outbox");
  const sent = await Promise.all(
    (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort() : []).map(async (f) => {
      const mail = await simpleParser(readFileSync(path.join(outbox, f)));
      const to = [mail.to].flat().flatMap((a) => a?.value ?? []).map((a) => a.address ?? "").join(", ");
      return { file: path.join(outbox, f), to, subject: mail.subject ?? "" };
    }),
  );
  // Replies first, then the chase, then the draft to the chief (the files' names all carry the same time).
  const rank = (s: { subject: string }) => (s.subject.startsWith("Re:") ? 0 : s.subject.startsWith("Dự thảo") ? 2 : 1);
  sent.sort((a, b) => rank(a) - rank(b) || a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject));

  const out = process.stdout;
  out.write(`\nMinh hoạ một tuần báo cáo QT.VP.03 (tuần ${PERIOD}, hạn gửi 15 giờ 00 Thứ Năm 17/09/2026), chạy lúc ${NOW.replace("T", " ")}.\n\n`);
  out.write(`${log.join("\n\n")}\n\n`);
  out.write("Thư nhận được:\n");
  out.write(renderTable(
    ["Nhận lúc", "Người gửi", "Đơn vị", "Tiêu đề", "Kết quả", "Đúng hạn", "Ghi chú"],
    rows.map((r) => [
      r.receivedAt.slice(0, 16).replace("T", " "), r.from ?? "", r.unit ?? "", r.subject, STATUS_VI[r.status] ?? r.status,
      r.onTime === null ? "" : r.onTime ? "đúng hạn" : "muộn",
      r.missingSections.length ? `thiếu: ${r.missingSections.join(", ")}` : r.status === "ignored" ? (r.reason ?? "").split(":")[0]! : "",
    ]),
  ));
  out.write(`\nTình hình gửi báo cáo tuần 38/2026 (intake status --period ${PERIOD}):\n${tracking}`);
  out.write("\nThư bot đã gửi (ghi thành tệp .eml thay vì gửi đi; mở được bằng Thunderbird, Outlook):\n");
  out.write(renderTable(["Gửi tới", "Tiêu đề"], sent.map((s) => [s.to, s.subject])));
  for (const s of sent) out.write(`  ${s.file}\n`);
  out.write(`\nDự thảo báo cáo tổng hợp: ${DRAFT}\n`);
  out.write(`Hộp thư (Maildir): ${maildir}\nThư đi: ${outbox}\nCơ sở dữ liệu: ${path.join(DEMO, "intake.db")}\n`);
  out.write(`Xem thêm: DATA_DIR=${DEMO} REGIMES_FILE=${path.join(DEMO, "regimes.yaml")} INTAKE_NOW=${NOW} npx intake status --period ${PERIOD}\n`);
  out.write(`(${((Date.now() - started) / 1000).toFixed(1)} giây)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Không chạy được bản minh hoạ: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
