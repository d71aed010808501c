import { describe, expect, it } from "vitest";
import { periodFromId } from "../../src/domain/calendar/index.ts";
import { coverEmail, draftChanges, formatSizeVi, type CoverEmailInput } from "../../src/domain/draft/index.ts";
import type { DraftInput } from "../../src/domain/draft/index.ts";
import type { PeriodKind } from "../../src/domain/model.ts";
import { loadSkeleton, mixedUnits, ZONE } from "../support/draft-units.ts";
import { loadTemplateRegime } from "../support/regime.ts";

const skeleton = loadSkeleton();
const regime = loadTemplateRegime();
const FILE = "Du thao BC tuan 47-2026.docx";

function draft(over: Partial<DraftInput> = {}): DraftInput {
  return {
    regime,
    period: periodFromId("week", "2026-W47", ZONE)!,
    units: mixedUnits(regime),
    skeleton,
    zone: ZONE,
    now: new Date("2026-11-23T01:00:00Z"),
    version: 1,
    ...over,
  };
}

const mail = (over: Partial<DraftInput> = {}, extra: Partial<CoverEmailInput> = {}) => coverEmail({ draft: draft(over), draftFilename: FILE, ...extra });

describe("subject", () => {
  it.each([
    { kind: "week", id: "2026-W47", version: 1, subject: "Dự thảo báo cáo công tác tuần 47/2026" },
    { kind: "week", id: "2026-W47", version: 3, subject: "Dự thảo báo cáo công tác tuần 47/2026 (bản cập nhật lần 2)" },
    { kind: "month", id: "2026-11", version: 1, subject: "Dự thảo báo cáo công tác tháng 11/2026" },
    { kind: "quarter", id: "2026-Q4", version: 2, subject: "Dự thảo báo cáo công tác quý IV/2026 (bản cập nhật lần 1)" },
    { kind: "half", id: "2026-H1", version: 1, subject: "Dự thảo báo cáo sơ kết 6 tháng đầu năm 2026" },
    { kind: "year", id: "2026", version: 1, subject: "Dự thảo báo cáo công tác năm 2026" },
  ])("$kind $id v$version", ({ kind, id, version, subject }) => {
    expect(mail({ period: periodFromId(kind as PeriodKind, id, ZONE)!, version }).subject).toBe(subject);
  });
});

describe("body", () => {
  it("addresses the chief, names the period and the draft file, and says how to answer", () => {
    const { text } = mail();
    expect(text.startsWith("Kính gửi: Đồng chí Chánh Văn phòng.\n")).toBe(true);
    expect(text).toContain("dự thảo Báo cáo công tác tuần 47/2026 của Cục Thông tin đối ngoại");
    expect(text).toContain(`(tệp đính kèm: ${FILE})`);
    expect(text).toContain('ghi "Đạt" để trình Lãnh đạo Cục ký ban hành, hoặc "Không đạt" kèm ý kiến chỉnh sửa');
    expect(text).not.toContain("bản cập nhật");
    expect(text).not.toContain("thay đổi so với");
    expect(text).not.toMatch(/\{[a-z]+\}/i);
  });

  it("one line per unit, in the template's order", () => {
    const unitLines = mail().text.split("\n").filter((l) => l.startsWith("- ") && l.includes(": ") && !l.includes("Dự thảo"));
    expect(unitLines.slice(0, 4)).toEqual([
      "- Phòng Nghiệp vụ - Điều phối: Đạt, gửi đúng hạn (nhận lúc 10 giờ 12, 18/11/2026).",
      "- Phòng Truyền thông đối ngoại: Đạt, gửi muộn 2 giờ 15 phút (nhận lúc 17 giờ 15, 19/11/2026); bản gửi lần 2.",
      "- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: chưa gửi báo cáo.",
      "- Văn phòng: Không đạt, chưa gửi lại bản hoàn chỉnh.",
    ]);
  });

  it("a late report of more than a day says days and hours", () => {
    const units = mixedUnits(regime, { ttdn: { lateMs: (26 * 60 + 30) * 60_000 } });
    expect(mail({ units }).text).toContain("- Phòng Truyền thông đối ngoại: Đạt, gửi muộn 1 ngày 2 giờ (nhận lúc");
  });

  it("the laggards summary (QT.VP.03 §8) at the draft time", () => {
    const { text } = mail();
    expect(text).toContain(
      [
        "2. Các đơn vị chưa chấp hành đúng chế độ báo cáo (QT.VP.03, mục 8):",
        "- Gửi báo cáo muộn: Phòng Truyền thông đối ngoại.",
        "- Báo cáo Không đạt, chưa gửi lại: Văn phòng.",
        "- Chưa gửi báo cáo: Trung tâm Báo chí và Hợp tác truyền thông quốc tế.",
      ].join("\n"),
    );
  });

  it("no laggards", () => {
    const units = regime.units.map((u) => ({ ...mixedUnits(regime)[2]!, unit: u }));
    expect(mail({ units }).text).toContain("- Tất cả các đơn vị đã gửi báo cáo đúng hạn và đạt yêu cầu.");
  });

  it("a secret unit is told, not attached, and not a laggard", () => {
    const units = mixedUnits(regime, { ttbc: { state: "secret", attachments: ["BC tuan 47 - MAT.docx"] } });
    const m = mail({ units });
    expect(m.text).toContain("- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: báo cáo có đóng dấu mật, không đưa vào dự thảo, chuyên viên xử lý thủ công.");
    expect(m.text).toContain("- Không đính kèm tài liệu có đóng dấu mật: Trung tâm Báo chí và Hợp tác truyền thông quốc tế.");
    expect(m.text).not.toContain("MAT.docx");
    expect(m.attachOriginals.map((a) => a.unit)).not.toContain("ttbc");
  });
});

describe("attachments", () => {
  it("attaches the accepted units' files up to the regime's limit", () => {
    const m = mail({}, { originals: [
      { unit: "nvdp", filename: "Báo cáo tuần 47 - NVĐP.docx", size: 48_000 },
      { unit: "ttdn", filename: "BC tuan 47 TTDN (gui lai).docx", size: 2_300_000 },
      { unit: "vp", filename: "VP.docx", size: 30_000 },
    ] });
    expect(m.attachOriginals).toEqual([
      { unit: "nvdp", filename: "Báo cáo tuần 47 - NVĐP.docx" },
      { unit: "ttdn", filename: "BC tuan 47 TTDN (gui lai).docx" },
    ]);
    expect(m.text).toContain("- Báo cáo gốc của các đơn vị (đính kèm thư này):\n  + Báo cáo tuần 47 - NVĐP.docx (Phòng Nghiệp vụ - Điều phối, 48 KB)\n  + BC tuan 47 TTDN (gui lai).docx (Phòng Truyền thông đối ngoại, 2,3 MB)");
    expect(m.text).not.toContain("VP.docx");
  });

  it("lists them without attaching above the limit", () => {
    const small = loadTemplateRegime({ attachOriginalsUpTo: 1_000_000 });
    const m = mail({ regime: small, units: mixedUnits(small) }, { originals: [
      { unit: "nvdp", filename: "Báo cáo tuần 47 - NVĐP.docx", size: 600_000 },
      { unit: "ttdn", filename: "BC tuan 47 TTDN (gui lai).docx", size: 600_000 },
    ] });
    expect(m.attachOriginals).toEqual([]);
    expect(m.text).toContain("- Báo cáo gốc của các đơn vị (không đính kèm vì tổng dung lượng vượt 1 MB; lưu tại hộp thư tổng hợp):");
    expect(m.text).toContain("  + BC tuan 47 TTDN (gui lai).docx (Phòng Truyền thông đối ngoại, 600 KB)");
  });

  it.each([
    [0, "1 KB"],
    [820_400, "820 KB"],
    [10_000_000, "10 MB"],
    [9_549_000, "9,5 MB"],
  ])("formatSizeVi(%d) = %s", (bytes, text) => {
    expect(formatSizeVi(bytes)).toBe(text);
  });
});

describe("what changed since the previous version", () => {
  it("a resent report, a newly arrived one, and a unit that is no longer merged", () => {
    const units = mixedUnits(regime, { ttbc: { state: "accepted", version: 1 } });
    const d = draft({ units, version: 2, previous: { units: { nvdp: "accepted@1", ttdn: "accepted@1", ttbc: "missing@0", vp: "accepted@1" } } });
    const m = coverEmail({ draft: d, draftFilename: FILE });
    expect(m.text).toContain(
      [
        "2. Những điểm thay đổi so với bản dự thảo trước:",
        "- Phòng Truyền thông đối ngoại: đã cập nhật theo báo cáo gửi lại (lần 2).",
        "- Trung tâm Báo chí và Hợp tác truyền thông quốc tế: đã bổ sung báo cáo vào dự thảo.",
        "- Văn phòng: báo cáo không còn được đưa vào dự thảo.",
      ].join("\n"),
    );
    expect(m.text).toContain("Đây là bản cập nhật lần 1 của dự thảo, thay cho bản đã gửi trước.");
  });

  it("nothing changed", () => {
    const d = draft({ version: 2, previous: { units: { nvdp: "accepted@1", ttdn: "accepted@2", ttbc: "missing@0", vp: "rejected@1" } } });
    expect(coverEmail({ draft: d, draftFilename: FILE }).text).toContain("- Không có thay đổi về nội dung báo cáo của các đơn vị.");
  });

  it.each<{ prev: Record<string, string>; changed: string[] }>([
    { prev: {}, changed: ["Phòng Nghiệp vụ - Điều phối: đã bổ sung báo cáo vào dự thảo", "Phòng Truyền thông đối ngoại: đã bổ sung báo cáo vào dự thảo"] },
    { prev: { nvdp: "sha:91ab", ttdn: "accepted@2" }, changed: ["Phòng Nghiệp vụ - Điều phối: đã cập nhật theo báo cáo gửi lại (lần 1)"] },
    { prev: { nvdp: "accepted@1", ttdn: "rejected@1" }, changed: ["Phòng Truyền thông đối ngoại: đã bổ sung báo cáo vào dự thảo"] },
  ])("draftChanges from $prev", ({ prev, changed }) => {
    const d = draft({ previous: { units: prev } });
    expect(draftChanges(d, mixedUnits(regime).sort((a, b) => a.unit.id.localeCompare(b.unit.id)))).toEqual(changed);
  });
});
