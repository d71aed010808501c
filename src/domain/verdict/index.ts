/** The verdict module's one door: judging a report (QT.VP.03 §6.2.2) and what is recorded of it. */
export * from "./verdict.ts";
export * from "./judge.ts";
export type { SubmissionRecord } from "./record.ts";
