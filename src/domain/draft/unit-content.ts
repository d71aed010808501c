/**
 * A unit's content as the draft shows it: its own blocks when its report is accepted (Đạt), otherwise a visible
 * placeholder naming the unit (missing, Không đạt, or a MẬT document that is never merged).
 */
import type { DraftNode } from "./plan.ts";
import { fillSlots, type DraftSkeleton } from "./skeleton.ts";
import type { Block } from "../model.ts";
import type { UnitReportForDraft } from "./plan.ts";

/** True when the blocks carry any text or a table (an empty paragraph is not content). */
export function hasContent(blocks: Block[] | undefined): boolean {
  return (blocks ?? []).some((b) => b.type === "table" || b.runs.some((r) => r.text.trim().length > 0));
}

/** The placeholder of a unit whose content is not merged, or null when it is accepted. */
export function unitPlaceholder(u: UnitReportForDraft, skeleton: DraftSkeleton): string | null {
  if (u.state === "accepted") return null;
  return fillSlots(skeleton.placeholders[u.state], { unit: u.unit.name });
}

/**
 * A unit's blocks of one section, or the placeholder that stands in for them. An accepted report without the
 * section gets `ifEmpty` (default: the skeleton's "no content" placeholder).
 */
export function unitSection(u: UnitReportForDraft, sectionId: string, skeleton: DraftSkeleton, ifEmpty?: DraftNode): DraftNode[] {
  const note = unitPlaceholder(u, skeleton);
  if (note !== null) return [{ kind: "paragraph", role: "placeholder", text: note }];
  const blocks = u.sections[sectionId];
  if (!blocks || !hasContent(blocks)) {
    return [ifEmpty ?? { kind: "paragraph", role: "placeholder", text: fillSlots(skeleton.placeholders.emptySection, { unit: u.unit.name }) }];
  }
  return [{ kind: "content", unit: u.unit.id, blocks }];
}
