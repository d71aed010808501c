/**
 * What start-up warns about, once, in Vietnamese (issue 9 §5): configurations that run but silently do less than
 * the office expects. Each is one line naming what to change and where.
 */
import type { Config } from "./config.ts";

/** RFC 2606 / 6761 reserve example.* for documentation: mail to them goes nowhere. */
const EXAMPLE_DOMAIN = /@(?:[^@\s]*\.)?example(?:\.[a-z]+)+$/i;

export function isExampleAddress(address: string): boolean {
  return EXAMPLE_DOMAIN.test(address.trim());
}

/** `exampleRegimes: false` leaves out the example-file warning where the caller says it already (the daemon's notice). */
export function startupWarnings(config: Config, opts: { exampleRegimes?: boolean } = {}): string[] {
  const out: string[] = [];
  if (config.exampleRegimes && opts.exampleRegimes !== false) {
    out.push(`Chưa khai báo REGIMES_FILE: đang dùng tệp cấu hình mẫu ${config.regimesFile}; sao chép tệp này, điền địa chỉ thật và đặt REGIMES_FILE trong .env.`);
  }
  for (const regime of config.regimes) {
    const silent = regime.units.filter((u) => u.addresses.length === 0);
    if (silent.length > 0) {
      out.push(
        `Chế độ ${regime.id}: ${silent.length} đơn vị chưa có địa chỉ thư (${silent.map((u) => u.id).join(", ")}) nên sẽ không bao giờ được nhắc hạn hay đôn đốc; khai báo addresses của đơn vị trong ${config.regimesFile}.`,
      );
    }
  }
  const addresses = new Set<string>([config.office.address, config.office.chief.address, /<([^<>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom]);
  for (const regime of config.regimes) for (const u of regime.units) for (const a of u.addresses) addresses.add(a);
  const examples = [...addresses].filter(isExampleAddress);
  if (examples.length > 0) {
    const shown = examples.slice(0, 5).join(", ") + (examples.length > 5 ? ` và ${examples.length - 5} địa chỉ khác` : "");
    out.push(`Đang dùng địa chỉ ví dụ (${shown}): thư gửi tới đó không đến ai; thay bằng địa chỉ thật trong ${config.regimesFile} và MAIL_FROM.`);
  }
  if (!config.env.SMTP_HOST) {
    out.push(`Chưa cấu hình SMTP (SMTP_HOST): thư trả lời, nhắc hạn và dự thảo không được gửi đi mà ghi thành tệp .eml trong ${config.outboxDir}.`);
  }
  return out;
}
