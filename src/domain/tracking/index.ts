/**
 * The tracking table of Công văn 212 (seed 004, issue 10 item 5): rows are units, columns report kinds × years (or
 * periods), each cell says what the record shows for that unit and report: on time, late (with the receipt date),
 * Không đạt (no accepted version), or missing; a totals row counts what was received on time or late per column.
 * A unit's cell follows its first Đạt version (contract.md "Periods, versions, timeliness"). Pure: rows in, table out.
 */
import { DateTime } from "luxon";
import type { PeriodKind } from "../model.ts";
import type { Regime } from "../regime.ts";

/** What the table reads of a recorded report. */
export interface TrackedReport {
  id: number;
  messageId: string;
  unit: string | null;
  kind: string | null;
  period: string | null;
  status: string;
  verdict: string | null;
  receivedAt: Date;
  onTime: boolean | null;
}

export type CellState = "on_time" | "late" | "khong_dat" | "missing";

export interface Cell {
  state: CellState;
  /** Receipt of the version the state comes from (first Đạt, else the latest), else null. */
  receivedAt: Date | null;
  /** What the cell shows: "X", "Chậm (15/12/2025)", "Không đạt", "Chưa nhận". */
  text: string;
}

export interface Column {
  kind: PeriodKind;
  /** The kind's label in the regime ("kế hoạch hoạt động thông tin đối ngoại"). */
  label: string;
  period: string;
}

export interface TrackingRow {
  unit: string;
  name: string;
  /** True for a unit of the former registry (before a merger), listed for its old years. */
  former: boolean;
  cells: Cell[];
  /** Reports received (on time or late) in the row. */
  received: number;
}

export interface TrackingTable {
  regime: string;
  columns: Column[];
  rows: TrackingRow[];
  /** Per column: reports received (on time or late). */
  totals: number[];
  /** Per column: of them, on time. */
  totalsOnTime: number[];
}

const text = (state: CellState, at: Date | null, zone: string): string => {
  const day = at ? DateTime.fromJSDate(at, { zone }).toFormat("dd/MM/yyyy") : "";
  switch (state) {
    case "on_time":
      return "X";
    case "late":
      return `Chậm (${day})`;
    case "khong_dat":
      return "Không đạt";
    default:
      return "Chưa nhận";
  }
};

/** The cell of one unit and one column, from its report versions. */
export function cellOf(reports: readonly TrackedReport[], zone: string): Cell {
  const versions = reports
    .filter((r) => r.status === "accepted" || r.status === "rejected")
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
  const first = versions.find((r) => r.status === "accepted") ?? null;
  const latest = versions[versions.length - 1] ?? null;
  const state: CellState = first ? (first.onTime ? "on_time" : "late") : latest ? "khong_dat" : "missing";
  const at = (first ?? latest)?.receivedAt ?? null;
  return { state, receivedAt: at, text: text(state, at, zone) };
}

/** Columns: each kind of the regime (template order) × each period id (years "2025", "2026"). */
export function trackingColumns(regime: Regime, periods: string[]): Column[] {
  const kinds = Object.keys(regime.kinds) as PeriodKind[];
  return kinds.flatMap((kind) => periods.map((period) => ({ kind, label: regime.kinds[kind]!.label, period })));
}

/**
 * The table for `columns`: the regime's units in registry order, then any former unit with a report in them (a
 * province's old years), then any other unit id on record.
 */
export function trackingTable(regime: Regime, columns: Column[], reports: readonly TrackedReport[], zone: string): TrackingTable {
  const inColumns = reports.filter((r) => r.unit && columns.some((c) => c.kind === r.kind && c.period === r.period));
  const units: { unit: string; name: string; former: boolean }[] = regime.units.map((u) => ({ unit: u.id, name: u.name, former: false }));
  for (const f of regime.formerUnits ?? []) {
    if (!units.some((u) => u.unit === f.id) && inColumns.some((r) => r.unit === f.id)) units.push({ unit: f.id, name: f.name, former: true });
  }
  for (const r of inColumns) if (!units.some((u) => u.unit === r.unit)) units.push({ unit: r.unit!, name: r.unit!, former: true });
  const rows: TrackingRow[] = units.map((u) => {
    const cells = columns.map((c) => cellOf(inColumns.filter((r) => r.unit === u.unit && r.kind === c.kind && r.period === c.period), zone));
    return { ...u, cells, received: cells.filter((x) => x.state === "on_time" || x.state === "late").length };
  });
  const totals = columns.map((_, i) => rows.filter((r) => r.cells[i]!.state === "on_time" || r.cells[i]!.state === "late").length);
  const totalsOnTime = columns.map((_, i) => rows.filter((r) => r.cells[i]!.state === "on_time").length);
  return { regime: regime.id, columns, rows, totals, totalsOnTime };
}

/** "2025-2026" → ["2025", "2026"]; "2026" → ["2026"]; null for anything else or a reversed range. */
export function yearRange(text: string): string[] | null {
  const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from || to - from > 50) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
