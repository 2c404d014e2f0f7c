import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { hostAllowed, hostOf, isInternalAddress, webhookUrlProblem } from "./webhook-guard";

/** How long an attempt waits for an answer; then it counts as none. */
const TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is kept for the admin page. */
const ANSWER_KEPT = 300;

export interface SendOutcome {
  /** the receiver's status, or null: no answer, or refused before anything was sent */
  status: number | null;
  /** the first characters of its answer, or why there was none */
  answer: string;
  durationMs: number;
}

export type ResolveHost = (host: string) => Promise<{ address: string; family: number }[]>;
const resolveByDns: ResolveHost = (host) => lookup(host, { all: true, verbatim: true });

/** Every address the host resolves to now: one internal address refuses it (a name can answer differently per lookup). */
async function checkedAddress(url: URL, allow: readonly string[], resolve: ResolveHost): Promise<{ address: string; family: number } | string> {
  const host = hostOf(url);
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await resolve(host).catch(() => []);
  if (addresses.length === 0) return `refused: ${host} does not resolve`;
  if (!hostAllowed(host, allow) && addresses.some((a) => isInternalAddress(a.address)))
    return `refused: ${host} resolves to an internal address (name it in REWIND_WEBHOOK_ALLOW to allow it)`;
  return addresses[0]!;
}

/**
 * POSTs one webhook body. The host is resolved and checked on this attempt, and the connection goes
 * to the very address checked (the request's own lookup answers it), so a name cannot be switched
 * to an internal address between the check and the connection. Redirects are not followed (node's
 * http client never does): a 3xx is an answer that is not 2xx, and is retried like one.
 */
export async function sendWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  allow: readonly string[],
  resolve: ResolveHost = resolveByDns,
): Promise<SendOutcome> {
  const started = Date.now();
  const done = (status: number | null, answer: string): SendOutcome => ({ status, answer: answer.slice(0, ANSWER_KEPT), durationMs: Date.now() - started });
  const problem = webhookUrlProblem(target, allow);
  if (problem) return done(null, `refused: the URL ${problem}`);
  const url = new URL(target);
  const checked = await checkedAddress(url, allow, resolve);
  if (typeof checked === "string") return done(null, checked);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [checked]);
    else callback(null, checked.address, checked.family);
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<SendOutcome>((resolveOutcome) => {
    const req = send(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Rewind-Webhooks/1", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < ANSWER_KEPT) text += chunk;
        });
        res.on("end", () => resolveOutcome(done(res.statusCode ?? null, text)));
        res.on("error", () => resolveOutcome(done(res.statusCode ?? null, text)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    // The error's kind and message name the connection (refused, reset, timed out), never the body.
    req.on("error", (error) => resolveOutcome(done(null, `no answer: ${error.message}`)));
    req.end(body);
  });
}
