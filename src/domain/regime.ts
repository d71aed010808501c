import type { DayOffShift, DueRule, PeriodKind, SectionDef, UnitDef } from "./model.ts";

/** Offsets like "-24h", "-2h", "-3d", "+0h". Negative = before the deadline. */
export type Offset = string;

export interface KindRule {
  /** Vietnamese label: "báo cáo tuần". */
  label: string;
  /** Units' sending deadline. */
  due: DueRule;
  /** The office's compile deadline. */
  compile: DueRule;
  /** When the draft is compiled and sent automatically (before `compile`). */
  draftAt: DueRule;
  /** Reminders before `due`, as offsets ("-24h"). Only units with no accepted report get them. */
  reminders: Offset[];
  /** Chasing after `due`: first right after it, then every working day at `chaseTime`, until `compile`. */
  chase: { enabled: boolean; everyWorkingDay: boolean; time: string };
  /** Which periods of this kind are reporting periods, e.g. ["H1"] for `half` (H2 is the yearly report). Empty = all. */
  only?: string[];
  /**
   * Words that open this kind's title (issue 10: a province's "Kế hoạch …" is a `plan`, its "Báo cáo tổng kết …" a
   * `report`). Only regimes whose kinds share a period shape need them.
   */
  titles?: string[];
  /** This kind's own sections (Phụ lục 01 for a plan, Phụ lục 02 for a report); absent = the regime's `sections`. */
  sections?: SectionDef[];
}

/**
 * A unit of a registry that ended (issue 10: the 63 provinces until 30/6/2025), kept for reports about years due
 * before the change and for old names and addresses, which `mergedInto` maps to a unit in force afterwards.
 */
export interface FormerUnitDef extends UnitDef {
  /** Id of the unit in force it became part of. */
  mergedInto: string;
  /** Last day (ISO yyyy-mm-dd) it existed as such. */
  until: string;
}

export interface OfficeHours {
  /** "07:30" */
  start: string;
  /** "17:00" */
  end: string;
  /** The hour a deferred mail goes out on the next working morning ("08:00"). */
  morning: string;
}

/**
 * A reporting regime: QT.VP.03 (units of the Cục), later provinces (TT 22/2016) and ministries.
 * Everything here comes from `templates/regimes/<template>.yaml` overridden by the office's regimes file.
 */
export interface Regime {
  id: string;
  name: string;
  /**
   * The procedure the units' mail cites ("Quy trình tổng hợp báo cáo định kỳ (QT.VP.03)"): said in Không đạt
   * replies, reminders and chases (`{{procedure}}`). Absent: the regime's `name`.
   */
  procedure?: string;
  kinds: Partial<Record<PeriodKind, KindRule>>;
  sections: SectionDef[];
  units: UnitDef[];
  /** Issue 10: the first day (ISO) the `units` are in force; periods due before it belong to `formerUnits`. */
  unitsSince?: string;
  /** Issue 10: units of the registry before `unitsSince` (provinces-2013), with the unit each merged into. */
  formerUnits?: FormerUnitDef[];
  /** Issue 10: phrases in which a unit's name means something else ("Thái Bình Dương", "hòa bình", "Điện Biên Phủ"). */
  notUnitIn?: string[];
  /** ISO dates (yyyy-mm-dd) that are days off. */
  holidays: string[];
  /** ISO dates of weekend days that are worked (ngày làm bù). */
  workingDays: string[];
  /** ISO weekdays that are weekend days (default [6, 7]). */
  weekend: number[];
  dayOffShift: DayOffShift;
  officeHours: OfficeHours;
  receipts: boolean;
  replyLimitPerHour: number;
  oldPeriodReplies: boolean;
  /** Compile and send the draft as soon as every unit has an accepted report. */
  draftWhenComplete: boolean;
  /** Above this total size (bytes), the units' original files are listed in the cover email, not attached. */
  attachOriginalsUpTo: number;
  /** Names of the draft's fields of work (section I), numbered from 1. */
  fields: string[];
  /**
   * Replies held for the officer's approval (issue 11 item 3): `none` sends at once, `khong_dat` holds Không đạt
   * replies, `all` also receipts. Reminders, chases and drafts are never held. Absent = `none`.
   */
  holdReplies?: HoldReplies;
  /** Issue 10 item 4: the schedule of this regime's ad-hoc requests; absent keys take requests/REQUEST_SCHEDULE's. */
  requests?: Partial<RequestScheduleDef>;
}

/** When an ad-hoc request's units are reminded and chased, when its draft goes, how long it stays open. */
export interface RequestScheduleDef {
  /** Offsets before the request's deadline, as a kind's `reminders` ("-2d", "-2h"), moved into office hours. */
  reminders: readonly string[];
  /** One chase right after the deadline (in office hours) to the units asked without a Đạt answer. */
  chase: boolean;
  /** The draft goes to the Chánh Văn phòng at officeHours.morning this many days after the deadline's day. */
  draftAfterDays: number;
  /** Days after the deadline's day during which late answers are still chased, merged and the draft updated. */
  openDays: number;
}

export type HoldReplies = "none" | "khong_dat" | "all";

/** The procedure a regime's mail cites: `procedure`, else the regime's name. */
export function procedureOf(regime: Pick<Regime, "procedure" | "name">): string {
  return regime.procedure ?? regime.name;
}
