/**
 * DATA_DIR, the folder of the embedded default (SQLite, Maildir, outbox, archive): created when missing (a fresh
 * install's ./var), refused with its path when it is a file or cannot be created (issue 9 §5: one line, exit 2).
 */
import { mkdirSync, statSync } from "node:fs";
import { IntakeError } from "./errors.ts";

export function ensureDataDir(dir: string): void {
  let isDir: boolean | null = null;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = null;
  }
  if (isDir === false) {
    throw new IntakeError("ESETUP", `DATA_DIR ${dir} là một tệp, không phải thư mục; đặt DATA_DIR trỏ tới một thư mục (ví dụ ./var).`, { transient: false });
  }
  if (isDir) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new IntakeError("ESETUP", `Không tạo được thư mục dữ liệu DATA_DIR ${dir} (${code}); kiểm tra quyền ghi hoặc đặt DATA_DIR khác.`, { cause: err, transient: false });
  }
}
