/**
 * Secrets (issue 13 §9): IMAP_PASSWORD_FILE / SMTP_PASSWORD_FILE read the password from a file, and no password
 * ever reaches the logs: the CLI is run against real Dovecot at LOG_LEVEL=trace with a right and a wrong password,
 * and its stdout and stderr are searched for the password in clear, in base64 (AUTH PLAIN) and URL-encoded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "../../src/config.ts";
import { OFFICE, startIntakeWorld, type IntakeWorld } from "../support/intake.ts";

const dir = mkdtempSync(path.join(tmpdir(), "intake-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secretFile = (name: string, content: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
};

describe("passwords from files", () => {
  const cases: { name: string; content: string; expected: string }[] = [
    { name: "a line written by echo", content: "Mật-khẩu-VP-2026!\n", expected: "Mật-khẩu-VP-2026!" },
    { name: "a Windows line end", content: "Mật-khẩu-VP-2026!\r\n", expected: "Mật-khẩu-VP-2026!" },
    { name: "no line end, spaces kept", content: " mat khau co dau cach ", expected: " mat khau co dau cach " },
  ];
  for (const c of cases) {
    it(`IMAP_PASSWORD_FILE and SMTP_PASSWORD_FILE: ${c.name}`, () => {
      const file = secretFile(`${c.name.replace(/\W+/g, "-")}.txt`, c.content);
      const env = loadEnv({ IMAP_PASSWORD_FILE: file, SMTP_PASSWORD_FILE: file });
      expect(env.IMAP_PASSWORD).toBe(c.expected);
      expect(env.SMTP_PASSWORD).toBe(c.expected);
    });
  }

  it("a relative file name is read from the working directory", () => {
    secretFile("imap.txt", "matkhau-tuong-doi\n");
    expect(loadEnv({ IMAP_PASSWORD_FILE: "imap.txt" }, dir).IMAP_PASSWORD).toBe("matkhau-tuong-doi");
  });

  const errors: { name: string; env: () => Record<string, string>; message: RegExp }[] = [
    { name: "both set", env: () => ({ IMAP_PASSWORD: "matkhau-trong-bien", IMAP_PASSWORD_FILE: secretFile("both.txt", "matkhau-trong-tep") }), message: /IMAP_PASSWORD_FILE: set either IMAP_PASSWORD or IMAP_PASSWORD_FILE, not both/ },
    { name: "a missing file", env: () => ({ SMTP_PASSWORD_FILE: path.join(dir, "khong-co.txt") }), message: /SMTP_PASSWORD_FILE: cannot read .*khong-co\.txt \(ENOENT\)/ },
    { name: "an empty file", env: () => ({ IMAP_PASSWORD_FILE: secretFile("empty.txt", "\n") }), message: /IMAP_PASSWORD_FILE: .*empty\.txt is empty/ },
  ];
  for (const e of errors) {
    it(`stops start-up for ${e.name}, without the password in the message`, () => {
      let error: unknown;
      try {
        loadEnv(e.env());
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(e.message);
      expect((error as Error).message).not.toMatch(/matkhau-trong/);
    });
  }
});

describe("no password in what the CLI prints", () => {
  let world: IntakeWorld;
  beforeAll(async () => {
    world = await startIntakeWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const forms = (password: string): string[] => [
    password,
    Buffer.from(password).toString("base64"),
    Buffer.from(`\u0000${OFFICE}\u0000${password}`).toString("base64"),
    encodeURIComponent(password),
  ];

  it("poll --once at LOG_LEVEL=trace, with the right password from a file and with a wrong one", async () => {
    const right = world.servers.dovecot.passwordOf(OFFICE);
    const rightFile = secretFile("imap-right.txt", `${right}\n`);
    const ok = await world.run(["poll", "--once"], "2026-11-18T10:30", { IMAP_PASSWORD: "", IMAP_PASSWORD_FILE: rightFile, LOG_LEVEL: "trace" });
    expect(ok.code).toBe(0);
    // The run logged at debug level (imapflow's connection notices included): the search below looked at real output.
    expect(ok.stderr).toMatch(/"level":20/);
    expect(ok.stderr).toContain("imapflow");
    for (const f of forms(right)) expect(ok.stdout + ok.stderr).not.toContain(f);

    const wrong = "Sai-Mat-Khau-Rat-Dai-2026";
    const wrongFile = secretFile("imap-wrong.txt", wrong);
    const failed = await world.run(["poll", "--once"], "2026-11-18T10:30", { IMAP_PASSWORD: "", IMAP_PASSWORD_FILE: wrongFile, LOG_LEVEL: "trace" });
    expect(failed.code).not.toBe(0);
    expect(failed.stdout + failed.stderr).toMatch(/EAUTH|authenticat/i);
    for (const f of forms(wrong)) expect(failed.stdout + failed.stderr).not.toContain(f);
  });
});
