import { afterEach, describe, expect, it, vi } from "vitest";
import { runInRequest } from "../observability/request-id";
import { logLine } from "./log";

/** What logLine wrote to a stream, one parsed JSON object a line. */
function captured(stream: "stdout" | "stderr") {
  const lines: string[] = [];
  vi.spyOn(process[stream], "write").mockImplementation((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  });
  return () =>
    lines
      .join("")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("server log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are pino JSON with level, time and msg, and go through the same masking as responses", () => {
    const read = captured("stderr");
    logLine("error", "could not deliver to ann.smith@example.com (+44 7700 900123), card 4111 1111 1111 1111");
    const [line, ...more] = read();
    expect(more).toEqual([]);
    expect(line!.level).toBe("error");
    expect(Date.parse(String(line!.time))).not.toBeNaN();
    expect(String(line!.msg)).toMatch(/^could not deliver to a/);
    expect(JSON.stringify(line)).not.toMatch(/ann\.smith|7700 900123|4111 1111/);
    expect(line!.requestId).toBeUndefined();
  });

  // User ids are masked by the policy's patterns only (an id that is an email, a phone number):
  // an opaque id matches none, which is why no message names one (lib/api/handle.ts logs kinds).
  it("mask a user id that is an email in a line written inside a request, and carry the request id", () => {
    const read = captured("stdout");
    runInRequest({ requestId: "req-42" }, () => logLine("info", "blocked user id ann.smith@example.com (+44 7700 900123) refused"));
    const [line] = read();
    expect(line).toMatchObject({ level: "info", requestId: "req-42" });
    expect(String(line!.msg)).toMatch(/^blocked user id a.*refused$/);
    expect(JSON.stringify(line)).not.toMatch(/ann\.smith|example\.com|7700 900123/);
  });

  it("send warnings and the rest to stdout, errors to stderr only", () => {
    const out = captured("stdout");
    const err = captured("stderr");
    logLine("warn", "w");
    logLine("success", "s");
    logLine("error", "e");
    expect(out().map((l) => [l.level, l.msg])).toEqual([
      ["warn", "w"],
      ["info", "s"],
    ]);
    expect(err().map((l) => [l.level, l.msg])).toEqual([["error", "e"]]);
  });
});
