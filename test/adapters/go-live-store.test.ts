/**
 * JobStore.goLive on a real SQLite database (issue 9 item 4): the first process that acts on an empty database
 * records its time, once; a database that already holds work (an upgrade) gets the epoch, so nothing it does
 * changes; a dry run reads without recording. And `answerSince` in the regimes file as the configuration reads it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/adapters/database.ts";
import { createPrismaStore } from "../../src/adapters/prisma-store.ts";
import type { Store } from "../../src/app/store.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";

const dir = mkdtempSync(path.join(tmpdir(), "intake-golive-"));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
async function freshStore(): Promise<Store> {
  seq += 1;
  const store = createPrismaStore(await openDatabase(`file:${path.join(dir, `golive-${seq}.db`)}`));
  stores.push(store);
  return store;
}

const at = (iso: string) => new Date(iso);

describe("JobStore.goLive", () => {
  it("on an empty database: the first call's time, recorded once; later calls and other times return it", async () => {
    const store = await freshStore();
    expect(await store.goLive(at("2026-11-29T09:00:00+07:00"), { record: false })).toEqual(at("2026-11-29T09:00:00+07:00"));
    // The dry run recorded nothing: a later first start is the line.
    expect(await store.goLive(at("2026-11-30T08:00:00+07:00"))).toEqual(at("2026-11-30T08:00:00+07:00"));
    expect(await store.goLive(at("2026-12-07T08:00:00+07:00"))).toEqual(at("2026-11-30T08:00:00+07:00"));
    expect(await store.goLive(at("2026-12-07T08:00:00+07:00"), { record: false })).toEqual(at("2026-11-30T08:00:00+07:00"));
    expect(await store.jobDone("go-live")).toBe(true);
  });

  it("on a database that already holds a message (an upgrade): the epoch, nothing stale-guarded", async () => {
    const store = await freshStore();
    await store.recordReceived({
      mailbox: "INBOX", uidValidity: 1700000000, key: "12", messageId: "<bc-tuan-47@cuc.example.vn>", sha256: "ef".repeat(32),
      archivePath: "ef/ef/z.eml", receivedAt: at("2026-11-18T10:12:00+07:00"), fromAddress: "nvdp@cuc.example.vn", originalFrom: null, subject: "",
    });
    expect(await store.goLive(at("2026-11-29T09:00:00+07:00"))).toEqual(new Date(0));
    expect(await store.goLive(at("2026-11-30T09:00:00+07:00"))).toEqual(new Date(0));
  });

  it("on a database with a job recorded but no message: the epoch too", async () => {
    const store = await freshStore();
    await store.commitJob({ key: "reminder:qt-vp-03:2026-W48:nvdp:-24h", kind: "reminder", dueAt: at("2026-11-25T15:00:00+07:00"), detail: {} }, []);
    expect(await store.goLive(at("2026-11-29T09:00:00+07:00"))).toEqual(new Date(0));
  });
});

describe("answerSince in the regimes file", () => {
  const file = (line: string) => {
    seq += 1;
    const f = path.join(dir, `regimes-${seq}.yaml`);
    writeFileSync(
      f,
      [
        "timezone: Asia/Ho_Chi_Minh",
        line,
        "office:",
        "  name: Văn phòng Cục Thông tin đối ngoại",
        "  address: tonghop@cuc.example.vn",
        "  chief: { name: Chánh Văn phòng, address: chanhvp@cuc.example.vn }",
        "regimes:",
        "  - id: qt-vp-03",
        "    template: qt-vp-03",
      ].join("\n"),
    );
    return f;
  };
  const load = (f: string) => loadConfig({ DATA_DIR: dir, REGIMES_FILE: f }, dir);

  it.each([
    ['answerSince: "2026-12-01T00:00:00+07:00"', "2026-11-30T17:00:00.000Z"],
    ['answerSince: "2026-12-01T08:30"', "2026-12-01T01:30:00.000Z"],
    ['answerSince: "2026-12-01 08:30:00"', "2026-12-01T01:30:00.000Z"],
    ['answerSince: "2026-12-01T01:30:00Z"', "2026-12-01T01:30:00.000Z"],
    ["", null],
  ])("%s → %s", (line, iso) => {
    expect(load(file(line)).answerSince?.toISOString() ?? null).toBe(iso);
  });

  it.each(['answerSince: "01/12/2026"', 'answerSince: "2026-13-01T00:00"', "answerSince: 2026-12-01"])("%s stops start-up naming the key", (line) => {
    const f = file(line);
    let err: unknown;
    try {
      load(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(f);
    expect((err as Error).message).toContain("answerSince");
  });

  it("the embedded default's folders follow DATA_DIR, MAILDIR and OUTBOX_DIR", () => {
    const f = file("");
    expect(load(f)).toMatchObject({ maildir: path.join(dir, "mail"), outboxDir: path.join(dir, "outbox") });
    const c = loadConfig({ DATA_DIR: dir, REGIMES_FILE: f, MAILDIR: "hop-thu", OUTBOX_DIR: "/srv/intake/thu-di" }, dir);
    expect(c).toMatchObject({ maildir: path.join(dir, "hop-thu"), outboxDir: "/srv/intake/thu-di", exampleRegimes: false });
    expect(loadConfig({ DATA_DIR: dir }, dir).exampleRegimes).toBe(true);
  });
});
