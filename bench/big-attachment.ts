/**
 * Bench (d): memory with one mail carrying a 20 MB attachment: a complete weekly report .docx into which 20 MB of
 * incompressible media (photos of an event) are packed, sent from Outlook (base64, ~27 MB on the wire). It is
 * APPENDed to Dovecot and ingested by one in-process poll, like (c). Peak RSS is the kernel's high-water mark;
 * "growth" is peak RSS minus the RSS just before the poll, compared with the attachment's size.
 */
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { pollMailbox } from "../src/app/poll-mailbox.ts";
import { outlookMail } from "../test/support/eml.ts";
import { OFFICE, reportOfSize, UNIT_ADDRESS, ZONE } from "./corpus.ts";
import { emit, mb, memorySampler, rssMb } from "./stats.ts";
import { startBenchWorld } from "./world.ts";
import { DateTime } from "luxon";

const MEDIA_MB = 20;

async function bigReport(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await reportOfSize("ttbc", 40));
  // Random bytes do not compress: the .docx stays ~20 MB, like one full of JPEG photos.
  zip.file("word/media/image1.jpeg", randomBytes(MEDIA_MB * 1024 * 1024), { compression: "STORE" });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function main(): Promise<void> {
  const docx = await bigReport();
  const receivedAt = DateTime.fromISO("2026-11-18T09:30", { zone: ZONE }).toJSDate();
  const raw = outlookMail({
    from: { name: "Trung tâm BC&HTTTQT", address: UNIT_ADDRESS.ttbc },
    to: [OFFICE],
    subject: "Báo cáo tuần 47 - Trung tâm BC&HTTTQT (kèm ảnh hoạt động)",
    date: receivedAt,
    text: "Kính gửi Văn phòng,\nTrung tâm gửi báo cáo tuần 47 kèm ảnh hoạt động.\nTrân trọng.",
    attachments: [{ filename: "Báo cáo tuần 47 - TTBC (kèm ảnh).docx", content: docx }],
  });
  const world = await startBenchWorld();
  try {
    await world.appendAll([{ raw, receivedAt }]);
    const app = await world.app("2026-11-18T10:00:00");
    const mailbox = app.openMailbox();
    const before = rssMb();
    const mem = memorySampler(5);
    const t0 = performance.now();
    const summary = await pollMailbox(app.deps, mailbox);
    const pollMs = performance.now() - t0;
    const peak = mem.stop();
    const [row] = await app.deps.store.listSubmissions({});
    await mailbox.close();
    await app.close();
    const attachMb = docx.length / 1024 / 1024;
    const growth = peak.maxRssMb - before;
    emit({
      section: "big-attachment",
      title: `(d) One mail with a ${attachMb.toFixed(1)} MB .docx (${(raw.length / 1024 / 1024).toFixed(1)} MB raw) — in-process poll`,
      rows: [
        {
          label: "poll of the one mail",
          cells: {
            "total s": (pollMs / 1000).toFixed(2),
            "RSS before MB": mb(before),
            "peak RSS MB": mb(peak.maxRssMb),
            "growth MB": mb(growth),
            "growth / attachment": (growth / attachMb).toFixed(1),
            "peak heap MB": mb(peak.peakHeapMb),
            "peak ext+buf MB": mb(peak.peakExternalMb),
          },
        },
      ],
      notes: [`outcome: processed ${summary.processed}, failed ${summary.failed}; submission ${row?.unit ?? "-"} ${row?.period ?? "-"} ${row?.status ?? "-"} (${row?.verdict ?? "-"})`],
    });
  } finally {
    await world.stop();
  }
}

await main();
