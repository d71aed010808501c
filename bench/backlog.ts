/**
 * Bench (g), issue 13 §5: a backlog of 10,000 messages (× BENCH_SCALE) waiting in Dovecot, read by one
 * `intake poll --once` in its own process, as the office runs it (SQLite): its RSS every 1,000 messages and its peak
 * (target under 300 MB, and flat). The bench's own process (tsx, the fixtures) is not counted. The mails are
 * units' short reports written in the body, with no attachment, so that 10,000 fit in a few minutes; what grows or
 * not with the backlog (the fetch groups, the ledger, the archive) is the same as for .docx reports, whose own cost
 * bench (f) measures.
 */
import { DateTime } from "luxon";
import { gmailMail, outlookMail } from "../test/support/eml.ts";
import { OFFICE, UNIT_ADDRESS, ZONE } from "./corpus.ts";
import { emit, mb, rate } from "./stats.ts";
import { runIntakePoll } from "./intake-process.ts";
import { startBenchWorld } from "./world.ts";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const MESSAGES = Math.max(100, Math.round(10_000 * SCALE));
const EVERY = MESSAGES >= 10_000 ? 1000 : Math.max(1, Math.round(MESSAGES / 10));
const UNITS = Object.entries(UNIT_ADDRESS);


function mail(i: number): { raw: Buffer; receivedAt: Date } {
  const [unit, address] = UNITS[i % UNITS.length]!;
  const week = 1 + (Math.floor(i / UNITS.length) % 52);
  const receivedAt = DateTime.fromObject({ weekYear: 2025, weekNumber: week, weekday: 3, hour: 9 }, { zone: ZONE }).plus({ seconds: i }).toJSDate();
  const build = i % 2 ? outlookMail : gmailMail;
  const raw = build({
    from: { name: `Phòng ${unit.toUpperCase()}`, address },
    to: [OFFICE],
    subject: `Báo cáo tuần ${week}/2025 - ${unit.toUpperCase()} (${i})`,
    date: receivedAt,
    text: [
      "Kính gửi Văn phòng,",
      `BÁO CÁO Kết quả công tác tuần ${week} năm 2025 và kế hoạch công tác tuần tới`,
      "I. KẾT QUẢ CÔNG TÁC",
      "1. Tổ chức 03 cuộc họp giao ban, hoàn thành kế hoạch tuyên truyền đối ngoại.",
      "II. KẾ HOẠCH CÔNG TÁC TUẦN TỚI",
      "Tiếp tục triển khai nhiệm vụ được giao.",
      "III. ĐỀ XUẤT, KIẾN NGHỊ",
      "Không.",
      "Trân trọng.",
    ].join("\n"),
  });
  return { raw, receivedAt };
}

async function main(): Promise<void> {
  const world = await startBenchWorld();
  try {
    let appendMs = 0;
    for (let lo = 0; lo < MESSAGES; lo += 1000) {
      const chunk = Array.from({ length: Math.min(1000, MESSAGES - lo) }, (_, k) => mail(lo + k));
      appendMs += await world.appendAll(chunk);
    }
    // The daemon's own process, as an office runs it (bench/intake-process.ts).
    const run = await runIntakePoll(world, "2026-11-20T18:00:00", EVERY);
    const { rssAt, ms: pollMs, settled: ingested, peakRssMb: hwm } = run;
    const first = rssAt[0]?.rss ?? 0;
    const last = rssAt[rssAt.length - 1]?.rss ?? 0;
    emit({
      section: "backlog",
      title: `(g) Backlog — ${MESSAGES} messages waiting in Dovecot, one \`intake poll --once\` (dist/, its own process), SQLite`,
      rows: [
        { label: "APPEND to Dovecot (setup)", cells: { n: String(MESSAGES), "msg/s": rate(MESSAGES, appendMs), "total s": (appendMs / 1000).toFixed(1) } },
        {
          label: "poll over the backlog (start-up included)",
          cells: { n: String(ingested), "msg/s": rate(ingested, pollMs), "ms/msg": (pollMs / Math.max(1, ingested)).toFixed(1), "total s": (pollMs / 1000).toFixed(1), "peak RSS MB": mb(hwm) },
        },
      ],
      notes: [
        `RSS (MB) of the intake process every ${EVERY} messages: ${rssAt.map((r) => mb(r.rss)).join(", ")}`,
        `${mb(first)} MB after the first ${EVERY}, ${mb(last)} at the end (growth ${mb(last - first)} MB over ${Math.max(0, ingested - EVERY)} messages); peak RSS (VmHWM) ${mb(hwm)} MB (target < 300 MB), reached by ${run.peakAt.done} messages, ${run.peakAt.seconds.toFixed(1)} s after the start`,
      ],
    });
  } finally {
    await world.stop();
  }
}

await main();
