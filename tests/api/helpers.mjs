// helpers.mjs — start a real thidua server for a test file and talk to it.
// Each call to startServer() gets its own fresh database with the demo data:
// SQLite in a temp dir, or — when THIDUA_TEST_PG_URL is set — a new database
// on that PostgreSQL server. The server listens on a free loopback port
// (--port 0; the port is read from its start-up line).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(root, "build", "thidua");
export const DEMO_PASSWORD = "thidua2025";

function freshPgDatabase(baseUrl) {
  const name = "t_" + Math.random().toString(36).slice(2, 10);
  execFileSync("psql", [baseUrl, "-qAtc", `CREATE DATABASE ${name}`], { stdio: "pipe" });
  const u = new URL(baseUrl);
  u.pathname = "/" + name;
  return { url: u.toString(), drop: () => execFileSync("psql", [baseUrl, "-qAtc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: "pipe" }) };
}

export async function startServer({ demo = true } = {}) {
  let store, cleanup;
  if (process.env.THIDUA_TEST_PG_URL) {
    const pg = freshPgDatabase(process.env.THIDUA_TEST_PG_URL);
    store = ["--db", pg.url];
    cleanup = pg.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), "thidua-api-"));
    store = ["--data-dir", dir];
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  }
  execFileSync(BIN, ["init", ...store, ...(demo ? ["--demo"] : [])], { stdio: "pipe" });
  const first = await serve(store);
  return {
    base: first.base,
    store,
    // another app server on the same database, as behind a load balancer
    async second() {
      return serve(store);
    },
    async stop() {
      await first.stop();
      cleanup();
    },
  };
}

async function serve(store) {
  const proc = spawn(BIN, ["serve", ...store, "--port", "0", "--bind", "127.0.0.1", "--threads", "4"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const base = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("server did not start: " + stderr)), 10000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  return {
    base,
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    },
  };
}

// A small client: api(srv, token).get(path) → {status, body, headers}
export function client(base, token) {
  async function call(method, path, body, headers = {}) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    let payload = body;
    if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) {
      h["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(base + "/api/v1" + path, { method, headers: h, body: payload, redirect: "manual" });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: json, text, headers: res.headers };
  }
  return {
    get: (p, h) => call("GET", p, undefined, h),
    post: (p, b, h) => call("POST", p, b, h),
    patch: (p, b, h) => call("PATCH", p, b, h),
    put: (p, b, h) => call("PUT", p, b, h),
    del: (p, h) => call("DELETE", p, undefined, h),
  };
}

export async function login(base, loginName, password = DEMO_PASSWORD) {
  const r = await client(base).post("/session", { login: loginName, password });
  if (r.status !== 200) throw new Error(`login ${loginName}: ${r.status} ${r.text}`);
  return { token: r.body.token, user: r.body.user, api: client(base, r.body.token) };
}

// A browser-like session: the cookie from the login form, and the CSRF
// token read from a page, as a form would carry it.
export async function browserSession(base, loginName, password = DEMO_PASSWORD) {
  const r = await fetch(base + "/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login: loginName, password }),
    redirect: "manual",
  });
  if (r.status !== 303) throw new Error(`login form ${loginName}: ${r.status}`);
  const cookie = r.headers.get("set-cookie").split(";")[0];
  async function get(path) {
    const res = await fetch(base + path, { headers: { Cookie: cookie }, redirect: "manual" });
    return { status: res.status, html: await res.text(), headers: res.headers };
  }
  const csrf = (await get("/")).html.match(/name="csrf" value="([^"]+)"/)[1];
  async function post(path, fields, { withCsrf = true } = {}) {
    const body = new URLSearchParams(fields);
    if (withCsrf) body.set("csrf", csrf);
    const res = await fetch(base + path, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  }
  return { get, post };
}
