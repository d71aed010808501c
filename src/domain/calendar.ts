/**
 * The period calendar of QT.VP.03 and any regime: periods and their ids, deadlines, working days and office
 * hours, reminder and chase times, and how instants and periods are written. Pure: the time zone, the rules
 * and every instant are parameters; all calendar arithmetic is luxon's, in the given IANA zone.
 */
export { kindOfPeriodId, nextPeriod, periodContaining, periodFromId, previousPeriod } from "./calendar-period.ts";
export { deadlinesOf, draftTimeOf, isOnTime, isReportingPeriod, resolveDueRule } from "./calendar-rules.ts";
export { inferPeriod, periodsDueBetween } from "./calendar-infer.ts";
export { isWorkingDay, nextOfficeTime } from "./calendar-working.ts";
export { chaseTimes, parseOffset, reminderTimes, type ParsedOffset } from "./calendar-schedule.ts";
export {
  formatDateVi,
  formatDeadlineVi,
  formatDurationVi,
  formatInstant,
  parseInstant,
  periodLabelVi,
  weekdayVi,
} from "./calendar-format.ts";
