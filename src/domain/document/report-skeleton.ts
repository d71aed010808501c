/**
 * The texts of the unit report skeletons (templates/skeletons/mau-bao-cao-<slug>.docx), one per QT.VP.03 kind.
 * scripts/make-skeletons.ts writes them; the app attaches them to Không đạt replies and reminders. The four
 * headings are the regime's sections (QT.VP.03 §6.2.1) worded so the section check recognises them.
 */
import type { PeriodKind } from "../model.ts";

export const SKELETON_KINDS = ["week", "month", "quarter", "half", "year"] as const;
export type SkeletonKind = (typeof SKELETON_KINDS)[number];

export interface SkeletonSection {
  /** The regime's section id (ket_qua, kho_khan, kien_nghi, ke_hoach). */
  id: string;
  /** The Word heading, numbered as units write it: "I. Kết quả thực hiện nhiệm vụ". */
  heading: string;
  /** One line of italic guidance under the heading. */
  guidance: string;
}

export interface ReportSkeleton {
  kind: SkeletonKind;
  /** ASCII file name under templates/skeletons: "mau-bao-cao-tuan.docx". */
  fileName: string;
  /** The name the file carries when attached to a mail: "Mẫu báo cáo tuần.docx". */
  attachmentName: string;
  /** The summary line (trích yếu) under "BÁO CÁO". */
  title: string;
  /** A short italic note to the unit, above section I. */
  note: string;
  sections: SkeletonSection[];
}

interface KindWords {
  slug: string;
  name: string;
  /** The period as it follows "trong": "tuần", "6 tháng đầu năm". */
  period: string;
  title: string;
  /** The next period: "tuần tới", "6 tháng cuối năm". */
  next: string;
}

const WORDS: Readonly<Record<SkeletonKind, KindWords>> = {
  week: { slug: "tuan", name: "tuần", period: "tuần", title: "tuần …/20…", next: "tuần tới" },
  month: { slug: "thang", name: "tháng", period: "tháng", title: "tháng …/20…", next: "tháng tới" },
  quarter: { slug: "quy", name: "quý", period: "quý", title: "quý …/20…", next: "quý tới" },
  half: { slug: "6-thang", name: "6 tháng", period: "6 tháng đầu năm", title: "6 tháng đầu năm 20…", next: "6 tháng cuối năm" },
  year: { slug: "nam", name: "năm", period: "năm", title: "năm 20…", next: "năm tới" },
};

/** True for the kinds that have a skeleton (QT.VP.03's five). */
export function isSkeletonKind(kind: string): kind is SkeletonKind {
  return (SKELETON_KINDS as readonly string[]).includes(kind);
}

/** The skeleton texts of a kind, or null for kinds without one (plan, report, request). */
export function reportSkeleton(kind: PeriodKind | string): ReportSkeleton | null {
  if (!isSkeletonKind(kind)) return null;
  const w = WORDS[kind];
  return {
    kind,
    fileName: `mau-bao-cao-${w.slug}.docx`,
    attachmentName: `Mẫu báo cáo ${w.name}.docx`,
    title: `Kết quả công tác ${w.title} và kế hoạch công tác ${w.next}`,
    note: "(Đơn vị giữ nguyên bốn đề mục I, II, III, IV; xóa các dòng hướng dẫn in nghiêng trước khi gửi báo cáo về Văn phòng Cục dưới dạng tệp Word .docx.)",
    sections: [
      {
        id: "ket_qua",
        heading: "I. Kết quả thực hiện nhiệm vụ",
        guidance: `(Nêu các nhiệm vụ, công việc đơn vị đã triển khai trong ${w.period} và kết quả đạt được, gồm cả nhiệm vụ Lãnh đạo Cục giao.)`,
      },
      {
        id: "kho_khan",
        heading: "II. Nhiệm vụ chậm tiến độ, khó khăn, vướng mắc (nếu có)",
        guidance: "(Nêu những nhiệm vụ chậm tiến độ so với kế hoạch, khó khăn, vướng mắc và nguyên nhân; nếu không có, ghi “Không có”.)",
      },
      {
        id: "kien_nghi",
        heading: "III. Kiến nghị, đề xuất (nếu có)",
        guidance: "(Nêu các kiến nghị, đề xuất với Lãnh đạo Cục và các đơn vị liên quan; nếu không có, ghi “Không có”.)",
      },
      {
        id: "ke_hoach",
        heading: `IV. Kế hoạch công tác ${w.next}`,
        guidance: `(Nêu các nhiệm vụ trọng tâm đơn vị sẽ triển khai trong ${w.next}, thời hạn hoàn thành và người chủ trì.)`,
      },
    ],
  };
}
