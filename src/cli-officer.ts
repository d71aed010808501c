/**
 * The officer's commands (issue 11): `check`, `explain`, `headings --suggest`, and `outbox --release/--drop`.
 * Arguments only; the use cases are in src/app. Heavy modules are imported inside each command (issue 9 §6).
 * `check` opens no database: it is built from `createReader`, which has no store at all.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { CheckInput } from "./app/check-files.ts";

const DOCUMENT_EXT = new Set([".docx", ".doc", ".odt", ".rtf", ".pdf"]);
const CONTENT_TYPES: Record<string, string> = {
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".doc": "application/msword",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".rtf": "application/rtf",
  ".pdf": "application/pdf",
};

const defaultUser = () => {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
};

/** The files named, folders walked (sorted, so the output is stable); a missing file is a bad argument. */
async function inputsOf(args: string[]): Promise<CheckInput[]> {
  const { CheckError } = await import("./app/check-files.ts");
  const out: CheckInput[] = [];
  const add = (file: string, explicit: boolean) => {
    const ext = path.extname(file).toLowerCase();
    if (ext === ".eml") out.push({ file, content: readFileSync(file), kind: "eml" });
    else if (DOCUMENT_EXT.has(ext)) out.push({ file, content: readFileSync(file), kind: "document", contentType: CONTENT_TYPES[ext]! });
    else if (explicit) throw new CheckError(`${file}: không phải thư .eml hay văn bản .docx/.doc/.odt/.rtf/.pdf`);
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else add(p, false);
    }
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new CheckError(`${a}: không tìm thấy tệp hoặc thư mục`);
    }
    if (st.isDirectory()) walk(a);
    else add(a, true);
  }
  if (out.length === 0) throw new CheckError(`Không có tệp .eml, .docx, .doc, .odt, .rtf hay .pdf nào trong ${args.join(", ")}`);
  return out;
}

const print = (json: boolean, value: unknown, text: () => string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text());

export function addOfficerCommands(program: Command): void {
  program
    .command("check <files...>")
    .description("xem hệ thống đọc thư .eml hoặc văn bản (.docx, .doc, .odt, .rtf, .pdf, hay cả thư mục) thế nào; không ghi gì, không gửi gì")
    .option("--regime <id>", "chỉ đối chiếu với chế độ báo cáo này, ví dụ qt-vp-03")
    .option("--at <time>", "thời điểm nhận, ví dụ 2026-11-19T14:59 (mặc định: ngày giờ trong thư .eml, hoặc bây giờ)")
    .option("--json", "in JSON cho máy đọc")
    .action(async (files: string[], o: { regime?: string; at?: string; json?: boolean }) => {
      const [{ createReader }, { checkFiles, CheckError, regimesFor }, { checkText }, { parseInstant }, { progressLine }] = await Promise.all([
        import("./main.ts"), import("./app/check-files.ts"), import("./app/check-text.ts"), import("./domain/calendar/index.ts"), import("./cli-progress.ts"),
      ]);
      const reader = await createReader();
      const zone = reader.config.timezone;
      regimesFor(reader.deps, o.regime);
      const at = o.at === undefined ? undefined : parseInstant(o.at, zone);
      if (at === null) throw new CheckError(`--at: "${o.at}" không phải ngày giờ ISO, ví dụ 2026-11-19T14:59`);
      const now = reader.config.env.INTAKE_NOW ? (parseInstant(reader.config.env.INTAKE_NOW, zone) ?? new Date()) : new Date();
      const inputs = await inputsOf(files);
      // A folder of many files takes a while: progress on a terminal, nothing when piped (cli-progress.ts).
      const progress = progressLine("tệp");
      const results = await checkFiles(reader.deps, inputs, { ...(o.regime ? { regime: o.regime } : {}), ...(at ? { at } : {}), now, ...(inputs.length > 1 ? { onProgress: progress.update } : {}) }).finally(() => progress.done());
      print(!!o.json, results, () => checkText(results));
    });

  program
    .command("explain <messageId>")
    .description("giải thích quyết định về một thư đã nhận: cách đọc, thư đã gửi, thao tác của chuyên viên")
    .option("--json", "in JSON cho máy đọc")
    .action(async (messageId: string, o: { json?: boolean }) => {
      const [{ createApp }, { explainMessage }, { explainText }] = await Promise.all([import("./main.ts"), import("./app/explain.ts"), import("./app/check-text.ts")]);
      const app = await createApp();
      try {
        const x = await explainMessage(app.deps, messageId);
        print(!!o.json, x, () => explainText(x));
      } finally {
        await app.close();
      }
    });

  program
    .command("headings")
    .description("đề mục của đơn vị mà hệ thống chưa nhận ra, và các dòng cần thêm vào tệp cấu hình")
    .option("--suggest", "liệt kê đề mục đề nghị thêm (mặc định)")
    .option("--regime <id>", "chế độ báo cáo, ví dụ qt-vp-03")
    .option("--json", "in JSON cho máy đọc")
    .action(async (o: { regime?: string; json?: boolean }) => {
      const [{ createApp }, { suggestHeadings }, { suggestionsText }] = await Promise.all([import("./main.ts"), import("./app/suggest-headings.ts"), import("./app/check-text.ts")]);
      const app = await createApp();
      try {
        const s = await suggestHeadings(app.deps, o.regime ? { regime: o.regime } : {});
        print(!!o.json, s, () => suggestionsText(s));
      } finally {
        await app.close();
      }
    });

  // `outbox --release ID|--all`, `outbox --drop ID [--note …]`: done before the outbox is listed, so the listing
  // shows the result; a released reply goes through the same outbox delivery as any mail.
  const outbox = program.commands.find((c) => c.name() === "outbox");
  if (!outbox) return;
  outbox
    .option("--release [id]", "duyệt gửi thư trả lời đang chờ duyệt (mã trong hàng chờ); với --all: mọi thư đang chờ duyệt")
    .option("--all", "cùng --release: mọi thư đang chờ duyệt")
    .option("--drop <id>", "hủy thư trả lời đang chờ duyệt (mã trong hàng chờ)")
    .option("--note <text>", "lý do hủy")
    .option("--by <name>", "người quyết định (mặc định: tên người dùng hệ điều hành)")
    .hook("preAction", async (_self, action) => {
      const o = action.opts<{ release?: string | boolean; all?: boolean; drop?: string; note?: string; by?: string; json?: boolean }>();
      if (o.release === undefined && o.drop === undefined) return;
      const { CheckError } = await import("./app/check-files.ts");
      const idOf = (v: string) => {
        if (!/^\d+$/.test(v)) throw new CheckError(`"${v}" không phải mã thư trong hàng chờ (một số, xem intake outbox --json, trường id)`);
        return Number(v);
      };
      if (o.release !== undefined && o.release === true && !o.all) throw new CheckError("Ghi mã thư: --release ID, hoặc --release --all");
      const release = o.release;
      const ids = release === undefined ? null : release === true || o.all ? ("all" as const) : [idOf(String(release))];
      const dropId = o.drop === undefined ? null : idOf(o.drop);
      const [{ createApp }, held, { deliverOutbox }] = await Promise.all([import("./main.ts"), import("./app/held-replies.ts"), import("./app/deliver-outbox.ts")]);
      const app = await createApp();
      try {
        const by = o.by ?? defaultUser();
        const results = [
          ...(ids ? await held.releaseHeld(app.deps, { ids, by }) : []),
          ...(dropId !== null ? [await held.dropHeld(app.deps, { id: dropId, note: o.note ?? null, by })] : []),
        ];
        const summary = await deliverOutbox(app.deps);
        const lines = results.length ? results.map((r) => `Thư mã ${r.id}: ${r.text}`) : ["Không có thư nào đang chờ duyệt."];
        if (summary.smtpError) lines.push(`Cảnh báo: chưa gửi được ${summary.pending} thư, thư vẫn nằm trong hàng chờ. Lý do: ${summary.smtpError}`);
        (o.json ? process.stderr : process.stdout).write(`${lines.join("\n")}\n`);
      } finally {
        await app.close();
      }
    });
}
