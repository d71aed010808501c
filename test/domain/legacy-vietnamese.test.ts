import { describe, expect, it } from "vitest";
import { decodeLegacy, detectLegacyEncoding, legacyEncodingOfFont, legacyEvidence } from "../../src/domain/document/index.ts";
import { isVietnameseSyllable } from "../../src/domain/document/index.ts";

// As units' old .VnTime (TCVN3/ABC) documents store them: one Latin-1 code point per letter; "\u00AD" is ư.
const TCVN3: [string, string][] = [
  ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"],
  ["§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"],
  ["B¸o c¸o kÕt qu¶ c«ng t¸c tuÇn 47 vµ kÕ ho¹ch c«ng t¸c tuÇn 48", "Báo cáo kết quả công tác tuần 47 và kế hoạch công tác tuần 48"],
  ["I. KÕt qu¶ thùc hiÖn nhiÖm vô", "I. Kết quả thực hiện nhiệm vụ"],
  ["Khã kh¨n, v\u00ADíng m¾c:", "Khó khăn, vướng mắc:"],
  ["KiÕn nghÞ, ®Ò xuÊt", "Kiến nghị, đề xuất"],
  ["II. KÕ ho¹ch c«ng t¸c tuÇn tíi", "II. Kế hoạch công tác tuần tới"],
  ["Phßng NghiÖp vô - §iÒu phèi", "Phòng Nghiệp vụ - Điều phối"],
  ["Côc Th«ng tin ®èi ngo¹i", "Cục Thông tin đối ngoại"],
  ["V¨n phßng Côc", "Văn phòng Cục"],
  ["N¬i nhËn: L·nh ®¹o Côc; L\u00ADu: VT, VP.", "Nơi nhận: Lãnh đạo Cục; Lưu: VT, VP."],
  ["Hµ Néi, ngµy 19 th¸ng 11 n¨m 2026", "Hà Nội, ngày 19 tháng 11 năm 2026"],
  [
    "Tham m\u00ADu L·nh ®¹o Côc ban hµnh KÕ ho¹ch sè 15/KH-TT§N vÒ th«ng tin ®èi ngo¹i n¨m 2027.",
    "Tham mưu Lãnh đạo Cục ban hành Kế hoạch số 15/KH-TTĐN về thông tin đối ngoại năm 2027.",
  ],
  ["Phèi hîp víi Bé Ngo¹i giao tæ chøc häp b¸o quèc tÕ ngµy 18/11/2026.", "Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026."],
  ["Nh©n sù máng, mét sè nhiÖm vô ph¸t sinh ®ét xuÊt.", "Nhân sự mỏng, một số nhiệm vụ phát sinh đột xuất."],
  ["§Ò nghÞ V¨n phßng bè trÝ kinh phÝ tæ chøc tËp huÊn.", "Đề nghị Văn phòng bố trí kinh phí tổ chức tập huấn."],
  ["Trung t©m Th«ng tin, B¸o chÝ vµ TruyÒn th«ng", "Trung tâm Thông tin, Báo chí và Truyền thông"],
  // VN3 has no toned capitals: "Ủy" was typed with the lower-case ủ.
  ["ñy ban nh©n d©n tØnh §iÖn Biªn", "ủy ban nhân dân tỉnh Điện Biên"],
  ["Së Th«ng tin vµ TruyÒn th«ng tØnh Qu¶ng Ng·i", "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"],
  ["Tr\u00ADëng phßng NguyÔn ThÞ H\u00AD¬ng", "Trưởng phòng Nguyễn Thị Hương"],
  ["¦íc tÝnh ë møc 45 tin, bµi", "Ước tính ở mức 45 tin, bài"],
  ["¤ng NguyÔn V¨n ¢n, ñy viªn", "Ông Nguyễn Văn Ân, ủy viên"],
  // Headings typed in .VnTimeH, which draws the lower-case code points as capitals.
  ["KÕT QU¶ THùC HIÖN NHIÖM Vô", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
  ["CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ["KIÕN NGHÞ, §Ò XUÊT", "KIẾN NGHỊ, ĐỀ XUẤT"],
  ["PHßNG NGHIÖP Vô - §IÒU PHèI", "PHÒNG NGHIỆP VỤ - ĐIỀU PHỐI"],
  // Examples written by other converters' authors (DuBaoMatRung server/test.js, vietnamese-conversion examples).
  ["B¶o Th¾ng, M\u00ADêng Kh\u00AD¬ng, B¸t X¸t", "Bảo Thắng, Mường Khương, Bát Xát"],
  ["TiÕng ViÖt rÊt hay", "Tiếng Việt rất hay"],
];

// VNI-Times: base letter + a Latin-1 character drawn as the diacritics; capitals have their own marks.
const VNI: [string, string][] = [
  ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"],
  ["Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"],
  ["Baùo caùo keát quaû coâng taùc tuaàn 47 vaø keá hoaïch coâng taùc tuaàn 48", "Báo cáo kết quả công tác tuần 47 và kế hoạch công tác tuần 48"],
  ["I. Keát quaû thöïc hieän nhieäm vuï", "I. Kết quả thực hiện nhiệm vụ"],
  ["Khoù khaên, vöôùng maéc:", "Khó khăn, vướng mắc:"],
  ["Kieán nghò, ñeà xuaát", "Kiến nghị, đề xuất"],
  ["II. Keá hoaïch coâng taùc tuaàn tôùi", "II. Kế hoạch công tác tuần tới"],
  ["Phoøng Nghieäp vuï - Ñieàu phoái", "Phòng Nghiệp vụ - Điều phối"],
  ["Cuïc Thoâng tin ñoái ngoaïi", "Cục Thông tin đối ngoại"],
  ["Nôi nhaän: Laõnh ñaïo Cuïc; Löu: VT, VP.", "Nơi nhận: Lãnh đạo Cục; Lưu: VT, VP."],
  ["Haø Noäi, ngaøy 19 thaùng 11 naêm 2026", "Hà Nội, ngày 19 tháng 11 năm 2026"],
  ["Phoái hôïp vôùi Boä Ngoaïi giao toå chöùc hoïp baùo quoác teá ngaøy 18/11/2026.", "Phối hợp với Bộ Ngoại giao tổ chức họp báo quốc tế ngày 18/11/2026."],
  ["Ñeà nghò Vaên phoøng boá trí kinh phí toå chöùc taäp huaán.", "Đề nghị Văn phòng bố trí kinh phí tổ chức tập huấn."],
  ["UÛy ban nhaân daân tænh Ñieän Bieân", "Ủy ban nhân dân tỉnh Điện Biên"],
  ["Sôû Thoâng tin vaø Truyeàn thoâng tænh Quaûng Ngaõi", "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"],
  ["AÁp Myõ Hoøa, xaõ OÂ Moân, tænh Caàn Thô", "Ấp Mỹ Hòa, xã Ô Môn, tỉnh Cần Thơ"],
  ["Tröôûng phoøng Nguyeãn Thò Höông", "Trưởng phòng Nguyễn Thị Hương"],
  ["Öôùc tính ôû möùc 45 tin, baøi", "Ước tính ở mức 45 tin, bài"],
  ["KEÁT QUAÛ THÖÏC HIEÄN NHIEÄM VUÏ", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
  ["COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ["KIEÁN NGHÒ, ÑEÀ XUAÁT", "KIẾN NGHỊ, ĐỀ XUẤT"],
  ["Vaên phoøng Cuïc", "Văn phòng Cục"],
  // A capital typed with Shift before a lower-case mark.
  ["Aùp duïng", "Áp dụng"],
  // Examples from the vietnamese-conversion package's README and examples.
  ["Xin chaøo caùc baïn", "Xin chào các bạn"],
  ["Tieáng Vieät raát hay", "Tiếng Việt rất hay"],
];

// Must never be converted: Unicode Vietnamese (NFC and NFD), English, French, German, Spanish, stray symbols.
const NOT_LEGACY: string[] = [
  ...TCVN3.map(([, unicode]) => unicode),
  ...TCVN3.map(([, unicode]) => unicode.normalize("NFD")),
  "Báo cáo công tác tuần",
  "Về việc báo cáo kết quả công tác tháng 11/2026",
  "Kính gửi: Văn phòng Cục Thông tin đối ngoại",
  "Phòng Nghiệp vụ - Điều phối gửi báo cáo tuần 47; đề nghị Văn phòng tổng hợp.",
  "Weekly report of the Coordination Division, week 47 of 2026. Please find it attached.",
  "The quick brown fox jumps over the lazy dog",
  "Le café où nous étions, à côté de l'église, était fermé. Très français, n'est-ce pas ?",
  "Là où les élèves réussissent, l'été dernier, on a créé à Hà Nội une île de fraîcheur où l'on goûte des crêpes.",
  "Mémoire sur la coopération culturelle franco-vietnamienne : bilan, résultats et priorités pour 2027.",
  "« Bonjour », dit-il, « ça va ? » — Déjà vu, naïveté, cœur, Noël.",
  "Über die Straße gehen wir schön müde nach Hause.",
  "¿Qué tal, señor? ¡Mañana es el cumpleaños de José!",
  "Bản quyền © 2026 Cục Thông tin đối ngoại. Microsoft® Word™",
  "Copyright © 2026 Microsoft® Corporation. All rights reserved ®",
  "Nhiệt độ 25 °C, tỷ lệ ½, giá 15 € ¸ 20 €",
  "© ® ¸ µ ¶ · ¹ «  »",
  "Café Hà Nội, phố Tràng Tiền",
  "",
  "15/KH-TTĐN 2026",
];

describe("decodeLegacy", () => {
  it.each(TCVN3)("tcvn3 %j → %j", (legacy, unicode) => {
    expect(decodeLegacy(legacy, "tcvn3")).toBe(unicode);
  });
  it.each(VNI)("vni %j → %j", (legacy, unicode) => {
    expect(decodeLegacy(legacy, "vni")).toBe(unicode);
  });
  it("returns NFC", () => {
    for (const [legacy] of [...TCVN3, ...VNI]) {
      const out = decodeLegacy(legacy, "tcvn3");
      expect(out).toBe(out.normalize("NFC"));
    }
  });
  it("leaves words that already hold Unicode Vietnamese as they are", () => {
    expect(decodeLegacy("Kết quả: B¸o c¸o tuần 47", "tcvn3")).toBe("Kết quả: Báo cáo tuần 47");
    expect(decodeLegacy("Nguyễn Văn A, Baùo caùo", "vni")).toBe("Nguyễn Văn A, Báo cáo");
  });
  it("reads text Word stored at U+F000 + byte for a symbol-charset font", () => {
    const mirrored = [..."B¸o c¸o"].map((c) => (c === " " ? c : String.fromCharCode(0xf000 + c.charCodeAt(0)))).join("");
    expect(decodeLegacy(mirrored, "tcvn3")).toBe("Báo cáo");
  });
  it("maps every TCVN3 code point to a distinct Vietnamese letter (67 lower-case, đ, 7 capitals)", () => {
    const codes = "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\u00ADøõö÷ùýúûüþ®¡¢£¤¥¦§";
    const letters = [...codes].map((c) => decodeLegacy(c, "tcvn3"));
    const expected = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂĐÊÔƠƯ";
    expect([...letters].sort()).toEqual([...expected].sort());
  });
  it("leaves ASCII, digits and punctuation untouched", () => {
    const ascii = "Report No. 15/KH-TTDN (2026): 45 items; see https://example.org/a?b=c";
    expect(decodeLegacy(ascii, "tcvn3")).toBe(ascii);
    expect(decodeLegacy(ascii, "vni")).toBe(ascii);
  });
});

describe("detectLegacyEncoding", () => {
  it.each(TCVN3.filter(([legacy]) => legacy.split(" ").length >= 3))("tcvn3: %j", (legacy) => {
    expect(detectLegacyEncoding(legacy)).toBe("tcvn3");
  });
  it.each(VNI.filter(([legacy]) => legacy.split(" ").length >= 3))("vni: %j", (legacy) => {
    expect(detectLegacyEncoding(legacy)).toBe("vni");
  });
  it.each(NOT_LEGACY)("not legacy: %j", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });
  it("finds a whole TCVN3 report, and nothing once it is decoded", () => {
    const report = TCVN3.map(([legacy]) => legacy).join("\n");
    expect(detectLegacyEncoding(report)).toBe("tcvn3");
    expect(detectLegacyEncoding(decodeLegacy(report, "tcvn3"))).toBeNull();
  });
  it("finds a whole VNI report, and nothing once it is decoded", () => {
    const report = VNI.map(([legacy]) => legacy).join("\n");
    expect(detectLegacyEncoding(report)).toBe("vni");
    expect(detectLegacyEncoding(decodeLegacy(report, "vni"))).toBeNull();
  });
  it("does not fire on a Unicode report with one legacy-looking line quoted in it", () => {
    const report = [...TCVN3.map(([, u]) => u), TCVN3[0]![0]].join("\n");
    expect(detectLegacyEncoding(report)).toBeNull();
  });
  it("does not fire on a single word", () => {
    expect(detectLegacyEncoding("B¸o")).toBeNull();
    expect(detectLegacyEncoding("Baùo")).toBeNull();
  });
  it("explains its decision word by word", () => {
    expect(legacyEvidence("B¸o c¸o kÕt qu¶")).toEqual({ candidates: 4, unicode: 0, ambiguous: 0, tcvn3: 4, vni: 0 });
    expect(legacyEvidence("Báo cáo kết quả")).toEqual({ candidates: 4, unicode: 4, ambiguous: 0, tcvn3: 0, vni: 0 });
    // "mét" (một) and "sè" (số) are Vietnamese words as they stand: they tell nothing.
    expect(legacyEvidence("mét sè nhiÖm vô")).toEqual({ candidates: 4, unicode: 0, ambiguous: 3, tcvn3: 1, vni: 0 });
    expect(legacyEvidence("Baùo caùo keát quaû")).toMatchObject({ candidates: 4, unicode: 0, vni: 4 });
  });
});

describe("legacyEncodingOfFont", () => {
  it.each([
    [".VnTime", { encoding: "tcvn3", upper: false }],
    [".VnTimeH", { encoding: "tcvn3", upper: true }],
    [".VnArial", { encoding: "tcvn3", upper: false }],
    [".VnArialH", { encoding: "tcvn3", upper: true }],
    [".VnCentury Schoolbook", { encoding: "tcvn3", upper: false }],
    ["VNI-Times", { encoding: "vni", upper: false }],
    ["VNI-Helve", { encoding: "vni", upper: false }],
    ["Times New Roman", null],
    ["Arial", null],
    ["VnTime", null],
    ["", null],
    [null, null],
  ] as const)("%j → %j", (font, expected) => {
    expect(legacyEncodingOfFont(font)).toEqual(expected);
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    "Kết", "quả", "nghiệp", "ĐỐI", "người", "khuyến", "giữa", "gì", "quốc", "hòa", "hoà", "thủy", "thuỷ", "khuỷu",
    "ngoặc", "xoáy", "boong", "tuần", "Việt", "ở", "ưu", "yêu", "chuyển", "oái", "Hương",
  ])("Vietnamese: %s", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
    expect(isVietnameseSyllable(w.normalize("NFD"))).toBe(true);
  });
  it.each([
    "été", "français", "église", "schön", "Bỏo", "tèt", "tồt", "ăn̉", "xaõ", "hòa-bình", "", "ñy", "cña", "fax", "Đắkk",
    "aom", "ăa", "â", "B¸o",
  ])("not Vietnamese: %j", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
