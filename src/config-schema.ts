/** zod schemas of the regimes file (REGIMES_FILE) and of the regime templates under templates/regimes/. */
// The namespace import lets the bundle keep only the parts of zod in use (issue 9 §6: start-up).
import * as z from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date yyyy-mm-dd");
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time "HH:mm"');
const offset = z.string().regex(/^[+-]\d+(m|h|d)$/, 'must be an offset like "-24h", "-3d" or "-30m"');
const address = z.email().transform((a) => a.toLowerCase());

export const dueRuleSchema = z
  .object({
    from: z.enum(["start", "end"]).optional(),
    addMonths: z.number().int().optional(),
    addWeeks: z.number().int().optional(),
    addDays: z.number().int().optional(),
    setMonth: z.number().int().min(1).max(12).optional(),
    setDay: z.number().int().min(1).max(31).optional(),
    setWeekday: z.number().int().min(1).max(7).optional(),
    time: hhmm,
  })
  .strict();

export const sectionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    title: z.string().min(1),
    required: z.boolean(),
    description: z.string().min(1),
    headings: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const kindRuleSchema = z
  .object({
    label: z.string().min(1),
    due: dueRuleSchema,
    compile: dueRuleSchema,
    draftAt: dueRuleSchema,
    reminders: z.array(offset),
    chase: z.object({ enabled: z.boolean(), everyWorkingDay: z.boolean(), time: hhmm }).strict(),
    only: z.array(z.string()).optional(),
    // Issue 10: words opening this kind's title, and the kind's own sections (a province's plan and report).
    titles: z.array(z.string().min(1)).optional(),
    sections: z.array(sectionSchema).min(1).optional(),
  })
  .strict();

export const unitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a short lower-case id"),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    addresses: z.array(address).default([]),
    fields: z.array(z.number().int().min(1)).default([]),
  })
  .strict();

/** A unit in the office's file: merged by id into the template's unit (only the keys given replace). */
const unitOverrideSchema = z
  .object({
    id: unitSchema.shape.id,
    name: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).optional(),
    addresses: z.array(address).optional(),
    fields: z.array(z.number().int().min(1)).optional(),
  })
  .strict();

const kinds = ["week", "month", "quarter", "half", "year", "plan", "report", "request"] as const;

/**
 * `sectionHeadings` (issue 11 item 4): the office's own headings added to a section's `headings` without
 * rewriting the template's whole `sections` list (an array in the office's file replaces the template's).
 * `intake headings --suggest` prints these lines.
 */
export const sectionHeadingsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(z.string().min(1)).min(1));

/**
 * The pinned per-regime keys of contract.md "Configuration": `deadlines` (per kind, any of its due, compile and
 * draftAt rules, merged key by key into the template's) and `reminders` (per kind, the offsets before the units'
 * deadline). They are shorthand for the same keys under `kinds`.
 */
export const regimeShorthandSchema = z
  .object({
    deadlines: z
      .partialRecord(
        z.enum(kinds),
        z.object({ due: dueRuleSchema.partial().optional(), compile: dueRuleSchema.partial().optional(), draftAt: dueRuleSchema.partial().optional() }).strict(),
      )
      .optional(),
    reminders: z.partialRecord(z.enum(kinds), z.array(offset)).optional(),
  })
  .strict();

/** A complete regime after the office's overrides are merged into its template. */
export const regimeTemplateSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    // The procedure the units' mail cites ({{procedure}} in khong_dat, reminder, chase); default: `name`.
    procedure: z.string().min(1).optional(),
    kinds: z.partialRecord(z.enum(kinds), kindRuleSchema),
    // Issue 10: a regime whose kinds all have their own sections needs none here (the loader fills the union).
    sections: z.array(sectionSchema).default([]),
    units: z.array(unitSchema).min(1),
    // Issue 10: the registry the units come from (templates/registries/<name>.yaml), the one before it (history)
    // and what the loader read of them: the former units with their mergers, names that are no unit.
    registry: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).optional(),
    formerRegistry: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).optional(),
    unitsSince: isoDate.optional(),
    formerUnits: z.array(unitSchema.extend({ mergedInto: z.string().min(1), until: isoDate })).optional(),
    notUnitIn: z.array(z.string().min(1)).optional(),
    fields: z.array(z.string().min(1)).default([]),
    holidays: z.array(isoDate).default([]),
    workingDays: z.array(isoDate).default([]),
    weekend: z.array(z.number().int().min(1).max(7)).default([6, 7]),
    dayOffShift: z.enum(["stays", "earlier", "later"]).default("stays"),
    officeHours: z.object({ start: hhmm, end: hhmm, morning: hhmm }).strict(),
    receipts: z.boolean().default(true),
    replyLimitPerHour: z.number().int().min(1).default(5),
    oldPeriodReplies: z.boolean().default(false),
    draftWhenComplete: z.boolean().default(false),
    attachOriginalsUpTo: z.number().int().min(0).default(10_000_000),
    holdReplies: z.enum(["none", "khong_dat", "all"]).default("none"),
    // Issue 10 item 4: the schedule of this regime's ad-hoc requests (default: REQUEST_SCHEDULE of src/domain/requests).
    requests: z
      .object({
        reminders: z.array(offset).optional(),
        chase: z.boolean().optional(),
        draftAfterDays: z.number().int().min(0).max(60).optional(),
        openDays: z.number().int().min(1).max(90).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.units.forEach((u, i) => {
      if (ids.has(u.id)) ctx.addIssue({ code: "custom", path: ["units", i, "id"], message: `duplicate unit id "${u.id}"` });
      ids.add(u.id);
      u.fields.forEach((f, j) => {
        if (r.fields.length && f > r.fields.length) {
          ctx.addIssue({ code: "custom", path: ["units", i, "fields", j], message: `field ${f} does not exist (the regime has ${r.fields.length})` });
        }
      });
    });
    const kindSections = Object.values(r.kinds).map((k) => k?.sections);
    const everyKindHasOwn = kindSections.length > 0 && kindSections.every((x) => x !== undefined && x.some((s) => s.required));
    if (!everyKindHasOwn && !r.sections.some((s) => s.required)) ctx.addIssue({ code: "custom", path: ["sections"], message: "at least one section must be required" });
  });

/** Issue 13 §1: limits on hostile or broken mail, in the office's units (defaults in src/adapters/limits.ts). */
export const limitsSchema = z
  .object({
    messageMb: z.number().positive().optional(),
    attachmentMb: z.number().positive().optional(),
    attachmentsPerMessage: z.number().int().positive().optional(),
    mimeDepth: z.number().int().min(2).optional(),
    zipUncompressedMb: z.number().positive().optional(),
    zipRatio: z.number().min(10).optional(),
    documentSeconds: z.number().positive().optional(),
    workerMemoryMb: z.number().int().min(64).optional(),
  })
  .strict();

const person = z.object({ name: z.string().min(1), address }).strict();

/** The office's regimes file. Regime entries carry `id`, `template` and any override of the template's keys. */
export const regimeFileSchema = z
  .object({
    timezone: z.string().default("Asia/Ho_Chi_Minh"),
    /**
     * Issue 13 §8: the authserv-id the office's own mail server writes in Authentication-Results (RFC 8601). Set, a
     * mail in the name of a unit, the chief or an officer that it found forged waits for a person (`auth_failed`).
     */
    trustAuthenticationResults: z.string().regex(/^[A-Za-z0-9.-]+$/, "must be the authserv-id of the office's mail server, e.g. mail.cuc.gov.vn").optional(),
    /** Issue 13 §1: resource limits; each key optional. */
    limits: limitsSchema.optional(),
    /**
     * Go-live (issue 9): mail received before this instant is recorded but never answered, and scheduled jobs due
     * before it are recorded as skipped, never sent. ISO date-time, read in `timezone` without an offset.
     * Default: the first start, stored in the database.
     */
    answerSince: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i, 'must be an ISO date-time, e.g. "2026-12-01T00:00:00+07:00"')
      .optional(),
    office: z
      .object({
        name: z.string().min(1),
        address,
        chief: person,
        /** Lãnh đạo Cục: also gets the laggards summary (QT.VP.03 §8). */
        leadership: z.array(person).optional(),
        /** The compiling officer(s), copied on drafts and sent the daily digest; default: the office address. */
        officers: z.array(person).optional(),
      })
      .strict(),
    /** §7 of every procedure: archived mail and reports are kept at least 3 years (issue 10); `intake retention`. */
    retentionYears: z.number().int().min(3, "records are kept at least 3 years (QT.VP.03 §7)").default(5),
    regimes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
            template: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must name a file under templates/regimes/ without .yaml"),
            units: z.array(unitOverrideSchema).optional(),
            /** Issue 10: addresses (and names) of the former registry's units, merged by id like `units`. */
            formerUnits: z.array(unitOverrideSchema).optional(),
          })
          .catchall(z.unknown()),
      )
      .min(1),
  })
  .strict();

export type RegimeFile = z.infer<typeof regimeFileSchema>;
