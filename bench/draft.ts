/**
 * Bench (j), issue 13 §5: a 34-report draft. 34 units (the four of QT.VP.03 and thirty more, as many as the
 * provinces) each send their complete weekly report (a long one, see REPORT_KB) for week 47; one in-process poll records them
 * all (not measured here: benches (c) and (f) do), then a fresh process, as `intake compile --send` is, composes the
 * app on the same DATA_DIR and `compileDraft` merges the 34 accepted reports into the Cục's .docx and queues it
 * for the Chánh Văn phòng. Its time and its peak RSS (the kernel's high-water mark of that process alone: Node and
 * the libraries included), with the draft's size and how many reports it holds (a sanity check of the bench).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/main.ts";
import { silentLogger } from "../src/adapters/logger.ts";
import JSZip from "jszip";
import { DateTime } from "luxon";
import { compileDraft } from "../src/app/compile-draft.ts";
import { pollMailbox } from "../src/app/poll-mailbox.ts";
import { outlookMail } from "../test/support/eml.ts";
import { defaultRegimes } from "../test/support/intake.ts";
import { OFFICE, reportOfSize, UNIT_ADDRESS, ZONE } from "./corpus.ts";
import { emit, mb, memorySampler, rssMb, type Row } from "./stats.ts";
import { startBenchWorld } from "./world.ts";

const EXTRA = 30;
/**
 * Each report's .docx size: ~14 KB gives ~300 paragraphs (about 15–20 pages), a long report such as a province's
 * yearly one; a unit's weekly report is a tenth of that, so this is the heavy case.
 */
const REPORT_KB = Number(process.env.BENCH_DRAFT_REPORT_KB ?? 14);
const extraUnits = Array.from({ length: EXTRA }, (_, i) => {
  const n = String(i + 5).padStart(2, "0");
  return { id: `dv${n}`, name: `Đơn vị số ${n}`, aliases: [`ĐV${n}`], addresses: [`dv${n}@cuc.example.vn`] };
});

function regimes(): Record<string, unknown> {
  const base = defaultRegimes() as { regimes: Record<string, unknown>[] };
  const [regime] = base.regimes;
  return { ...base, regimes: [{ ...regime, units: [...(regime!.units as unknown[]), ...extraUnits] }] };
}

async function main(): Promise<void> {
  const senders = [
    ...(Object.entries(UNIT_ADDRESS) as [keyof typeof UNIT_ADDRESS, string][]).map(([unit, address]) => ({ name: unit.toUpperCase(), address, doc: unit })),
    ...extraUnits.map((u, i) => ({ name: u.name, address: u.addresses[0]!, doc: (["nvdp", "ttdn", "ttbc", "vp"] as const)[i % 4]! })),
  ];
  const docs = new Map<string, Buffer>();
  for (const unit of ["nvdp", "ttdn", "ttbc", "vp"] as const) docs.set(unit, await reportOfSize(unit, REPORT_KB));
  const mails = senders.map((s, i) => {
    const receivedAt = DateTime.fromISO("2026-11-19T08:00", { zone: ZONE }).plus({ minutes: 5 * i }).toJSDate();
    const raw = outlookMail({
      from: { name: s.name, address: s.address },
      to: [OFFICE],
      subject: `Báo cáo tuần 47 - ${s.name}`,
      date: receivedAt,
      text: `Kính gửi Văn phòng,\n${s.name} gửi báo cáo tuần 47.\nTrân trọng.`,
      attachments: [{ filename: `Báo cáo tuần 47 - ${s.name}.docx`, content: docs.get(s.doc)! }],
    });
    return { raw, receivedAt };
  });
  const world = await startBenchWorld(regimes());
  try {
    await world.appendAll(mails);
    const app = await world.app("2026-11-20T10:00:00");
    const mailbox = app.openMailbox();
    await pollMailbox(app.deps, mailbox);
    await mailbox.close();
    const regime = app.deps.settings.regimes[0]!;
    const accepted = (await app.deps.store.listSubmissions({ regime: regime.id, period: "2026-W47" })).filter((r) => r.status === "accepted").length;
    await app.close();
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "compile", world.dataDir], { encoding: "utf8", timeout: 300_000 });
    const line = child.stdout.split("\n").find((l) => l.startsWith("COMPILE "));
    if (!line) throw new Error(`the compile process gave no result (exit ${child.status}): ${child.stderr.trim().split("\n").slice(-5).join(" | ")}`);
    const r = JSON.parse(line.slice("COMPILE ".length)) as { reports: number; ms: number; kb: number; paragraphs: number; before: number; peak: number; heap: number; attachments: number };
    const row: Row = {
      label: "compile and queue (a fresh process)",
      cells: {
        "reports merged": String(r.reports),
        "accepted in ledger": String(accepted),
        "time s": (r.ms / 1000).toFixed(2),
        "draft KB": r.kb.toFixed(0),
        paragraphs: String(r.paragraphs),
        "originals attached": String(r.attachments),
        "RSS before MB": mb(r.before),
        "peak RSS MB": mb(r.peak),
        "peak heap MB": mb(r.heap),
      },
    };
    emit({
      section: "draft",
      title: `(j) A ${r.reports}-report draft: compileDraft of week 47 for ${senders.length} units (~${REPORT_KB} KB .docx each), queued for the chief`,
      rows: [row],
      notes: [
        "the draft's mail carries the units' original files, read back from the archived mail",
        `each report is a ~${REPORT_KB} KB .docx of real-looking items, ~${Math.round(r.paragraphs / Math.max(1, r.reports))} paragraphs merged a report: long reports, as a province's yearly one (BENCH_DRAFT_REPORT_KB sets the size)`,
      ],
    });
  } finally {
    await world.stop();
  }
}

/** The child: compose the app on the prepared DATA_DIR, as the CLI does, and compile the week's draft. */
async function compileOnly(dataDir: string): Promise<void> {
  const app = await createApp({
    logger: silentLogger,
    env: { DATA_DIR: dataDir, REGIMES_FILE: path.join(dataDir, "regimes.yaml"), MAIL_FROM: OFFICE, INTAKE_NOW: "2026-11-20T10:00:00", LOG_LEVEL: "silent" },
  });
  try {
    const regime = app.deps.settings.regimes[0]!;
    const before = rssMb();
    const mem = memorySampler(5);
    const t0 = performance.now();
    const result = await compileDraft(app.deps, { regime, period: "2026-W47", send: true });
    const ms = performance.now() - t0;
    const peak = mem.stop();
    const queued = (await app.deps.store.listOutbox({ states: ["pending"] })).find((r) => r.purpose === "draft");
    const xml = (await (await JSZip.loadAsync(result.docx)).file("word/document.xml")?.async("string")) ?? "";
    const paragraphs = xml.match(/<w:p[ >]/g)?.length ?? 0;
    process.stdout.write(`COMPILE ${JSON.stringify({ reports: result.reports, ms, kb: result.docx.length / 1024, paragraphs, before, peak: peak.maxRssMb, heap: peak.peakHeapMb, attachments: queued?.mail.attachments?.length ?? 0 })}\n`);
  } finally {
    await app.close();
  }
}

if (process.argv[2] === "compile") await compileOnly(process.argv[3]!);
else await main();
