/**
 * DocumentReader that reads in worker processes (issue 13 §1, §4): each worker runs with a bounded V8 heap and is
 * killed when a document takes longer than the time limit, so a zip bomb, a file that exhausts memory or one that
 * never finishes costs that worker, never the daemon. A small pool (one worker a core by default) reads a backlog's
 * documents in parallel; files are handed out in the order they were asked for.
 *
 * Processes, not worker_threads: a thread's `resourceLimits` is best-effort, and a single large allocation in a
 * thread (a long string, a large array) aborts the whole process with "FATAL ERROR: Reached heap limit"
 * (nodejs/node#47224, #65019), which is exactly what a zip bomb does. A child process that aborts is only a child;
 * its memory is also not the daemon's RSS.
 *
 * Outcomes over a limit are values: `timeout` (killed at `documentMs`), `too_large` (the worker ran out of memory),
 * `zip_bomb` (found by the reader's ZIP guard before anything inflates).
 *
 * Running the worker: from the TypeScript sources (tsx in the CLI, vitest in tests) the entry is a `.ts` file, so
 * the child is started with tsx's loader (`--import tsx`, resolved to a file URL so the working directory does not
 * matter). Built to JavaScript (this file ends in `.js`), the child runs the `.js` entry with plain Node.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DocumentInput, DocumentReader, Logger } from "../app/ports.ts";
import type { DocumentRead } from "../domain/model.ts";
import { extensionOf, formatOf, type DocumentReaderOptions } from "./document-reader.ts";
import type { WorkerReply, WorkerRequest } from "./document-worker-child.ts";
import { DEFAULT_LIMITS, type ResourceLimits } from "./limits.ts";

export interface WorkerReaderOptions extends Omit<DocumentReaderOptions, "logger" | "limits" | "timeoutMs"> {
  limits?: Partial<ResourceLimits>;
  /** Workers in the pool; default the number of cores. */
  concurrency?: number;
  /** The workers' environment; default this process's (tests pass TSX_DISABLE_CACHE=1: tsx caches in the temp folder). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** A DocumentReader backed by worker processes; `close()` ends them. */
export interface WorkerDocumentReader extends DocumentReader {
  close(): Promise<void>;
}

const TYPESCRIPT = import.meta.url.endsWith(".ts");
const ENTRY = fileURLToPath(new URL(TYPESCRIPT ? "./document-worker-child.ts" : "./document-worker-child.js", import.meta.url));

/** Node flags for the child: tsx's loader when the entry is TypeScript. */
function loaderArgs(): string[] {
  if (!TYPESCRIPT) return [];
  // package.json "exports" → "." is the loader `node --import tsx` uses.
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, unknown> };
  const main = typeof manifest.exports["."] === "string" ? (manifest.exports["."] as string) : "./dist/loader.mjs";
  return ["--import", pathToFileURL(path.join(path.dirname(manifestPath), main)).href];
}

interface Pending {
  id: number;
  file: DocumentInput;
  resolve: (read: DocumentRead) => void;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  task: Pending | null;
  timer: NodeJS.Timeout | null;
  stderr: string;
}

/** Builds the pooled, process-backed reader. */
export function createWorkerDocumentReader(opts: WorkerReaderOptions = {}): WorkerDocumentReader {
  const limits: ResourceLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const size = Math.max(1, opts.concurrency ?? availableParallelism());
  const execArgv = [...loaderArgs(), `--max-old-space-size=${limits.workerHeapMb}`];
  // Conversions inside the worker end a little before the worker is killed, so LibreOffice's process group is
  // killed by its own timeout (office-convert.ts) rather than left behind.
  const readerOptions: DocumentReaderOptions = {
    timeoutMs: Math.max(1_000, limits.documentMs - 1_000),
    limits,
    ...(opts.sofficePath !== undefined ? { sofficePath: opts.sofficePath } : {}),
    ...(opts.pdftotextPath !== undefined ? { pdftotextPath: opts.pdftotextPath } : {}),
  };
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const failure = (file: DocumentInput, problem: "timeout" | "too_large" | "corrupt", detail: string): DocumentRead => ({
    ok: false,
    format: formatOf(file.filename, file.contentType) || extensionOf(file.filename) || "unknown",
    problem,
    detail,
  });

  function finish(slot: Slot, read: DocumentRead): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    task?.resolve(read);
  }

  /** Takes a worker out of the pool (it is killed, or it died), answering its file with `read`. */
  function retire(slot: Slot, read: DocumentRead | null): void {
    if (!slots.delete(slot)) return;
    if (slot.task && read) finish(slot, read);
    // A worker that could not even start (a broken install): fail one waiting file, so the pool never spins.
    const waiting = !slot.ready ? queue.shift() : undefined;
    if (waiting) waiting.resolve(failure(waiting.file, "corrupt", `document worker could not start: ${slot.stderr.trim().slice(-300)}`));
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill("SIGKILL");
    pump();
  }

  function spawn(): void {
    const child = fork(ENTRY, [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"], ...(opts.env ? { env: opts.env } : {}) });
    const slot: Slot = { child, ready: false, task: null, timer: null, stderr: "" };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-4_000);
    });
    child.on("message", (reply: WorkerReply) => {
      if (reply.type === "ready") {
        slot.ready = true;
        pump();
      } else if (reply.type === "done") {
        if (slot.task?.id === reply.id) finish(slot, reply.read as DocumentRead);
        pump();
      } else if (reply.type === "log") {
        opts.logger?.[reply.level](reply.obj, reply.msg);
      }
    });
    child.on("error", (err) => {
      opts.logger?.warn({ err }, "document worker failed");
      retire(slot, slot.task ? failure(slot.task.file, "corrupt", `document worker: ${err.message}`) : null);
    });
    child.on("exit", (code, signal) => {
      if (!slots.has(slot)) return;
      // V8 aborts (SIGABRT, or exit 134 through a shell) when the heap limit is reached.
      const oom = signal === "SIGABRT" || code === 134 || /heap out of memory|Allocation failed/.test(slot.stderr);
      opts.logger?.warn({ code, signal, filename: slot.task?.file.filename, oom }, "document worker exited");
      const read = slot.task
        ? oom
          ? failure(slot.task.file, "too_large", `the reader ran out of memory (${limits.workerHeapMb} MB heap)`)
          : failure(slot.task.file, "corrupt", `document worker exited (${signal ?? code})`)
        : null;
      retire(slot, read);
    });
    child.send({ type: "init", options: readerOptions } satisfies WorkerRequest);
    slots.add(slot);
  }

  function hold(slot: Slot, busy: boolean): void {
    // Idle workers do not keep the daemon (or a one-shot command) alive.
    const channel = slot.child.channel as { ref(): void; unref(): void } | null | undefined;
    if (busy) {
      slot.child.ref();
      channel?.ref();
    } else {
      slot.child.unref();
      channel?.unref();
    }
  }

  function dispatch(slot: Slot, task: Pending): void {
    slot.task = task;
    hold(slot, true);
    slot.timer = setTimeout(() => {
      opts.logger?.warn({ filename: task.file.filename, ms: limits.documentMs }, "document read timed out; worker killed");
      retire(slot, failure(task.file, "timeout", `not read within ${limits.documentMs} ms`));
    }, limits.documentMs);
    const c = task.file.content;
    const content = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
    slot.child.send({ type: "read", id: task.id, filename: task.file.filename, contentType: task.file.contentType, content } satisfies WorkerRequest);
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.ready && !slot.task) dispatch(slot, queue.shift()!);
    }
    let starting = [...slots].filter((s) => !s.ready).length;
    while (queue.length > starting && slots.size < size) {
      spawn();
      starting++;
    }
    for (const slot of slots) if (!slot.task) hold(slot, !slot.ready && queue.length > 0);
  }

  return {
    read(file) {
      if (closed) return Promise.resolve(failure(file, "corrupt", "document reader closed"));
      return new Promise<DocumentRead>((resolve) => {
        queue.push({ id: nextId++, file, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.resolve(failure(task.file, "corrupt", "document reader closed"));
      const all = [...slots];
      slots.clear();
      await Promise.all(
        all.map((slot) => {
          if (slot.task) finish(slot, failure(slot.task.file, "corrupt", "document reader closed"));
          if (slot.child.exitCode !== null || slot.child.signalCode !== null) return undefined;
          return new Promise<void>((resolve) => {
            slot.child.once("exit", () => resolve());
            // An idle worker is unref'd: without this the process could end before its exit is seen.
            slot.child.ref();
            slot.child.kill("SIGKILL");
          });
        }),
      );
    },
  };
}
