/**
 * The Maildir mailbox against a real Maildir in a temp folder: delivery times from names and mtimes, the order of
 * listing, files in cur/ with the officer's flags left exactly as they were, the watch noticing a new delivery
 * within seconds, a file that vanishes between listing and reading.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Mailbox, RawMessage } from "../../src/app/ports.ts";
import { createMaildirMailbox, deliveryTimeOf, maildirKey } from "../../src/adapters/maildir-mailbox.ts";
import { outlookMail } from "../support/eml.ts";

const logger = pino({ level: "silent" });
let base: string;
let seq = 0;
const open: Mailbox[] = [];

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "intake-maildir-"));
});
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});
afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  seq += 1;
  return path.join(base, `box-${seq}`);
}

function box(dir: string, over: { pollIntervalMs?: number; watch?: boolean } = {}): Mailbox {
  const m = createMaildirMailbox({ dir, logger, ...over });
  open.push(m);
  return m;
}

function report(subject: string, from = "nvdp@cuc.example.vn"): Buffer {
  return outlookMail({
    from: { name: "Phòng Nghiệp vụ - Điều phối", address: from },
    to: ["tonghop@cuc.example.vn"],
    subject,
    text: "Kính gửi Văn phòng Cục,\r\nPhòng gửi báo cáo kết quả công tác tuần và kế hoạch tuần tới.\r\nTrân trọng.",
    date: new Date("2026-11-18T10:12:00+07:00"),
  });
}

async function collect(m: Mailbox, keys: string[]): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const r of m.fetch(keys)) out.push(r);
  return out;
}

/** Names and mtimes of every file under the Maildir, to prove a pass changed nothing. */
function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const sub of ["new", "cur", "tmp"]) {
    for (const f of readdirSync(path.join(dir, sub))) out[`${sub}/${f}`] = statSync(path.join(dir, sub, f)).mtimeMs;
  }
  return out;
}

describe("maildir names", () => {
  it.each([
    ["1763435520.M123456P4242.mail.cuc.example.vn,S=2048,W=2100:2,S", "1763435520.M123456P4242.mail.cuc.example.vn,S=2048,W=2100", "2025-11-18T03:12:00.000Z"],
    ["1763435520.M1P1.host:2,", "1763435520.M1P1.host", "2025-11-18T03:12:00.000Z"],
    ["1763435520.M1P1.host", "1763435520.M1P1.host", "2025-11-18T03:12:00.000Z"],
    ["1763435520.M1P1.host!2,RS", "1763435520.M1P1.host", "2025-11-18T03:12:00.000Z"],
    ["1763435520_0.12345.thunderbird,U=3:2,FS", "1763435520_0.12345.thunderbird,U=3", "2025-11-18T03:12:00.000Z"],
    ["bao-cao-tuan-47.eml", "bao-cao-tuan-47.eml", null],
    ["msg.1763435520", "msg.1763435520", null],
    ["20261118.eml", "20261118.eml", null],
  ])("%s → key %s, delivered %s", (name, key, iso) => {
    expect(maildirKey(name)).toBe(key);
    expect(deliveryTimeOf(name)?.toISOString() ?? null).toBe(iso);
  });
});

describe("createMaildirMailbox", () => {
  it("creates new/, cur/ and tmp/ when they are missing; an empty Maildir lists nothing", async () => {
    const dir = await freshDir();
    const m = box(dir);
    expect(await m.open()).toEqual({ uidValidity: 0 });
    for (const sub of ["new", "cur", "tmp"]) expect(statSync(path.join(dir, sub)).isDirectory()).toBe(true);
    expect(await m.listKeys()).toEqual([]);
    expect(m.name).toBe(path.resolve(dir));
  });

  it("lists new/ and cur/ by delivery time, then name; reads the time from the name, else the mtime; skips tmp/ and dot files", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    const a = "1763435520.M200P10.mail.cuc.example.vn";
    const b = "1763435520.M100P11.mail.cuc.example.vn"; // same second, earlier microseconds
    const c = "1763435400.M5P9.mail.cuc.example.vn"; // two minutes earlier, already read by the officer
    await writeFile(path.join(dir, "new", a), report("Báo cáo tuần 47 - Phòng NVĐP"));
    await writeFile(path.join(dir, "new", b), report("Báo cáo tuần 47 - TTBC", "ttbc@cuc.example.vn"));
    await writeFile(path.join(dir, "cur", `${c}:2,S`), report("Báo cáo tuần 47 - Văn phòng", "vp@cuc.example.vn"));
    // Copied in by hand (no delivery time in the name): its mtime is the receipt time.
    const hand = path.join(dir, "new", "bao-cao-ttdn-tuan-47.eml");
    await writeFile(hand, report("Báo cáo tuần 47 - Phòng TTĐN", "ttdn@cuc.example.vn"));
    const handTime = new Date("2025-11-18T03:00:00Z");
    await utimes(hand, handTime, handTime);
    await writeFile(path.join(dir, "tmp", "1763435999.M1P1.host"), "half-written delivery");
    await writeFile(path.join(dir, "new", ".bao-cao.eml.swp"), "editor swap file");
    await mkdir(path.join(dir, "cur", ".Sent"), { recursive: true });

    const keys = await m.listKeys();
    expect(keys).toEqual(["bao-cao-ttdn-tuan-47.eml", c, b, a]);
    const got = await collect(m, keys);
    expect(got.map((r) => [r.key, r.internalDate.toISOString(), r.uid, r.uidValidity, r.mailbox])).toEqual([
      ["bao-cao-ttdn-tuan-47.eml", "2025-11-18T03:00:00.000Z", 0, 0, path.resolve(dir)],
      [c, "2025-11-18T03:10:00.000Z", 0, 0, path.resolve(dir)],
      [b, "2025-11-18T03:12:00.000Z", 0, 0, path.resolve(dir)],
      [a, "2025-11-18T03:12:00.000Z", 0, 0, path.resolve(dir)],
    ]);
    expect(got[1]!.source.toString("utf8")).toContain("Subject:");
    expect(got[0]!.source.equals(report("Báo cáo tuần 47 - Phòng TTĐN", "ttdn@cuc.example.vn"))).toBe(true);
  });

  it("leaves every file's name and mtime exactly as they were: no move to cur/, no flag, no deletion", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    await writeFile(path.join(dir, "new", "1763435520.M1P1.host"), report("Báo cáo tuần 47"));
    await writeFile(path.join(dir, "cur", "1763435400.M2P1.host:2,FS"), report("Báo cáo tháng 11/2026"));
    await writeFile(path.join(dir, "cur", "1763435300.M3P1.host:2,"), report("Báo cáo quý IV/2026"));
    const old = new Date("2025-11-17T01:00:00Z");
    for (const sub of ["new", "cur"]) {
      for (const f of readdirSync(path.join(dir, sub))) await utimes(path.join(dir, sub, f), old, old);
    }
    const before = snapshot(dir);
    const keys = await m.listKeys();
    expect(await collect(m, keys)).toHaveLength(3);
    await m.listKeys();
    await m.close();
    expect(snapshot(dir)).toEqual(before);
    expect(Object.keys(before).sort()).toEqual(["cur/1763435300.M3P1.host:2,", "cur/1763435400.M2P1.host:2,FS", "new/1763435520.M1P1.host"]);
  });

  it("keeps the key when the officer's client moves a mail from new/ to cur/ and flags it after the listing", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    const unique = "1763435520.M9P77.mail.cuc.example.vn";
    await writeFile(path.join(dir, "new", unique), report("Báo cáo tuần 47 - Phòng NVĐP"));
    const keys = await m.listKeys();
    await rename(path.join(dir, "new", unique), path.join(dir, "cur", `${unique}:2,S`));
    const got = await collect(m, keys);
    expect(got.map((r) => r.key)).toEqual([unique]);
    expect(await m.listKeys()).toEqual([unique]);
  });

  it("skips a file that vanished between listing and reading, and reads the rest", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    await writeFile(path.join(dir, "new", "1763435500.M1P1.host"), report("Báo cáo tuần 47 - NVĐP"));
    await writeFile(path.join(dir, "new", "1763435510.M1P1.host"), report("Báo cáo tuần 47 - TTBC"));
    const keys = await m.listKeys();
    await unlink(path.join(dir, "new", "1763435500.M1P1.host"));
    const got = await collect(m, keys);
    expect(got.map((r) => r.key)).toEqual(["1763435510.M1P1.host"]);
  });

  it("lists a large folder by names alone, in order", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    const names: string[] = [];
    for (let i = 0; i < 2000; i++) names.push(`${1763400000 + (i * 7919) % 2000}.M${i}P1.host`);
    await Promise.all(names.map((n) => writeFile(path.join(dir, "new", n), "Subject: x\r\n\r\nx\r\n")));
    const started = Date.now();
    const keys = await m.listKeys();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(keys).toHaveLength(2000);
    const seconds = keys.map((k) => Number(k.split(".")[0]));
    expect(seconds).toEqual([...seconds].sort((x, y) => x - y));
  });

  it.each([
    ["fs.watch", { watch: true, pollIntervalMs: 60_000 }],
    ["polling alone", { watch: false, pollIntervalMs: 500 }],
  ])("notices a new delivery within seconds (%s), and waits while nothing changes", async (_label, over) => {
    const dir = await freshDir();
    const m = box(dir, over);
    await m.open();
    await writeFile(path.join(dir, "new", "1763435500.M1P1.host"), report("Báo cáo tuần 47 - NVĐP"));
    await m.listKeys();
    await collect(m, ["1763435500.M1P1.host"]);

    // Nothing changed (reading a file is not a change): the wait lasts until its end.
    let t = Date.now();
    await m.waitForChange(1_200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(1_100);

    t = Date.now();
    const waiting = m.waitForChange(30_000);
    setTimeout(() => {
      // A delivery as a mail server does it: written in tmp/, then renamed into new/.
      const name = "1763435600.M2P1.host";
      void writeFile(path.join(dir, "tmp", name), report("Báo cáo tuần 47 - TTBC")).then(() =>
        rename(path.join(dir, "tmp", name), path.join(dir, "new", name)),
      );
    }, 300);
    await waiting;
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(await m.listKeys()).toEqual(["1763435500.M1P1.host", "1763435600.M2P1.host"]);
  });

  it("a file copied in by hand (no Maildir name) is read once it has stopped changing, and the wait wakes for it", async () => {
    const dir = await freshDir();
    const m = box(dir, { pollIntervalMs: 60_000 });
    await m.open();
    await m.listKeys();
    const file = path.join(dir, "new", "bao-cao-tuan-47-ttbc.eml");
    await writeFile(file, report("Báo cáo tuần 47 - TTBC").subarray(0, 40)); // a copy still being written
    expect(await m.listKeys()).toEqual([]);
    await writeFile(file, report("Báo cáo tuần 47 - TTBC"));
    const t = Date.now();
    await m.waitForChange(10_000);
    await new Promise((r) => setTimeout(r, Math.max(0, 600 - (Date.now() - t))));
    expect(await m.listKeys()).toEqual(["bao-cao-tuan-47-ttbc.eml"]);
    const [got] = await collect(m, ["bao-cao-tuan-47-ttbc.eml"]);
    expect(got!.source.equals(report("Báo cáo tuần 47 - TTBC"))).toBe(true);
  });

  it("a change between the listing and the wait is not lost", async () => {
    const dir = await freshDir();
    const m = box(dir, { pollIntervalMs: 60_000 });
    await m.open();
    await m.listKeys();
    await writeFile(path.join(dir, "new", "1763435700.M1P1.host"), report("Báo cáo tuần 47 - VP"));
    await new Promise((r) => setTimeout(r, 200));
    const t = Date.now();
    await m.waitForChange(10_000);
    expect(Date.now() - t).toBeLessThan(1_000);
  });

  it("close ends a wait at once", async () => {
    const dir = await freshDir();
    const m = box(dir);
    await m.open();
    await m.listKeys();
    const t = Date.now();
    const waiting = m.waitForChange(30_000);
    setTimeout(() => void m.close(), 100);
    await waiting;
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(existsSync(path.join(dir, "tmp"))).toBe(true);
  });
});
