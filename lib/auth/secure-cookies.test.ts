import { describe, expect, it } from "vitest";
import { usesSecureCookies } from "./secure-cookies";

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });

describe("usesSecureCookies", () => {
  it("follows REWIND_PUBLIC_URL when set, whatever the request says", () => {
    expect(usesSecureCookies("https://rewind.example", request("http://10.0.0.5:3000/api/auth/sign-in/email"))).toBe(true);
    expect(usesSecureCookies("https://rewind.example", request("http://x/", { "x-forwarded-proto": "http" }))).toBe(true);
    expect(usesSecureCookies("http://192.0.2.2:3120", request("https://192.0.2.2:3120/"))).toBe(false);
  });

  it("else follows the request's scheme, from its URL or a proxy's X-Forwarded-Proto", () => {
    expect(usesSecureCookies(undefined, request("http://192.0.2.2:3120/api/auth/sign-in/email"))).toBe(false);
    expect(usesSecureCookies(undefined, request("http://localhost:3000/"))).toBe(false);
    expect(usesSecureCookies(undefined, request("https://rewind.example/"))).toBe(true);
    expect(usesSecureCookies(undefined, request("http://127.0.0.1:3000/", { "x-forwarded-proto": "HTTPS, http" }))).toBe(true);
    expect(usesSecureCookies(undefined, request("http://127.0.0.1:3000/", { "x-forwarded-proto": "http" }))).toBe(false);
  });

  it("keeps reading a __Secure- session cookie the browser already holds (only https can have set it)", () => {
    const headers = new Headers({ cookie: "theme=dark; __Secure-better-auth.session_token=abc.def" });
    expect(usesSecureCookies(undefined, { headers })).toBe(true);
    expect(usesSecureCookies(undefined, { headers: new Headers({ cookie: "better-auth.session_token=abc.def" }) })).toBe(false);
    expect(usesSecureCookies(undefined, { headers: new Headers({ cookie: "x=__Secure-better-auth.session_token=1" }) })).toBe(false);
  });

  it("is not Secure for a server-side call with no request (it sets no cookie)", () => {
    expect(usesSecureCookies(undefined, undefined)).toBe(false);
    expect(usesSecureCookies(undefined, { url: "not a url" })).toBe(false);
  });
});
