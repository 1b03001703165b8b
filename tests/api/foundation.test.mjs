// foundation.test.mjs — the v1 contract for sessions, units, users and
// movements (API.md), including every refusal.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, client, login, DEMO_PASSWORD } from "./helpers.mjs";

let srv, admin, officer, communeStaff;

before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
  officer = await login(srv.base, "tdkt.tinh");
  communeStaff = await login(srv.base, "chuyenvien.camthanh");
});
after(async () => srv && (await srv.stop()));

async function unitByCode(api, code) {
  const r = await api.get("/units?all=1");
  return r.body.units.find((u) => u.code === code);
}

describe("session", () => {
  test("login returns a token and the user", async () => {
    const r = await client(srv.base).post("/session", { login: "admin", password: DEMO_PASSWORD });
    assert.equal(r.status, 200);
    assert.match(r.body.token, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(Object.keys(r.body.user).sort(), ["full_name", "id", "login", "role", "unit_id"]);
    assert.equal(r.body.user.role, "admin");
  });

  test("wrong password and unknown login both give 401 with one message", async () => {
    const a = await client(srv.base).post("/session", { login: "admin", password: "sai-mat-khau" });
    const b = await client(srv.base).post("/session", { login: "khong-co", password: "sai-mat-khau" });
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal(a.body.error, b.body.error);
  });

  test("malformed bodies are 400, wrong media type 415", async () => {
    const c = client(srv.base);
    assert.equal((await c.post("/session", "{not json", { "Content-Type": "application/json" })).status, 400);
    assert.equal((await c.post("/session", "login=admin", { "Content-Type": "application/x-www-form-urlencoded" })).status, 415);
    assert.equal((await c.post("/session", { login: "admin" })).status, 400);
    assert.equal((await c.post("/session", "[1,2]", { "Content-Type": "application/json" })).status, 400);
  });

  test("repeated failures are throttled with 429", async () => {
    const c = client(srv.base);
    for (let i = 0; i < 5; i++) assert.equal((await c.post("/session", { login: "lanhdao.tinh", password: "x" + i })).status, 401);
    const r = await c.post("/session", { login: "lanhdao.tinh", password: DEMO_PASSWORD });
    assert.equal(r.status, 429);
    assert.ok(r.headers.get("retry-after"));
  });

  test("calls without or with a bad token are 401; logout ends the token", async () => {
    assert.equal((await client(srv.base).get("/units")).status, 401);
    assert.equal((await client(srv.base, "x".repeat(43)).get("/units")).status, 401);
    const s = await login(srv.base, "chuyenvien.snv");
    assert.equal((await s.api.get("/me")).status, 200);
    assert.equal((await s.api.del("/session")).status, 200);
    assert.equal((await s.api.get("/me")).status, 401);
  });

  test("unknown routes are 404, wrong methods 405", async () => {
    assert.equal((await admin.api.get("/khong-co")).status, 404);
    assert.equal((await admin.api.del("/units")).status, 405);
  });
});

describe("units", () => {
  test("search is accent- and case-insensitive", async () => {
    for (const [q, name] of [["quang ngai", "Tỉnh Quảng Ngãi"], ["QUẢNG NGÃI", "Tỉnh Quảng Ngãi"], ["cam thanh", "Phường Cẩm Thành"], ["dak to", "Xã Đăk Tô"]]) {
      const r = await admin.api.get("/units?q=" + encodeURIComponent(q));
      assert.equal(r.status, 200);
      assert.ok(r.body.units.some((u) => u.name === name), `${q} → ${name}`);
    }
  });

  test("list entries have the contract's fields", async () => {
    const r = await admin.api.get("/units?q=cam%20thanh");
    const u = r.body.units[0];
    for (const k of ["id", "code", "name", "kind", "parent_id", "active"]) assert.ok(k in u, k);
    assert.equal(typeof u.id, "number");
  });

  test("a user sees only their unit and its descendants", async () => {
    const all = await communeStaff.api.get("/units");
    assert.equal(all.status, 200);
    const codes = all.body.units.map((u) => u.code);
    assert.ok(codes.includes("QNG-X-21025"));
    assert.ok(!codes.includes("QNG"), "the province is above the commune");
    assert.ok(!codes.includes("QNG-SNV"), "a sibling is not visible");
    const snv = await unitByCode(admin.api, "QNG-SNV");
    assert.equal((await communeStaff.api.get("/units/" + snv.id)).status, 404);
    assert.equal((await communeStaff.api.get("/units?parent=" + snv.id)).status, 404);
  });

  test("the province sees more than 60 active communes and wards", async () => {
    const r = await admin.api.get("/units");
    const local = r.body.units.filter((u) => ["commune", "ward", "special_zone"].includes(u.kind));
    assert.ok(local.length >= 60, `${local.length}`);
    assert.ok(r.body.units.every((u) => u.active), "inactive units are hidden by default");
    const withOld = await admin.api.get("/units?all=1");
    assert.ok(withOld.body.units.some((u) => u.kind === "district" && !u.active), "historic districts with all=1");
  });

  test("parent filter lists direct children; limit and offset page", async () => {
    const me = await unitByCode(admin.api, "QNG-X-21025");
    const r = await admin.api.get("/units?parent=" + me.id);
    assert.ok(r.body.units.length >= 1);
    assert.ok(r.body.units.every((u) => u.parent_id === me.id));
    const page = await admin.api.get("/units?limit=5&offset=5");
    assert.equal(page.body.units.length, 5);
    assert.equal((await admin.api.get("/units?limit=abc")).status, 400);
  });

  test("an admin creates, renames, moves and deactivates a unit; each step is checked", async () => {
    const qng = await unitByCode(admin.api, "QNG");
    const ward = await unitByCode(admin.api, "QNG-X-21025");
    const c = await admin.api.post("/units", { name: "Trường Tiểu học Thử nghiệm", kind: "school", parent_id: qng.id, code: "TEST-TH1" });
    assert.equal(c.status, 201);
    assert.equal(typeof c.body.id, "number");
    assert.equal((await admin.api.post("/units", { name: "Trùng mã", kind: "school", parent_id: qng.id, code: "TEST-TH1" })).status, 409);
    assert.equal((await admin.api.post("/units", { name: "Loại sai", kind: "planet", parent_id: qng.id, code: "TEST-X" })).status, 422);
    assert.equal((await admin.api.post("/units", { name: "  ", kind: "school", parent_id: qng.id, code: "TEST-Y" })).status, 422);
    assert.equal((await admin.api.post("/units", { name: "Mã sai", kind: "school", parent_id: qng.id, code: "mã có dấu" })).status, 422);
    assert.equal((await admin.api.post("/units", { name: 5, kind: "school", parent_id: qng.id, code: "TEST-Z" })).status, 422);

    const id = c.body.id;
    assert.equal((await admin.api.patch("/units/" + id, { name: "Trường Tiểu học Cẩm Thành" })).status, 200);
    assert.equal((await admin.api.patch("/units/" + id, { parent_id: ward.id })).status, 200);
    const moved = await admin.api.get("/units/" + id);
    assert.equal(moved.body.parent_id, ward.id);
    assert.deepEqual(moved.body.path.map((p) => p.code).slice(-3), ["QNG", "QNG-X-21025", "TEST-TH1"]);
    // the commune's staff now sees the school in its subtree
    assert.ok((await communeStaff.api.get("/units")).body.units.some((u) => u.id === id));
    // a unit cannot move under its own descendant
    assert.equal((await admin.api.patch("/units/" + ward.id, { parent_id: id })).status, 422);
    assert.equal((await admin.api.patch("/units/" + id, { active: false })).status, 200);
    assert.ok(!(await admin.api.get("/units")).body.units.some((u) => u.id === id));
    assert.ok((await admin.api.get("/units?all=1")).body.units.some((u) => u.id === id && !u.active));
    const found = await admin.api.get("/units?all=1&q=" + encodeURIComponent("tieu hoc cam thanh"));
    assert.ok(found.body.units.some((u) => u.id === id), "renamed unit is found by its new name");
  });

  test("non-admins and outsiders are refused before validation", async () => {
    const qng = await unitByCode(admin.api, "QNG");
    // an officer may not create units, even with an invalid body (403, not 422)
    assert.equal((await officer.api.post("/units", { name: "", kind: "x", parent_id: qng.id, code: "!" })).status, 403);
    // a commune user may not create under the province it cannot see
    assert.equal((await communeStaff.api.post("/units", { name: "X", kind: "school", parent_id: qng.id, code: "TEST-W" })).status, 403);
    assert.equal((await officer.api.patch("/units/" + qng.id, { name: "Đổi tên" })).status, 403);
  });
});

describe("users", () => {
  test("an admin creates a user who can then log in and sees only their subtree", async () => {
    const ward = await unitByCode(admin.api, "QNG-X-21025");
    const r = await admin.api.post("/users", { login: "nguoidung.moi", password: "MatKhau@2025", full_name: "Người Dùng Mới", unit_id: ward.id, role: "staff" });
    assert.equal(r.status, 201);
    assert.equal(typeof r.body.id, "number");
    const s = await login(srv.base, "nguoidung.moi", "MatKhau@2025");
    assert.equal(s.user.unit_id, ward.id);
    assert.equal(s.user.role, "staff");
    const list = await admin.api.get("/users");
    assert.ok(list.body.users.some((u) => u.login === "nguoidung.moi" && u.full_name === "Người Dùng Mới"));
  });

  test("bad user input is refused with the right status", async () => {
    const ward = await unitByCode(admin.api, "QNG-X-21025");
    const base = { login: "u.test", password: "MatKhau@2025", full_name: "A", unit_id: ward.id, role: "staff" };
    assert.equal((await admin.api.post("/users", { ...base, login: "admin" })).status, 409);
    assert.equal((await admin.api.post("/users", { ...base, role: "king" })).status, 422);
    assert.equal((await admin.api.post("/users", { ...base, password: "ngan" })).status, 422);
    assert.equal((await admin.api.post("/users", { ...base, unit_id: 999999 })).status, 403);
    assert.equal((await officer.api.post("/users", base)).status, 403);
    assert.equal((await officer.api.get("/users")).status, 403);
  });

  test("deactivating a user ends their sessions", async () => {
    const ward = await unitByCode(admin.api, "QNG-X-21025");
    const r = await admin.api.post("/users", { login: "tam.thoi", password: "MatKhau@2025", unit_id: ward.id, role: "leader" });
    const s = await login(srv.base, "tam.thoi", "MatKhau@2025");
    assert.equal((await admin.api.patch("/users/" + r.body.id, { active: false })).status, 200);
    assert.equal((await s.api.get("/me")).status, 401);
    assert.equal((await client(srv.base).post("/session", { login: "tam.thoi", password: "MatKhau@2025" })).status, 401);
  });
});

describe("movements", () => {
  test("a commune sees the national and provincial movements it answers", async () => {
    const r = await communeStaff.api.get("/movements");
    assert.equal(r.status, 200);
    const titles = r.body.movements.map((m) => m.title);
    assert.ok(titles.some((t) => t.includes("Vì người nghèo")));
    assert.ok(titles.some((t) => t.includes("Quảng Ngãi chung sức xây dựng nông thôn mới")));
  });

  test("an officer launches a movement answering a higher one", async () => {
    const list = await officer.api.get("/movements");
    const parent = list.body.movements.find((m) => m.title.includes("Vì người nghèo") && m.unit_name === "Trung ương");
    const qng = await unitByCode(admin.api, "QNG");
    const r = await officer.api.post("/movements", { title: "Phong trào thi đua “Quảng Ngãi chung tay vì người nghèo” năm 2026", unit_id: qng.id, start_year: 2026, end_year: 2026, parent_id: parent.id });
    assert.equal(r.status, 201);
    const got = await officer.api.get("/movements/" + r.body.id);
    assert.equal(got.body.parent_id, parent.id);
    assert.equal(got.body.start_year, 2026);
  });

  test("invalid movements and non-officers are refused", async () => {
    const qng = await unitByCode(admin.api, "QNG");
    const ok = { title: "Phong trào", unit_id: qng.id, start_year: 2025, end_year: 2026 };
    assert.equal((await officer.api.post("/movements", { ...ok, end_year: 2020 })).status, 422);
    assert.equal((await officer.api.post("/movements", { ...ok, start_year: 1800 })).status, 422);
    assert.equal((await officer.api.post("/movements", { ...ok, title: "" })).status, 422);
    assert.equal((await officer.api.post("/movements", { ...ok, parent_id: 999999 })).status, 422);
    assert.equal((await communeStaff.api.post("/movements", ok)).status, 403);
    const ward = await unitByCode(admin.api, "QNG-X-21025");
    const tdkt = await login(srv.base, "tdkt.camthanh");
    assert.equal((await tdkt.api.post("/movements", { ...ok, unit_id: qng.id })).status, 403);
    assert.equal((await tdkt.api.post("/movements", { ...ok, unit_id: ward.id })).status, 201);
  });
});

describe("limits", () => {
  test("a body over the cap is refused with 413", async () => {
    const big = "x".repeat(26 * 1024 * 1024);
    const r = await admin.api.post("/units", big, { "Content-Type": "application/json" });
    assert.equal(r.status, 413);
  });

  test("non-UTF-8 JSON is refused with 400", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    const r = await admin.api.post("/units", bytes, { "Content-Type": "application/json" });
    assert.equal(r.status, 400);
  });
});
