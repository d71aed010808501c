/**
 * Bench (a): the pure pipeline per message, in-process, no I/O but the document reader's own (no soffice, no
 * pdftotext): parseMessage → read every attachment (createDocumentReader) and the body → classifyMessage → for each
 * report checkSections + decideVerdict on its documents. Times each stage and the whole, over the corpus.
 */
import { parseMessage } from "../src/adapters/parse-message.ts";
import { createDocumentReader } from "../src/adapters/document-reader.ts";
import { classifyMessage } from "../src/domain/classify/index.ts";
import type { DocumentFacts } from "../src/domain/message.ts";
import { bodyOutline } from "../src/domain/document/index.ts";
import { checkSections } from "../src/domain/document/index.ts";
import { decideVerdict } from "../src/domain/verdict/index.ts";
import { loadTemplateRegime } from "../test/support/regime.ts";
import { buildDocuments, buildMails, UNIT_ADDRESS, ZONE, type CorpusMail } from "./corpus.ts";
import { emit, mb, memorySampler, summarize, timingCells, type Row } from "./stats.ts";

const MESSAGES = 200;
const WARMUP = 40;
/** Stop measuring after this long even if the corpus is not done (the table says how many were measured). */
const BUDGET_MS = 40_000;

const regime = loadTemplateRegime();
regime.units = regime.units.map((u) => ({ ...u, addresses: [UNIT_ADDRESS[u.id as keyof typeof UNIT_ADDRESS]] }));
const reader = createDocumentReader({ sofficePath: null, pdftotextPath: null });

interface Stages {
  parse: number;
  read: number;
  classify: number;
  verdict: number;
  total: number;
}

async function runOne(mail: CorpusMail): Promise<{ t: Stages; accepted: number; rejected: number; attributed: boolean }> {
  const t0 = performance.now();
  const facts = await parseMessage(mail.raw, mail.receivedAt);
  const t1 = performance.now();
  const documents: DocumentFacts[] = [];
  for (const [i, a] of facts.attachments.entries()) {
    documents.push({ source: i, filename: a.filename, read: await reader.read({ filename: a.filename, contentType: a.contentType, content: a.content }) });
  }
  const body = (facts.forwarded?.text ? `${facts.text}\n${facts.forwarded.text}` : facts.text).trim();
  if (body) documents.push({ source: "body", filename: null, read: { ok: true, outline: bodyOutline(body), text: body, format: "body" } });
  const t2 = performance.now();
  const candidates = classifyMessage({ facts, documents }, [regime], { zone: ZONE });
  const t3 = performance.now();
  let accepted = 0;
  let rejected = 0;
  for (const c of candidates) {
    if (!c.isReport || c.reason) continue;
    const docs = documents.filter((d) => c.documents.includes(d.source));
    const attached = docs.filter((d) => d.source !== "body");
    const judged = attached.length > 0 ? attached : docs;
    let best = null;
    for (const d of judged) if (d.read.ok) {
      const r = checkSections(d.read.outline, regime.sections);
      if (!best || r.missingRequired.length < best.missingRequired.length) best = r;
    }
    const v = decideVerdict({ documents: judged.map((d) => ({ filename: d.filename, read: d.read })), report: best, sections: regime.sections });
    if (v.value === "dat") accepted++;
    else rejected++;
  }
  const t4 = performance.now();
  const attributed = candidates.some((c) => c.unit === mail.expect.unit && c.kind === mail.expect.kind && c.reason === null);
  return { t: { parse: t1 - t0, read: t2 - t1, classify: t3 - t2, verdict: t4 - t3, total: t4 - t0 }, accepted, rejected, attributed };
}

async function main(): Promise<void> {
  const built = performance.now();
  const docs = await buildDocuments(40);
  const mails = buildMails(docs, MESSAGES);
  const buildMs = performance.now() - built;
  const docKb = docs.map((d) => d.bytes.length / 1024);
  const mailKb = mails.map((m) => m.raw.length / 1024);

  for (const m of mails.slice(0, WARMUP)) await runOne(m);
  const mem = memorySampler();
  const samples: Stages[] = [];
  let accepted = 0;
  let rejected = 0;
  let attributed = 0;
  const started = performance.now();
  for (const m of mails) {
    if (performance.now() - started > BUDGET_MS) break;
    const r = await runOne(m);
    samples.push(r.t);
    accepted += r.accepted;
    rejected += r.rejected;
    if (r.attributed) attributed++;
    mem.sample();
  }
  const peak = mem.stop();
  const stage = (k: keyof Stages, label: string): Row => ({ label, cells: timingCells(summarize(samples.map((s) => s[k]))) });
  const avg = (xs: number[]): string => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
  emit({
    section: "pipeline",
    title: `(a) Pure pipeline per message — ${samples.length} mails, .docx ${avg(docKb)} KB avg (${Math.min(...docKb).toFixed(0)}–${Math.max(...docKb).toFixed(0)} KB), raw mail ${avg(mailKb)} KB avg`,
    rows: [
      stage("parse", "parseMessage (mailparser)"),
      stage("read", "read attachments (mammoth) + body"),
      stage("classify", "classifyMessage"),
      stage("verdict", "checkSections + decideVerdict"),
      stage("total", "whole pipeline"),
    ],
    notes: [
      `outcome: ${attributed}/${samples.length} attributed to the expected unit and kind; ${accepted} Đạt, ${rejected} Không đạt`,
      `memory: peak RSS ${mb(peak.maxRssMb)} MB, peak heap ${mb(peak.peakHeapMb)} MB, peak external+buffers ${mb(peak.peakExternalMb)} MB (corpus held in memory)`,
      `corpus built in ${(buildMs / 1000).toFixed(1)} s (not measured); ${WARMUP} warm-up messages before measuring`,
    ],
  });
}

await main();
