/** The decision about one report found in a message, as recorded (contract.md "submissions --json"). */
export interface SubmissionRecord {
  index: number;
  regime: string | null;
  unit: string | null;
  kind: string | null;
  period: string | null;
  deadline: Date | null;
  onTime: boolean | null;
  lateSeconds: number | null;
  status: "accepted" | "rejected" | "unclassified" | "ignored" | "failed";
  verdict: "dat" | "khong_dat" | null;
  missingSections: string[];
  findings: unknown;
  verdictDetail: unknown;
  evidence: unknown;
  confidence: number;
  attachments: string[];
  outline: unknown | null;
  secret: string | null;
  reason: string | null;
}
