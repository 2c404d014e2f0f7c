import { request as httpRequest } from "node:http";

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * POSTs a body the way Playwright's client cannot: in chunks with `Transfer-Encoding: chunked`
 * (no Content-Length), as a streaming producer sends it. A server that refuses early may close
 * the connection while the body is still going out: the answer is what counts, not the write.
 */
export function postChunked(baseURL: string, path: string, headers: Record<string, string>, body: Uint8Array, chunkBytes = 64 * 1024): Promise<RawResponse> {
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
    const writeMore = () => {
      while (offset < body.byteLength) {
        const chunk = body.subarray(offset, offset + chunkBytes);
        offset += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", writeMore);
      }
      req.end();
    };
    writeMore();
  });
}
