import { request as httpRequest } from "node:http";

export interface RawResponse {
  status: number;
  body: string;
}

const CONNECTION_CUT = new Set(["EPIPE", "ECONNRESET"]);

/**
 * POSTs a body the way Playwright's client cannot: in chunks with `Transfer-Encoding: chunked`
 * (no Content-Length), as a streaming producer sends it. A server that refuses early answers and
 * closes while the body is still going out: the answer is what counts, not the write. When the
 * close (a TCP reset) reaches this side before the answer has been read, the kernel drops the
 * answer with it, so the post is sent again (at most twice more): a refused post writes nothing,
 * and the callers check that too.
 */
export async function postChunked(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  body: Uint8Array,
  chunkBytes = 64 * 1024,
): Promise<RawResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postChunkedOnce(baseURL, path, headers, body, chunkBytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (attempt >= 3 || !CONNECTION_CUT.has(code)) throw error;
    }
  }
}

function postChunkedOnce(baseURL: string, path: string, headers: Record<string, string>, body: Uint8Array, chunkBytes: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseURL), { method: "POST", agent: false, headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    let answered = false;
    req.on("response", () => (answered = true));
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    let offset = 0;
    // One chunk per turn of the event loop, so an early answer is read (and the rest not sent)
    // as soon as it arrives.
    const writeMore = () => {
      if (answered) return;
      if (offset >= body.byteLength) return void req.end();
      const chunk = body.subarray(offset, offset + chunkBytes);
      offset += chunk.byteLength;
      if (req.write(chunk)) setImmediate(writeMore);
      else req.once("drain", writeMore);
    };
    writeMore();
  });
}
