import type { StoredEvent } from "../generated/sqlite/client";

export type CloudEventJson = Record<string, unknown> & {
  specversion: string;
  id: string;
  source: string;
  type: string;
  position: number;
  streamversion: number;
  recordedtime: string;
};

/** A stored event as CloudEvents JSON, plus where the store put it. */
export function toCloudEventJson(event: StoredEvent): CloudEventJson {
  const out: CloudEventJson = {
    specversion: event.specversion,
    id: event.eventId,
    source: event.source,
    type: event.type,
    position: Number(event.position),
    streamversion: event.streamVersion,
    recordedtime: event.recordedAt.toISOString(),
  };
  if (event.subject !== null) out.subject = event.subject;
  if (event.time !== null) out.time = event.time.toISOString();
  if (event.datacontenttype !== null) out.datacontenttype = event.datacontenttype;
  if (event.dataschema !== null) out.dataschema = event.dataschema;
  for (const name of ["userid", "anonymousid", "sessionid", "correlationid", "causationid"] as const) {
    const value = event[name];
    if (value !== null) out[name] = value;
  }
  if (event.extensions && typeof event.extensions === "object") Object.assign(out, event.extensions);
  if (event.dataJson !== null) out.data = event.dataJson;
  else if (event.dataText !== null) out.data = event.dataText;
  else if (event.dataBase64 !== null) out.data_base64 = event.dataBase64;
  return out;
}
