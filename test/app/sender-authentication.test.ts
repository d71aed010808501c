/**
 * Authentication-Results as real servers write them (Postfix + OpenDKIM/OpenDMARC, Gmail, Microsoft 365, Zimbra
 * with amavis): only the office server's field counts, and DMARC, else SPF and DKIM together, decide.
 */
import { describe, expect, it } from "vitest";
import { authenticationFailure, parseAuthenticationResults } from "../../src/app/sender-authentication.ts";

const OURS = "mail.cuc.example.vn";
const h = (...values: string[]): Record<string, string[]> => ({ "authentication-results": values });

describe("parseAuthenticationResults", () => {
  it("reads the authserv-id, methods and results, past comments, versions and quoted reasons", () => {
    expect(
      parseAuthenticationResults(
        'mail.cuc.example.vn 1; spf=softfail (mail.cuc.example.vn: domain of transitioning chanhvp@cuc.example.vn does not designate 203.0.113.9 as permitted sender) smtp.mailfrom=chanhvp@cuc.example.vn; dkim/1=none reason="no signature; unsigned"; dmarc=fail (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=cuc.example.vn',
      ),
    ).toEqual({
      authservId: "mail.cuc.example.vn",
      results: [
        { method: "spf", result: "softfail" },
        { method: "dkim", result: "none" },
        { method: "dmarc", result: "fail" },
      ],
    });
  });

  it("a field with no result", () => {
    expect(parseAuthenticationResults("mail.cuc.example.vn; none")).toEqual({ authservId: "mail.cuc.example.vn", results: [] });
  });
});

describe("authenticationFailure", () => {
  const cases: { name: string; headers: Record<string, string[]>; expected: string | null }[] = [
    { name: "no field at all: no evidence", headers: {}, expected: null },
    {
      name: "OpenDMARC: dmarc=fail",
      headers: h("mail.cuc.example.vn; dmarc=fail (p=reject dis=none) header.from=cuc.example.vn"),
      expected: "dmarc=fail",
    },
    {
      name: "Gmail-style: spf and dkim pass, dmarc pass",
      headers: h("mail.cuc.example.vn; dkim=pass header.i=@cuc.example.vn header.s=mail; spf=pass smtp.mailfrom=chanhvp@cuc.example.vn; dmarc=pass (p=NONE) header.from=cuc.example.vn"),
      expected: null,
    },
    {
      name: "no DMARC record: spf softfail and no signature",
      headers: h("mail.cuc.example.vn; spf=softfail smtp.mailfrom=nvdp@cuc.example.vn; dkim=none"),
      expected: "spf=softfail, dkim=none",
    },
    {
      name: "no DMARC record: spf fail but a DKIM signature passes (a forwarder)",
      headers: h("mail.cuc.example.vn; spf=fail smtp.mailfrom=nvdp@cuc.example.vn; dkim=pass header.d=cuc.example.vn"),
      expected: null,
    },
    {
      name: "dmarc pass wins over a failing spf (aligned DKIM)",
      headers: h("mail.cuc.example.vn; spf=fail; dkim=pass; dmarc=pass"),
      expected: null,
    },
    {
      name: "only spf fail, no dkim result: both fail",
      headers: h("mail.cuc.example.vn; spf=fail smtp.mailfrom=chanhvp@cuc.example.vn"),
      expected: "spf=fail, dkim=none",
    },
    {
      name: "a failing field from another server is not ours: ignored",
      headers: h("mx.google.com; dmarc=fail header.from=cuc.example.vn", "mail.cuc.example.vn; dmarc=pass header.from=cuc.example.vn"),
      expected: null,
    },
    {
      name: "a sender's own fake 'pass' under our id is below ours: the topmost (ours, on arrival) counts",
      headers: h("mail.cuc.example.vn; dmarc=fail header.from=cuc.example.vn", "mail.cuc.example.vn; dmarc=pass header.from=cuc.example.vn"),
      expected: "dmarc=fail",
    },
    {
      name: "authserv-id compared without case",
      headers: h("Mail.Cuc.Example.VN; dmarc=fail"),
      expected: "dmarc=fail",
    },
    {
      name: "a field with no SPF nor DKIM result: no evidence",
      headers: h("mail.cuc.example.vn; none"),
      expected: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(authenticationFailure(c.headers, OURS)).toBe(c.expected);
    });
  }
});
