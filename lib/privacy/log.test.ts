import { afterEach, describe, expect, it, vi } from "vitest";
import { logLine } from "./log";

describe("server log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("go through the same masking as responses", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logLine("error", "could not deliver to ann.smith@example.com (+44 7700 900123), card 4111 1111 1111 1111");
    const line = String(error.mock.calls[0]![0]);
    expect(line).toMatch(/^\[rewind\] could not deliver to a/);
    expect(line).not.toMatch(/ann\.smith|7700 900123|4111 1111/);
  });
});
