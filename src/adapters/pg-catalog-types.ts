/**
 * Workaround for prisma/orm#27403: through @prisma/adapter-pg, Prisma 6.19's migrate reads PostgreSQL catalog
 * columns of type `name` (OID 19) and `"char"` (OID 18), which the adapter cannot deserialise ("Column type
 * 'name' could not be deserialized"). Both are plain text, so this pg client reports them as `text` (OID 25).
 * Used only by prisma.config.ts for `migrate`; remove once the upstream issue is fixed.
 */
import pg from "pg";

const AS_TEXT = new Set([18, 19]);
const TEXT_OID = 25;

function patch(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as { fields?: { dataTypeID: number }[] }[]) {
    for (const f of r?.fields ?? []) if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  }
  return result;
}

export class CatalogTextClient extends pg.Client {
  // pg's query has many overloads (promise and callback); this keeps them and patches the result.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as (err: Error | null, res: unknown) => void;
      args[args.length - 1] = (err: Error | null, res: unknown) => cb(err, err ? res : patch(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(patch) : out) as never;
  }
}

/** A pg pool whose clients report catalog `name`/`"char"` columns as text. */
export function catalogTextPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogTextClient as unknown as typeof pg.Client });
}
