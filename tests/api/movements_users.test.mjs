// movements_users.test.mjs — movements and users beyond the foundation
// cases, and the pages that sit on them (/users, /movements, /groups) seen
// over plain HTTP: who gets which page, CSRF on every form, escaping,
// typed values kept when a form is refused.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, login, browserSession } from "./helpers.mjs";

let srv, admin, officer, wardOfficer;
const ids = {};

before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
  officer = await login(srv.base, "tdkt.tinh");
  wardOfficer = await login(srv.base, "tdkt.camthanh");
  const all = (await admin.api.get("/units?all=1")).body.units;
  for (const code of ["QNG", "QNG-X-21025", "QNG-SNV"]) ids[code] = all.find((u) => u.code === code).id;
});
after(async () => srv && (await srv.stop()));

describe("movements", () => {
  test("search ignores accents and case; kinds and descriptions round-trip", async () => {
    const r = await officer.api.post("/movements", {
      title: "Phong trào “Đoàn kết sáng tạo, nâng cao năng suất” năm 2026", unit_id: ids.QNG,
      start_year: 2026, end_year: 2026, kind: "campaign", description: "Dòng 1\nDòng 2",
    });
    assert.equal(r.status, 201);
    for (const q of ["doan ket sang tao", "ĐOÀN KẾT", "nang suat"]) {
      const found = (await officer.api.get("/movements?q=" + encodeURIComponent(q))).body.movements;
      assert.ok(found.some((m) => m.id === r.body.id), q);
    }
    const m = (await officer.api.get("/movements/" + r.body.id)).body;
    assert.equal(m.kind, "campaign");
    assert.equal(m.description, "Dòng 1\nDòng 2");
    assert.equal((await officer.api.post("/movements", { title: "X", unit_id: ids.QNG, start_year: 2026, end_year: 2026, kind: "yearly" })).status, 422);
  });

  test("a ward sees the movements above it but not a sibling's; a ward's movement is invisible to siblings", async () => {
    const mine = await wardOfficer.api.post("/movements", { title: "Phong trào “Phường Cẩm Thành văn minh” năm 2026", unit_id: ids["QNG-X-21025"], start_year: 2026, end_year: 2026 });
    assert.equal(mine.status, 201);
    const snv = await login(srv.base, "chuyenvien.snv");
    assert.equal((await snv.api.get("/movements/" + mine.body.id)).status, 404);
    assert.ok((await officer.api.get("/movements")).body.movements.some((m) => m.id === mine.body.id));
  });

  test("the movements page lists, searches, escapes, and shows the movements that answer one", async () => {
    const evil = await officer.api.post("/movements", { title: "<script>alert(1)</script> “Thi đua” & \"trích dẫn\"", unit_id: ids.QNG, start_year: 2026, end_year: 2027 });
    assert.equal(evil.status, 201);
    const s = await browserSession(srv.base, "tdkt.tinh");
    const page = await s.get("/movements?q=" + encodeURIComponent("thi dua"));
    assert.equal(page.status, 200);
    assert.ok(!page.html.includes("<script>alert(1)</script>"));
    assert.ok(page.html.includes("&lt;script&gt;alert(1)&lt;/script&gt; “Thi đua” &amp; &quot;trích dẫn&quot;"));
    assert.match(page.html, /2026 – 2027/);

    const parent = (await officer.api.get("/movements?q=" + encodeURIComponent("vi nguoi ngheo"))).body.movements.find((m) => m.unit_name === "Trung ương");
    const detail = await s.get("/movements/" + parent.id);
    assert.equal(detail.status, 200);
    assert.match(detail.html, /Phong trào hưởng ứng \(1\)/);
    assert.match(detail.html, /Quảng Ngãi vì người nghèo/);
    assert.equal((await s.get("/movements/999999")).status, 404);
  });

  test("the create form: CSRF required, a refusal keeps the typed values, success redirects", async () => {
    const s = await browserSession(srv.base, "tdkt.tinh");
    const fields = { title: "Phong trào thử <b>", unit_id: String(ids.QNG), start_year: "2027", end_year: "2026", kind: "thematic", parent_id: "", description: "Mô tả <i>thử</i>" };
    assert.equal((await s.post("/movements", fields, { withCsrf: false })).status, 403);
    const bad = await s.post("/movements", fields);
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Năm kết thúc phải không sớm hơn năm bắt đầu/);
    assert.match(bad.html, /value="Phong trào thử &lt;b&gt;"/);
    assert.match(bad.html, />Mô tả &lt;i&gt;thử&lt;\/i&gt;<\/textarea>/);
    assert.match(bad.html, /<option value="thematic" selected>/);
    const ok = await s.post("/movements", { ...fields, end_year: "2028" });
    assert.equal(ok.status, 303);
    assert.match(ok.location, /^\/movements\/\d+\?ok=/);
    // staff have no create form and are refused
    const staff = await browserSession(srv.base, "chuyenvien.camthanh");
    assert.ok(!(await staff.get("/movements")).html.includes(`method="post" action="/movements"`));
    assert.equal((await staff.post("/movements", fields)).status, 403);
  });
});

describe("users", () => {
  test("an admin of a ward lists only the ward's users and creates users only there", async () => {
    const r = await admin.api.post("/users", { login: "qt.camthanh", password: "MatKhau@2025", full_name: "Quản trị phường", unit_id: ids["QNG-X-21025"], role: "admin" });
    assert.equal(r.status, 201);
    const wardAdmin = await login(srv.base, "qt.camthanh", "MatKhau@2025");
    const list = (await wardAdmin.api.get("/users")).body.users;
    assert.ok(list.length >= 3);
    assert.ok(list.every((u) => u.unit_id === ids["QNG-X-21025"]));
    assert.ok(!list.some((u) => u.login === "admin"));
    assert.equal((await wardAdmin.api.post("/users", { login: "x.y", password: "MatKhau@2025", unit_id: ids.QNG, role: "staff" })).status, 403);
    const adminId = (await admin.api.get("/me")).body.id;
    assert.equal((await wardAdmin.api.patch("/users/" + adminId, { full_name: "X" })).status, 404);
  });

  test("a changed role ends the user's sessions; an admin cannot lock themself out", async () => {
    const r = await admin.api.post("/users", { login: "doi.vaitro", password: "MatKhau@2025", full_name: "Đổi Vai Trò", unit_id: ids["QNG-SNV"], role: "staff" });
    const s = await login(srv.base, "doi.vaitro", "MatKhau@2025");
    assert.equal((await admin.api.patch("/users/" + r.body.id, { role: "officer" })).status, 200);
    assert.equal((await s.api.get("/me")).status, 401);
    const again = await login(srv.base, "doi.vaitro", "MatKhau@2025");
    assert.equal(again.user.role, "officer");
    const me = (await admin.api.get("/me")).body;
    assert.equal((await admin.api.patch("/users/" + me.id, { active: false })).status, 422);
    assert.equal((await admin.api.patch("/users/" + me.id, { role: "staff" })).status, 422);
  });

  test("the users pages are for admins only", async () => {
    for (const who of ["tdkt.tinh", "chuyenvien.camthanh"]) {
      const s = await browserSession(srv.base, who);
      const page = await s.get("/users");
      assert.equal(page.status, 403, who);
      assert.match(page.html, /Chỉ quản trị hệ thống/);
      assert.ok(!page.html.includes('href="/users"'), "no menu entry for " + who);
      assert.equal((await s.get("/users/1")).status, 403);
      assert.equal((await s.post("/users", { login: "a.b", password: "MatKhau@2025", unit_id: String(ids.QNG), role: "admin" })).status, 403);
    }
  });

  test("the create form keeps typed values (not the password) when refused, and accepts a unit code", async () => {
    const s = await browserSession(srv.base, "admin");
    const fields = { login: "tdkt.tinh", full_name: "Lê Thị <Bích>", password: "MatKhau@2025", unit_id: "", unit_code: "QNG-X-21025", role: "leader" };
    assert.equal((await s.post("/users", fields, { withCsrf: false })).status, 403);
    const bad = await s.post("/users", fields);
    assert.equal(bad.status, 409);
    assert.match(bad.html, /đã được dùng/);
    assert.match(bad.html, /value="Lê Thị &lt;Bích&gt;"/);
    assert.match(bad.html, /value="QNG-X-21025"/);
    assert.match(bad.html, /<option value="leader" selected>/);
    assert.ok(!bad.html.includes("MatKhau@2025"), "the password is not echoed");

    const unknown = await s.post("/users", { ...fields, login: "le.bich", unit_code: "KHONG-CO" });
    assert.equal(unknown.status, 422);
    assert.match(unknown.html, /Không tìm thấy đơn vị có mã “KHONG-CO”/);

    const ok = await s.post("/users", { ...fields, login: "le.bich" });
    assert.equal(ok.status, 303);
    const created = (await admin.api.get("/users")).body.users.find((u) => u.login === "le.bich");
    assert.equal(created.unit_id, ids["QNG-X-21025"]);
    assert.equal(created.role, "leader");
    assert.equal(created.full_name, "Lê Thị <Bích>");

    // the edit form: lock the account, then the page says so
    const page = await s.get("/users/" + created.id);
    assert.equal(page.status, 200);
    assert.match(page.html, /Sửa thông tin người dùng/);
    const upd = await s.post("/users/" + created.id, { full_name: "Lê Thị Bích", unit_id: String(ids["QNG-X-21025"]), role: "leader", password: "" });
    assert.equal(upd.status, 303);
    const after = await s.get("/users/" + created.id);
    assert.match(after.html, /<dd>Đã khóa<\/dd>/);
    assert.equal((await s.get("/users/999999")).status, 404);
  });
});

describe("group pages", () => {
  test("officers add members by code and remove them; others only read", async () => {
    const s = await browserSession(srv.base, "tdkt.tinh");
    const made = await s.post("/groups", { name: "Cụm thi đua phía Tây", kind: "cluster", year: "2025", unit_id: String(ids.QNG) });
    assert.equal(made.status, 303);
    const path = made.location.split("?")[0];
    const add = await s.post(path + "/members", { codes: "QNG-X-21025;QNG-SNV" });
    assert.equal(add.status, 303);
    assert.match(decodeURIComponent(add.location), /Đã thêm 2 đơn vị/);
    const unknown = await s.post(path + "/members", { codes: "QNG-X-21025 NO-SUCH" });
    assert.equal(unknown.status, 422);
    assert.match(unknown.html, /Không tìm thấy đơn vị có mã “NO-SUCH”/);
    assert.match(unknown.html, /value="QNG-X-21025 NO-SUCH"/);
    assert.equal((await s.post(path + "/members", { codes: "QNG-SNV" }, { withCsrf: false })).status, 403);
    const rm = await s.post(`${path}/members/${ids["QNG-SNV"]}/remove`, {});
    assert.equal(rm.status, 303);
    const page = await s.get(path);
    assert.match(page.html, /Đơn vị thành viên \(1\)/);
    const badYear = await s.post(path, { name: "Cụm thi đua phía Tây", year: "năm ngoái" });
    assert.equal(badYear.status, 422);
    assert.match(badYear.html, /Năm phải là năm từ 1945 đến 2100/);

    const leader = await browserSession(srv.base, "lanhdao.tinh");
    const view = await leader.get(path);
    assert.equal(view.status, 200);
    assert.ok(!view.html.includes("/members"), "no member forms for a leader");
    assert.equal((await leader.post(path + "/members", { codes: "QNG-SNV" })).status, 403);
    const ward = await browserSession(srv.base, "tdkt.camthanh");
    assert.equal((await ward.get(path)).status, 404);
    assert.equal((await ward.post(`${path}/members/${ids["QNG-X-21025"]}/remove`, {})).status, 404);
  });
});
