// groups.test.mjs — emulation clusters and blocks (cụm, khối thi đua) over
// /api/v1/groups, including every refusal and its order: authorization
// (403/404) before validation (422) before conflicts (409).
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, client, login } from "./helpers.mjs";

let srv, admin, officer, leader, wardOfficer, wardStaff;
const ids = {};

before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
  officer = await login(srv.base, "tdkt.tinh");
  leader = await login(srv.base, "lanhdao.tinh");
  wardOfficer = await login(srv.base, "tdkt.camthanh");
  wardStaff = await login(srv.base, "chuyenvien.camthanh");
  const all = (await admin.api.get("/units?all=1")).body.units;
  for (const code of ["QNG", "QNG-X-21211", "QNG-X-21034", "QNG-X-21061", "QNG-X-21085", "QNG-X-21025", "QNG-SNV"])
    ids[code] = all.find((u) => u.code === code).id;
  ids.hamlets = all.filter((u) => u.parent_id === ids["QNG-X-21025"]).map((u) => u.id);
});
after(async () => srv && (await srv.stop()));

async function create(api, body) {
  return api.post("/groups", { kind: "cluster", year: 2025, ...body });
}

describe("groups", () => {
  test("an officer sets up a cluster of three communes", async () => {
    const c = await create(officer.api, { name: "Cụm thi đua số 1", unit_id: ids.QNG });
    assert.equal(c.status, 201);
    assert.equal(typeof c.body.id, "number");
    const id = c.body.id;

    const put = await officer.api.put(`/groups/${id}/members`, { unit_ids: [ids["QNG-X-21211"], ids["QNG-X-21034"], ids["QNG-X-21061"]] });
    assert.equal(put.status, 200);
    assert.equal(put.body.member_count, 3);

    const got = await officer.api.get(`/groups/${id}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.name, "Cụm thi đua số 1");
    assert.equal(got.body.kind, "cluster");
    assert.equal(got.body.year, 2025);
    assert.equal(got.body.unit_id, ids.QNG);
    assert.equal(got.body.unit_name, "Tỉnh Quảng Ngãi");
    assert.deepEqual(got.body.members.map((m) => m.name).sort(), ["Xã An Phú", "Xã Tịnh Khê", "Xã Vạn Tường"]);
    for (const k of ["id", "code", "name", "kind", "active"]) assert.ok(k in got.body.members[0], k);

    const list = await admin.api.get("/groups");
    assert.equal(list.status, 200);
    const row = list.body.groups.find((g) => g.id === id);
    assert.equal(row.member_count, 3);
    assert.equal(row.year, 2025);
  });

  test("PUT replaces the member set; PATCH renames and changes or clears the year", async () => {
    const { body: { id } } = await create(officer.api, { name: "Khối các sở", kind: "block", unit_id: ids.QNG });
    assert.equal((await officer.api.put(`/groups/${id}/members`, { unit_ids: [ids["QNG-SNV"], ids["QNG-X-21085"]] })).status, 200);
    assert.equal((await officer.api.put(`/groups/${id}/members`, { unit_ids: [ids["QNG-SNV"]] })).status, 200);
    let g = (await officer.api.get(`/groups/${id}`)).body;
    assert.deepEqual(g.members.map((m) => m.id), [ids["QNG-SNV"]]);
    assert.equal((await officer.api.put(`/groups/${id}/members`, { unit_ids: [] })).status, 200);
    assert.equal((await officer.api.get(`/groups/${id}`)).body.members.length, 0);

    assert.equal((await officer.api.patch(`/groups/${id}`, { name: "Khối các sở, ban, ngành", year: 2026 })).status, 200);
    g = (await officer.api.get(`/groups/${id}`)).body;
    assert.equal(g.name, "Khối các sở, ban, ngành");
    assert.equal(g.year, 2026);
    assert.equal((await officer.api.patch(`/groups/${id}`, { year: null })).status, 200);
    g = (await officer.api.get(`/groups/${id}`)).body;
    assert.equal(g.year, null);
    assert.equal(g.name, "Khối các sở, ban, ngành", "an absent name stays");
  });

  test("the owner defaults to the caller's unit; a commune officer groups its own hamlets", async () => {
    const c = await create(wardOfficer.api, { name: "Cụm các tổ dân phố" });
    assert.equal(c.status, 201);
    const g = (await wardOfficer.api.get(`/groups/${c.body.id}`)).body;
    assert.equal(g.unit_id, ids["QNG-X-21025"]);
    assert.equal((await wardOfficer.api.put(`/groups/${c.body.id}/members`, { unit_ids: ids.hamlets })).status, 200);
    // the province sees the ward's group; the ward does not see the province's
    assert.ok((await officer.api.get("/groups")).body.groups.some((x) => x.id === c.body.id));
    const mine = (await wardOfficer.api.get("/groups")).body.groups;
    assert.ok(mine.every((x) => x.unit_id === ids["QNG-X-21025"]));
  });

  test("duplicates are conflicts: a name within owner, kind and year; a unit in two clusters of one year", async () => {
    const a = await create(officer.api, { name: "Cụm thi đua số 2", unit_id: ids.QNG });
    assert.equal(a.status, 201);
    const dup = await create(officer.api, { name: "cum thi dua so 2", unit_id: ids.QNG });
    assert.equal(dup.status, 409);
    assert.match(dup.body.error, /Cụm thi đua số 2|cum thi dua so 2/);
    assert.equal((await create(officer.api, { name: "Cụm thi đua số 2", unit_id: ids.QNG, year: 2024 })).status, 201);

    // Xã Tịnh Khê is already in "Cụm thi đua số 1" for 2025
    const r = await officer.api.put(`/groups/${a.body.id}/members`, { unit_ids: [ids["QNG-X-21085"], ids["QNG-X-21211"]] });
    assert.equal(r.status, 409);
    assert.match(r.body.error, /Xã Tịnh Khê đã thuộc cụm thi đua “Cụm thi đua số 1” năm 2025/);
    assert.equal((await officer.api.get(`/groups/${a.body.id}`)).body.members.length, 0, "nothing written");

    const b = await create(officer.api, { name: "Cụm thi đua số 3", unit_id: ids.QNG });
    assert.equal((await officer.api.patch(`/groups/${b.body.id}`, { name: "Cụm thi đua số 1" })).status, 409);
  });

  test("invalid content is 422 and names the field", async () => {
    const cases = [
      [{ name: "", unit_id: ids.QNG }, /Tên/],
      [{ name: "Cụm X", kind: "team", unit_id: ids.QNG }, /cluster/],
      [{ name: "Cụm X", year: 1800, unit_id: ids.QNG }, /Năm/],
      [{ name: "Cụm X", year: "2025", unit_id: ids.QNG }, /year/],
      [{ name: 5, unit_id: ids.QNG }, /name/],
      [{ kind: "cluster", unit_id: ids.QNG, name: undefined }, /name/],
    ];
    for (const [body, msg] of cases) {
      const r = await create(officer.api, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.match(r.body.error, msg);
    }
    const { body: { id } } = await create(officer.api, { name: "Cụm kiểm tra", unit_id: ids.QNG });
    assert.equal((await officer.api.put(`/groups/${id}/members`, {})).status, 422);
    assert.equal((await officer.api.put(`/groups/${id}/members`, { unit_ids: ["x"] })).status, 422);
    assert.equal((await officer.api.put(`/groups/${id}/members`, { unit_ids: [0] })).status, 422);
    const twice = await officer.api.put(`/groups/${id}/members`, { unit_ids: [ids["QNG-SNV"], ids["QNG-SNV"]] });
    assert.equal(twice.status, 422);
    assert.equal((await officer.api.patch(`/groups/${id}`, { name: "  " })).status, 422);
    assert.equal((await officer.api.patch(`/groups/${id}`, { year: 3000 })).status, 422);
  });

  test("refusals come before validation: 403 for roles and foreign units, 404 for invisible groups", async () => {
    const bad = { name: "", kind: "planet", year: 1, unit_id: ids.QNG };
    assert.equal((await wardStaff.api.post("/groups", bad)).status, 403);
    assert.equal((await leader.api.post("/groups", bad)).status, 403);
    // a ward officer may not organise a group for the province, nor for a unit that does not exist
    assert.equal((await wardOfficer.api.post("/groups", bad)).status, 403);
    assert.equal((await wardOfficer.api.post("/groups", { ...bad, unit_id: 999999 })).status, 403);

    const { body: { id } } = await create(officer.api, { name: "Cụm của tỉnh", unit_id: ids.QNG });
    // invisible to the ward: 404 whatever the body
    assert.equal((await wardOfficer.api.get(`/groups/${id}`)).status, 404);
    assert.equal((await wardOfficer.api.patch(`/groups/${id}`, { name: 5 })).status, 404);
    assert.equal((await wardOfficer.api.put(`/groups/${id}/members`, { unit_ids: "x" })).status, 404);
    assert.equal((await officer.api.get("/groups/999999")).status, 404);
    // visible to the province's leader, who may not change it
    assert.equal((await leader.api.get(`/groups/${id}`)).status, 200);
    assert.equal((await leader.api.patch(`/groups/${id}`, { name: 5 })).status, 403);
    assert.equal((await leader.api.put(`/groups/${id}/members`, { unit_ids: "x" })).status, 403);

    // a member must be a unit the caller sees
    const own = await create(wardOfficer.api, { name: "Cụm nhỏ" });
    const r = await wardOfficer.api.put(`/groups/${own.body.id}/members`, { unit_ids: [ids.hamlets[0], ids["QNG-X-21034"]] });
    assert.equal(r.status, 403);
    assert.equal((await wardOfficer.api.put(`/groups/${own.body.id}/members`, { unit_ids: [999999] })).status, 403);
  });

  test("transport errors: 401 without a token, 400 malformed, 415 wrong media type, 405 wrong method", async () => {
    assert.equal((await client(srv.base).get("/groups")).status, 401);
    assert.equal((await officer.api.post("/groups", "{oops", { "Content-Type": "application/json" })).status, 400);
    assert.equal((await officer.api.post("/groups", "name=x", { "Content-Type": "application/x-www-form-urlencoded" })).status, 415);
    const { body: { id } } = await create(officer.api, { name: "Cụm phương thức", unit_id: ids.QNG });
    assert.equal((await officer.api.put(`/groups/${id}`, {})).status, 405);
    assert.equal((await officer.api.del(`/groups/${id}/members`)).status, 405);
  });
});
