/**
 * `intake request` (issue 10 item 4): an ad-hoc (đột xuất) report request to units. Arguments only; the use case is
 * src/app/request.ts.
 */
import type { Command } from "commander";
import type { App } from "./main.ts";
import type { Config } from "./config.ts";
import type { Regime } from "./domain/regime.ts";

export interface RequestCliHelpers {
  checked(c: { regime?: string | undefined; needRegime?: boolean; dates?: Record<string, string | undefined> }): Promise<{ config: Config; regime: Regime | undefined }>;
  withApp<T>(config: Config, fn: (app: App) => Promise<T>): Promise<T>;
  usage(message: string): Error;
  /** Delivers what a command queued (SMTP down: a warning, exit 0). */
  deliver(app: App): Promise<unknown>;
  defaultUser: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".doc": "application/msword",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".odt": "application/vnd.oasis.opendocument.text",
};

const ids = (v: string | undefined): string[] | undefined =>
  v === undefined || v.trim() === "all" ? undefined : v.split(",").map((s) => s.trim()).filter(Boolean);

export function addRequestCommands(program: Command, h: RequestCliHelpers): void {
  program
    .command("request")
    .description("gửi yêu cầu báo cáo đột xuất cho các đơn vị (mã yêu cầu YC-năm-số trong tiêu đề thư) và theo dõi các báo cáo trả lời")
    .option("--regime <id>", "mã chế độ báo cáo của các đơn vị được yêu cầu, ví dụ qt-vp-03")
    .requiredOption("--title <text>", 'nội dung yêu cầu, ví dụ "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh"')
    .requiredOption("--deadline <time>", "thời hạn gửi, giờ Việt Nam, ví dụ 2026-12-04T17:00")
    .option("--units <ids>", "all (mặc định) hoặc mã các đơn vị, cách nhau bởi dấu phẩy, ví dụ nvdp,ttdn")
    .option("--attach <file>", "tệp văn bản yêu cầu gửi kèm, ví dụ cong-van-yeu-cau.pdf")
    .option("--sections <ids>", "mã các nội dung báo cáo phải có, cách nhau bởi dấu phẩy (mặc định: các mục bắt buộc của chế độ)")
    .option("--by <name>", "người, đơn vị yêu cầu báo cáo, ví dụ \"Lãnh đạo Cục\"", h.defaultUser)
    .action(async (o: { regime?: string; title: string; deadline: string; units?: string; attach?: string; sections?: string; by: string }) => {
      const { config, regime } = await h.checked({ regime: o.regime, needRegime: true, dates: { "--deadline": o.deadline } });
      const [{ issueRequest }, { checkDate }, fs, path] = await Promise.all([
        import("./app/request.ts"), import("./cli-input.ts"), import("node:fs"), import("node:path"),
      ]);
      const deadline = checkDate("--deadline", o.deadline, config.timezone);
      let attachment: { filename: string; contentType: string; content: Buffer } | undefined;
      if (o.attach) {
        if (!fs.existsSync(o.attach)) throw h.usage(`--attach: không tìm thấy tệp "${o.attach}"`);
        const filename = path.basename(o.attach);
        attachment = { filename, contentType: CONTENT_TYPES[path.extname(filename).toLowerCase()] ?? "application/octet-stream", content: fs.readFileSync(o.attach) };
      }
      await h.withApp(config, async (app) => {
        const units = ids(o.units);
        const sections = ids(o.sections);
        const result = await issueRequest(app.deps, {
          regime: regime!, title: o.title, deadline, by: o.by,
          ...(units ? { units } : {}), ...(sections ? { sections } : {}), ...(attachment ? { attachment } : {}),
        });
        await h.deliver(app);
        process.stdout.write(`${result.description}\n`);
      });
    });
}
