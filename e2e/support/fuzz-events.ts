import fc from "fast-check";

/**
 * CloudEvents for the ingestion fuzz test (e2e/api/ingest-fuzz.spec.ts): plausible ones with every
 * attribute type, random odd ones, and pathological ones just past each limit. "@" and "+" are kept
 * out of strings so that no masking detector (email, phone) changes what is read back: the test
 * compares what was acknowledged with what the API serves.
 */
/** Well-formed text of every kind: ASCII, any code point (astral too), combining marks, bidi controls. */
const text = fc
  .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(" ", "é\u0301", "\u202eevil", "😀", "\ufeff", "\u2028"))
  .map((s) => s.replace(/[@+]/g, "_"));
const nonEmpty = text.filter((s) => s.length > 0);

const attributeName = fc
  .stringMatching(/^[a-z][a-z0-9]{0,12}$/)
  .filter(
    (n) =>
      ![
        "specversion",
        "id",
        "source",
        "type",
        "subject",
        "time",
        "datacontenttype",
        "dataschema",
        "data",
        "expectedversion",
        "position",
        "streamversion",
        "recordedtime",
      ].includes(n),
  );
const extensionValue = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
const identifier = fc.oneof(nonEmpty, fc.integer({ min: 0, max: 1e9 }));
const time = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z") }).map((d) => d.toISOString());
/** "@" and "+" out of every string and key (see above); -0 becomes 0, as JSON carries it. */
function withoutDetectable(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/[@+]/g, "_");
  if (Array.isArray(value)) return value.map(withoutDetectable);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutDetectable(k), withoutDetectable(v)]));
  return Object.is(value, -0) ? 0 : value;
}
const data = fc.oneof(fc.jsonValue({ maxDepth: 4, stringUnit: "binary" }), text).map(withoutDetectable);

function nested(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = i % 2 ? { k: value } : [value];
  return value;
}

/** What turns a good event into a bad one (or a strange but good one), one at a time. */
const BREAKAGES: Record<string, (event: FuzzEvent) => void> = {
  "no id": (e) => delete e.id,
  "empty id": (e) => (e.id = ""),
  "specversion 0.3": (e) => (e.specversion = "0.3"),
  "reserved source": (e) => (e.source = "rewind/audit"),
  "bad base64": (e) => (e.data_base64 = "not base64!"),
  "data and data_base64": (e) => Object.assign(e, { data: 1, data_base64: "AAEC" }),
  "upper-case attribute": (e) => (e.Upper = "x"),
  "object extension": (e) => (e.ext = { nested: 1 }),
  "served attribute": (e) => (e.position = 1),
  "impossible time": (e) => (e.time = "2026-02-30T00:00:00Z"),
  "hour 24": (e) => (e.time = "2026-06-01T24:00:00Z"),
  "lone surrogate": (e) => (e.data = { note: "a\udfffb" }),
  "lone surrogate key": (e) => (e.data = { "\ud800": 1 }),
  NUL: (e) => (e.subject = "a\u0000b"),
  "deep 64 (at the limit)": (e) => (e.data = nested(63)),
  "deep 65": (e) => (e.data = nested(64)),
  "deep 3,000": (e) => (e.data = nested(3_000)),
  "string of 20,000": (e) => (e.data = { s: "s".repeat(20_000) }),
  "string over the limit": (e) => (e.data = { s: "s".repeat(262_145) }),
  "long key": (e) => (e.data = { ["k".repeat(262_145)]: 1 }),
  "10,001 keys": (e) => (e.data = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]))),
  "over 1 MiB": (e) => (e.data = Array.from({ length: 5 }, () => "é".repeat(110_000))),
  "extreme numbers": (e) => (e.data = { big: 2 ** 60, tiny: 5e-324, neg: -0, max: Number.MAX_VALUE }),
  "userid over 1,024 bytes": (e) => (e.userid = "ü".repeat(513)),
  "userid at 1,024 bytes": (e) => (e.userid = "ü".repeat(512)),
  "integer identifiers": (e) => Object.assign(e, { userid: 42, sessionid: 0 }),
  "offset time": (e) => (e.time = "2026-06-01T10:00:00.123456+02:00"),
};

/** A string at the limit, accepted: reading it back is the read path's test (see the spec). */
export const STRING_AT_THE_LIMIT = "s".repeat(262_144);

export interface FuzzEvent {
  [attribute: string]: unknown;
}

export function fuzzEvent(tag: string) {
  let n = 0;
  return fc
    .record(
      {
        type: fc.oneof(fc.constant("fuzz.thing.happened"), nonEmpty),
        subject: fc.option(
          text.map((s) => `fuzz/${tag}/${s}`),
          { nil: undefined },
        ),
        time: fc.option(time, { nil: undefined }),
        datacontenttype: fc.option(fc.constantFrom("application/json", "text/plain", "application/vnd.x+json", "image/png"), { nil: undefined }),
        data: fc.option(data, { nil: undefined }),
        userid: fc.option(identifier, { nil: undefined }),
        sessionid: fc.option(identifier, { nil: undefined }),
        correlationid: fc.option(identifier, { nil: undefined }),
        extensions: fc.dictionary(attributeName, extensionValue, { maxKeys: 4 }),
        breakage: fc.option(fc.constantFrom(...Object.keys(BREAKAGES)), { nil: null, freq: 2 }),
      },
      { requiredKeys: ["type", "extensions", "breakage"] },
    )
    .map(({ extensions, breakage, ...attributes }): FuzzEvent => {
      const event: FuzzEvent = { specversion: "1.0", id: `${tag}-${n++}`, source: `/fuzz/${tag}`, ...extensions, ...attributes };
      for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
      if (breakage) BREAKAGES[breakage]!(event);
      return event;
    });
}
