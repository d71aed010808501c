/**
 * Progress of long work for a person at a terminal (issue 9 §6): "Đã xử lý 1.200/2.000 thư" rewritten in place on
 * stderr. Piped or redirected (stderr not a TTY: scripts, systemd, tests) it writes nothing.
 */

/** 1200 → "1.200" (Vietnamese groups thousands with a dot). */
export function groupVi(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export function progressLine(noun: string, stream: NodeJS.WriteStream = process.stderr, minIntervalMs = 200): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < minIntervalMs) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2KĐã xử lý ${groupVi(done)}/${groupVi(total)} ${noun}`);
    },
    done() {
      if (shown) stream.write("\n");
      shown = false;
    },
  };
}
