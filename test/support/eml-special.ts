/**
 * Special raw messages for tests: a Postfix bounce (DSN, RFC 3464), an auto-reply, and broken MIME.
 */
import { createHash } from "node:crypto";
import { crlf } from "./eml-encode.ts";
import { buildMail, DEFAULT_DATE, rfc2822, type MailSpec } from "./eml.ts";

export interface BounceSpec {
  /** The undelivered mail, returned whole as message/rfc822. */
  original: Buffer;
  /** Who the original was for (the failed recipient). */
  recipient: string;
  /** Who gets the bounce (the original's sender). */
  to: string;
  /** Default "mail.cuc.example.vn". */
  host?: string;
  /** Default "5.1.1" (user unknown). */
  status?: string;
  diagnostic?: string;
  date?: Date;
}

/** A Postfix "Undelivered Mail Returned to Sender" bounce: multipart/report; report-type=delivery-status. */
export function bounceMail(spec: BounceSpec): Buffer {
  const host = spec.host ?? "mail.cuc.example.vn";
  const status = spec.status ?? "5.1.1";
  const date = rfc2822(spec.date ?? DEFAULT_DATE);
  const queueId = createHash("sha256").update(spec.original).digest("hex").slice(0, 10).toUpperCase();
  const boundary = `${queueId}.1763435520/${host}`;
  const diagnostic = spec.diagnostic ?? `smtp; 550 ${status} <${spec.recipient}>: Recipient address rejected: User unknown in virtual mailbox table`;
  const head = crlf(`Return-Path: <>
Received: by ${host} (Postfix)
\tid ${queueId}; ${date}
Date: ${date}
From: MAILER-DAEMON@${host} (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: ${spec.to}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="${boundary}"
Content-Transfer-Encoding: 8bit
Message-Id: <20261118031200.${queueId}@${host}>

This is a MIME-encapsulated message.

--${boundary}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host ${host}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<${spec.recipient}>: ${diagnostic.replace(/^smtp; /, "host " + host + " said: ")}

--${boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; ${host}
X-Postfix-Queue-ID: ${queueId}
X-Postfix-Sender: rfc822; ${spec.to}
Arrival-Date: ${date}

Final-Recipient: rfc822; ${spec.recipient}
Original-Recipient: rfc822;${spec.recipient}
Action: failed
Status: ${status}
Diagnostic-Code: ${diagnostic}

--${boundary}
Content-Description: Undelivered Message
Content-Type: message/rfc822
Content-Transfer-Encoding: 8bit

`);
  return Buffer.concat([Buffer.from(head, "utf8"), spec.original, Buffer.from(`\r\n--${boundary}--\r\n`)]);
}

/**
 * An out-of-office reply as Outlook/Exchange sends it: "Trả lời tự động:" subject, Auto-Submitted: auto-replied,
 * X-Auto-Response-Suppress, X-Autoreply. Override any header through `spec.headers`.
 */
export function autoReplyMail(spec: Omit<MailSpec, "client" | "subject" | "text"> & { subject?: string; text?: string; inReplyTo: string }): Buffer {
  return buildMail({
    client: "outlook",
    subject: "Trả lời tự động: Báo cáo tuần 47",
    text: "Tôi đang đi công tác đến hết ngày 20/11/2026, sẽ trả lời thư khi trở về.\nTrân trọng.",
    ...spec,
    headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "X-Autoreply": "yes", ...spec.headers },
  });
}

/**
 * What is wrong with a broken message:
 * - `missing-boundary`: the top-level multipart has no boundary parameter;
 * - `truncated`: cut in the middle of the last attachment, no closing delimiter;
 * - `unknown-charset`: the text part declares a charset nobody knows ("x-viet-vni") over windows-1258 bytes;
 * - `mislabelled-charset`: windows-1258 bytes declared as UTF-8.
 */
export type Defect = "missing-boundary" | "truncated" | "unknown-charset" | "mislabelled-charset";

/** A message of `spec` (give it an attachment for `truncated`) damaged by `defect`. */
export function brokenMail(spec: MailSpec, defect: Defect): Buffer {
  if (defect === "unknown-charset" || defect === "mislabelled-charset") {
    const raw = buildMail({ html: false, ...spec, charset: "windows-1258", transferEncoding: "8bit" }).toString("latin1");
    const label = defect === "unknown-charset" ? "x-viet-vni" : "utf-8";
    return Buffer.from(raw.replace(/(text\/plain; charset=)"?windows-1258"?/i, `$1"${label}"`), "latin1");
  }
  const raw = buildMail(spec).toString("latin1");
  if (defect === "missing-boundary") {
    return Buffer.from(raw.replace(/^(Content-Type: multipart\/mixed);\s*boundary="[^"]+"/m, "$1"), "latin1");
  }
  const last = raw.lastIndexOf("Content-Transfer-Encoding: base64");
  const cut = last > 0 ? last + Math.floor((raw.length - last) * 0.5) : Math.floor(raw.length * 0.6);
  return Buffer.from(raw.slice(0, cut), "latin1");
}
