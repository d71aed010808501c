/**
 * The body of a document worker process (see document-worker.ts): reads the files it is sent with the ordinary
 * reader and sends the outcome back over the IPC channel. Runs with a bounded V8 heap (--max-old-space-size), so
 * a file that exhausts memory or never finishes costs this process only.
 */
import type { Logger } from "../app/ports.ts";
import { createDocumentReader, type DocumentReaderOptions } from "./document-reader.ts";

/** What the pool sends: the reader's options once, then files to read. */
export type WorkerRequest =
  | { type: "init"; options: DocumentReaderOptions }
  | { type: "read"; id: number; filename: string; contentType: string; content: Uint8Array };

export type WorkerReply =
  | { type: "ready" }
  | { type: "done"; id: number; read: unknown }
  | { type: "log"; level: "debug" | "info" | "warn" | "error"; obj: object; msg?: string };

const send = (reply: WorkerReply): void => {
  process.send?.(reply);
};

/** Log lines go to the parent's logger; errors are sent as text. */
function ipcLogger(bindings: object = {}): Logger {
  const log = (level: "debug" | "info" | "warn" | "error") => (obj: object, msg?: string) => {
    const plain = Object.fromEntries(Object.entries({ ...bindings, ...obj }).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
    send({ type: "log", level, obj: plain, ...(msg !== undefined ? { msg } : {}) });
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error"), child: (b) => ipcLogger({ ...bindings, ...b }) };
}

if (!process.send) throw new Error("document-worker-child.ts runs only as a forked worker process");

let reader: ReturnType<typeof createDocumentReader> | null = null;

process.on("message", (request: WorkerRequest) => {
  if (request.type === "init") {
    reader = createDocumentReader({ ...request.options, logger: ipcLogger() });
    send({ type: "ready" });
    return;
  }
  const content = Buffer.from(request.content.buffer, request.content.byteOffset, request.content.byteLength);
  void reader!.read({ filename: request.filename, contentType: request.contentType, content }).then((read) => {
    send({ type: "done", id: request.id, read });
  });
});
// The parent gone (killed, or the daemon ended): nothing left to read for.
process.on("disconnect", () => process.exit(0));
