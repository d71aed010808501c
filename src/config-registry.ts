/**
 * Registries of units shipped as data under templates/registries/ (issue 10): the provinces in force since 1/7/2025,
 * the 63 before them with the unit each merged into (Nghị quyết 202/2025/QH15), the ministries. A regime template
 * names them (`registry`, `formerRegistry`); the office's regimes file adds addresses by id (`units`, `formerUnits`).
 * Read with zod once at start-up, like the rest of the configuration.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseYamlText } from "./config-yaml.ts";
// The namespace import lets the bundle keep only the parts of zod in use (issue 9 §6: start-up).
import * as z from "zod";

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/);

const registryUnitSchema = z
  .object({
    id,
    name: z.string().min(1),
    officialName: z.string().min(1).optional(),
    kind: z.string().optional(),
    formedFrom: z.array(id).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    mergedInto: id.optional(),
    aliases: z.array(z.string().min(1)).default([]),
    formerNames: z.array(z.string().min(1)).default([]),
    notUnitIn: z.array(z.string().min(1)).default([]),
    addresses: z.array(z.email().transform((a) => a.toLowerCase())).nullish().transform((a) => a ?? []),
  })
  .strict();

const registrySchema = z
  .object({ since: isoDate.optional(), until: isoDate.optional(), units: z.array(registryUnitSchema).min(1) })
  .strict();

export type RegistryUnit = z.infer<typeof registryUnitSchema>;
export type Registry = z.infer<typeof registrySchema>;

/** Reads and checks templates/registries/<name>.yaml; a problem is returned as a message naming file and path. */
export function readRegistry(templatesDir: string, name: string): { ok: true; registry: Registry } | { ok: false; message: string } {
  const file = path.join(templatesDir, "registries", `${name}.yaml`);
  if (!existsSync(file)) return { ok: false, message: `no registry "${name}" (looked for ${file})` };
  let raw: unknown;
  try {
    raw = parseYamlText(readFileSync(file, "utf8"));
  } catch (err) {
    return { ok: false, message: `cannot read YAML in ${file}: ${String(err)}` };
  }
  const parsed = registrySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { ok: false, message: `${file}: ${first.path.join(".") || "(root)"}: ${first.message}` };
  }
  return { ok: true, registry: parsed.data };
}

/** A registry unit as a regime unit: the official name and former names count as aliases. */
export function asUnit(u: RegistryUnit): { id: string; name: string; aliases: string[]; addresses: string[]; fields: number[] } {
  const aliases = [...new Set([...(u.officialName ? [u.officialName] : []), ...u.aliases, ...u.formerNames])];
  return { id: u.id, name: u.name, aliases, addresses: u.addresses, fields: [] };
}

/**
 * What a regime's `registry` and `formerRegistry` give it: units (the template's own `units`, if any, come after and
 * win by id), the day they are in force from, the former units with their mergers, and the phrases that name no unit.
 */
export function registryKeys(templatesDir: string, current: string | undefined, former: string | undefined): { ok: true; keys: Record<string, unknown> } | { ok: false; message: string } {
  const keys: Record<string, unknown> = {};
  const notUnitIn = new Set<string>();
  if (current) {
    const r = readRegistry(templatesDir, current);
    if (!r.ok) return r;
    keys.units = r.registry.units.map(asUnit);
    if (r.registry.since) keys.unitsSince = r.registry.since;
    for (const u of r.registry.units) for (const p of u.notUnitIn) notUnitIn.add(p);
  }
  if (former) {
    const r = readRegistry(templatesDir, former);
    if (!r.ok) return r;
    const missing = r.registry.units.find((u) => !u.mergedInto);
    if (missing) return { ok: false, message: `registry ${former}: unit ${missing.id} has no mergedInto` };
    keys.formerUnits = r.registry.units.map((u) => ({ ...asUnit(u), mergedInto: u.mergedInto!, until: u.until ?? r.registry.until ?? "" }));
    for (const u of r.registry.units) for (const p of u.notUnitIn) notUnitIn.add(p);
  }
  if (notUnitIn.size > 0) keys.notUnitIn = [...notUnitIn];
  return { ok: true, keys };
}
