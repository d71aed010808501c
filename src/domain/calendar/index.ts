/**
 * The period calendar of QT.VP.03 and any regime: periods and their ids, deadlines, working days and office
 * hours, reminder and chase times, and how instants and periods are written. Pure: the time zone, the rules
 * and every instant are parameters; all calendar arithmetic is luxon's, in the given IANA zone.
 */
export { kindOfPeriodId, nextPeriod, periodContaining, periodFromId, previousPeriod } from "./period.ts";
export { deadlinesOf, draftTimeOf, isOnTime, isReportingPeriod, resolveDueRule } from "./rules.ts";
export { inferPeriod, periodsDueBetween } from "./infer.ts";
export { isWorkingDay, nextOfficeTime } from "./working.ts";
export { chaseTimes, parseOffset, reminderTimes, type ParsedOffset } from "./schedule.ts";
export {
  formatDateVi,
  formatDeadlineVi,
  formatDurationVi,
  formatInstant,
  parseInstant,
  periodLabelVi,
  weekdayVi,
} from "./format.ts";
