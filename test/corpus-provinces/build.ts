/**
 * Builds the province mail corpus of issue 10 (regime qt-nvdp-04): `mail/*.eml` and `manifest.json` beside this file.
 *
 *   npx tsx test/corpus-provinces/build.ts
 *
 * Provinces' yearly plans (Kế hoạch hoạt động thông tin đối ngoại, Phụ lục 01 of Thông tư 22/2016/TT-BTTTT) and
 * summary reports (Báo cáo tổng kết công tác thông tin đối ngoại, Phụ lục 02), written the way provincial documents are
 * (header "UBND TỈNH …" / "SỞ …", "Số: …/KH-UBND", place-and-date line, Nơi nhận, signature block), produced by the
 * `docx` package, LibreOffice (.doc, .odt, .rtf, .pdf, .xlsx), pandoc, a TCVN3 (.VnTime) .docx, and plain bodies.
 * See README.md for the section ids, the deadlines and how a test uses the manifest.
 *
 * Requires soffice (LibreOffice) and pandoc on PATH; a missing tool is an error, never a silent skip.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { buildMail, type AttachmentSpec, type Client } from "../support/eml.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const OFFICE = { name: "Cục Thông tin đối ngoại", address: "tonghop@cuc.example.vn" };

// ---------------------------------------------------------------------------------------------------------------
// Unicode → TCVN3 (TCVN 5712:1993, VN3; the fonts .VnTime / .VnTimeH). Public table (the same code points as
// xvnkb's tcvn.h and the Unicode2TCVN3 converters): each row is the vowel without tone, then sắc, huyền, hỏi, ngã,
// nặng. VN3 has no toned capitals: documents type them in a ".VnTimeH" font, which draws the lower-case code points
// as capitals; the capitals Ă Â Ê Ô Ơ Ư Đ have their own code points (A1–A7).
// ---------------------------------------------------------------------------------------------------------------
const TCVN3_TABLE: [string, number[]][] = [
  ["aáàảãạ", [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9]],
  ["ăắằẳẵặ", [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6]],
  ["âấầẩẫậ", [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb]],
  ["eéèẻẽẹ", [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1]],
  ["êếềểễệ", [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6]],
  ["iíìỉĩị", [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde]],
  ["oóòỏõọ", [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4]],
  ["ôốồổỗộ", [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9]],
  ["ơớờởỡợ", [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee]],
  ["uúùủũụ", [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4]],
  ["ưứừửữự", [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9]],
  ["yýỳỷỹỵ", [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe]],
  ["đ", [0xae]],
];
const TCVN3_CAPITALS: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };
const TCVN3 = new Map<string, number>();
for (const [letters, codes] of TCVN3_TABLE) [...letters].forEach((l, i) => TCVN3.set(l, codes[i]!));

/** One character in TCVN3: its code point (as a Latin-1 character) and whether it needs the capitals font. */
function tcvn3Char(c: string): { code: string; capitalsFont: boolean } {
  const cap = TCVN3_CAPITALS[c];
  if (cap !== undefined) return { code: String.fromCharCode(cap), capitalsFont: false };
  const lower = c.toLowerCase();
  const code = TCVN3.get(lower);
  if (code === undefined) {
    if (c.charCodeAt(0) > 0x7e) throw new Error(`no TCVN3 code for ${JSON.stringify(c)}`);
    return { code: c, capitalsFont: false };
  }
  // A toned (or plain-vowel) capital: ASCII capitals stay; the others exist only as lower-case codes.
  if (c !== lower && code > 0x7f) return { code: String.fromCharCode(code), capitalsFont: true };
  return { code: c === lower ? String.fromCharCode(code) : c, capitalsFont: false };
}

/** Text converted to TCVN3, split into runs: ".VnTime" for most, ".VnTimeH" for toned capitals. */
function tcvn3Runs(text: string, opts: { bold?: boolean; italics?: boolean; allCaps?: boolean; size?: number }): TextRun[] {
  const runs: TextRun[] = [];
  let current = "";
  let currentCaps = false;
  const flush = (): void => {
    if (!current) return;
    const font = opts.allCaps || currentCaps ? ".VnTimeH" : ".VnTime";
    runs.push(new TextRun({ text: current, font, bold: opts.bold, italics: opts.italics, size: opts.size ?? 28 }));
    current = "";
  };
  for (const c of text.normalize("NFC")) {
    const { code, capitalsFont } = tcvn3Char(c);
    if (capitalsFont !== currentCaps && current) flush();
    currentCaps = capitalsFont;
    current += code;
  }
  flush();
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------
interface Item {
  heading: string;
  paras: string[];
}
interface Part {
  id: string;
  heading: string;
  paras: string[];
  items: Item[];
}
interface Doc {
  /** "UBND TỈNH LÀO CAI"; with `issuer`, the parent body on the first line. */
  parent: string;
  issuer?: string;
  number: string;
  placeDate: string;
  docKind: string;
  title: string[];
  intro: string[];
  parts: Part[];
  outro: string[];
  recipients: string[];
  signer: string[];
  signerName: string;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

interface Province {
  /** "Lào Cai" */
  name: string;
  /** "tỉnh" | "thành phố" */
  level: "tỉnh" | "thành phố";
}
const full = (p: Province): string => `${p.level} ${p.name}`;
const upper = (s: string): string => s.toLocaleUpperCase("vi");

/** The parts of Phụ lục 01 (plan), with heading variants seen in provincial plans. */
function planParts(p: Province, year: number, v: number): Part[] {
  const P = full(p);
  return [
    {
      id: "muc_tieu",
      heading: ["MỤC TIÊU, YÊU CẦU", "MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU, YÊU CẦU XÂY DỰNG KẾ HOẠCH"][v % 3]!,
      paras: [],
      items: [
        {
          heading: "Mục tiêu",
          paras: [
            `Tăng cường công tác thông tin đối ngoại nhằm quảng bá hình ảnh, tiềm năng, thế mạnh của ${P} đến bạn bè quốc tế, cộng đồng người Việt Nam ở nước ngoài; góp phần thu hút đầu tư, phát triển du lịch và hội nhập quốc tế của ${P} năm ${year}.`,
            `Nâng cao nhận thức, trách nhiệm của các cấp, các ngành, đội ngũ cán bộ, công chức về vai trò của công tác thông tin đối ngoại trong tình hình mới.`,
          ],
        },
        {
          heading: "Yêu cầu",
          paras: [
            `Hoạt động thông tin đối ngoại bám sát chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và nhiệm vụ phát triển kinh tế - xã hội của ${P}; bảo đảm thống nhất, kịp thời, đúng quy định về bảo vệ bí mật nhà nước.`,
          ],
        },
      ],
    },
    {
      id: "noi_dung",
      heading: ["NỘI DUNG", "NỘI DUNG, NHIỆM VỤ", "NỘI DUNG KẾ HOẠCH"][v % 3]!,
      paras: [],
      items: [
        {
          heading: "Xây dựng văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành hoạt động thông tin đối ngoại",
          paras: [`Rà soát, sửa đổi Quy chế quản lý nhà nước về thông tin đối ngoại trên địa bàn ${P} cho phù hợp với tổ chức bộ máy sau sắp xếp; ban hành văn bản hướng dẫn các sở, ngành, địa phương triển khai nhiệm vụ năm ${year}.`],
        },
        {
          heading: "Bố trí nhân sự phụ trách công tác thông tin đối ngoại",
          paras: [`Mỗi sở, ban, ngành và Ủy ban nhân dân cấp xã bố trí ít nhất 01 công chức kiêm nhiệm theo dõi công tác thông tin đối ngoại; cập nhật danh sách đầu mối trước ngày 31/3/${year}.`],
        },
        {
          heading: "Tập huấn bồi dưỡng nghiệp vụ",
          paras: [`Tổ chức 02 lớp tập huấn nghiệp vụ thông tin đối ngoại, kỹ năng phát ngôn và cung cấp thông tin cho báo chí cho khoảng 150 lượt cán bộ cấp phòng trở lên trong quý II và quý III năm ${year}.`],
        },
        {
          heading: "Xây dựng các chương trình, đề án, dự án thông tin đối ngoại",
          paras: [`Xây dựng Đề án quảng bá hình ảnh ${P} trên các nền tảng số bằng tiếng Anh, tiếng Trung và tiếng Hàn giai đoạn ${year}-${year + 4}.`],
        },
        {
          heading: "Các hoạt động thông tin đối ngoại cụ thể",
          paras: [
            `Cập nhật thông tin trên Cổng thông tin điện tử của ${P} bằng tiếng nước ngoài; phối hợp với các cơ quan báo chí trung ương, phóng viên nước ngoài thực hiện chuyên trang, phóng sự quảng bá; tổ chức họp báo định kỳ hằng quý.`,
            `Biên soạn, phát hành ấn phẩm giới thiệu ${P} song ngữ Việt - Anh; cung cấp thông tin tại khu vực cửa khẩu, sân bay và các điểm du lịch trọng điểm.`,
          ],
        },
      ],
    },
    {
      id: "kinh_phi",
      heading: ["KINH PHÍ", "KINH PHÍ THỰC HIỆN", "KINH PHÍ"][v % 3]!,
      paras: [
        `Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách địa phương năm ${year} giao cho các cơ quan, đơn vị theo phân cấp và các nguồn huy động hợp pháp khác; dự kiến tổng kinh phí: ${(1250 + v * 85).toLocaleString("vi-VN")} triệu đồng.`,
      ],
      items: [],
    },
    {
      id: "to_chuc",
      heading: "TỔ CHỨC THỰC HIỆN",
      paras: [],
      items: [
        {
          heading: "Sở Khoa học và Công nghệ",
          paras: [`Chủ trì, phối hợp với các cơ quan, đơn vị tham mưu Ủy ban nhân dân ${P} triển khai Kế hoạch; tổng hợp, báo cáo kết quả về Cục Thông tin đối ngoại trước ngày 10/12/${year}.`],
        },
        {
          heading: "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường",
          paras: [`Căn cứ chức năng, nhiệm vụ, chủ động xây dựng kế hoạch thông tin đối ngoại của đơn vị; định kỳ báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.`],
        },
      ],
    },
  ];
}

/** The parts of Phụ lục 02 (summary report), with heading variants seen in provincial reports. */
function reportParts(p: Province, year: number, v: number): Part[] {
  const P = full(p);
  return [
    {
      id: "dac_diem",
      heading: ["ĐẶC ĐIỂM TÌNH HÌNH", "ĐẶC ĐIỂM, TÌNH HÌNH", "TÌNH HÌNH CHUNG"][v % 3]!,
      paras: [],
      items: [
        { heading: "Thuận lợi", paras: [`Công tác thông tin đối ngoại năm ${year} nhận được sự quan tâm lãnh đạo, chỉ đạo sát sao của Tỉnh ủy, Ủy ban nhân dân ${P}; sự hướng dẫn kịp thời của Cục Thông tin đối ngoại.`] },
        { heading: "Khó khăn", paras: [`Tổ chức bộ máy sau sắp xếp đang kiện toàn; đội ngũ cán bộ làm công tác thông tin đối ngoại chủ yếu kiêm nhiệm, thiếu cán bộ có trình độ ngoại ngữ; kinh phí còn hạn chế.`] },
      ],
    },
    {
      id: "ket_qua",
      heading: ["KẾT QUẢ THỰC HIỆN", `KẾT QUẢ TRIỂN KHAI CÔNG TÁC THÔNG TIN ĐỐI NGOẠI NĂM ${year}`, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"][v % 3]!,
      paras: [],
      items: [
        { heading: "Công tác xây dựng văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành hoạt động thông tin đối ngoại", paras: [`Ủy ban nhân dân ${P} ban hành Kế hoạch hoạt động thông tin đối ngoại năm ${year} và 03 văn bản chỉ đạo, hướng dẫn các sở, ngành, địa phương triển khai thực hiện.`] },
        { heading: "Bố trí nhân sự phụ trách công tác thông tin đối ngoại", paras: [`100% sở, ban, ngành và Ủy ban nhân dân cấp xã đã phân công công chức theo dõi công tác thông tin đối ngoại.`] },
        { heading: "Công tác đào tạo, tập huấn bồi dưỡng nghiệp vụ", paras: [`Tổ chức 02 hội nghị tập huấn cho 168 lượt cán bộ; cử 04 cán bộ tham dự lớp bồi dưỡng do Cục Thông tin đối ngoại tổ chức.`] },
        { heading: "Công tác tổ chức thực hiện các chương trình, đề án, dự án trong lĩnh vực thông tin đối ngoại", paras: [`Triển khai Đề án quảng bá hình ảnh ${P} trên các nền tảng số; hoàn thành 12 video giới thiệu bằng tiếng Anh và tiếng Trung.`] },
        { heading: "Triển khai các hoạt động thông tin đối ngoại", paras: [`Đăng tải 1.246 tin, bài trên chuyên mục tiếng nước ngoài của Cổng thông tin điện tử; hỗ trợ 27 đoàn phóng viên nước ngoài tác nghiệp; tổ chức 04 cuộc họp báo định kỳ.`] },
        { heading: "Kinh phí", paras: [`Tổng kinh phí thực hiện năm ${year}: ${(980 + v * 40).toLocaleString("vi-VN")} triệu đồng từ ngân sách địa phương.`] },
      ],
    },
    {
      id: "danh_gia",
      heading: ["ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "ĐÁNH GIÁ CHUNG", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN"][v % 3]!,
      paras: [],
      items: [
        { heading: "Ưu điểm", paras: [`Công tác thông tin đối ngoại được triển khai đồng bộ, bám sát kế hoạch; nội dung thông tin phong phú, hình thức đa dạng, góp phần nâng cao vị thế của ${P}.`] },
        { heading: ["Tồn tại, hạn chế", "Tồn tại, hạn chế và nguyên nhân", "Hạn chế"][v % 3]!, paras: [`Một số đơn vị chưa chủ động cung cấp thông tin; sản phẩm thông tin bằng tiếng nước ngoài còn ít; việc phối hợp giữa các cơ quan có lúc chưa chặt chẽ.`] },
      ],
    },
    {
      id: "phuong_huong",
      heading: ["PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI", `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI"][v % 3]!,
      paras: [
        `Tiếp tục kiện toàn đội ngũ cán bộ; xây dựng, ban hành Kế hoạch hoạt động thông tin đối ngoại năm ${year + 1}; đẩy mạnh quảng bá hình ảnh ${P} trên môi trường số; tăng cường cung cấp thông tin cho phóng viên nước ngoài.`,
      ],
      items: [],
    },
    {
      id: "kien_nghi",
      heading: ["KIẾN NGHỊ, ĐỀ XUẤT", "KIẾN NGHỊ, ĐỀ XUẤT", "ĐỀ XUẤT, KIẾN NGHỊ"][v % 3]!,
      paras: [`Đề nghị Cục Thông tin đối ngoại tiếp tục tổ chức các lớp tập huấn chuyên sâu và hỗ trợ tài liệu, sản phẩm thông tin đối ngoại bằng tiếng nước ngoài cho địa phương.`],
      items: [],
    },
  ];
}

/** Removes parts (by section id) and renumbers the rest, as people do when they delete a part. */
function withoutParts(parts: Part[], omit: string[]): Part[] {
  return parts.filter((p) => !omit.includes(p.id));
}

const DEPTS: Record<string, string> = {
  "SỞ KHOA HỌC VÀ CÔNG NGHỆ": "Sở Khoa học và Công nghệ",
  "SỞ THÔNG TIN VÀ TRUYỀN THÔNG": "Sở Thông tin và Truyền thông",
  "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH": "Sở Văn hóa, Thể thao và Du lịch",
};
const deptName = (issuer: string): string => {
  const name = DEPTS[issuer];
  if (!name) throw new Error(`unknown department ${issuer}`);
  return name;
};

const DAY = (d: number): string => String(d).padStart(2, "0");

interface DocSpec {
  kind: "plan" | "report";
  province: Province;
  year: number;
  /** Heading variant (0–2). */
  v: number;
  /** Issued by a department (Sở) rather than the UBND. */
  issuer?: string;
  /** Parent line when it differs from "UBND TỈNH <name>" (an old name). */
  parentName?: Province;
  number: string;
  date: [number, number, number];
  omit?: string[];
  extraPara?: { part: string; text: string };
  signerName: string;
  recipients?: string[];
  place?: string;
}

function makeDoc(s: DocSpec): Doc {
  const header = s.parentName ?? s.province;
  const P = full(header);
  const parent = `UBND ${upper(header.level)} ${upper(header.name)}`;
  let parts = s.kind === "plan" ? planParts(header, s.year, s.v) : reportParts(header, s.year, s.v);
  if (s.extraPara) {
    const target = parts.find((p) => p.id === s.extraPara!.part);
    if (!target) throw new Error(`no part ${s.extraPara.part}`);
    target.paras.push(s.extraPara.text);
  }
  parts = withoutParts(parts, s.omit ?? []);
  const [d, m, y] = s.date;
  const plan = s.kind === "plan";
  const byDept = Boolean(s.issuer);
  return {
    parent,
    ...(s.issuer ? { issuer: s.issuer } : {}),
    number: s.number,
    placeDate: `${s.place ?? header.name}, ngày ${DAY(d)} tháng ${DAY(m)} năm ${y}`,
    docKind: plan ? "KẾ HOẠCH" : "BÁO CÁO",
    title: plan
      ? [`Hoạt động thông tin đối ngoại năm ${s.year}`]
      : [[`Tổng kết công tác thông tin đối ngoại năm ${s.year}`, `Tổng kết công tác quản lý nhà nước về thông tin đối ngoại năm ${s.year}`, `Kết quả công tác thông tin đối ngoại năm ${s.year}`][s.v % 3]!],
    intro: plan
      ? [
          `Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại;`,
          `Căn cứ Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 hướng dẫn quản lý hoạt động thông tin đối ngoại của các tỉnh, thành phố trực thuộc Trung ương;`,
          `Ủy ban nhân dân ${P} ban hành Kế hoạch hoạt động thông tin đối ngoại năm ${s.year}, cụ thể như sau:`,
        ]
      : [
          `Thực hiện Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 hướng dẫn quản lý hoạt động thông tin đối ngoại của các tỉnh, thành phố trực thuộc Trung ương, ${byDept ? `${deptName(s.issuer!)} ${P}` : `Ủy ban nhân dân ${P}`} báo cáo kết quả công tác thông tin đối ngoại năm ${s.year} như sau:`,
        ],
    parts,
    outro: plan
      ? [`Trên đây là Kế hoạch hoạt động thông tin đối ngoại năm ${s.year} của ${P}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân ${header.level}./.`]
      : [`Trên đây là báo cáo tổng kết công tác thông tin đối ngoại năm ${s.year} của ${P}./.`],
    recipients: s.recipients ?? ["Cục Thông tin đối ngoại;", `TT Tỉnh ủy, TT HĐND ${header.level};`, `Chủ tịch, các PCT UBND ${header.level};`, "Các sở, ban, ngành;", "Lưu: VT, KGVX."],
    signer: byDept ? ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] : ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    signerName: s.signerName,
  };
}

/** Plain text lines of a document (for bodies and for pandoc). */
function docLines(doc: Doc): { text: string; role: "head" | "kind" | "title" | "part" | "item" | "para" | "meta" }[] {
  const out: { text: string; role: "head" | "kind" | "title" | "part" | "item" | "para" | "meta" }[] = [];
  out.push({ text: doc.parent, role: "head" });
  if (doc.issuer) out.push({ text: doc.issuer, role: "head" });
  out.push({ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", role: "head" }, { text: "Độc lập - Tự do - Hạnh phúc", role: "head" });
  out.push({ text: `Số: ${doc.number}`, role: "meta" }, { text: doc.placeDate, role: "meta" });
  out.push({ text: doc.docKind, role: "kind" });
  for (const t of doc.title) out.push({ text: t, role: "title" });
  for (const p of doc.intro) out.push({ text: p, role: "para" });
  doc.parts.forEach((part, i) => {
    out.push({ text: `${ROMAN[i]}. ${part.heading}`, role: "part" });
    part.items.forEach((item, j) => {
      out.push({ text: `${j + 1}. ${item.heading}`, role: "item" });
      for (const p of item.paras) out.push({ text: p, role: "para" });
    });
    for (const p of part.paras) out.push({ text: p, role: "para" });
  });
  for (const p of doc.outro) out.push({ text: p, role: "para" });
  out.push({ text: "Nơi nhận:", role: "meta" });
  for (const r of doc.recipients) out.push({ text: `- ${r}`, role: "meta" });
  for (const s of doc.signer) out.push({ text: s, role: "meta" });
  out.push({ text: doc.signerName, role: "meta" });
  return out;
}

const strip = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

function mapDoc(doc: Doc, f: (s: string) => string): Doc {
  return {
    parent: f(doc.parent),
    ...(doc.issuer ? { issuer: f(doc.issuer) } : {}),
    number: f(doc.number),
    placeDate: f(doc.placeDate),
    docKind: f(doc.docKind),
    title: doc.title.map(f),
    intro: doc.intro.map(f),
    parts: doc.parts.map((p) => ({ id: p.id, heading: f(p.heading), paras: p.paras.map(f), items: p.items.map((i) => ({ heading: f(i.heading), paras: i.paras.map(f) })) })),
    outro: doc.outro.map(f),
    recipients: doc.recipients.map(f),
    signer: doc.signer.map(f),
    signerName: f(doc.signerName),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Producers
// ---------------------------------------------------------------------------------------------------------------
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** A .docx with the `docx` package: Times New Roman, or TCVN3 text in .VnTime / .VnTimeH. */
async function docxFile(doc: Doc, opts: { tcvn3?: boolean } = {}): Promise<Buffer> {
  const font = opts.tcvn3 ? ".VnTime" : "Times New Roman";
  const runs = (text: string, o: { bold?: boolean; italics?: boolean; allCaps?: boolean; size?: number } = {}): TextRun[] =>
    opts.tcvn3 ? tcvn3Runs(text, o) : [new TextRun({ text, font, bold: o.bold, italics: o.italics, size: o.size ?? 28 })];
  const p = (text: string, o: { bold?: boolean; italics?: boolean; center?: boolean; allCaps?: boolean; size?: number; indent?: boolean } = {}): Paragraph =>
    new Paragraph({
      alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      ...(o.indent ? { indent: { firstLine: 567 } } : {}),
      children: runs(text, o),
    });
  const cell = (paras: Paragraph[], pct: number): TableCell =>
    new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: paras });
  const caps = { allCaps: true };
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              p(doc.parent, { center: true, bold: !doc.issuer, size: 26, ...caps }),
              ...(doc.issuer ? [p(doc.issuer, { center: true, bold: true, size: 26, ...caps })] : []),
              p("-------", { center: true, size: 26 }),
              p(`Số: ${doc.number}`, { center: true, size: 26 }),
            ],
            40,
          ),
          cell(
            [
              p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { center: true, bold: true, size: 26, ...caps }),
              p("Độc lập - Tự do - Hạnh phúc", { center: true, bold: true }),
              p("---------------", { center: true }),
              p(doc.placeDate, { center: true, italics: true }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const children: (Paragraph | Table)[] = [header, p(""), p(doc.docKind, { center: true, bold: true, ...caps }), ...doc.title.map((t) => p(t, { center: true, bold: true }))];
  for (const t of doc.intro) children.push(p(t, { indent: true }));
  doc.parts.forEach((part, i) => {
    children.push(p(`${ROMAN[i]}. ${part.heading}`, { bold: true, ...caps }));
    part.items.forEach((item, j) => {
      children.push(p(`${j + 1}. ${item.heading}`, { bold: true }));
      for (const t of item.paras) children.push(p(t, { indent: true }));
    });
    for (const t of part.paras) children.push(p(t, { indent: true }));
  });
  for (const t of doc.outro) children.push(p(t, { indent: true }));
  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([p("Nơi nhận:", { bold: true, italics: true, size: 24 }), ...doc.recipients.map((r) => p(`- ${r}`, { size: 22 }))], 50),
          cell([...doc.signer.map((s) => p(s, { center: true, bold: true, ...caps })), p(""), p(""), p(doc.signerName, { center: true, bold: true })], 50),
        ],
      }),
    ],
  });
  children.push(footer);
  const document = new Document({
    creator: "Văn thư",
    styles: { default: { document: { run: { font, size: 28 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(document);
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The document as HTML, the way LibreOffice Writer opens it ("HTML (StarWriter)") for conversion. */
function docHtml(doc: Doc): string {
  const l = docLines(doc);
  const body: string[] = [];
  body.push(
    `<table width="100%" border="0"><tr><td width="40%" align="center"><p align="center"><b>${esc(doc.parent)}</b>${doc.issuer ? `<br/><b>${esc(doc.issuer)}</b>` : ""}<br/>-------<br/>Số: ${esc(doc.number)}</p></td>` +
      `<td width="60%" align="center"><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/><b>Độc lập - Tự do - Hạnh phúc</b><br/>---------------<br/><i>${esc(doc.placeDate)}</i></p></td></tr></table>`,
  );
  for (const line of l.slice(l.findIndex((x) => x.role === "kind"))) {
    if (line.text === "Nơi nhận:") break;
    if (line.role === "kind" || line.role === "title") body.push(`<p align="center"><b>${esc(line.text)}</b></p>`);
    else if (line.role === "part" || line.role === "item") body.push(`<p><b>${esc(line.text)}</b></p>`);
    else body.push(`<p style="text-indent: 1cm" align="justify">${esc(line.text)}</p>`);
  }
  body.push(
    `<table width="100%" border="0"><tr><td width="50%" valign="top"><p><b><i>Nơi nhận:</i></b><br/>${doc.recipients.map((r) => `- ${esc(r)}`).join("<br/>")}</p></td>` +
      `<td width="50%" valign="top" align="center"><p align="center"><b>${doc.signer.map(esc).join("<br/>")}</b><br/><br/><br/><b>${esc(doc.signerName)}</b></p></td></tr></table>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(doc.docKind)}</title><style>body{font-family:"Times New Roman";font-size:14pt}</style></head><body>${body.join("\n")}</body></html>`;
}

/** The document as pandoc markdown (headings as bold paragraphs, as Word users type them). */
function docMarkdown(doc: Doc): string {
  const out: string[] = [];
  out.push(`**${doc.parent}**\\`);
  if (doc.issuer) out.push(`**${doc.issuer}**\\`);
  out.push(`Số: ${doc.number}`, "", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\", "**Độc lập - Tự do - Hạnh phúc**", "", `*${doc.placeDate}*`, "");
  out.push(`**${doc.docKind}**`, "", ...doc.title.map((t) => `**${t}**\n`));
  for (const t of doc.intro) out.push(t, "");
  doc.parts.forEach((part, i) => {
    out.push(`**${ROMAN[i]}. ${part.heading}**`, "");
    part.items.forEach((item, j) => {
      out.push(`**${j + 1}\\. ${item.heading}**`, "");
      for (const t of item.paras) out.push(t, "");
    });
    for (const t of part.paras) out.push(t, "");
  });
  for (const t of doc.outro) out.push(t, "");
  out.push("***Nơi nhận:***", "", ...doc.recipients.map((r) => `\\- ${r}\\`), "", ...doc.signer.map((s) => `**${s}**\\`), "", `**${doc.signerName}**`, "");
  return out.join("\n");
}

function docText(doc: Doc): string {
  return docLines(doc)
    .map((l) => l.text)
    .join("\n");
}

function run(cmd: string, args: string[], timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} is required to build the corpus: ${e.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} failed (${code}): ${err}`));
    });
  });
}

const FILTERS: Record<string, string> = {
  doc: "doc:MS Word 97",
  odt: "odt:writer8",
  rtf: "rtf:Rich Text Format",
  pdf: "pdf:writer_pdf_Export",
  docx: "docx:MS Word 2007 XML",
};

/** LibreOffice: converts `content` (html, docx, csv) to `to`, in its own directory and user profile. */
async function soffice(content: Buffer, fromExt: string, to: keyof typeof FILTERS): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-soffice-"));
  try {
    const input = join(dir, `in.${fromExt}`);
    await writeFile(input, content);
    const args = ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`];
    if (fromExt === "html") args.push("--infilter=HTML (StarWriter)");
    args.push("--convert-to", FILTERS[to]!, "--outdir", join(dir, "out"), input);
    await run("soffice", args);
    const files = await readdir(join(dir, "out")).catch(() => [] as string[]);
    const file = files.find((f) => f.endsWith(`.${to}`));
    if (!file) throw new Error(`soffice produced no .${to} (${files.join(", ")})`);
    return await readFile(join(dir, "out", file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A minimal .xlsx (one sheet, inline strings) written with jszip: LibreOffice Calc is not installed with the nogui Writer. */
async function xlsxFile(rows: (string | number)[][]): Promise<Buffer> {
  const col = (i: number): string => String.fromCharCode(65 + i);
  const cell = (v: string | number, ref: string): string =>
    typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${col(j)}${i + 1}`)).join("")}</row>`)
    .join("")}</sheetData></worksheet>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="So lieu" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function pandocDocx(markdown: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-pandoc-"));
  try {
    await writeFile(join(dir, "in.md"), markdown, "utf8");
    await run("pandoc", ["-f", "markdown", "-t", "docx", "-o", join(dir, "out.docx"), join(dir, "in.md")]);
    return await readFile(join(dir, "out.docx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------------------------
type Kind = "plan" | "report";
interface Expected {
  unit: string;
  /** The registry the unit belongs to: "2025" = provinces-2025.yaml, "2013" = provinces-2013.yaml. */
  registry: "2025" | "2013" | null;
  kind: Kind | null;
  period: string | null;
  deadline: string | null;
  onTime: boolean | null;
  status: "accepted" | "rejected" | "unclassified";
  verdict: "dat" | "khong_dat" | null;
  missingSections: string[];
  attachments: string[];
  nameUsed: string | null;
}
interface Entry {
  file: string;
  from: string;
  subject: string;
  receivedAt: string;
  expected: Expected[];
  why: string;
}

const PLAN_SECTIONS = ["muc_tieu", "noi_dung", "kinh_phi", "to_chuc"];
const REPORT_SECTIONS = ["dac_diem", "ket_qua", "danh_gia", "phuong_huong", "kien_nghi"];
const deadlineOf = (kind: Kind, year: number): string => (kind === "plan" ? `${year}-03-01T00:00:00+07:00` : `${year}-12-10T00:00:00+07:00`);

function expect(
  unit: string,
  registry: "2025" | "2013",
  kind: Kind,
  year: number,
  receivedAt: string,
  attachments: string[],
  nameUsed: string,
  missing: string[] = [],
): Expected {
  const deadline = deadlineOf(kind, year);
  for (const m of missing) if (!(kind === "plan" ? PLAN_SECTIONS : REPORT_SECTIONS).includes(m)) throw new Error(`unknown section ${m}`);
  return {
    unit,
    registry,
    kind,
    period: String(year),
    deadline,
    onTime: Date.parse(receivedAt) < Date.parse(deadline),
    status: missing.length > 0 ? "rejected" : "accepted",
    verdict: missing.length > 0 ? "khong_dat" : "dat",
    missingSections: missing,
    attachments,
    nameUsed,
  };
}

interface MailDef {
  file: string;
  client: Client;
  from: { name: string; address: string };
  subject: string;
  receivedAt: string;
  text: string;
  html?: string | false;
  attachments: AttachmentSpec[];
  expected: Expected[];
  why: string;
}

const prov = (name: string, level: "tỉnh" | "thành phố" = "tỉnh"): Province => ({ name, level });

function cover(who: string, what: string, sender: string, phone: string): string {
  return [
    "Kính gửi: Cục Thông tin đối ngoại.",
    "",
    `${who} gửi ${what} (file đính kèm).`,
    "Đề nghị Quý Cục tiếp nhận, tổng hợp.",
    "",
    "Trân trọng./.",
    "",
    "--",
    sender,
    `ĐT: ${phone}`,
  ].join("\n");
}

async function defs(): Promise<MailDef[]> {
  const out: MailDef[] = [];

  // 01 — Lào Cai (2025 unit), plan 2026 on time, docx package, UBND issues the plan, the Sở sends it.
  {
    const d = makeDoc({ kind: "plan", province: prov("Lào Cai"), year: 2026, v: 0, number: "45/KH-UBND", date: [5, 2, 2026], signerName: "Nguyễn Thành Sinh" });
    const name = "KH 45-KH-UBND TTĐN năm 2026.docx";
    const at = "2026-02-10T09:20:00+07:00";
    out.push({
      file: "01-lao-cai-ke-hoach-2026.eml",
      client: "outlook",
      from: { name: "Sở KH&CN tỉnh Lào Cai", address: "sokhcn@laocai.gov.vn" },
      subject: "Kế hoạch hoạt động thông tin đối ngoại năm 2026 của UBND tỉnh Lào Cai",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Lào Cai", "Kế hoạch số 45/KH-UBND ngày 05/02/2026 của UBND tỉnh về hoạt động thông tin đối ngoại năm 2026", "Phòng Thông tin - Truyền thông, Sở Khoa học và Công nghệ tỉnh Lào Cai", "0214.3840.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("lao-cai", "2025", "plan", 2026, at, [name], "UBND tỉnh Lào Cai")],
      why: "current (2025) unit, registered address, plan before 01/03: Đạt, on time",
    });
  }

  // 02 — Hà Giang (old name, old address), report 2026 → tuyen-quang.
  {
    const d = makeDoc({
      kind: "report",
      province: prov("Tuyên Quang"),
      parentName: prov("Hà Giang"),
      year: 2026,
      v: 1,
      number: "512/BC-UBND",
      date: [18, 11, 2026],
      signerName: "Hoàng Gia Long",
      extraPara: { part: "ket_qua", text: "Phối hợp tổ chức các hoạt động giao lưu hữu nghị biên giới tại cửa khẩu quốc tế Thanh Thủy; cung cấp thông tin về quan hệ Việt Nam - Trung Quốc cho nhân dân khu vực biên giới." },
    });
    const name = "BC tong ket TTDN 2026 - Ha Giang.docx";
    const at = "2026-11-20T15:05:00+07:00";
    out.push({
      file: "02-ha-giang-ten-cu-bao-cao-2026.eml",
      client: "outlook",
      from: { name: "Sở TT&TT Hà Giang", address: "stttt@hagiang.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2026",
      receivedAt: at,
      text: cover("Sở Thông tin và Truyền thông tỉnh Hà Giang", "Báo cáo số 512/BC-UBND về tổng kết công tác thông tin đối ngoại năm 2026", "Sở Thông tin và Truyền thông tỉnh Hà Giang", "0219.3866.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("tuyen-quang", "2025", "report", 2026, at, [name], "UBND tỉnh Hà Giang")],
      why: "merged province's OLD name (document header, signature) and OLD address (registered for ha-giang in provinces-2013): a 2026 report belongs to tuyen-quang; the name used is kept",
    });
  }

  // 03 — Hà Giang, report 2024 → ha-giang (history), .doc via LibreOffice.
  {
    const d = makeDoc({
      kind: "report",
      province: prov("Hà Giang"),
      year: 2024,
      v: 0,
      issuer: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      number: "1268/BC-STTTT",
      date: [4, 12, 2024],
      signerName: "Vũ Thị Thu Hương",
      recipients: ["Bộ Thông tin và Truyền thông (Cục Thông tin đối ngoại);", "UBND tỉnh (b/c);", "Lưu: VT, TTBCXB."],
    });
    const name = "Bao cao TTDN nam 2024.doc";
    const at = "2024-12-06T10:00:00+07:00";
    out.push({
      file: "03-ha-giang-bao-cao-2024.eml",
      client: "thunderbird",
      from: { name: "Sở Thông tin và Truyền thông Hà Giang", address: "stttt@hagiang.gov.vn" },
      subject: "V/v gửi Báo cáo tổng kết công tác TTĐN năm 2024",
      receivedAt: at,
      text: cover("Sở Thông tin và Truyền thông tỉnh Hà Giang", "Báo cáo số 1268/BC-STTTT về kết quả công tác thông tin đối ngoại năm 2024", "Văn thư Sở TT&TT Hà Giang", "0219.3866.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "doc") }],
      expected: [expect("ha-giang", "2013", "report", 2024, at, [name], "UBND tỉnh Hà Giang")],
      why: "a report about 2024 (deadline 10/12/2024, before the 2025 merger) from Hà Giang is attributed to the old unit ha-giang; .doc (Word 97) from LibreOffice",
    });
  }

  // 04 — Đà Nẵng, plan 2026 received 01/03 08:15: late. .doc via LibreOffice.
  {
    const d = makeDoc({
      kind: "plan",
      province: prov("Đà Nẵng", "thành phố"),
      year: 2026,
      v: 1,
      number: "38/KH-UBND",
      date: [27, 2, 2026],
      signerName: "Hồ Kỳ Minh",
      extraPara: { part: "noi_dung", text: "Tổ chức chuỗi hoạt động quảng bá thành phố bên lề các sự kiện của Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) và các diễn đàn khu vực Ấn Độ Dương - Thái Bình Dương." },
    });
    const name = "KH TTĐN 2026 - TP Đà Nẵng.doc";
    const at = "2026-03-01T08:15:00+07:00";
    out.push({
      file: "04-da-nang-ke-hoach-2026-tre.eml",
      client: "gmail",
      from: { name: "Sở Khoa học và Công nghệ Đà Nẵng", address: "sokhcn@danang.gov.vn" },
      subject: "Gửi Kế hoạch TTĐN năm 2026 của UBND thành phố Đà Nẵng",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ thành phố Đà Nẵng", "Kế hoạch số 38/KH-UBND ngày 27/02/2026 của UBND thành phố về hoạt động thông tin đối ngoại năm 2026", "Sở Khoa học và Công nghệ thành phố Đà Nẵng", "0236.3822.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "doc") }],
      expected: [expect("da-nang", "2025", "plan", 2026, at, [name], "UBND thành phố Đà Nẵng")],
      why: "plan received 01/03/2026 08:15, after the 00:00 deadline: late, content Đạt. The text names 'Thái Bình Dương' (the Pacific): not a mention of thai-binh or binh-duong",
    });
  }

  // 05 — Gia Lai, plan 2026 without its budget part: Không đạt [kinh_phi]. pandoc.
  {
    const d = makeDoc({ kind: "plan", province: prov("Gia Lai"), year: 2026, v: 2, number: "27/KH-UBND", date: [20, 2, 2026], omit: ["kinh_phi"], signerName: "Nguyễn Tuấn Anh" });
    const name = "Ke hoach TTDN 2026 Gia Lai.docx";
    const at = "2026-02-25T14:40:00+07:00";
    out.push({
      file: "05-gia-lai-ke-hoach-2026-thieu-kinh-phi.eml",
      client: "thunderbird",
      from: { name: "Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai", address: "sovhttdl@gialai.gov.vn" },
      subject: "Kế hoạch hoạt động thông tin đối ngoại tỉnh Gia Lai năm 2026",
      receivedAt: at,
      text: cover("Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai", "Kế hoạch hoạt động thông tin đối ngoại năm 2026 của UBND tỉnh Gia Lai", "Phòng Quản lý báo chí, xuất bản và thông tin đối ngoại - Sở VHTTDL Gia Lai", "0269.3824.xxx"),
      attachments: [{ filename: name, content: await pandocDocx(docMarkdown(d)) }],
      expected: [expect("gia-lai", "2025", "plan", 2026, at, [name], "UBND tỉnh Gia Lai", ["kinh_phi"])],
      why: "plan without its budget part (Phụ lục 01 III. Kinh phí; the parts are renumbered I, II, III = Tổ chức thực hiện): Không đạt, the reply names 'kinh phí'. Sent by the Sở VHTTDL (the department that took over foreign information in some provinces); pandoc .docx",
    });
  }

  // 06 — Nghệ An, report 2026 without part III: Không đạt [danh_gia]. docx package.
  {
    const d = makeDoc({
      kind: "report",
      province: prov("Nghệ An"),
      year: 2026,
      v: 0,
      number: "1034/BC-UBND",
      date: [24, 11, 2026],
      omit: ["danh_gia"],
      signerName: "Bùi Đình Long",
      extraPara: { part: "ket_qua", text: "Tuyên truyền về quan hệ hòa bình, hữu nghị, hợp tác toàn diện Việt Nam - Lào; tổ chức giao lưu nhân dân các huyện biên giới." },
    });
    const name = "BC 1034 TK TTDN 2026.docx";
    const at = "2026-11-25T16:30:00+07:00";
    out.push({
      file: "06-nghe-an-bao-cao-2026-thieu-danh-gia.eml",
      client: "outlook",
      from: { name: "Sở Khoa học và Công nghệ Nghệ An", address: "sokhcn@nghean.gov.vn" },
      subject: "BC tổng kết công tác thông tin đối ngoại năm 2026 - UBND tỉnh Nghệ An",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Nghệ An", "Báo cáo số 1034/BC-UBND ngày 24/11/2026 tổng kết công tác thông tin đối ngoại năm 2026", "Sở Khoa học và Công nghệ Nghệ An", "0238.3844.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("nghe-an", "2025", "report", 2026, at, [name], "UBND tỉnh Nghệ An", ["danh_gia"])],
      why: "report without part III (Đánh giá kết quả thực hiện; the later parts renumbered III, IV): Không đạt, the reply names 'Đánh giá kết quả thực hiện'. The words 'hòa bình, hữu nghị' are not the old province Hòa Bình",
    });
  }

  // 07 — Cà Mau, report 2025 received 15/12/2025: late. PDF with text (LibreOffice).
  {
    const d = makeDoc({ kind: "report", province: prov("Cà Mau"), year: 2025, v: 2, number: "398/BC-UBND", date: [12, 12, 2025], signerName: "Lâm Văn Bi" });
    const name = "398-BC-UBND tong ket TTDN 2025.pdf";
    const at = "2025-12-15T09:30:00+07:00";
    out.push({
      file: "07-ca-mau-bao-cao-2025-tre.eml",
      client: "outlook",
      from: { name: "Sở KH&CN Cà Mau", address: "sokhcn@camau.gov.vn" },
      subject: "Báo cáo tổng kết công tác TTĐN năm 2025 (gửi chậm)",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Cà Mau", "Báo cáo số 398/BC-UBND ngày 12/12/2025 về kết quả công tác thông tin đối ngoại năm 2025. Sở xin lỗi vì gửi chậm do sắp xếp tổ chức bộ máy", "Sở Khoa học và Công nghệ tỉnh Cà Mau", "0290.3831.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "pdf") }],
      expected: [expect("ca-mau", "2025", "report", 2025, at, [name], "UBND tỉnh Cà Mau")],
      why: "report for 2025 received 15/12/2025, after the 10/12 deadline: late (KPI Không đạt for 2025), content Đạt; text PDF read with pdftotext",
    });
  }

  // 08 — Sơn La, report 2026 in TCVN3 (.VnTime).
  {
    const d = makeDoc({
      kind: "report",
      province: prov("Sơn La"),
      year: 2026,
      v: 0,
      issuer: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      number: "842/BC-SKHCN",
      date: [16, 11, 2026],
      signerName: "Lò Văn Mạnh",
      extraPara: { part: "ket_qua", text: "Phối hợp tuyên truyền kỷ niệm Chiến thắng Điện Biên Phủ và quan hệ hữu nghị đặc biệt Việt Nam - Lào tại các xã biên giới." },
    });
    const name = "Bao cao TTDN 2026 (VnTime).docx";
    const at = "2026-11-18T08:45:00+07:00";
    out.push({
      file: "08-son-la-bao-cao-2026-tcvn3.eml",
      client: "outlook",
      from: { name: "Sở Khoa học và Công nghệ Sơn La", address: "sokhcn@sonla.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2026",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Sơn La", "Báo cáo số 842/BC-SKHCN về kết quả công tác thông tin đối ngoại năm 2026", "Sở Khoa học và Công nghệ tỉnh Sơn La", "0212.3852.xxx"),
      attachments: [{ filename: name, content: await docxFile(d, { tcvn3: true }) }],
      expected: [expect("son-la", "2025", "report", 2026, at, [name], "UBND tỉnh Sơn La")],
      why: "the document is typed in TCVN3 (fonts .VnTime and .VnTimeH, toned capitals as lower-case codes in .VnTimeH): decoded, it is a complete report; 'Điện Biên Phủ' is not the unit dien-bien",
    });
  }

  // 09 — Quảng Ninh, plan 2026 pasted into a plain-text body without diacritics.
  {
    const d = mapDoc(makeDoc({ kind: "plan", province: prov("Quảng Ninh"), year: 2026, v: 0, number: "19/KH-UBND", date: [12, 1, 2026], signerName: "Nguyễn Thị Hạnh" }), strip);
    const at = "2026-01-15T10:05:00+07:00";
    out.push({
      file: "09-quang-ninh-ke-hoach-2026-khong-dau.eml",
      client: "plain",
      from: { name: "So KHCN Quang Ninh", address: "sokhcn@quangninh.gov.vn" },
      subject: "Ke hoach hoat dong TTDN nam 2026 - UBND tinh Quang Ninh",
      receivedAt: at,
      text: `Kinh gui: Cuc Thong tin doi ngoai\n\nSo KH&CN tinh Quang Ninh xin gui noi dung Ke hoach TTDN nam 2026 cua UBND tinh (ban day du o duoi, ban ky so se gui qua he thong van ban dien tu).\n\n${docText(d)}\n\nTran trong./.\n`,
      html: false,
      attachments: [],
      expected: [expect("quang-ninh", "2025", "plan", 2026, at, [], "UBND tinh Quang Ninh")],
      why: "the whole plan is in the plain-text body, typed without diacritics (subject too): headings 'I. MUC TIEU, YEU CAU' … 'IV. TO CHUC THUC HIEN' match folded; no attachment",
    });
  }

  // 10 — TP.HCM, report 2026, .odt via LibreOffice.
  {
    const d = makeDoc({ kind: "report", province: prov("Hồ Chí Minh", "thành phố"), year: 2026, v: 1, number: "6215/BC-UBND", date: [6, 11, 2026], signerName: "Trần Thị Diệu Thúy", place: "Thành phố Hồ Chí Minh" });
    d.parent = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH";
    const name = "BC TTDN 2026 TP.HCM.odt";
    const at = "2026-11-10T11:20:00+07:00";
    out.push({
      file: "10-tphcm-bao-cao-2026-odt.eml",
      client: "outlook",
      from: { name: "Sở Khoa học và Công nghệ TP.HCM", address: "sokhcn@tphcm.gov.vn" },
      subject: "TP.HCM - Báo cáo tổng kết công tác TTĐN năm 2026",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", "Báo cáo số 6215/BC-UBND của Ủy ban nhân dân Thành phố về tổng kết công tác thông tin đối ngoại năm 2026", "Sở Khoa học và Công nghệ TP.HCM", "028.3829.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "odt") }],
      expected: [expect("ho-chi-minh", "2025", "report", 2026, at, [name], "Ủy ban nhân dân Thành phố Hồ Chí Minh")],
      why: "city name forms 'TP.HCM' (subject), 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH' (header); OpenDocument .odt from LibreOffice",
    });
  }

  // 11 — Huế, plan 2026 on time, docx package.
  {
    const d = makeDoc({ kind: "plan", province: prov("Huế", "thành phố"), year: 2026, v: 2, number: "61/KH-UBND", date: [24, 2, 2026], signerName: "Phan Thiên Định" });
    const name = "Kế hoạch TTĐN 2026 - Thành phố Huế.docx";
    const at = "2026-02-27T16:10:00+07:00";
    out.push({
      file: "11-hue-ke-hoach-2026.eml",
      client: "gmail",
      from: { name: "Sở KH&CN thành phố Huế", address: "sokhcn@hue.gov.vn" },
      subject: "Kế hoạch hoạt động thông tin đối ngoại năm 2026 - UBND thành phố Huế",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ thành phố Huế", "Kế hoạch số 61/KH-UBND ngày 24/02/2026 về hoạt động thông tin đối ngoại năm 2026", "Sở Khoa học và Công nghệ thành phố Huế", "0234.3822.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("hue", "2025", "plan", 2026, at, [name], "UBND thành phố Huế")],
      why: "the unit 'hue' under its current name Thành phố Huế; plan two days before the deadline",
    });
  }

  // 12 — Thừa Thiên Huế, report 2024 (history), .doc.
  {
    const d = makeDoc({
      kind: "report",
      province: prov("Thừa Thiên Huế"),
      year: 2024,
      v: 1,
      number: "402/BC-UBND",
      date: [6, 12, 2024],
      signerName: "Phan Quý Phương",
      place: "Thừa Thiên Huế",
      recipients: ["Bộ Thông tin và Truyền thông (Cục TTĐN);", "CT và các PCT UBND tỉnh;", "Sở Thông tin và Truyền thông;", "Lưu: VT, KGVX."],
    });
    const name = "BC 402 TTĐN 2024.doc";
    const at = "2024-12-09T17:45:00+07:00";
    out.push({
      file: "12-thua-thien-hue-bao-cao-2024.eml",
      client: "outlook",
      from: { name: "Sở TT&TT Thừa Thiên Huế", address: "stttt@thuathienhue.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2024 - UBND tỉnh Thừa Thiên Huế",
      receivedAt: at,
      text: cover("Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế", "Báo cáo số 402/BC-UBND tổng kết công tác thông tin đối ngoại năm 2024", "Sở TT&TT Thừa Thiên Huế", "0234.3838.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "doc") }],
      expected: [expect("thua-thien-hue", "2013", "report", 2024, at, [name], "UBND tỉnh Thừa Thiên Huế")],
      why: "report about 2024 under the old name Thừa Thiên Huế from the old address: history unit thua-thien-hue; received 17:45 on 09/12, the last day: on time",
    });
  }

  // 13 — TP.HCM 2025 report sent from the old Bình Dương mailbox.
  {
    const d = makeDoc({ kind: "report", province: prov("Hồ Chí Minh", "thành phố"), year: 2025, v: 0, issuer: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", number: "2140/BC-SKHCN", date: [5, 12, 2025], signerName: "Lâm Đình Thắng", place: "Thành phố Hồ Chí Minh" });
    d.parent = "UBND THÀNH PHỐ HỒ CHÍ MINH";
    const name = "Báo cáo TTĐN 2025 - Sở KHCN TPHCM.docx";
    const at = "2025-12-08T10:00:00+07:00";
    out.push({
      file: "13-binh-duong-dia-chi-cu-bao-cao-2025.eml",
      client: "outlook",
      from: { name: "Phòng TTĐN (cơ sở Bình Dương)", address: "stttt@binhduong.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2025 - Sở KH&CN TP.HCM",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", "Báo cáo số 2140/BC-SKHCN về tổng kết công tác thông tin đối ngoại năm 2025 (đầu mối tại cơ sở Bình Dương gửi thay)", "Phòng Thông tin đối ngoại, Sở KH&CN TP.HCM (cơ sở Bình Dương)", "0274.3822.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("ho-chi-minh", "2025", "report", 2025, at, [name], "UBND Thành phố Hồ Chí Minh")],
      why: "sent from the OLD address of Bình Dương (registered for binh-duong in provinces-2013) for 2025, whose report deadline (10/12/2025) is after the merger: attributed to ho-chi-minh",
    });
  }

  // 14 — Yên Bái, plan 2025 (before the merger) → yen-bai.
  {
    const d = makeDoc({ kind: "plan", province: prov("Yên Bái"), year: 2025, v: 1, number: "36/KH-UBND", date: [17, 2, 2025], signerName: "Vũ Thị Hiền Hạnh", recipients: ["Bộ Thông tin và Truyền thông (Cục Thông tin đối ngoại);", "TT Tỉnh ủy, TT HĐND tỉnh;", "Sở Thông tin và Truyền thông;", "Lưu: VT, VX."] });
    const name = "KH_TTDN_2025_YenBai.docx";
    const at = "2025-02-20T09:00:00+07:00";
    out.push({
      file: "14-yen-bai-ke-hoach-2025.eml",
      client: "thunderbird",
      from: { name: "Sở TT&TT Yên Bái", address: "stttt@yenbai.gov.vn" },
      subject: "Kế hoạch hoạt động thông tin đối ngoại tỉnh Yên Bái năm 2025",
      receivedAt: at,
      text: cover("Sở Thông tin và Truyền thông tỉnh Yên Bái", "Kế hoạch số 36/KH-UBND ngày 17/02/2025 của UBND tỉnh Yên Bái về hoạt động thông tin đối ngoại năm 2025", "Sở TT&TT Yên Bái", "0216.3852.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("yen-bai", "2013", "plan", 2025, at, [name], "UBND tỉnh Yên Bái")],
      why: "the 2025 plan was due 01/03/2025, before the merger (1/7/2025): it stays with the old unit yen-bai (later merged into lao-cai)",
    });
  }

  // 15 — Thái Nguyên, plan 2026; the mail signature still says Sở TT&TT Bắc Kạn.
  {
    const d = makeDoc({ kind: "plan", province: prov("Thái Nguyên"), year: 2026, v: 1, number: "22/KH-UBND", date: [23, 1, 2026], signerName: "Phạm Hoàng Sơn" });
    const name = "22-KH-UBND Ke hoach TTDN nam 2026.docx";
    const at = "2026-01-28T14:00:00+07:00";
    out.push({
      file: "15-thai-nguyen-ke-hoach-2026-chu-ky-cu.eml",
      client: "outlook",
      from: { name: "Nông Thị Hà", address: "sokhcn@thainguyen.gov.vn" },
      subject: "Kế hoạch TTĐN năm 2026 - tỉnh Thái Nguyên",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Thái Nguyên", "Kế hoạch số 22/KH-UBND ngày 23/01/2026 của UBND tỉnh về hoạt động thông tin đối ngoại năm 2026", "Nông Thị Hà\nPhòng Thông tin - Báo chí - Xuất bản\nSở Thông tin và Truyền thông tỉnh Bắc Kạn", "0209.3870.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("thai-nguyen", "2025", "plan", 2026, at, [name], "UBND tỉnh Thái Nguyên")],
      why: "registered current address and document header Thái Nguyên; the sender's signature still names the old 'Sở Thông tin và Truyền thông tỉnh Bắc Kạn' (merged into thai-nguyen): it does not move the report",
    });
  }

  // 16 — Hải Phòng, report 2026 with a spreadsheet annex.
  {
    const d = makeDoc({ kind: "report", province: prov("Hải Phòng", "thành phố"), year: 2026, v: 2, number: "478/BC-UBND", date: [25, 11, 2026], signerName: "Lê Khắc Nam" });
    const name = "BC tổng kết TTĐN 2026 - Hải Phòng.docx";
    const annex = "Phụ lục số liệu TTĐN 2026.xlsx";
    const table: (string | number)[][] = [["STT", "Nội dung", "Số lượng"], [1, "Tin bài tiếng nước ngoài", 1246], [2, "Đoàn phóng viên nước ngoài", 27], [3, "Lượt cán bộ được tập huấn", 168]];
    const at = "2026-11-27T10:40:00+07:00";
    out.push({
      file: "16-hai-phong-bao-cao-2026-phu-luc.eml",
      client: "outlook",
      from: { name: "Sở KH&CN Hải Phòng", address: "sokhcn@haiphong.gov.vn" },
      subject: "Báo cáo tổng kết công tác TTĐN năm 2026 - TP. Hải Phòng",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ thành phố Hải Phòng", "Báo cáo số 478/BC-UBND tổng kết công tác thông tin đối ngoại năm 2026 và Phụ lục số liệu kèm theo", "Sở KH&CN Hải Phòng", "0225.3842.xxx"),
      attachments: [
        { filename: name, content: await docxFile(d) },
        { filename: annex, content: await xlsxFile(table) },
      ],
      expected: [expect("hai-phong", "2025", "report", 2026, at, [name, annex], "UBND thành phố Hải Phòng")],
      why: "report with a spreadsheet annex: the annex is listed, never judged",
    });
  }

  // 17 — Lâm Đồng, report 2026: .docx plus its signed PDF copy.
  {
    const d = makeDoc({ kind: "report", province: prov("Lâm Đồng"), year: 2026, v: 0, number: "355/BC-UBND", date: [24, 11, 2026], signerName: "Nguyễn Ngọc Phúc" });
    const bytes = await docxFile(d);
    const name = "BC 355 tong ket TTDN 2026.docx";
    const signed = "BC 355 tong ket TTDN 2026 (ky so).pdf";
    const at = "2026-11-26T09:15:00+07:00";
    out.push({
      file: "17-lam-dong-bao-cao-2026-ban-ky-so.eml",
      client: "gmail",
      from: { name: "Sở VHTTDL Lâm Đồng", address: "sovhttdl@lamdong.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2026 tỉnh Lâm Đồng",
      receivedAt: at,
      text: cover("Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng", "Báo cáo số 355/BC-UBND (bản Word và bản ký số)", "Sở VHTTDL Lâm Đồng", "0263.3822.xxx"),
      attachments: [
        { filename: name, content: bytes },
        { filename: signed, content: await soffice(bytes, "docx", "pdf") },
      ],
      expected: [expect("lam-dong", "2025", "report", 2026, at, [name, signed], "UBND tỉnh Lâm Đồng")],
      why: "a signed PDF beside the .docx is the signed copy: archived and listed, not judged as a second report",
    });
  }

  // 18 — Hà Nội, plan 2027, early (pandoc).
  {
    const d = makeDoc({ kind: "plan", province: prov("Hà Nội", "thành phố"), year: 2027, v: 0, number: "298/KH-UBND", date: [17, 11, 2026], signerName: "Vũ Thu Hà" });
    const name = "Ke hoach TTDN 2027 - UBND TP Ha Noi.docx";
    const at = "2026-11-20T10:00:00+07:00";
    out.push({
      file: "18-ha-noi-ke-hoach-2027.eml",
      client: "outlook",
      from: { name: "Sở Khoa học và Công nghệ Hà Nội", address: "sokhcn@hanoi.gov.vn" },
      subject: "Kế hoạch hoạt động thông tin đối ngoại năm 2027 của UBND thành phố Hà Nội",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ thành phố Hà Nội", "Kế hoạch số 298/KH-UBND ngày 17/11/2026 về hoạt động thông tin đối ngoại năm 2027", "Sở Khoa học và Công nghệ Hà Nội", "024.3825.xxx"),
      attachments: [{ filename: name, content: await pandocDocx(docMarkdown(d)) }],
      expected: [expect("ha-noi", "2025", "plan", 2027, at, [name], "UBND thành phố Hà Nội")],
      why: "a plan for 2027 sent in November 2026: period 2027 (from the title), deadline 01/03/2027, on time; its text cites 2026 dates",
    });
  }

  // 19 — Hưng Yên, plan 2027 typed without diacritics (docx), with a 'Thai Binh Duong' trap.
  {
    const d = mapDoc(
      makeDoc({
        kind: "plan",
        province: prov("Hưng Yên"),
        year: 2027,
        v: 2,
        number: "245/KH-UBND",
        date: [20, 11, 2026],
        signerName: "Nguyễn Lê Huy",
        extraPara: { part: "noi_dung", text: "Quảng bá tiềm năng đầu tư của tỉnh tới các đối tác khu vực châu Á - Thái Bình Dương, Nhật Bản, Hàn Quốc." },
      }),
      strip,
    );
    const name = "KH TTDN 2027 Hung Yen.docx";
    const at = "2026-11-24T15:30:00+07:00";
    out.push({
      file: "19-hung-yen-ke-hoach-2027-khong-dau.eml",
      client: "plain",
      from: { name: "So KHCN Hung Yen", address: "sokhcn@hungyen.gov.vn" },
      subject: "Gui ke hoach TTDN nam 2027 - tinh Hung Yen",
      receivedAt: at,
      text: "Kinh gui Cuc TTDN,\nSo KHCN tinh Hung Yen gui Ke hoach hoat dong thong tin doi ngoai nam 2027 cua UBND tinh (file dinh kem).\nTran trong.\n",
      html: false,
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("hung-yen", "2025", "plan", 2027, at, [name], "UBND tinh Hung Yen")],
      why: "document and mail typed without diacritics; 'chau A - Thai Binh Duong' names the Pacific, not the old Thái Bình (merged into hung-yen) nor Bình Dương",
    });
  }

  // 20 — Cần Thơ, report 2026 issued by the Sở, .doc.
  {
    const d = makeDoc({ kind: "report", province: prov("Cần Thơ", "thành phố"), year: 2026, v: 1, issuer: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", number: "1517/BC-SKHCN", date: [13, 11, 2026], signerName: "Trần Minh Tuấn" });
    const name = "1517_BC-SKHCN_TTDN_2026.doc";
    const at = "2026-11-16T08:10:00+07:00";
    out.push({
      file: "20-can-tho-bao-cao-2026-doc.eml",
      client: "thunderbird",
      from: { name: "Sở KH&CN TP. Cần Thơ", address: "sokhcn@cantho.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2026 - Sở KH&CN TP. Cần Thơ",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ thành phố Cần Thơ", "Báo cáo số 1517/BC-SKHCN về tổng kết công tác thông tin đối ngoại năm 2026", "Sở KH&CN TP. Cần Thơ", "0292.3820.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "doc") }],
      expected: [expect("can-tho", "2025", "report", 2026, at, [name], "UBND thành phố Cần Thơ")],
      why: "report issued by the department (SỞ KHOA HỌC VÀ CÔNG NGHỆ under UBND THÀNH PHỐ CẦN THƠ, /BC-SKHCN); Word 97 .doc",
    });
  }

  // 21 — Khánh Hòa, report 2026 in old tone placement ("Khánh Hoà", "Uỷ ban"), .odt, Apple Mail (NFD file name).
  {
    const oldTone = (s: string): string =>
      s.replace(/Hòa/g, "Hoà").replace(/HÒA/g, "HOÀ").replace(/Ủy/g, "Uỷ").replace(/ỦY/g, "UỶ").replace(/hóa/g, "hoá").replace(/Hóa/g, "Hoá");
    const d = mapDoc(makeDoc({ kind: "report", province: prov("Khánh Hòa"), year: 2026, v: 2, number: "288/BC-UBND", date: [10, 11, 2026], signerName: "Trần Hòa Nam" }), oldTone);
    d.parent = "UỶ BAN NHÂN DÂN TỈNH KHÁNH HOÀ";
    const name = "Báo cáo TTĐN 2026 - Khánh Hoà.odt";
    const at = "2026-11-12T14:25:00+07:00";
    out.push({
      file: "21-khanh-hoa-bao-cao-2026-dau-cu.eml",
      client: "apple",
      from: { name: "Sở KH&CN Khánh Hoà", address: "sokhcn@khanhhoa.gov.vn" },
      subject: oldTone("Báo cáo tổng kết công tác TTĐN năm 2026 - UBND tỉnh Khánh Hòa"),
      receivedAt: at,
      text: oldTone(cover("Sở Khoa học và Công nghệ tỉnh Khánh Hòa", "Báo cáo số 288/BC-UBND về công tác thông tin đối ngoại năm 2026", "Sở KH&CN Khánh Hòa", "0258.3822.xxx")),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "odt") }],
      expected: [expect("khanh-hoa", "2025", "report", 2026, at, [name], "Uỷ ban nhân dân tỉnh Khánh Hoà")],
      why: "old tone placement (Khánh Hoà, Uỷ ban, văn hoá) must match the registry's Khánh Hòa; Apple Mail writes the file name in NFD",
    });
  }

  // 22 — Quảng Trị, report 2026 from an unregistered personal mailbox: attributed by the document's name.
  {
    const d = makeDoc({ kind: "report", province: prov("Quảng Trị"), year: 2026, v: 1, issuer: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", number: "935/BC-SKHCN", date: [19, 11, 2026], signerName: "Hoàng Nam" });
    const name = "Bao cao tong ket TTDN 2026_Quang Tri.docx";
    const at = "2026-11-19T21:05:00+07:00";
    out.push({
      file: "22-quang-tri-bao-cao-2026-gmail.eml",
      client: "gmail",
      from: { name: "Lê Thị Thu Trang", address: "thutrang.ttdn.qt@gmail.com" },
      subject: "Sở KH&CN Quảng Trị gửi báo cáo tổng kết TTĐN năm 2026",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Quảng Trị", "Báo cáo số 935/BC-SKHCN tổng kết công tác thông tin đối ngoại năm 2026 (hộp thư công vụ đang lỗi nên gửi qua hộp thư cá nhân)", "Lê Thị Thu Trang - Sở Khoa học và Công nghệ tỉnh Quảng Trị", "0232.3822.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("quang-tri", "2025", "report", 2026, at, [name], "UBND tỉnh Quảng Trị")],
      why: "sender address not registered: the unit comes from the names in subject and document (Sở KH&CN Quảng Trị, UBND TỈNH QUẢNG TRỊ)",
    });
  }

  // 23 — Lào Cai, an invitation (Giấy mời) that names a year: not a report.
  {
    const lines = [
      "UBND TỈNH LÀO CAI",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Số: 215/GM-SKHCN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lào Cai, ngày 20 tháng 11 năm 2026",
      "GIẤY MỜI",
      "Dự Hội nghị tổng kết công tác thông tin đối ngoại năm 2026",
      "Sở Khoa học và Công nghệ tỉnh Lào Cai trân trọng kính mời đại diện lãnh đạo Cục Thông tin đối ngoại tới dự Hội nghị tổng kết công tác thông tin đối ngoại năm 2026 và triển khai kế hoạch năm 2027.",
      "Thời gian: 08 giờ 00, ngày 04/12/2026. Địa điểm: Hội trường Sở Khoa học và Công nghệ tỉnh Lào Cai.",
      "Rất mong đại biểu tới dự đúng giờ./.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Đỗ Văn Thành",
    ];
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${lines.map((l) => `<p>${esc(l)}</p>`).join("")}</body></html>`;
    const name = "Giay moi hoi nghi tong ket TTDN 2026.docx";
    const at = "2026-11-23T09:00:00+07:00";
    out.push({
      file: "23-lao-cai-giay-moi.eml",
      client: "outlook",
      from: { name: "Sở KH&CN tỉnh Lào Cai", address: "sokhcn@laocai.gov.vn" },
      subject: "Giấy mời dự Hội nghị tổng kết công tác thông tin đối ngoại năm 2026",
      receivedAt: at,
      text: "Kính gửi: Cục Thông tin đối ngoại.\n\nSở Khoa học và Công nghệ tỉnh Lào Cai trân trọng gửi Giấy mời dự Hội nghị (file đính kèm).\n\nTrân trọng./.",
      attachments: [{ filename: name, content: await soffice(Buffer.from(html), "html", "docx") }],
      expected: [
        {
          unit: "lao-cai",
          registry: "2025",
          kind: null,
          period: null,
          deadline: null,
          onTime: null,
          status: "unclassified",
          verdict: null,
          missingSections: [],
          attachments: [name],
          nameUsed: "UBND tỉnh Lào Cai",
        },
      ],
      why: "an invitation (Giấy mời) naming 'tổng kết … năm 2026' is not a report (contract: a document titled as another kind of paper): unclassified, no reply; .docx from LibreOffice",
    });
  }

  // 24 — Thanh Hóa, plan 2026 at 23:58 on 28/02: on time (boundary). .rtf.
  {
    const d = makeDoc({ kind: "plan", province: prov("Thanh Hóa"), year: 2026, v: 0, number: "52/KH-UBND", date: [26, 2, 2026], signerName: "Đầu Thanh Tùng" });
    const name = "KH 52 TTDN 2026.rtf";
    const at = "2026-02-28T23:58:00+07:00";
    out.push({
      file: "24-thanh-hoa-ke-hoach-2026-sat-han.eml",
      client: "gmail",
      from: { name: "Sở KHCN Thanh Hóa", address: "sokhcn@thanhhoa.gov.vn" },
      subject: "KH hoạt động TTĐN năm 2026 - UBND tỉnh Thanh Hóa",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Thanh Hóa", "Kế hoạch số 52/KH-UBND ngày 26/02/2026 về hoạt động thông tin đối ngoại năm 2026", "Sở KHCN Thanh Hóa", "0237.3852.xxx"),
      attachments: [{ filename: name, content: await soffice(Buffer.from(docHtml(d)), "html", "rtf") }],
      expected: [expect("thanh-hoa", "2025", "plan", 2026, at, [name], "UBND tỉnh Thanh Hóa")],
      why: "received 28/02/2026 23:58, two minutes before the 01/03 00:00 deadline: on time; RTF from LibreOffice",
    });
  }

  // 25 — Vĩnh Long, the 2026 report and the 2027 plan in one mail: two entries.
  {
    const r = makeDoc({ kind: "report", province: prov("Vĩnh Long"), year: 2026, v: 0, number: "611/BC-UBND", date: [26, 11, 2026], signerName: "Nguyễn Quỳnh Thiện" });
    const p = makeDoc({ kind: "plan", province: prov("Vĩnh Long"), year: 2027, v: 1, number: "402/KH-UBND", date: [26, 11, 2026], signerName: "Nguyễn Quỳnh Thiện" });
    const rn = "BC tong ket TTDN nam 2026.docx";
    const pn = "KH hoat dong TTDN nam 2027.docx";
    const at = "2026-11-28T10:30:00+07:00";
    out.push({
      file: "25-vinh-long-bao-cao-2026-va-ke-hoach-2027.eml",
      client: "outlook",
      from: { name: "Sở KH&CN Vĩnh Long", address: "sokhcn@vinhlong.gov.vn" },
      subject: "Báo cáo tổng kết TTĐN năm 2026 và Kế hoạch TTĐN năm 2027 - tỉnh Vĩnh Long",
      receivedAt: at,
      text: cover("Sở Khoa học và Công nghệ tỉnh Vĩnh Long", "Báo cáo số 611/BC-UBND tổng kết công tác thông tin đối ngoại năm 2026 và Kế hoạch số 402/KH-UBND hoạt động thông tin đối ngoại năm 2027", "Sở KH&CN Vĩnh Long", "0270.3822.xxx"),
      attachments: [
        { filename: rn, content: await docxFile(r) },
        { filename: pn, content: await docxFile(p) },
      ],
      expected: [
        expect("vinh-long", "2025", "report", 2026, at, [rn], "UBND tỉnh Vĩnh Long"),
        expect("vinh-long", "2025", "plan", 2027, at, [pn], "UBND tỉnh Vĩnh Long"),
      ],
      why: "one mail, two documents of two kinds: the 2026 report and the 2027 plan, each judged against its own parts",
    });
  }

  // 26 — Phú Yên (old name, old address), report 2025 → dak-lak.
  {
    const d = makeDoc({ kind: "report", province: prov("Đắk Lắk"), parentName: prov("Phú Yên"), year: 2025, v: 2, number: "287/BC-UBND", date: [3, 12, 2025], signerName: "Đào Mỹ" });
    const name = "BC TTĐN 2025 Phú Yên.docx";
    const at = "2025-12-05T14:50:00+07:00";
    out.push({
      file: "26-phu-yen-ten-cu-bao-cao-2025.eml",
      client: "gmail",
      from: { name: "Sở TT&TT Phú Yên", address: "stttt@phuyen.gov.vn" },
      subject: "Báo cáo tổng kết công tác thông tin đối ngoại năm 2025",
      receivedAt: at,
      text: cover("Sở Thông tin và Truyền thông tỉnh Phú Yên", "Báo cáo tổng kết công tác thông tin đối ngoại năm 2025", "Sở TT&TT Phú Yên", "0257.3822.xxx"),
      attachments: [{ filename: name, content: await docxFile(d) }],
      expected: [expect("dak-lak", "2025", "report", 2025, at, [name], "UBND tỉnh Phú Yên")],
      why: "old name and old address of Phú Yên (merged into dak-lak) for 2025, whose report deadline is after the merger: attributed to dak-lak, name used 'UBND tỉnh Phú Yên'",
    });
  }

  return out;
}

// Registered addresses the test's regimes file must carry (the registries ship with `addresses: []`).
const REGISTRY = {
  "provinces-2025": {
    "lao-cai": ["sokhcn@laocai.gov.vn"],
    "da-nang": ["sokhcn@danang.gov.vn"],
    "gia-lai": ["sovhttdl@gialai.gov.vn"],
    "nghe-an": ["sokhcn@nghean.gov.vn"],
    "ca-mau": ["sokhcn@camau.gov.vn"],
    "son-la": ["sokhcn@sonla.gov.vn"],
    "quang-ninh": ["sokhcn@quangninh.gov.vn"],
    "ho-chi-minh": ["sokhcn@tphcm.gov.vn"],
    hue: ["sokhcn@hue.gov.vn"],
    "thai-nguyen": ["sokhcn@thainguyen.gov.vn"],
    "hai-phong": ["sokhcn@haiphong.gov.vn"],
    "lam-dong": ["sovhttdl@lamdong.gov.vn"],
    "ha-noi": ["sokhcn@hanoi.gov.vn"],
    "hung-yen": ["sokhcn@hungyen.gov.vn"],
    "can-tho": ["sokhcn@cantho.gov.vn"],
    "khanh-hoa": ["sokhcn@khanhhoa.gov.vn"],
    "thanh-hoa": ["sokhcn@thanhhoa.gov.vn"],
    "vinh-long": ["sokhcn@vinhlong.gov.vn"],
    "tuyen-quang": ["sokhcn@tuyenquang.gov.vn"],
    "dak-lak": ["sokhcn@daklak.gov.vn"],
    "quang-tri": ["sokhcn@quangtri.gov.vn"],
  },
  "provinces-2013": {
    "ha-giang": ["stttt@hagiang.gov.vn"],
    "thua-thien-hue": ["stttt@thuathienhue.gov.vn"],
    "binh-duong": ["stttt@binhduong.gov.vn"],
    "yen-bai": ["stttt@yenbai.gov.vn"],
    "phu-yen": ["stttt@phuyen.gov.vn"],
  },
  unregistered: ["thutrang.ttdn.qt@gmail.com"],
};

async function main(): Promise<void> {
  const mailDir = join(HERE, "mail");
  await rm(mailDir, { recursive: true, force: true });
  await mkdir(mailDir, { recursive: true });
  const entries: Entry[] = [];
  for (const def of await defs()) {
    const raw = buildMail({
      client: def.client,
      from: def.from,
      to: [OFFICE],
      subject: def.subject,
      date: new Date(def.receivedAt),
      text: def.text,
      ...(def.html === false ? { html: false as const } : {}),
      attachments: def.attachments,
    });
    await writeFile(join(mailDir, def.file), raw);
    const registered = Object.values(REGISTRY["provinces-2025"]).flat().concat(Object.values(REGISTRY["provinces-2013"]).flat(), REGISTRY.unregistered);
    if (!registered.includes(def.from.address)) throw new Error(`${def.file}: sender ${def.from.address} not in REGISTRY`);
    entries.push({ file: `mail/${def.file}`, from: def.from.address, subject: def.subject, receivedAt: def.receivedAt, expected: def.expected, why: def.why });
  }
  const manifest = {
    description: "Province mail corpus for issue 10 (regime qt-nvdp-04). Built by build.ts; see README.md.",
    regime: "qt-nvdp-04",
    now: "2026-11-29T09:00:00+07:00",
    deadlines: { plan: "00:00 on 01/03 of the plan's year", report: "00:00 on 10/12 of the report's year" },
    sections: { plan: PLAN_SECTIONS, report: REPORT_SECTIONS },
    registry: REGISTRY,
    mails: entries,
  };
  await writeFile(join(HERE, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  const n = entries.reduce((s, e) => s + e.expected.length, 0);
  console.log(`${entries.length} mails, ${n} expected entries → ${mailDir}`);
}

await main();
