/**
 * Measuring helpers for the benchmarks: timings with percentiles, a memory sampler (peak RSS and heap), and the
 * one-line JSON result a bench child prints for bench/run.ts.
 */

export interface Timing {
  count: number;
  totalMs: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summary of per-item durations in ms. */
export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, totalMs: sorted.reduce((s, x) => s + x, 0), p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

export interface MemoryPeak {
  /** Kernel high-water mark of the process's resident set (getrusage), MB. */
  maxRssMb: number;
  /** Highest sampled V8 heap in use, MB. */
  peakHeapMb: number;
  /** Highest sampled external + array buffers (Buffers live here), MB. */
  peakExternalMb: number;
}

const MB = 1024 * 1024;

/** Samples heap and external memory every `everyMs` (and on `sample()`), until `stop()`. */
export function memorySampler(everyMs = 20): { sample(): void; stop(): MemoryPeak } {
  let heap = 0;
  let external = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external + m.arrayBuffers);
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  sample();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { maxRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: heap / MB, peakExternalMb: external / MB };
    },
  };
}

/** Current resident set, MB. */
export const rssMb = (): number => process.memoryUsage().rss / MB;

/** A result row as bench/run.ts prints it: a label and its columns. */
export interface Row {
  label: string;
  cells: Record<string, string>;
}

export interface SectionResult {
  section: string;
  title: string;
  rows: Row[];
  notes: string[];
}

export const RESULT_PREFIX = "BENCH-RESULT ";

/** Prints the section's result for the parent (one line, prefixed) and exits. */
export function emit(result: SectionResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const mb = (x: number): string => x.toFixed(1);
export function rate(n: number, totalMs: number): string {
  if (totalMs <= 0) return "-";
  const r = (n * 1000) / totalMs;
  return r >= 100 ? r.toFixed(0) : r.toFixed(1);
}

/** Timing columns: ops/s, p50, p95, max (ms). */
export function timingCells(t: Timing): Record<string, string> {
  return { n: String(t.count), "ops/s": rate(t.count, t.totalMs), "p50 ms": ms(t.p50), "p95 ms": ms(t.p95), "max ms": ms(t.max) };
}

/** Renders rows as a fixed-width text table. */
export function table(rows: Row[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  const head = ["", ...cols];
  const body = rows.map((r) => [r.label, ...cols.map((c) => r.cells[c] ?? "")]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
