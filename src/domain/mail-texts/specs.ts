/**
 * The catalogue of the bot's mails: for each template, the values the code gives it (the placeholders the office
 * may use in templates/mail/<name>.txt) and those the template must use. Dates, durations and labels arrive
 * already formatted in Vietnamese (calendar formatDeadlineVi, formatDurationVi, periodLabelVi).
 */
import type { FieldType, MailTemplate, MailTemplateName, MailTemplateSpec, Node, PlaceholderSpec, PlaceholderType, TemplateProblem } from "./template.ts";

export { MAIL_TEMPLATE_NAMES, type FieldType, type MailTemplateName, type MailTemplateSpec, type PlaceholderSpec, type PlaceholderType } from "./template.ts";

const t = (about: string): PlaceholderSpec => ({ type: "text", about });
const flag = (about: string): PlaceholderSpec => ({ type: "flag", about });
const list = (about: string): PlaceholderSpec => ({ type: "list", about });

const report = {
  unit_name: t('the unit, e.g. "Phòng Nghiệp vụ - Điều phối"'),
  report_label: t('the report, e.g. "báo cáo tuần 47/2026 (từ 16/11/2026 đến 22/11/2026)", "báo cáo tháng 11/2026"'),
};
const deadline = t('the units\' deadline, e.g. "15 giờ 00 ngày 19/11/2026 (Thứ Năm)"');
const received_at = t('receipt time (IMAP INTERNALDATE) of this version, e.g. "10 giờ 12 ngày 18/11/2026 (Thứ Tư)"');
const procedure = t('the procedure the regime follows, e.g. "Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)" (regime `procedure`), "yêu cầu báo cáo đột xuất YC-2026-001"');
const missing = list('missing required sections, "title: description" each');
const problems = list("other reasons, one full Vietnamese sentence each: unreadable or unsupported files (asking for .docx), no report");

export const MAIL_TEMPLATE_SPECS: Readonly<Record<MailTemplateName, MailTemplateSpec>> = {
  receipt: {
    name: "receipt",
    about: "to the unit, at once, when its report is accepted (Đạt) and receipts are on",
    placeholders: {
      ...report,
      received_at,
      deadline,
      on_time: flag("received strictly before the deadline"),
      late_by: t('how late, e.g. "1 ngày 2 giờ" ("" when on time)'),
    },
    required: ["unit_name", "report_label", "received_at"],
  },
  khong_dat: {
    name: "khong_dat",
    about: "to the unit, at once, when a version is not acceptable (Không đạt) and no earlier version was",
    placeholders: {
      ...report,
      procedure,
      received_at,
      missing,
      problems,
      deadline,
      deadline_passed: flag("the units' deadline has passed"),
      time_left: t('time left before the deadline, e.g. "1 ngày 4 giờ" ("" when passed)'),
      skeleton_attached: flag("the unit report skeleton of this kind is attached"),
    },
    required: ["unit_name", "report_label", "missing", "problems", "deadline"],
  },
  khong_dat_kept: {
    name: "khong_dat_kept",
    about: "to the unit, when a later Không đạt version does not replace its accepted (Đạt) one",
    placeholders: {
      ...report,
      received_at,
      missing,
      problems,
      deadline,
      deadline_passed: flag("the units' deadline has passed"),
    },
    required: ["unit_name", "report_label", "received_at"],
  },
  reminder: {
    name: "reminder",
    about: "to a unit without an accepted report, before the deadline, in office hours",
    placeholders: {
      ...report,
      procedure,
      deadline,
      time_left: t('e.g. "2 ngày 16 giờ"'),
      office_address: t("the office mailbox's address (office.address)"),
      rejected_before: flag("the unit sent a Không đạt version of this period"),
      rejected_at: t('receipt time of that version ("" when none)'),
      skeleton_attached: flag("the unit report skeleton of this kind is attached"),
    },
    required: ["unit_name", "report_label", "deadline"],
  },
  chase: {
    name: "chase",
    about: "to a unit without an accepted report, after the deadline (đôn đốc), in office hours",
    placeholders: {
      ...report,
      procedure,
      deadline,
      overdue_by: t('time since the deadline, e.g. "1 ngày 17 giờ"'),
      compile_deadline: t("the office's compile deadline, formatted like deadline"),
      office_address: t("the office mailbox's address"),
      rejected_before: flag("the unit sent a Không đạt version of this period"),
      rejected_at: t('receipt time of that version ("" when none)'),
    },
    required: ["unit_name", "report_label", "overdue_by"],
  },
  laggards: {
    name: "laggards",
    about: "to the Chánh Văn phòng (and office.leadership), at the draft time: who is late, Không đạt, missing",
    placeholders: {
      recipients: t('the salutation, e.g. "Chánh Văn phòng" or "Lãnh đạo Cục; Chánh Văn phòng"'),
      period_labels: t('the periods covered, e.g. "tuần 47/2026"'),
      year: t('the year of the tallies, e.g. "2026"'),
      periods: {
        type: {
          records: {
            report_label: "text",
            deadline: "text",
            late: "list",
            rejected: "list",
            never_sent: "list",
            all_on_time: "flag",
          },
        },
        about: 'one record per period; late: "unit: muộn 1 ngày 2 giờ", rejected/never_sent: unit names',
      },
      late_counts: list('units late at least once this year, e.g. "Phòng Truyền thông đối ngoại: 3 lần"'),
    },
    required: ["periods"],
  },
  digest: {
    name: "digest",
    about: "to the compiling officer, 08:00 on working days, only when something is listed",
    placeholders: {
      date_label: t('e.g. "ngày 19/11/2026"'),
      unclassified: list("mail waiting for a person, received since the last digest: time, sender, subject, reason"),
      failed: list("mail that could not be processed yet, received since the last digest, with the reason"),
      khong_dat_sent: list("Không đạt replies sent since the last digest"),
      secret: list("documents marked MẬT / TỐI MẬT / TUYỆT MẬT, never merged or forwarded"),
      outbox: list("mail queued since the last digest and still waiting in the outbox, with its planned time"),
      still_waiting: list('how much still waits in all, new and from before: "Tổng cộng 12 thư chưa xác định được … (3 thư mới …; 9 thư từ trước)" (issue 13 §3)'),
      held: list('replies held for approval, numbered: "Thư số 1: unit — period — what is missing — first lines" (issue 11)'),
    },
    required: ["unclassified", "failed", "khong_dat_sent", "outbox", "held"],
  },
  draft_review_forward: {
    name: "draft_review_forward",
    about: "to the compiling officer, when the Chánh Văn phòng (or Lãnh đạo Cục) answers Không đạt on a draft",
    placeholders: {
      draft_label: t('e.g. "dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 2)"'),
      reviewer: t('who reviewed, e.g. "Chánh Văn phòng Nguyễn Văn A" or the sender\'s address'),
      reviewed_at: t("receipt time of the review mail"),
      comments: t("the reviewer's comments as written (may span lines)"),
    },
    required: ["draft_label", "comments"],
  },
  command_answer: {
    name: "command_answer",
    about: "to the officer, at once, answering her reply to the digest (Duyệt / Hủy / Gán): what was done",
    placeholders: {
      results: list('one line per command, e.g. "Duyệt thư số 1: đã gửi Phòng Nghiệp vụ - Điều phối"'),
      unknown: flag("no command could be read: the answer lists the commands"),
      commands: list('the commands the bot reads, e.g. "Duyệt 1, 3 — gửi các thư trả lời số 1 và 3"'),
    },
    required: ["results", "commands"],
  },
  request: {
    name: "request",
    about: "to each unit asked, at once, by `intake request`: an ad-hoc (đột xuất) report request (issue 10 item 4)",
    placeholders: {
      unit_name: report.unit_name,
      request_code: t('the request\'s code, e.g. "YC-2026-001" (answers are matched by it and by the thread)'),
      title: t('what is asked, as the officer wrote it, e.g. "Báo cáo kết quả tuyên truyền kỷ niệm 80 năm Quốc khánh"'),
      deadline,
      sections: list('the parts the answer must contain, "title: description" each'),
      attached: flag("the request's document is attached"),
      requested_by: t('who asks, e.g. "Lãnh đạo Cục" or the officer\'s name'),
      office_address: t("the office mailbox's address (office.address)"),
    },
    required: ["unit_name", "request_code", "title", "deadline"],
  },
};

type Scope = ReadonlyMap<string, PlaceholderType>;

/** Checks a parsed template against its spec: known placeholders, each used as its type allows, required used. */
export function checkAgainstSpec(template: MailTemplate, spec: MailTemplateSpec): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  const top: Scope = new Map(Object.entries(spec.placeholders).map(([k, v]) => [k, v.type]));
  const known = (scope: Scope): string => [...scope.keys()].map((k) => `{{${k}}}`).join(", ");
  const typeOf = (scope: Scope, name: string, line: number): PlaceholderType | null => {
    used.add(name);
    const type = scope.get(name);
    if (!type) problems.push({ line, message: `unknown placeholder {{${name}}}; this template knows ${known(scope)}` });
    return type ?? null;
  };
  const inline = (scope: Scope, name: string, line: number): void => {
    const type = typeOf(scope, name, line);
    if (type === null || type === "text") return;
    const how =
      type === "flag"
        ? `is a yes/no value: use it as {{#${name}}} … {{/${name}}}`
        : type === "list"
          ? "is a list: put it alone on its own line"
          : `is a list of records: use {{#${name}}} … {{/${name}}}`;
    problems.push({ line, message: `{{${name}}} ${how}` });
  };
  const walk = (nodes: Node[], scope: Scope): void => {
    for (const n of nodes) {
      if (n.kind === "line") {
        for (const p of n.parts) if ("name" in p) inline(scope, p.name, n.line);
      } else if (n.kind === "solo") {
        if (scope.get(n.name) !== "list") inline(scope, n.name, n.line);
        else typeOf(scope, n.name, n.line);
      } else {
        const type = typeOf(scope, n.name, n.line);
        const inner: Scope =
          type !== null && typeof type === "object" && !n.inverted ? new Map([...scope, ...Object.entries(type.records)]) : scope;
        walk(n.children, inner);
      }
    }
  };
  for (const p of template.subject.parts) if ("name" in p) inline(top, p.name, template.subject.line);
  walk(template.body, top);
  for (const name of spec.required) {
    if (!used.has(name)) problems.push({ line: 1, message: `the template must use {{${name}}} (${spec.placeholders[name]?.about ?? ""})` });
  }
  return problems;
}

function fieldIssue(name: string, type: FieldType, v: unknown): string | null {
  if (v === undefined || v === null) return `no value for {{${name}}}`;
  const ok =
    type === "text"
      ? typeof v === "string" || typeof v === "number"
      : type === "flag"
        ? typeof v === "boolean"
        : Array.isArray(v) && v.every((x) => typeof x === "string");
  return ok ? null : `{{${name}}} must be ${type === "text" ? "text" : type === "flag" ? "true/false" : "a list of texts"}`;
}

/** Every placeholder of the spec must have a value of its type (extra values are ignored). Returns the issues. */
export function checkValues(spec: MailTemplateSpec, values: Readonly<Record<string, unknown>>): string[] {
  const issues: string[] = [];
  for (const [name, { type }] of Object.entries(spec.placeholders)) {
    const v: unknown = values[name];
    if (typeof type === "string") {
      const issue = fieldIssue(name, type, v);
      if (issue) issues.push(issue);
    } else if (!Array.isArray(v)) {
      issues.push(v === undefined || v === null ? `no value for {{${name}}}` : `{{${name}}} must be a list of records`);
    } else {
      v.forEach((record: unknown, i) => {
        if (typeof record !== "object" || record === null) return void issues.push(`{{${name}}}[${i}] is not a record`);
        for (const [field, ft] of Object.entries(type.records)) {
          const issue = fieldIssue(field, ft, (record as Record<string, unknown>)[field]);
          if (issue) issues.push(`{{${name}}}[${i}]: ${issue}`);
        }
      });
    }
  }
  return issues;
}
