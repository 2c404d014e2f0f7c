import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./attachment";

describe("a download's name", () => {
  it("keeps a plain name as it is", () => {
    expect(attachmentDisposition("session-s_abc.json")).toBe(`attachment; filename="session-s_abc.json"; filename*=UTF-8''session-s_abc.json`);
  });

  it.each(['session-a"b.csv', "session-→\r\nx.json", "session-ça(1)'*.json", "session-%41.json"])(
    "makes %j a valid header value that still says the exact name",
    (name) => {
      const value = attachmentDisposition(name);
      expect(() => new Headers({ "content-disposition": value })).not.toThrow();
      expect(value.match(/filename="([^"]*)"/)![1]).toMatch(/^[\x20-\x7e]*$/);
      expect(decodeURIComponent(value.split("filename*=UTF-8''")[1]!)).toBe(name);
    },
  );
});
