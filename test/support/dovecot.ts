/**
 * A real Dovecot for tests: generated config in a temp dir, IMAP on a free loopback port, passwd-file users whose
 * login names are full addresses. Start once per test file; `stop()` takes about 3 s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { appendFile, chmod, chown, mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";

export const DOVECOT_BIN = "/usr/sbin/dovecot";
export const DEFAULT_PASSWORD = "matkhau-thu-nghiem";

export interface AppendOptions {
  internalDate: Date;
  mailbox?: string;
  flags?: string[];
}

export interface StoredMessage {
  uid: number;
  flags: string[];
  internalDate: Date;
  subject: string;
  from: string[];
  to: string[];
  source: Buffer;
}

export interface Dovecot {
  host: string;
  port: number;
  tmpDir: string;
  /** Adds a mailbox user (login = the full address). Idempotent. */
  addUser(name: string, password?: string): Promise<void>;
  passwordOf(name: string): string;
  /** APPENDs a message with the given INTERNALDATE; returns its UID. */
  append(user: string, raw: Buffer | string, opts: AppendOptions): Promise<number>;
  listMessages(user: string, mailbox?: string): Promise<StoredMessage[]>;
  /** An imapflow client logged in as `user` (caller logs out). */
  connect(user: string): Promise<ImapFlow>;
  /** Stops the server, keeping config and mail: `start()` brings it back on the same port. */
  halt(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and removes the temp dir. */
  stop(): Promise<void>;
}

interface RunAs {
  user: string;
  group: string;
  uid: number;
  gid: number;
}

/** Starts Dovecot from a generated config; works as root (drops to `dovecot`/`nobody`) and as an ordinary user. */
/**
 * `oauth2`: also accept XOAUTH2 and OAUTHBEARER, each token checked by Dovecot's oauth2 passdb against
 * `introspectionUrl` (a GET with "Authorization: Bearer <token>", answered with JSON `{"username": …, "active": true}`,
 * or `{"active": false}` for a token refused: Dovecot then answers AUTHENTICATIONFAILED, as Gmail and Exchange do).
 */
export async function startDovecot(opts: { users?: string[]; oauth2?: { introspectionUrl: string } } = {}): Promise<Dovecot> {
  if (!existsSync(DOVECOT_BIN)) {
    throw new Error(`Dovecot not found at ${DOVECOT_BIN}: install the Debian package dovecot-imapd (see .ci/run)`);
  }
  const runAs = pickRunAs();
  const tmpDir = await mkdtemp(join(tmpdir(), "intake-dovecot-"));
  // The mail processes run as runAs: they must traverse tmpDir and own the mail tree.
  await chmod(tmpDir, 0o755);
  await mkdir(join(tmpDir, "mail"));
  await chownIfRoot(join(tmpDir, "mail"), runAs);
  const port = await freePort();
  const configPath = join(tmpDir, "dovecot.conf");
  const usersPath = join(tmpDir, "users");
  await writeFile(usersPath, "");
  await writeFile(configPath, renderConfig(tmpDir, port, runAs, !!opts.oauth2));
  if (opts.oauth2) {
    await writeFile(
      join(tmpDir, "oauth2.conf.ext"),
      `introspection_mode = auth\nintrospection_url = ${opts.oauth2.introspectionUrl}\nforce_introspection = yes\nusername_attribute = username\nactive_attribute = active\nactive_value = true\n`,
    );
  }
  const passwords = new Map<string, string>();
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    child = await launch(configPath, tmpDir, port);
  };
  const halt = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running) await terminate(running);
  };

  const addUser = async (name: string, password = DEFAULT_PASSWORD): Promise<void> => {
    if (passwords.has(name)) return;
    if (/[:\s]/.test(name)) throw new Error(`invalid user name for passwd-file: ${name}`);
    passwords.set(name, password);
    const home = join(tmpDir, "mail", name);
    await mkdir(home, { recursive: true });
    await chownIfRoot(home, runAs);
    await appendFile(usersPath, `${name}:{PLAIN}${password}:${runAs.uid}:${runAs.gid}::${home}::\n`);
    // Dovecot re-reads passwd-file when its mtime changes, at most once a second: move the mtime on, then
    // wait until the new login works so callers never race the cache.
    usersStamp += 1;
    await utimes(usersPath, usersStamp, usersStamp);
    if (child) await waitForLogin(name);
  };
  let usersStamp = Math.floor(Date.now() / 1000);
  const waitForLogin = async (name: string): Promise<void> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        const c = await connect(name);
        await c.logout();
        return;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`Dovecot does not accept the new user ${name}: ${String(err)}`);
        await sleep(100);
      }
    }
  };

  const connect = async (user: string): Promise<ImapFlow> => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user, pass: passwordOf(user) },
      logger: false,
      disableAutoIdle: true,
    });
    // A socket error (Dovecot restarted by a fault trial) also rejects the pending command, which is where the
    // test hears it; the 'error' event must not become an uncaught exception in the test process.
    client.on("error", () => undefined);
    await client.connect();
    return client;
  };
  const passwordOf = (name: string): string => {
    const pass = passwords.get(name);
    if (pass === undefined) throw new Error(`unknown Dovecot user ${name}: addUser first`);
    return pass;
  };

  const append = async (user: string, raw: Buffer | string, o: AppendOptions): Promise<number> => {
    const client = await connect(user);
    try {
      const res = await client.append(o.mailbox ?? "INBOX", raw, o.flags ?? [], o.internalDate);
      if (!res || res.uid === undefined) throw new Error(`APPEND to ${user}/${o.mailbox ?? "INBOX"} returned no UID`);
      return res.uid;
    } finally {
      await client.logout();
    }
  };

  const listMessages = async (user: string, mailbox = "INBOX"): Promise<StoredMessage[]> => {
    const client = await connect(user);
    try {
      const box = await client.mailboxOpen(mailbox, { readOnly: true });
      if (box.exists === 0) return [];
      const rows = await client.fetchAll("1:*", { uid: true, flags: true, internalDate: true, envelope: true, source: true });
      return rows
        .map((m) => ({
          uid: m.uid,
          flags: [...(m.flags ?? [])].filter((f) => f !== "\\Recent").sort(),
          internalDate: new Date(m.internalDate ?? 0),
          subject: m.envelope?.subject ?? "",
          from: (m.envelope?.from ?? []).map((a) => a.address ?? ""),
          to: (m.envelope?.to ?? []).map((a) => a.address ?? ""),
          source: m.source ?? Buffer.alloc(0),
        }))
        .sort((a, b) => a.uid - b.uid);
    } finally {
      await client.logout();
    }
  };

  await start();
  for (const u of opts.users ?? []) await addUser(u);

  return {
    host: "127.0.0.1",
    port,
    tmpDir,
    addUser,
    passwordOf,
    append,
    listMessages,
    connect,
    halt,
    start,
    restart: async () => {
      await halt();
      await start();
    },
    stop: async () => {
      await halt();
      await rm(tmpDir, { recursive: true, force: true });
    },
  };
}

function renderConfig(tmp: string, port: number, runAs: RunAs, oauth2 = false): string {
  return `# generated by test/support/dovecot.ts
protocols = imap
listen = 127.0.0.1
base_dir = ${tmp}/run
state_dir = ${tmp}/state
log_path = ${tmp}/dovecot.log
info_log_path = ${tmp}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${oauth2 ? " xoauth2 oauthbearer" : ""}
# tests log in with wrong passwords on purpose; no need to wait 2 s each time
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mail_fsync = never
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${runAs.user}
default_internal_group = ${runAs.group}
default_login_user = ${runAs.user}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${tmp}/users${oauth2 ? "\n  mechanisms = plain login" : ""}
}
${oauth2 ? `passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ${tmp}/oauth2.conf.ext\n}\n` : ""}userdb {
  driver = passwd-file
  args = username_format=%u ${tmp}/users
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    auto = create
    special_use = \\Sent
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # mode 0 turns off the auth penalty (up to 15 s after a failed login from an IP), which tests trigger on purpose
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-reader {
    user = ${runAs.user}
  }
  unix_listener stats-writer {
    user = ${runAs.user}
  }
}
`;
}

function pickRunAs(): RunAs {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { user: me.username, group: groupName(me.gid) ?? me.username, uid: me.uid, gid: me.gid };
  }
  for (const name of ["dovecot", "nobody"]) {
    const entry = lookupPasswd(name);
    if (entry) return { user: name, group: groupName(entry.gid) ?? name, uid: entry.uid, gid: entry.gid };
  }
  throw new Error("running as root but neither user 'dovecot' nor 'nobody' exists to run Dovecot as");
}

function lookupPasswd(name: string): { uid: number; gid: number } | null {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function groupName(gid: number): string | null {
  const line = readFileSync("/etc/group", "utf8").split("\n").find((l) => l.split(":")[2] === String(gid));
  return line ? (line.split(":")[0] ?? null) : null;
}

async function chownIfRoot(path: string, runAs: RunAs): Promise<void> {
  if (process.getuid?.() === 0) await chown(path, runAs.uid, runAs.gid);
}

/** A free loopback port (bind to 0, read it, release it). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function launch(configPath: string, tmp: string, port: number): Promise<ChildProcess> {
  // -F: foreground, so the process is ours to signal and to see exit.
  const child = spawn(DOVECOT_BIN, ["-F", "-c", configPath], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const done = await Promise.race([exited, sleep(25).then(() => "waiting" as const)]);
    if (done !== "waiting") {
      const log = existsSync(join(tmp, "dovecot.log")) ? readFileSync(join(tmp, "dovecot.log"), "utf8") : "";
      throw new Error(`Dovecot exited (code ${done}) at start: ${stderr}\n${log.split("\n").slice(-15).join("\n")}`);
    }
    if (await greets(port)) break;
    if (Date.now() > deadline) {
      await terminate(child);
      throw new Error(`Dovecot did not listen on 127.0.0.1:${port} within 10 s: ${stderr}`);
    }
  }
  killOnExit.add(child);
  child.once("exit", () => killOnExit.delete(child));
  return child;
}

async function greets(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return await new Promise((resolve) => {
    const sock = connect(port, "127.0.0.1");
    sock.setTimeout(500);
    sock.once("data", (d) => {
      sock.destroy();
      resolve(d.toString().startsWith("* OK"));
    });
    sock.once("error", () => resolve(false));
    sock.once("timeout", () => {
      sock.destroy();
      resolve(false);
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // The master leaves imap/log/stats children behind for several seconds; a test "restart" must drop
  // connections as a real crash or reboot would, so they go too.
  const children = child.pid === undefined ? [] : descendants(child.pid);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  for (const pid of children) signal(pid, "SIGKILL");
}

/** PIDs of every process below `root` (Linux /proc). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the ")" that closes the command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const [p, pp] of parentOf) {
      if (pp === pid) {
        out.push(p);
        walk(p);
      }
    }
  };
  walk(root);
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

const killOnExit = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of killOnExit) c.kill("SIGKILL");
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
