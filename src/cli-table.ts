/** Plain aligned columns for the terminal (widths by code points, so Vietnamese text lines up). */
export function renderTable(head: string[], rows: string[][]): string {
  const cells = [head, ...rows].map((r) => r.map((c) => c.replace(/\s+/g, " ").normalize("NFC")));
  const widths = head.map((_, i) => Math.min(60, Math.max(...cells.map((r) => [...(r[i] ?? "")].length))));
  const line = (r: string[]) =>
    r.map((c, i) => {
      const chars = [...c];
      const w = widths[i] ?? 0;
      const t = chars.length > w ? `${chars.slice(0, w - 1).join("")}…` : c;
      return t + " ".repeat(Math.max(0, w - [...t].length));
    }).join("  ").trimEnd();
  return `${[line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n")}\n`;
}
