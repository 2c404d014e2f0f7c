import { gunzipSync } from "node:zlib";
import { ApiError } from "../../http/errors";
import { isJsonMediaType, parseMediaType } from "../media-type";
import { readBodyWithLimit } from "../parse-request";

/**
 * Segment's server libraries authenticate with HTTP Basic, the write key as the user name and an
 * empty password (`Basic base64("<key>:")`). Here the write key is a producer key; this gives the
 * Authorization a key lookup reads (a Bearer producer key is taken as it is). A password, which
 * Segment ignores, is ignored.
 */
export function writeKeyAuthorization(header: string | null): string | null {
  if (!header) return null;
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!basic) return header;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const user = decoded.split(":")[0] ?? "";
  return user ? `Bearer ${user}` : null;
}

/**
 * Whether a browser sent this request: a browser always sends Origin on a POST (or Fetch Metadata
 * that names a site); Node's fetch, curl and every server library send neither. The tracking API
 * is for servers: a producer key in a page is a key anyone can read.
 */
export function isBrowserRequest(headers: Headers): boolean {
  return headers.has("origin") || headers.has("sec-fetch-site");
}

/** The body as JSON: `application/json` only, read up to the limit, gunzipped when it says gzip (the limit counts the unzipped bytes). */
export async function readSegmentJson(request: Request, maxBodyBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (!isJsonMediaType(parseMediaType(contentType)?.essence)) {
    throw new ApiError("unsupported_media_type", `Content-Type "${contentType ?? "(none)"}" is not accepted: send application/json`, {
      contentType: contentType ?? null,
      accepted: ["application/json"],
    });
  }
  let body: Uint8Array = await readBodyWithLimit(request, maxBodyBytes);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "gzip") body = gunzipWithLimit(body, maxBodyBytes);
  else if (encoding !== "identity") {
    throw new ApiError("unsupported_media_type", `Content-Encoding "${encoding}" is not accepted: send gzip or none`, {
      contentEncoding: encoding,
      accepted: ["gzip", "identity"],
    });
  }
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new ApiError("malformed_json", `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function gunzipWithLimit(body: Uint8Array, maxBytes: number): Uint8Array {
  try {
    // maxOutputLength stops a small zip of a huge body before it is all in memory.
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ApiError("payload_too_large", `the body, unzipped, is over the limit of ${maxBytes} bytes`, { limitBytes: maxBytes });
    }
    throw new ApiError("malformed_json", "the body says Content-Encoding: gzip but is not gzip data");
  }
}
