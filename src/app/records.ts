/**
 * Records over the years (issue 10 items 5, 6): the tracking table of Công văn 212 (seed 004) and the yearly KPI of
 * QT.VP.03 §9.1, both read from the recorded submissions of one regime. Views only: nothing is sent or written.
 */
import { DateTime } from "luxon";
import { formatInstant } from "../domain/calendar/index.ts";
import { yearlyKpi, type Kpi, type OffendingReport } from "../domain/kpi/index.ts";
import type { Regime } from "../domain/regime.ts";
import { trackingColumns, trackingTable, type TrackingTable } from "../domain/tracking/index.ts";
import type { Deps } from "./context.ts";
import type { TrackingRow } from "../domain/tracking/index.ts";
import { buildMail } from "./outgoing.ts";
import type { OutboxEntry, OutboxStore, SubmissionStore } from "./store.ts";

export type RecordsDeps = Pick<Deps, "settings" | "clock"> & { store: Pick<SubmissionStore, "listSubmissions"> };

/** The tracking table of a regime for the given years (columns: the regime's kinds × the years). */
export async function trackingOf(deps: RecordsDeps, regime: Regime, years: string[]): Promise<{ table: TrackingTable; title: string }> {
  const rows = await deps.store.listSubmissions({ regime: regime.id });
  const table = trackingTable(regime, trackingColumns(regime, years), rows, deps.settings.timezone);
  const span = years.length > 1 ? `${years[0]} – ${years[years.length - 1]}` : years[0];
  return { table, title: `BẢNG THEO DÕI ${regime.name.toLocaleUpperCase("vi")} NĂM ${span}` };
}

const offenceVi: Record<OffendingReport["offence"], string> = { late: "gửi muộn", khong_dat: "Không đạt", missing: "chưa gửi" };

/** The KPI of one year at the clock's now, as JSON (contract.md: `office` and each unit `dat`/`khong_dat`) and as text. */
export async function kpiOf(deps: RecordsDeps, regime: Regime, year: string): Promise<{ kpi: Kpi; json: unknown; text: string }> {
  const zone = deps.settings.timezone;
  const rows = await deps.store.listSubmissions({ regime: regime.id });
  const kpi = yearlyKpi(regime, year, rows, deps.clock.now(), zone);
  const report = (o: OffendingReport) => ({
    unit: o.unit, kind: o.kind, period: o.period, offence: o.offence, messageId: o.messageId,
    receivedAt: o.receivedAt ? formatInstant(o.receivedAt, zone) : null, deadline: formatInstant(o.deadline, zone),
  });
  const json = {
    regime: kpi.regime,
    year: kpi.year,
    office: kpi.office,
    offending: kpi.offending.map(report),
    units: kpi.units.map((u) => ({ unit: u.unit, name: u.name, verdict: u.verdict, offending: u.offending.map(report), missing: u.missing.map(report) })),
    missing: kpi.missing.map(report),
  };
  const day = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone }).toFormat("dd/MM/yyyy HH:mm") : "");
  const label = (k: string) => regime.kinds[k as keyof Regime["kinds"]]?.label ?? k;
  const name = (id: string) => kpi.units.find((u) => u.unit === id)?.name ?? id;
  const lines = [
    `Chỉ tiêu đánh giá năm ${year} (QT.VP.03 mục 9.1) — ${regime.name}: ${kpi.office === "dat" ? "Đạt" : "Không đạt"}`,
    ...(kpi.offending.length ? ["Các báo cáo không đạt chỉ tiêu:"] : ["Mọi báo cáo đã nhận đều đúng nội dung, hình thức và đúng hạn."]),
    ...kpi.offending.map((o) => `- ${name(o.unit)}: ${label(o.kind)} ${o.period} — ${offenceVi[o.offence]}${o.receivedAt ? ` (nhận ${day(o.receivedAt)}, hạn ${day(o.deadline)})` : ""}`),
    ...(kpi.missing.length ? [`Chưa gửi (đã quá hạn): ${kpi.missing.length} báo cáo.`] : []),
  ];
  return { kpi, json, text: lines.join("\n") };
}

/** Renders the table as a file (the .xlsx adapter); the app does not know the format's library. */
export type TableRenderer = (table: TrackingTable, title: string) => Promise<Buffer>;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One unit's line of the table in words: "Lào Cai — Kế hoạch … 2026: X; Báo cáo … 2026: Chậm (12/12/2026)". */
function rowLine(t: TrackingTable, r: TrackingRow, i: number): string {
  const cells = r.cells.map((c, j) => `${cap(t.columns[j]!.label)} ${t.columns[j]!.period}: ${c.state === "missing" ? "chưa nhận" : c.text}`);
  return `${i + 1}. ${r.name}${r.former ? " (trước sáp nhập)" : ""} — ${cells.join("; ")}`;
}

/**
 * The yearly summary to the Chánh Văn phòng (issue 10 item 5): the tracking table in the mail's text and as the
 * attached .xlsx, queued in the outbox (once per regime, years and day: the dedupe key).
 */
export async function queueTrackingSummary(
  deps: RecordsDeps & Pick<Deps, "settings"> & { store: Pick<OutboxStore, "enqueue"> },
  regime: Regime,
  years: string[],
  render: TableRenderer,
): Promise<OutboxEntry> {
  const { table, title } = await trackingOf(deps, regime, years);
  const now = deps.clock.now();
  const zone = deps.settings.timezone;
  const chief = deps.settings.office.chief;
  const span = years.length > 1 ? `${years[0]} – ${years[years.length - 1]}` : years[0]!;
  const totals = table.columns.map((c, i) => `- ${cap(c.label)} năm ${c.period}: đã nhận ${table.totals[i]}/${table.rows.filter((r) => !r.former).length} (đúng hạn ${table.totalsOnTime[i]}), Không đạt ${table.rows.filter((r) => r.cells[i]!.state === "khong_dat").length}`);
  const text = [
    `Kính gửi: ${chief.name}`,
    "",
    `Văn phòng xin gửi bảng theo dõi việc gửi kế hoạch, báo cáo của các đơn vị thuộc chế độ "${regime.name}" năm ${span} (tệp Excel đính kèm, theo mẫu bảng theo dõi của Công văn số 212/BTTTT-TTĐN).`,
    "",
    "Tổng hợp:",
    ...totals,
    "",
    "Chi tiết theo đơn vị (X: gửi đúng hạn; Chậm (ngày): gửi sau hạn, ngày nhận; Không đạt: chưa có bản đạt yêu cầu):",
    ...table.rows.map((r, i) => rowLine(table, r, i)),
    "",
    "Trân trọng.",
  ].join("\n");
  const xlsx = await render(table, title);
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  const dedupeKey = `tracking:${regime.id}:${years.join("-")}:${day}`;
  const entry: OutboxEntry = {
    dedupeKey,
    purpose: "tracking",
    mail: buildMail({
      dedupeKey, purpose: "tracking", from: deps.settings.mailFrom, officeAddress: deps.settings.office.address,
      to: [chief.address], cc: (deps.settings.office.officers ?? []).map((o) => o.address),
      subject: `Bảng theo dõi kế hoạch, báo cáo năm ${span} - ${regime.name}`, text, date: now,
      attachments: [{ filename: `bang-theo-doi-${regime.id}-${years.join("-")}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contentBase64: xlsx.toString("base64") }],
    }),
    rateLimited: false,
    notBefore: now,
    regime: regime.id,
  };
  await deps.store.enqueue([entry]);
  return entry;
}
