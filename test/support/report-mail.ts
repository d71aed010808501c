/**
 * Small helpers for integration tests that feed many units' reports into the office mailbox: the documents each
 * unit writes (header block with the unit's name, a title naming the period, the QT.VP.03 sections), the
 * Message-ID a builder wrote, and the normalised view of `submissions --json` rows that tests compare in full.
 */
import { reportDocx, qtvp03Sections, type HeadingStyle, type Producer } from "./reports.ts";

export type UnitId = "nvdp" | "ttdn" | "ttbc" | "vp";

/** The second line of each unit's header block, as the units type it. */
export const UNIT_HEADER: Record<UnitId, string> = {
  nvdp: "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI",
  ttdn: "PHÒNG TRUYỀN THÔNG ĐỐI NGOẠI",
  ttbc: "TRUNG TÂM BÁO CHÍ VÀ HỢP TÁC TRUYỀN THÔNG QUỐC TẾ",
  vp: "VĂN PHÒNG",
};

export interface UnitDocSpec {
  unit: UnitId;
  /** The line under "BÁO CÁO", e.g. "Kết quả công tác tuần 47 và kế hoạch công tác tuần 48". */
  title: string;
  /** What the plan heading says comes next ("tuần tới", "tháng tới", "năm 2027"). */
  next: string;
  producer?: Producer;
  style?: HeadingStyle;
  omit?: string[];
}

/** A unit's report as a .docx (default producer: the `docx` package, Word headings). */
export function unitReport(spec: UnitDocSpec): Promise<Buffer> {
  return reportDocx({
    header: ["CỤC THÔNG TIN ĐỐI NGOẠI", UNIT_HEADER[spec.unit]],
    title: spec.title,
    sections: qtvp03Sections({ next: spec.next, omit: spec.omit }),
    producer: spec.producer ?? "docx",
    style: spec.style ?? "heading",
  });
}

/** The Message-ID header a builder wrote (angle brackets kept), or null. */
export function messageIdOf(raw: Buffer): string | null {
  const head = raw.toString("latin1").split(/\r\n\r\n/, 1)[0] ?? "";
  return /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
}

/** The Message-ID a builder wrote; throws when the test mail has none. */
export function requireMessageId(raw: Buffer): string {
  const id = messageIdOf(raw);
  if (!id) throw new Error("test mail without Message-ID");
  return id;
}

/** Letters only Vietnamese writes (tones and shapes): a reason's text "for people" must carry some. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/**
 * A `reason` as tests compare it: the English code before the first ":" and whether Vietnamese text follows
 * ("missing_sections: Thiếu mục …" → "missing_sections+vi"); a reason with no Vietnamese shows as "code+no-vi".
 */
export function reasonShape(reason: string | null): string | null {
  if (reason === null) return null;
  const at = reason.indexOf(":");
  if (at <= 0) return `?${reason}`;
  const code = reason.slice(0, at);
  if (!/^[a-z][a-z0-9_,]*$/.test(code)) return `?${reason}`;
  return `${code}${VIETNAMESE.test(reason.slice(at + 1)) ? "+vi" : "+no-vi"}`;
}

/** A `submissions --json` row as the contract pins it, with `reason` reduced to its shape. */
export interface RowView {
  messageId: string;
  from: string | null;
  originalFrom: string | null;
  subject: string;
  receivedAt: string;
  regime: string | null;
  unit: string | null;
  kind: string | null;
  period: string | null;
  deadline: string | null;
  onTime: boolean | null;
  lateSeconds: number | null;
  status: string;
  verdict: string | null;
  missingSections: string[];
  attachments: string[];
  latest: boolean | null;
  reason: string | null;
}

/** Projects a row of `submissions --json` onto the fields tests assert (reason → its shape). */
export function viewRow(r: Record<string, unknown>): RowView {
  return {
    messageId: r.messageId as string,
    from: r.from as string | null,
    originalFrom: r.originalFrom as string | null,
    subject: r.subject as string,
    receivedAt: r.receivedAt as string,
    regime: r.regime as string | null,
    unit: r.unit as string | null,
    kind: r.kind as string | null,
    period: r.period as string | null,
    deadline: r.deadline as string | null,
    onTime: r.onTime as boolean | null,
    lateSeconds: r.lateSeconds as number | null,
    status: r.status as string,
    verdict: r.verdict as string | null,
    missingSections: r.missingSections as string[],
    attachments: r.attachments as string[],
    latest: r.latest as boolean | null,
    reason: reasonShape(r.reason as string | null),
  };
}
