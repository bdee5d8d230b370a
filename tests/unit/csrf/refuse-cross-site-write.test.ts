import { describe, expect, it } from "vitest";
import { refuseCrossSiteWrite } from "@/lib/csrf";

function request(method: string, headers: Record<string, string>, body?: string): Request {
  return new Request("http://127.0.0.1:3000/api/v1/projects/demo/members", {
    method,
    headers: { host: "127.0.0.1:3000", ...(body === undefined ? {} : { "content-length": String(body.length) }), ...headers },
    body,
  });
}

const json = { "content-type": "application/json" };
const body = '{"email":"mallory@example.com","role":"admin"}';

describe("refuseCrossSiteWrite", () => {
  it("lets a same-origin JSON write through", () => {
    expect(refuseCrossSiteWrite(request("POST", { ...json, origin: "http://127.0.0.1:3000" }, body))).toBeUndefined();
  });

  it("refuses a write from another origin, another port of the same host included, with 403", () => {
    for (const origin of ["http://evil.example", "http://127.0.0.1:3001", "https://127.0.0.1.evil.example"]) {
      const refusal = refuseCrossSiteWrite(request("POST", { ...json, origin }, body));
      expect(refusal?.status).toBe(403);
      expect(refusal?.code).toBe("forbidden:origin");
    }
  });

  it("refuses Origin: null (sandboxed frames, file pages, some redirects)", () => {
    expect(refuseCrossSiteWrite(request("DELETE", { origin: "null" }))?.status).toBe(403);
  });

  it("refuses a cross-site write without Origin when Sec-Fetch-Site says so", () => {
    expect(refuseCrossSiteWrite(request("POST", { ...json, "sec-fetch-site": "cross-site" }, body))?.status).toBe(403);
    expect(refuseCrossSiteWrite(request("POST", { ...json, "sec-fetch-site": "same-origin" }, body))).toBeUndefined();
  });

  it("refuses JSON sent as text/plain (what a no-cors fetch or a form sends) with 415", () => {
    const refusal = refuseCrossSiteWrite(request("POST", { "content-type": "text/plain;charset=UTF-8", origin: "http://127.0.0.1:3000" }, body));
    expect(refusal?.status).toBe(415);
    expect(refuseCrossSiteWrite(request("POST", { "content-type": "application/x-www-form-urlencoded" }, body))?.status).toBe(415);
  });

  it("leaves Bearer and API-key callers alone, whatever their origin and content type", () => {
    const headers = { authorization: "Bearer motif_x", origin: "http://evil.example", "content-type": "text/plain" };
    expect(refuseCrossSiteWrite(request("POST", headers, body))).toBeUndefined();
  });

  it("never refuses reads", () => {
    expect(refuseCrossSiteWrite(request("GET", { origin: "http://evil.example" }))).toBeUndefined();
  });

  it("accepts a write without a body and without a content type (sign-out)", () => {
    expect(refuseCrossSiteWrite(request("POST", { origin: "http://127.0.0.1:3000" }))).toBeUndefined();
  });

  it("accepts the origins it is told to, and the host a reverse proxy names", () => {
    const options = { allowedOrigins: ["https://motif.example.com"] };
    expect(refuseCrossSiteWrite(request("POST", { ...json, origin: "https://motif.example.com" }, body), options)).toBeUndefined();
    const proxied = request("POST", { ...json, origin: "https://motif.internal", "x-forwarded-host": "motif.internal" }, body);
    expect(refuseCrossSiteWrite(proxied)).toBeUndefined();
  });
});

describe("refuseCrossSiteWrite and signed webhooks", () => {
  it("lets a signed webhook delivery through whatever its content type (no browser can forge the header)", () => {
    const delivery = request("POST", { "content-type": "application/x-www-form-urlencoded", "x-hub-signature-256": "sha256=00" }, "payload=%7B%7D");
    expect(refuseCrossSiteWrite(delivery)).toBeUndefined();
  });
});
