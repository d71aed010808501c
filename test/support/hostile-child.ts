/**
 * Run as a child process by test/adapters/hostile-rss.test.ts, so that its peak RSS is its own: parses the hostile
 * mails of issue 13's "Done when", reads their attachments through the document worker pool, then an honest
 * report, and prints one JSON line with the outcomes and the process's peak RSS (getrusage maxrss).
 */
import { createWorkerDocumentReader } from "../../src/adapters/document-worker.ts";
import { parseMessage } from "../../src/adapters/parse-message.ts";
import { wordLikeReport } from "./docx-fixtures.ts";
import { outlookMail } from "./eml.ts";
import { bombMail, forwardChain, hugeMail, manyAttachmentsMail, nestedMail } from "./hostile-mail.ts";

const AT = new Date("2026-11-18T10:12:00+07:00");
const reader = createWorkerDocumentReader({ sofficePath: null, pdftotextPath: null });
const outcomes: Record<string, { problems: string[]; reads: string[] }> = {};

async function run(name: string, raw: () => Buffer | Promise<Buffer>): Promise<void> {
  const facts = await parseMessage(await raw(), AT);
  const reads = await Promise.all(
    facts.attachments.map((a) => reader.read({ filename: a.filename, contentType: a.contentType, content: a.content })),
  );
  outcomes[name] = {
    problems: facts.problems.filter((p) => /^(too_large|too_many_parts):/.test(p)).map((p) => p.split(":")[0]!),
    reads: reads.map((r) => (r.ok ? "ok" : r.problem)),
  };
}

await run("bomb4g", () => bombMail(4096));
await run("message100mb", () => hugeMail(100));
await run("attachments1000", () => manyAttachmentsMail(1000));
await run("nesting1000", () => nestedMail(1000));
await run("forward25", () => forwardChain(25));
await run("honest", async () =>
  outlookMail({
    from: { name: "Phòng Nghiệp vụ - Điều phối", address: "nvdp@cuc.example.vn" },
    to: ["tonghop@cuc.example.vn"],
    subject: "Báo cáo tuần 47 - Phòng NVĐP",
    text: "Kính gửi Văn phòng Cục,\nPhòng NVĐP gửi báo cáo tuần 47.",
    attachments: [{ filename: "Báo cáo tuần 47 - NVĐP.docx", content: await wordLikeReport() }],
  }),
);
await reader.close();
process.stdout.write(`${JSON.stringify({ outcomes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
