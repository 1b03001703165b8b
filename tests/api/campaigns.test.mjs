// campaigns.test.mjs — campaigns and reports over /api/v1 (API.md "Campaigns
// and reports"): issuing, progress and its definitions, the report state
// machine, versions (409 when stale), figure validation, sibling isolation,
// authorization before validation and state (403/404 before 409/422), past
// deadlines, approval, cascade, recipients added later, reminders, notices,
// attachments, the frozen outline and safe rendering of narratives.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, client, login } from "./helpers.mjs";

const OUTLINE = `ĐỀ CƯƠNG
Báo cáo sơ kết phong trào thi đua

I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG
II. KẾT QUẢ THỰC HIỆN
1. Công tác tuyên truyền, phát động phong trào thi đua.
2. Công tác khen thưởng (nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được nhận các hình thức khen thưởng).
3. Giới thiệu 2-3 mô hình, điển hình tiên tiến tiêu biểu.
III. ĐỀ XUẤT, KIẾN NGHỊ
`;

let srv, admin, officer, leader, snv, ward, wardStaff, wardLeader, tkStaff, tkOfficer, provStaff, hamletStaff;
const u = {};
let outline, items;
const FUTURE = "2099-11-20";
const PAST = "2020-01-10";

before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
  officer = await login(srv.base, "tdkt.tinh");
  leader = await login(srv.base, "lanhdao.tinh");
  snv = await login(srv.base, "chuyenvien.snv");
  ward = await login(srv.base, "tdkt.camthanh");
  wardStaff = await login(srv.base, "chuyenvien.camthanh");
  wardLeader = await login(srv.base, "lanhdao.camthanh");
  const all = (await admin.api.get("/units?all=1")).body.units;
  for (const code of ["QNG", "QNG-SNV", "QNG-X-21025", "QNG-X-21211", "QNG-X-21034", "QNG-T-21025-TDP04", "QNG-T-21025-TDP12"])
    u[code] = all.find((x) => x.code === code).id;
  const mk = async (loginName, unit, role) => {
    const r = await admin.api.post("/users", { login: loginName, password: "MatKhau@2025", full_name: loginName, unit_id: unit, role });
    assert.equal(r.status, 201, r.text);
    return login(srv.base, loginName, "MatKhau@2025");
  };
  tkStaff = await mk("chuyenvien.tinhkhe", u["QNG-X-21211"], "staff");
  tkOfficer = await mk("tdkt.tinhkhe", u["QNG-X-21211"], "officer");
  provStaff = await mk("chuyenvien.tinh", u.QNG, "staff");
  hamletStaff = await mk("chuyenvien.tdp4", u["QNG-T-21025-TDP04"], "staff");
  const imp = await officer.api.post("/outlines", { text: OUTLINE });
  assert.equal(imp.status, 201, imp.text);
  outline = imp.body.outlines[0].id;
  const got = (await officer.api.get(`/outlines/${outline}`)).body.items;
  items = {
    I: got.find((i) => i.label === "I").id,
    II1: got.find((i) => i.label === "1").id,
    FIG: got.find((i) => i.table).id,
    MODELS: got.find((i) => i.asks.includes("models")).id,
  };
});
after(async () => srv && (await srv.stop()));

const CT = () => u["QNG-X-21025"], TK = () => u["QNG-X-21211"], AP = () => u["QNG-X-21034"];

async function issue(who, body) {
  return who.api.post("/campaigns", { title: "Sơ kết phong trào năm 2025", outline_id: outline, deadline: FUTURE, ...body });
}

async function issued(body) {
  const r = await issue(officer, body);
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

async function reportOf(who, campaign) {
  const r = await who.api.get(`/reports?campaign=${campaign}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.reports.length, 1, "one report of the caller's own unit");
  return r.body.reports[0];
}

describe("campaigns", () => {
  test("an officer issues a campaign: 201 {id}; every recipient gets a draft report", async () => {
    const r = await issue(officer, {
      recipients: [CT(), TK(), u["QNG-SNV"]], period: { from: "2025-01-01", to: "2025-10-31" },
      document_no: "1234/SNV-TĐKT", document_date: "2025-11-03",
    });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(Object.keys(r.body), ["id"]);
    assert.ok(Number.isInteger(r.body.id));
    const c = (await officer.api.get(`/campaigns/${r.body.id}`)).body;
    assert.equal(c.title, "Sơ kết phong trào năm 2025");
    assert.equal(c.document_no, "1234/SNV-TĐKT");
    assert.deepEqual(c.period, { from: "2025-01-01", to: "2025-10-31" });
    assert.equal(c.outline_id, outline);
    assert.equal(c.expected, 3);
    const p = (await officer.api.get(`/campaigns/${r.body.id}/progress`)).body;
    assert.deepEqual([p.expected, p.submitted, p.on_time, p.late, p.missing], [3, 0, 0, 0, 3]);
    assert.equal(p.units.length, 3);
    for (const x of p.units) {
      for (const k of ["unit_id", "report_id", "state", "submitted_at", "late"]) assert.ok(k in x, k);
      assert.equal(x.state, "draft");
      assert.equal(x.submitted_at, null);
      assert.ok(Number.isInteger(x.report_id));
    }
    const mine = await reportOf(wardStaff, r.body.id);
    for (const k of ["id", "campaign_id", "unit_id", "state", "version"]) assert.ok(k in mine, k);
    assert.deepEqual([mine.campaign_id, mine.unit_id, mine.state, mine.version], [r.body.id, CT(), "draft", 1]);
  });

  test("deadlines: a date is the end of that day in Vietnam; a date-time keeps its time and offset", async () => {
    const a = await issued({ recipients: [CT()], deadline: "2099-11-20" });
    assert.equal((await officer.api.get(`/campaigns/${a}`)).body.deadline, "2099-11-20T23:59:59+07:00");
    const b = await issued({ recipients: [CT()], deadline: "2099-11-20T17:00" });
    assert.equal((await officer.api.get(`/campaigns/${b}`)).body.deadline, "2099-11-20T17:00:00+07:00");
    const c = await issued({ recipients: [CT()], deadline: "2099-11-20T10:00:00Z" });
    assert.equal((await officer.api.get(`/campaigns/${c}`)).body.deadline, "2099-11-20T17:00:00+07:00");
    for (const bad of ["20/11/2099", "2099-02-30", "2099-11-20T25:00", "soon"]) {
      const r = await issue(officer, { recipients: [CT()], deadline: bad });
      assert.equal(r.status, 422, bad);
      assert.match(r.body.error, /Hạn nộp/);
    }
  });

  test("only officers and admins issue; recipients must be below the issuer; authorization before validation", async () => {
    // a leader, a staff member: 403 even when everything else is wrong
    for (const who of [leader, wardStaff, snv]) {
      const r = await who.api.post("/campaigns", { title: "", deadline: 5, recipients: "x" });
      assert.equal(r.status, 403, r.text);
    }
    // a ward officer naming a sibling commune, with a broken deadline: 403
    let r = await issue(ward, { recipients: [TK()], deadline: "bad" });
    assert.equal(r.status, 403, r.text);
    // the same with a recipient list that is partly not ids: the ids read are judged first
    r = await issue(ward, { recipients: [TK(), "x"] });
    assert.equal(r.status, 403, r.text);
    // then validation
    r = await issue(officer, { recipients: [CT(), "x"] });
    assert.equal(r.status, 422);
    r = await issue(officer, { recipients: [u.QNG] });
    assert.equal(r.status, 422, "the issuer is not its own recipient");
    r = await issue(officer, { recipients: [] });
    assert.equal(r.status, 422);
    r = await issue(officer, { recipients: [CT()], title: "  " });
    assert.equal(r.status, 422);
    r = await issue(officer, { recipients: [CT()], outline_id: 999999 });
    assert.equal(r.status, 422);
    r = await issue(officer, { recipients: [CT()], period: { from: "2025-12-01", to: "2025-01-01" } });
    assert.equal(r.status, 422);
    r = await officer.api.post("/campaigns", "{not json", { "Content-Type": "application/json" });
    assert.equal(r.status, 400);
  });

  test("recipients by subtree, by kind and by cluster", async () => {
    let id = await issued({ recipients: [], recipient_rules: { subtrees: [CT()] } });
    let p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.deepEqual(p.units.map((x) => x.unit_id).sort(), [CT(), u["QNG-T-21025-TDP04"], u["QNG-T-21025-TDP12"]].sort());
    id = await issued({ recipient_rules: { kinds: ["ward"] } });
    p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.equal(p.expected, 9, "the nine wards of the province");
    const g = await officer.api.post("/groups", { name: "Cụm thi đua các xã ven biển", kind: "cluster", year: 2025 });
    await officer.api.put(`/groups/${g.body.id}/members`, { unit_ids: [TK(), AP()] });
    id = await issued({ recipients: [TK()], recipient_rules: { groups: [g.body.id] } });
    assert.equal((await officer.api.get(`/campaigns/${id}/progress`)).body.expected, 2);
    const r = await issue(officer, { recipient_rules: { kinds: ["planet"] } });
    assert.equal(r.status, 422);
  });

  test("the unit saves with its version, submits, and the progress counts it on time", async () => {
    const id = await issued({ recipients: [CT(), TK()] });
    const rep = await reportOf(wardStaff, id);
    const got = await wardStaff.api.get(`/reports/${rep.id}`);
    assert.equal(got.status, 200);
    for (const k of ["id", "campaign_id", "unit_id", "state", "version", "items"]) assert.ok(k in got.body, k);
    assert.deepEqual(got.body.items, []);
    const put = await wardStaff.api.put(`/reports/${rep.id}`, {
      version: 1,
      items: [
        { item_id: items.I, text: "Phường có 12 tổ dân phố.\n\n- Dân số 20.000 người" },
        { item_id: items.FIG, figures: [{ row: "giay_khen", col: "individual", value: 12 }, { row: "huan_chuong", col: "collective", value: 1 }] },
      ],
    });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body, { version: 2 });
    const back = (await wardStaff.api.get(`/reports/${rep.id}`)).body;
    assert.equal(back.version, 2);
    assert.equal(back.items.length, 2);
    assert.deepEqual(back.items[0], { item_id: items.I, text: "Phường có 12 tổ dân phố.\n\n- Dân số 20.000 người", figures: [], models: [] });
    // cells come back in the table's order, as numbers
    assert.deepEqual(back.items[1].figures, [
      { row: "huan_chuong", col: "collective", value: 1 },
      { row: "giay_khen", col: "individual", value: 12 },
    ]);
    const sub = await wardStaff.api.post(`/reports/${rep.id}/submit`);
    assert.equal(sub.status, 200, sub.text);
    assert.deepEqual(sub.body, { state: "submitted", late: false });
    const p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.deepEqual([p.expected, p.submitted, p.on_time, p.late, p.missing], [2, 1, 1, 0, 1]);
    const row = p.units.find((x) => x.unit_id === CT());
    assert.equal(row.state, "submitted");
    assert.equal(row.late, false);
    assert.match(row.submitted_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    // submitted: no more edits (409), no second submission (409)
    assert.equal((await wardStaff.api.put(`/reports/${rep.id}`, { version: 2, items: [] })).status, 409);
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/submit`)).status, 409);
  });

  test("two people editing one report never silently overwrite each other: 409 when stale", async () => {
    const id = await issued({ recipients: [CT()] });
    const rep = await reportOf(wardStaff, id);
    const a = await wardStaff.api.put(`/reports/${rep.id}`, { version: 1, items: [{ item_id: items.I, text: "bản của chuyên viên" }] });
    assert.equal(a.status, 200);
    const b = await wardLeader.api.put(`/reports/${rep.id}`, { version: 1, items: [{ item_id: items.I, text: "bản của lãnh đạo" }] });
    assert.equal(b.status, 409, b.text);
    assert.equal(b.body.version, 2);
    assert.ok(b.body.error);
    const now = (await wardLeader.api.get(`/reports/${rep.id}`)).body;
    assert.equal(now.items[0].text, "bản của chuyên viên");
    // with the current version the leader's save goes through
    assert.equal((await wardLeader.api.put(`/reports/${rep.id}`, { version: 2, items: [{ item_id: items.I, text: "bản của lãnh đạo" }] })).status, 200);
  });

  test("figure cells: numbers only, whole non-negative counts, within limits, the item's own rows and columns", async () => {
    const id = await issued({ recipients: [CT()] });
    const rep = await reportOf(wardStaff, id);
    const put = (items_) => wardStaff.api.put(`/reports/${rep.id}`, { version: 1, items: items_ });
    const cell = (row, col, value, item = items.FIG) => [{ item_id: item, figures: [{ row, col, value }] }];
    const bad = [
      cell("giay_khen", "individual", "12"),
      cell("giay_khen", "individual", -1),
      cell("giay_khen", "individual", 1.5),
      cell("giay_khen", "individual", 1e13),
      cell("giay_khen", "individual", null),
      cell("nope", "individual", 1),
      cell("giay_khen", "nope", 1),
      cell("giay_khen", "individual", 1, items.I),
      cell("giay_khen", "individual", 1, 999999),
      [{ item_id: items.FIG, figures: [{ row: "giay_khen", col: "individual", value: 1 }, { row: "giay_khen", col: "individual", value: 2 }] }],
      [{ item_id: items.I, text: "a" }, { item_id: items.I, text: "b" }],
      [{ item_id: items.I, text: 5 }],
      [{ item_id: items.I, models: [{ name: "HTX", kind: "collective" }] }],
      [{ item_id: items.MODELS, models: [{ name: "HTX", kind: "company" }] }],
      [{ item_id: items.MODELS, models: [{ kind: "model", jobs_created: 5 }] }],
      [{ text: "no id" }],
    ];
    for (const [i, b] of bad.entries()) {
      const r = await put(b);
      assert.equal(r.status, 422, `case ${i}: ${r.text}`);
      assert.ok(r.body.error, `case ${i}`);
    }
    assert.equal((await wardStaff.api.put(`/reports/${rep.id}`, { items: [] })).status, 422, "version is required");
    assert.equal((await wardStaff.api.put(`/reports/${rep.id}`, { version: 1 })).status, 422, "items are required");
    assert.equal((await wardStaff.api.get(`/reports/${rep.id}`)).body.version, 1, "nothing was saved");
    const ok = await put([
      { item_id: items.FIG, figures: [{ row: "co_thi_dua", col: "collective", value: 0 }] },
      { item_id: items.MODELS, text: "Các mô hình tiêu biểu:", models: [{ name: "HTX Nông nghiệp Cẩm Thành", kind: "collective", address: "Tổ dân phố 4", phone: "0255 3822 123", jobs_created: 12, households_helped: 40, members: null, summary: "Tạo việc làm cho 12 lao động." }] },
    ]);
    assert.equal(ok.status, 200, ok.text);
    const m = (await wardStaff.api.get(`/reports/${rep.id}`)).body.items.find((x) => x.item_id === items.MODELS);
    assert.equal(m.models[0].name, "HTX Nông nghiệp Cẩm Thành");
    assert.equal(m.models[0].households_helped, 40);
    assert.equal(m.models[0].members, null);
  });

  test("narrative is kept as typed and rendered safely: light markup, no HTML", async () => {
    const id = await issued({ recipients: [CT()] });
    const rep = await reportOf(wardStaff, id);
    const text = "<script>alert(1)</script> **đậm** và *nghiêng*\n\n- ý một\n- ý <b>hai</b>";
    assert.equal((await wardStaff.api.put(`/reports/${rep.id}`, { version: 1, items: [{ item_id: items.I, text }] })).status, 200);
    assert.equal((await wardStaff.api.get(`/reports/${rep.id}`)).body.items[0].text, text);
    await wardStaff.api.post(`/reports/${rep.id}/submit`);
    const page = await fetch(`${srv.base}/reports/${rep.id}`, { headers: { Authorization: `Bearer ${officer.token}` } });
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; <strong>đậm</strong> và <em>nghiêng</em>"), "escaped, markup rendered");
    assert.ok(html.includes("<ul><li>ý một</li><li>ý &lt;b&gt;hai&lt;/b&gt;</li></ul>"));
    assert.ok(!html.includes("<script>alert"));
  });

  test("reports are per unit: a unit never sees a sibling's report; the issuer and its ancestors see all", async () => {
    const id = await issued({ recipients: [CT(), TK()] });
    const mine = await reportOf(wardStaff, id);
    const theirs = await reportOf(tkStaff, id);
    assert.notEqual(mine.id, theirs.id);
    assert.equal((await tkStaff.api.get(`/reports/${mine.id}`)).status, 404);
    assert.equal((await tkStaff.api.put(`/reports/${mine.id}`, { version: 1, items: [] })).status, 404);
    assert.equal((await tkStaff.api.post(`/reports/${mine.id}/submit`)).status, 404);
    assert.equal((await tkStaff.api.get(`/reports/${mine.id}/history`)).status, 404);
    // a unit that received nothing sees nothing
    assert.deepEqual((await snv.api.get(`/reports?campaign=${id}`)).body.reports, []);
    assert.equal((await snv.api.get(`/campaigns/${id}`)).status, 404);
    // the issuer, its leader and the admin above see both
    for (const who of [officer, leader, admin]) {
      const all = (await who.api.get(`/reports?campaign=${id}`)).body.reports;
      assert.deepEqual(all.map((x) => x.unit_id).sort(), [CT(), TK()].sort());
      assert.equal((await who.api.get(`/reports/${mine.id}`)).status, 200);
    }
    // the recipients see the campaign but not its progress
    assert.equal((await wardStaff.api.get(`/campaigns/${id}`)).status, 200);
    assert.equal((await wardStaff.api.get(`/campaigns/${id}/progress`)).status, 403);
    assert.equal((await snv.api.get(`/campaigns/${id}/progress`)).status, 404);
  });

  test("authorization is decided first: 403/404 before 409/422", async () => {
    const id = await issued({ recipients: [CT(), TK()] });
    const rep = await reportOf(wardStaff, id);
    // stale version and invalid content from someone who may not edit: 404 / 403
    const garbage = { version: 99, items: [{ item_id: 1, figures: [{ row: "x", col: "y", value: "z" }] }] };
    assert.equal((await tkStaff.api.put(`/reports/${rep.id}`, garbage)).status, 404);
    assert.equal((await officer.api.put(`/reports/${rep.id}`, garbage)).status, 403);
    assert.equal((await officer.api.put(`/reports/${rep.id}`, "garbage", { "Content-Type": "text/plain" })).status, 403);
    // the issuer may not submit for the unit
    assert.equal((await officer.api.post(`/reports/${rep.id}/submit`)).status, 403);
    // only the issuing unit's officers, leaders and admins review: a draft is 403 for others
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/return`, { reason: "" })).status, 403);
    assert.equal((await provStaff.api.post(`/reports/${rep.id}/return`, { reason: "" })).status, 403);
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/accept`)).status, 403);
    assert.equal((await tkStaff.api.post(`/reports/${rep.id}/accept`)).status, 404);
    // then validation (422), then state (409)
    assert.equal((await officer.api.post(`/reports/${rep.id}/return`, { reason: "  " })).status, 422);
    assert.equal((await officer.api.post(`/reports/${rep.id}/return`, { reason: "Thiếu số liệu" })).status, 409);
    assert.equal((await officer.api.post(`/reports/${rep.id}/accept`)).status, 409);
    assert.equal((await officer.api.post(`/reports/999999/accept`)).status, 404);
  });

  test("return with a reason, fix, resubmit, accept; the history keeps every version", async () => {
    const id = await issued({ recipients: [CT()] });
    const rep = await reportOf(wardStaff, id);
    await wardStaff.api.put(`/reports/${rep.id}`, { version: 1, items: [{ item_id: items.I, text: "Bản đầu" }] });
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/submit`)).status, 200);
    const ret = await officer.api.post(`/reports/${rep.id}/return`, { reason: "Bổ sung số liệu khen thưởng" });
    assert.equal(ret.status, 200, ret.text);
    let got = (await wardStaff.api.get(`/reports/${rep.id}`)).body;
    assert.equal(got.state, "returned");
    assert.equal(got.return_reason, "Bổ sung số liệu khen thưởng");
    let p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.deepEqual([p.submitted, p.missing], [0, 1], "a returned report is missing again");
    assert.equal(p.units[0].state, "returned");
    const put = await wardStaff.api.put(`/reports/${rep.id}`, { version: got.version, items: [{ item_id: items.I, text: "Bản đã bổ sung" }] });
    assert.equal(put.status, 200);
    const again = await wardStaff.api.post(`/reports/${rep.id}/submit`);
    assert.deepEqual(again.body, { state: "submitted", late: false });
    assert.equal((await officer.api.post(`/reports/${rep.id}/accept`)).status, 200);
    got = (await wardStaff.api.get(`/reports/${rep.id}`)).body;
    assert.equal(got.state, "accepted");
    p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.deepEqual([p.submitted, p.on_time, p.missing], [1, 1, 0]);
    assert.equal(p.units[0].state, "accepted");
    assert.equal((await officer.api.post(`/reports/${rep.id}/accept`)).status, 409);
    assert.equal((await officer.api.post(`/reports/${rep.id}/return`, { reason: "x" })).status, 409);
    const h = (await officer.api.get(`/reports/${rep.id}/history`)).body;
    assert.deepEqual(h.events.map((e) => e.event), ["submit", "return", "submit", "accept"]);
    assert.equal(h.events[1].reason, "Bổ sung số liệu khen thưởng");
    assert.deepEqual(h.versions.map((v) => v.version), [3, 2]);
    const first = (await officer.api.get(`/reports/${rep.id}/versions/2`)).body;
    assert.equal(first.items[0].text, "Bản đầu");
    const second = (await officer.api.get(`/reports/${rep.id}/versions/3`)).body;
    assert.equal(second.items[0].text, "Bản đã bổ sung");
    assert.equal((await officer.api.get(`/reports/${rep.id}/versions/9`)).status, 404);
    // the unit saw the reason as a notice
    const notes = (await wardStaff.api.get("/notices")).body.notices;
    assert.ok(notes.some((n) => n.kind === "returned" && n.message.includes("Bổ sung số liệu khen thưởng")));
  });

  test("a deadline already past is allowed; every submission to it is late, judged by the server", async () => {
    const r = await issue(officer, { recipients: [CT(), TK(), AP()], deadline: PAST });
    assert.equal(r.status, 201);
    const rep = await reportOf(wardStaff, r.body.id);
    const sub = await wardStaff.api.post(`/reports/${rep.id}/submit`, { late: false, submitted_at: "2019-01-01T00:00:00+07:00" });
    assert.deepEqual(sub.body, { state: "submitted", late: true });
    const tk = await reportOf(tkStaff, r.body.id);
    await tkStaff.api.post(`/reports/${tk.id}/submit`);
    await officer.api.post(`/reports/${tk.id}/accept`);
    const p = (await officer.api.get(`/campaigns/${r.body.id}/progress`)).body;
    assert.deepEqual([p.expected, p.submitted, p.on_time, p.late, p.missing], [3, 2, 0, 2, 1]);
    for (const x of p.units.filter((x) => x.state !== "draft")) assert.equal(x.late, true);
  });

  test("progress: submitted = submitted or accepted = on_time + late; missing = expected − submitted (drafts and returned)", async () => {
    const id = await issued({ recipients: [CT(), TK(), AP(), u["QNG-SNV"]] });
    const ct = await reportOf(wardStaff, id), tk = await reportOf(tkStaff, id), sn = await reportOf(snv, id);
    await wardStaff.api.post(`/reports/${ct.id}/submit`);
    await officer.api.post(`/reports/${ct.id}/accept`);
    await tkStaff.api.post(`/reports/${tk.id}/submit`);
    await officer.api.post(`/reports/${tk.id}/return`, { reason: "Thiếu" });
    await snv.api.post(`/reports/${sn.id}/submit`);
    const p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.deepEqual([p.expected, p.submitted, p.on_time, p.late, p.missing], [4, 2, 2, 0, 2]);
    assert.equal(p.submitted, p.on_time + p.late);
    assert.equal(p.missing, p.expected - p.submitted);
    assert.equal(p.units.filter((x) => x.submitted_at).length, p.submitted);
    assert.equal(p.units.filter((x) => x.late === true).length, p.late);
    const missing = (await officer.api.get(`/campaigns/${id}/progress?state=missing`)).body.units;
    assert.deepEqual(missing.map((x) => x.unit_id).sort(), [TK(), AP()].sort());
    assert.equal((await officer.api.get(`/campaigns/${id}/progress?state=bogus`)).status, 400);
  });

  test("recipients can be added later; they get a report and a notice", async () => {
    const id = await issued({ recipients: [CT()] });
    const r = await officer.api.post(`/campaigns/${id}/recipients`, { recipients: [CT(), TK()] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, { added: 1, expected: 2 });
    const tk = await reportOf(tkStaff, id);
    assert.equal(tk.state, "draft");
    const notes = (await tkStaff.api.get("/notices?unread=1")).body.notices;
    assert.ok(notes.some((n) => n.campaign_id === id && n.kind === "campaign"));
    assert.equal((await officer.api.get(`/campaigns/${id}/progress`)).body.expected, 2);
    assert.equal((await leader.api.post(`/campaigns/${id}/recipients`, { recipients: [AP()] })).status, 403);
    assert.equal((await ward.api.post(`/campaigns/${id}/recipients`, { recipients: [AP()] })).status, 403);
    assert.equal((await snv.api.post(`/campaigns/${id}/recipients`, { recipients: [AP()] })).status, 404);
    assert.equal((await officer.api.post(`/campaigns/${id}/recipients`, { recipients: [u.QNG] })).status, 422);
  });

  test("cascade: a middle unit forwards with its own earlier deadline; the child knows its parent and the unit's report", async () => {
    const parent = await issued({ recipients: [CT(), u["QNG-SNV"]], deadline: "2099-11-20" });
    const ctReport = await reportOf(wardStaff, parent);
    const kids = [u["QNG-T-21025-TDP04"], u["QNG-T-21025-TDP12"]];
    let r = await ward.api.post("/campaigns", { title: "Sơ kết trên địa bàn phường", parent_campaign_id: parent, deadline: "2099-11-25", recipients: kids });
    assert.equal(r.status, 422, "a later deadline than the parent's");
    r = await ward.api.post("/campaigns", { title: "Sơ kết trên địa bàn phường", parent_campaign_id: parent, deadline: "2099-11-10", recipients: kids });
    assert.equal(r.status, 201, r.text);
    const child = (await ward.api.get(`/campaigns/${r.body.id}`)).body;
    assert.equal(child.parent_campaign_id, parent);
    assert.equal(child.parent_report_id, ctReport.id);
    assert.equal(child.outline_id, outline);
    // the hamlets read the outline through their own campaign
    assert.equal((await hamletStaff.api.get(`/outlines/${outline}`)).status, 200);
    const h = await reportOf(hamletStaff, r.body.id);
    assert.equal(h.state, "draft");
    // the ward's own report page links the forwarded campaign and its progress
    const page = await (await fetch(`${srv.base}/reports/${ctReport.id}`, { headers: { Authorization: `Bearer ${ward.token}` } })).text();
    assert.match(page, /Sơ kết trên địa bàn phường<\/a>: 0\/2 đơn vị cấp dưới đã nộp/);
    // the province sees the cascade below it and the hamlets' reports
    const below = (await officer.api.get(`/campaigns/${parent}/children`)).body.campaigns;
    assert.deepEqual(below.map((c) => c.id), [r.body.id]);
    assert.equal((await officer.api.get(`/reports/${h.id}`)).status, 200);
    // only a unit that received the campaign forwards it
    assert.equal((await tkOfficer.api.post("/campaigns", { title: "x", parent_campaign_id: parent, deadline: "2099-11-10", recipients: [] })).status, 404);
    assert.equal((await officer.api.post("/campaigns", { title: "x", parent_campaign_id: parent, deadline: "2099-11-10", recipients: [CT()] })).status, 403);
    assert.equal((await ward.api.post("/campaigns", { title: "x", parent_campaign_id: parent, outline_id: 999999, deadline: "2099-11-10", recipients: kids })).status, 422);
  });

  test("the outline is read-only once a campaign uses it (409 suggesting a copy)", async () => {
    const imp = await officer.api.post("/outlines", { text: OUTLINE });
    const oid = imp.body.outlines[0].id;
    const o = (await officer.api.get(`/outlines/${oid}`)).body;
    await issued({ recipients: [CT()], outline_id: oid });
    const r = await officer.api.put(`/outlines/${oid}`, { version: o.version, items: o.items });
    assert.equal(r.status, 409, r.text);
    assert.match(r.body.error, /bản sao/);
    assert.equal(r.body.version, o.version, "nothing changed");
    assert.equal((await officer.api.get(`/outlines/${oid}`)).body.version, o.version);
    const copy = await officer.api.post(`/outlines/${oid}/copy`, {});
    assert.equal(copy.status, 201, copy.text);
  });

  test("approval: staff ask, the leader approves and submits", async () => {
    const id = await issued({ recipients: [CT()], require_approval: true });
    const rep = await reportOf(wardStaff, id);
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/submit`)).status, 403);
    assert.equal((await ward.api.post(`/reports/${rep.id}/submit`)).status, 403);
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/request-approval`)).status, 200);
    const notes = (await wardLeader.api.get("/notices?unread=1")).body.notices;
    const ask = notes.find((n) => n.kind === "approval" && n.report_id === rep.id);
    assert.ok(ask, "the leader is asked");
    assert.ok(!(await wardStaff.api.get("/notices")).body.notices.some((n) => n.kind === "approval"));
    const sub = await wardLeader.api.post(`/reports/${rep.id}/submit`);
    assert.deepEqual(sub.body, { state: "submitted", late: false });
    assert.equal((await wardLeader.api.post(`/notices/${ask.id}/read`)).status, 200);
    const none = await issued({ recipients: [CT()] });
    assert.equal((await wardStaff.api.post(`/reports/${(await reportOf(wardStaff, none)).id}/request-approval`)).status, 422);
  });

  test("reminders go to the units still missing, as notices", async () => {
    const id = await issued({ recipients: [CT(), TK()] });
    const ct = await reportOf(wardStaff, id);
    await wardStaff.api.post(`/reports/${ct.id}/submit`);
    assert.equal((await leader.api.post(`/campaigns/${id}/remind`)).status, 403);
    const r = await officer.api.post(`/campaigns/${id}/remind`);
    assert.deepEqual(r.body, { sent: 1 });
    const notes = (await tkStaff.api.get("/notices")).body.notices;
    assert.ok(notes.some((n) => n.kind === "reminder" && n.campaign_id === id && /Nhắc nộp báo cáo/.test(n.message)));
    const p = (await officer.api.get(`/campaigns/${id}/progress`)).body;
    assert.ok(p.units.find((x) => x.unit_id === TK()).reminded_at);
    assert.equal(p.units.find((x) => x.unit_id === CT()).reminded_at, null);
  });

  test("attachments: added by the unit, downloaded as attachments, hidden from siblings, removed while editable", async () => {
    const id = await issued({ recipients: [CT(), TK()] });
    const rep = await reportOf(wardStaff, id);
    const name = encodeURIComponent("../Kế hoạch \"số 1\".pdf");
    const add = await wardStaff.api.post(`/reports/${rep.id}/attachments?name=${name}`, new Uint8Array([37, 80, 68, 70, 0, 1]), { "Content-Type": "application/pdf" });
    assert.equal(add.status, 201, add.text);
    assert.equal(add.body.version, 2);
    const list = (await officer.api.get(`/reports/${rep.id}/attachments`)).body.attachments;
    assert.equal(list.length, 1);
    assert.equal(list[0].name, "Kế hoạch số 1.pdf");
    const dl = await fetch(`${srv.base}/api/v1/reports/${rep.id}/attachments/${add.body.id}`, { headers: { Authorization: `Bearer ${officer.token}` } });
    assert.equal(dl.status, 200);
    assert.match(dl.headers.get("content-disposition"), /^attachment; filename="Ke hoach so 1.pdf"; filename\*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%201\.pdf$/);
    assert.equal(dl.headers.get("x-content-type-options"), "nosniff");
    assert.deepEqual([...new Uint8Array(await dl.arrayBuffer())], [37, 80, 68, 70, 0, 1]);
    assert.equal((await tkStaff.api.get(`/reports/${rep.id}/attachments/${add.body.id}`)).status, 404);
    assert.equal((await officer.api.post(`/reports/${rep.id}/attachments?name=x.pdf`, new Uint8Array([1]))).status, 403);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    assert.equal((await wardStaff.api.post(`/reports/${rep.id}/attachments?name=big.bin`, big)).status, 413);
    assert.equal((await wardStaff.api.del(`/reports/${rep.id}/attachments/${add.body.id}`)).status, 200);
    assert.deepEqual((await wardStaff.api.get(`/reports/${rep.id}/attachments`)).body.attachments, []);
  });

  test("lists: campaigns issued and received; reports without a filter are only the visible ones", async () => {
    const id = await issued({ recipients: [CT()] });
    const issuedList = (await officer.api.get("/campaigns?scope=issued")).body.campaigns;
    assert.ok(issuedList.some((c) => c.id === id));
    const received = (await wardStaff.api.get("/campaigns?scope=received")).body.campaigns;
    const mine = received.find((c) => c.id === id);
    assert.equal(mine.my_report_state, "draft");
    assert.ok(!(await tkStaff.api.get("/campaigns?scope=received")).body.campaigns.some((c) => c.id === id));
    const all = (await tkStaff.api.get("/reports")).body.reports;
    assert.ok(all.every((r) => r.unit_id === TK()));
    assert.equal((await client(srv.base).get("/reports")).status, 401);
  });
});
