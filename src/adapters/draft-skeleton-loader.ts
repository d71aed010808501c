/**
 * Reads the office-editable draft skeletons (templates/draft/<regime id>.yaml; a regime without its own uses the
 * QT.VP.03 one) once at start-up, so a broken skeleton stops start-up naming the file instead of failing when a
 * draft falls due.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDraftSkeletonYaml, type DraftSkeleton } from "../domain/draft/index.ts";
import { IntakeError } from "./errors.ts";

const FALLBACK = "qt-vp-03";

/** Every skeleton in `dir`, checked; the lookup answers a regime id with its skeleton or the fallback. */
export function loadDraftSkeletons(dir: string): (regimeId: string) => DraftSkeleton {
  const skeletons = new Map<string, DraftSkeleton>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")) : [];
  for (const f of files) {
    const file = path.join(dir, f);
    const parsed = parseDraftSkeletonYaml(readFileSync(file, "utf8"));
    if (!parsed.ok) throw new IntakeError("ECONFIG", `Invalid draft skeleton ${file}: ${parsed.error}`);
    skeletons.set(path.basename(f, ".yaml"), parsed.skeleton);
  }
  const fallback = skeletons.get(FALLBACK);
  if (!fallback) throw new IntakeError("ECONFIG", `No draft skeleton ${path.join(dir, `${FALLBACK}.yaml`)}: the drafts cannot be compiled.`);
  return (regimeId) => skeletons.get(regimeId) ?? fallback;
}
