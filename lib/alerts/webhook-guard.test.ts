import { describe, expect, it } from "vitest";
import { isInternalAddress, webhookAllowList, webhookUrlProblem } from "./webhook-guard";

describe("the webhook guard", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "not an address",
  ])("refuses %s as internal", (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])("lets %s through", (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });

  it("takes https anywhere, plain http only for an allowed host, and no credentials", () => {
    const allow = webhookAllowList({ REWIND_WEBHOOK_ALLOW: " 127.0.0.1, *.internal.example " });
    expect(allow).toEqual(["127.0.0.1", "*.internal.example"]);
    expect(webhookUrlProblem("https://hooks.example/x", [])).toBeNull();
    expect(webhookUrlProblem("http://hooks.example/x", [])).toContain("must be https://");
    expect(webhookUrlProblem("http://127.0.0.1:9000/x", allow)).toBeNull();
    expect(webhookUrlProblem("http://crm.internal.example/x", allow)).toBeNull();
    expect(webhookUrlProblem("https://user:pw@hooks.example/x", [])).toContain("user name or password");
    expect(webhookUrlProblem("ftp://hooks.example/x", [])).toContain("https://");
    expect(webhookUrlProblem("hooks.example", [])).toBe("is not a URL");
  });
});
