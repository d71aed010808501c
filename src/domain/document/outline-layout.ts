/**
 * Layout tables: Vietnamese reports are often typed inside a table used as a frame (one column, or one row whose
 * cell holds the whole text). Their paragraphs are the document, not a data table: they are lifted out so the
 * section check, the classification and the draft read them as body text. Data tables (several rows and columns,
 * "Nội dung | Kết quả") are kept as they are.
 */
import type { Block, Outline } from "../model.ts";

/** A cell with at least this many blocks makes a one-row table a frame. */
const FRAME_CELL_BLOCKS = 5;

function isFrame(table: Extract<Block, { type: "table" }>): boolean {
  const rows = table.rows.filter((r) => r.length > 0);
  if (rows.length === 0) return false;
  if (rows.every((r) => r.length === 1)) return true;
  return rows.length === 1 && rows[0]!.some((cell) => cell.length >= FRAME_CELL_BLOCKS);
}

function liftBlocks(blocks: Block[], depth: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === "table" && depth < 16 && isFrame(b)) {
      for (const row of b.rows) for (const cell of row) out.push(...liftBlocks(cell, depth + 1));
    } else {
      out.push(b);
    }
  }
  return out;
}

/** The outline with frame tables replaced by their content, in reading order (rows, then cells). */
export function liftLayoutTables(outline: Outline): Outline {
  if (!outline.blocks.some((b) => b.type === "table")) return outline;
  return { ...outline, blocks: liftBlocks(outline.blocks, 0) };
}
