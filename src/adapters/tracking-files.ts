/**
 * The tracking table as files (issue 10 item 5) in the layout of Công văn 212's "Bảng theo dõi công tác thông tin
 * đối ngoại của các tỉnh, thành phố" (seed 004): a title row, two header rows (Stt, the unit, then each report kind
 * over its years), one row per unit, a "Tổng" row. .xlsx through exceljs (frozen header, widths for Vietnamese
 * names, Times New Roman), .csv (UTF-8 with BOM, so Excel reads the diacritics) and .html.
 */
import ExcelJS from "exceljs";
import type { TrackingTable } from "../domain/tracking/index.ts";

export type TrackingFormat = "xlsx" | "csv" | "html";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The kinds in column order, each with its span of periods. */
function kindSpans(t: TrackingTable): { label: string; periods: string[] }[] {
  const out: { label: string; periods: string[] }[] = [];
  for (const c of t.columns) {
    const last = out[out.length - 1];
    if (last && last.label === cap(c.label)) last.periods.push(c.period);
    else out.push({ label: cap(c.label), periods: [c.period] });
  }
  return out;
}

/** The rows of the table as plain text cells: two header rows, the units, the totals. */
export function trackingGrid(t: TrackingTable): string[][] {
  const head1 = ["Stt", "Tỉnh, thành phố / đơn vị", ...kindSpans(t).flatMap((k) => k.periods.map((_, i) => (i === 0 ? k.label : "")))];
  const head2 = ["", "", ...t.columns.map((c) => c.period)];
  const body = t.rows.map((r, i) => [String(i + 1), r.former ? `${r.name} (trước sáp nhập)` : r.name, ...r.cells.map((c) => (c.state === "missing" ? "" : c.text))]);
  const totals = ["", "Tổng", ...t.totals.map(String)];
  return [head1, head2, ...body, totals];
}

export function trackingCsv(t: TrackingTable): string {
  const esc = (v: string): string => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${trackingGrid(t).map((r) => r.map(esc).join(",")).join("\r\n")}\r\n`;
}

export function trackingHtml(t: TrackingTable, title: string): string {
  const esc = (v: string): string => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const spans = kindSpans(t);
  const head1 = `<tr><th rowspan="2">Stt</th><th rowspan="2">Tỉnh, thành phố / đơn vị</th>${spans.map((k) => `<th colspan="${k.periods.length}">${esc(k.label)}</th>`).join("")}</tr>`;
  const head2 = `<tr>${t.columns.map((c) => `<th>${esc(c.period)}</th>`).join("")}</tr>`;
  const rows = trackingGrid(t)
    .slice(2)
    .map((r, i, all) => `<tr>${r.map((v, j) => (i === all.length - 1 && j === 1 ? `<td><b>${esc(v)}</b></td>` : `<td>${esc(v)}</td>`)).join("")}</tr>`);
  return [
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title>`,
    `<style>body{font-family:"Times New Roman",serif}table{border-collapse:collapse}th,td{border:1px solid #000;padding:2px 6px;text-align:center}td:nth-child(2){text-align:left}</style></head><body>`,
    `<h3>${esc(title)}</h3>`,
    `<table><thead>${head1}${head2}</thead><tbody>${rows.join("")}</tbody></table>`,
    `<p><i>X: gửi đúng hạn; Chậm (ngày): gửi sau hạn, ngày nhận; Không đạt: chưa có bản đạt yêu cầu; ô trống: chưa nhận.</i></p>`,
    "</body></html>",
  ].join("\n");
}

/** A real .xlsx: title, two frozen header rows, merged kind headings, borders, widths that fit Vietnamese names. */
export async function trackingXlsx(t: TrackingTable, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bao-cao-intake";
  const ws = wb.addWorksheet("Bảng theo dõi", { views: [{ state: "frozen", xSplit: 2, ySplit: 3 }], pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const font = { name: "Times New Roman", size: 12 } as const;
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;
  const nCols = 2 + t.columns.length;
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, nCols);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { ...font, size: 13, bold: true };
  titleCell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 36;
  const grid = trackingGrid(t);
  for (const r of grid) ws.addRow(r);
  // Header: Stt and the unit span both header rows; each kind spans its years.
  ws.mergeCells(2, 1, 3, 1);
  ws.mergeCells(2, 2, 3, 2);
  let col = 3;
  for (const k of kindSpans(t)) {
    if (k.periods.length > 1) ws.mergeCells(2, col, 2, col + k.periods.length - 1);
    col += k.periods.length;
  }
  const last = ws.rowCount;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= nCols; c++) {
      const cell = row.getCell(c);
      const header = r <= 3;
      cell.font = { ...font, bold: header || r === last };
      cell.border = border;
      cell.alignment = { horizontal: c === 2 && !header ? "left" : "center", vertical: "middle", wrapText: true };
    }
  }
  ws.getRow(2).height = 48;
  ws.getColumn(1).width = 6;
  // The longest name ("Trung tâm Báo chí và Hợp tác truyền thông quốc tế", "Thành phố Hồ Chí Minh (trước sáp nhập)").
  const longest = Math.max(...grid.slice(2).map((r) => r[1]!.length), 20);
  ws.getColumn(2).width = Math.min(60, longest + 4);
  for (let c = 3; c <= nCols; c++) {
    const longestCell = Math.max(...grid.slice(1).map((r) => (r[c - 1] ?? "").length), 6);
    ws.getColumn(c).width = Math.min(24, Math.max(12, longestCell + 2));
  }
  ws.addRow([]);
  const legend = ws.addRow(["X: gửi đúng hạn; Chậm (ngày): gửi sau hạn, ngày nhận; Không đạt: chưa có bản đạt yêu cầu; ô trống: chưa nhận."]);
  legend.getCell(1).font = { ...font, italic: true, size: 11 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
