// awards.test.mjs — the commendation endpoints of API.md: the forms
// catalogue, decisions and their refusals, CSV import (all or nothing,
// spellings as people write them), statistics as JSON and XLSX.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { inflateRawSync } from "node:zlib";
import { startServer, login, browserSession } from "./helpers.mjs";

let srv, admin, officer, commune, staff, units;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
  officer = await login(srv.base, "tdkt.tinh");
  commune = await login(srv.base, "tdkt.camthanh");
  staff = await login(srv.base, "chuyenvien.snv");
  units = {};
  for (const u of (await admin.api.get("/units?all=1")).body.units) units[u.code] = u.id;
});
after(async () => srv && (await srv.stop()));

const csv = (rows) => "\uFEFF" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
const sendList = (api, body, query = "") =>
  api.post("/awards/import" + query, body, { "Content-Type": "text/csv; charset=utf-8" });

// The one contract shape of a statistics row: the by-keys and count.
function assertRowKeys(rows, keys) {
  for (const r of rows) assert.deepEqual(Object.keys(r).sort(), [...keys, "count"].sort());
}

test("the catalogue lists forms with authority and recipient types", async () => {
  const r = await staff.api.get("/award-forms");
  assert.equal(r.status, 200);
  assert.ok(r.body.forms.length >= 60);
  for (const f of r.body.forms) {
    assert.equal(typeof f.code, "string");
    assert.equal(typeof f.name, "string");
    assert.equal(typeof f.kind, "string");
    assert.equal(typeof f.authority, "string");
    assert.ok(Array.isArray(f.recipient_types) && f.recipient_types.length > 0);
  }
  const by = Object.fromEntries(r.body.forms.map((f) => [f.code, f]));
  assert.equal(by.BKTTG.name, "Bằng khen của Thủ tướng Chính phủ");
  assert.equal(by.BKTTG.authority, "government");
  assert.deepEqual(by.GDVH.recipient_types, ["household"]);
  assert.equal(by.HCLD3.kind, "order");
  assert.equal(by.GKUBH.valid_to, "2025-06-30");
  const today = await staff.api.get("/award-forms?valid_on=2025-07-01");
  assert.ok(!today.body.forms.some((f) => f.code === "GKUBH"));
  assert.equal((await staff.api.get("/award-forms?valid_on=hôm-nay")).status, 400);
});

test("admins add a form; others may not", async () => {
  const form = { code: "GKHND", name: "Giấy khen của Hội Nông dân tỉnh", kind: "certificate",
    authority: "agency", recipient_types: ["individual", "collective"], aliases: ["Giấy khen Hội ND tỉnh"] };
  assert.equal((await officer.api.post("/award-forms", form)).status, 403);
  const r = await admin.api.post("/award-forms", form);
  assert.equal(r.status, 201, r.text);
  assert.equal((await admin.api.post("/award-forms", form)).status, 409);
  assert.equal((await admin.api.patch("/award-forms", { code: "BKTTG", authority: "commune" })).status, 422);
  assert.equal((await admin.api.patch("/award-forms", { code: "GKHND", name: "Giấy khen Hội Nông dân tỉnh" })).status, 200);
});

test("an officer records a decision and reads it back", async () => {
  const body = {
    number: "25/QĐ-UBND", date: "2025-01-15", signer: "Trần Văn Hùng", unit_id: units.QNG,
    form_code: "BKUBT",
    awards: [
      { recipient_type: "collective", name: "Hội Liên hiệp Phụ nữ tỉnh", unit_id: units["QNG-MTTQ-HLHPN"], year: 2024 },
      { recipient_type: "household", name: "Hộ ông Phạm Văn Lành", unit_id: units["QNG-X-21025"], year: 2024,
        achievement: "Hiến 500 m² đất làm đường giao thông nông thôn" },
      { recipient_type: "individual", name: "Nguyễn Thị Ánh Tuyết", unit_id: units["QNG-SNV"], year: 2024,
        position: "Chuyên viên", movement_id: null },
    ],
  };
  const r = await officer.api.post("/decisions", body);
  assert.equal(r.status, 201, r.text);
  assert.equal(typeof r.body.id, "number");
  const d = await officer.api.get("/decisions/" + r.body.id);
  assert.equal(d.status, 200);
  assert.equal(d.body.number, "25/QĐ-UBND");
  assert.equal(d.body.form_code, "BKUBT");
  assert.equal(d.body.awards.length, 3);
  assert.equal(d.body.awards[1].achievement, "Hiến 500 m² đất làm đường giao thông nông thôn");
  const list = await officer.api.get("/decisions");
  assert.ok(list.body.decisions.some((x) => x.id === r.body.id));
  // the same number on the same day is a conflict
  assert.equal((await officer.api.post("/decisions", body)).status, 409);
  // a ward sees the decision through its household
  assert.equal((await commune.api.get("/decisions/" + r.body.id)).status, 200);
});

test("decisions are refused: authority first, then content", async () => {
  const one = [{ recipient_type: "individual", name: "Lê Thị Hoa", unit_id: units["QNG-X-21025"], year: 2025 }];
  const base = { number: "9/QĐ-UBND", date: "2025-09-10", signer: "Võ Văn Tùng", unit_id: units["QNG-X-21025"] };
  // staff: 403 even for a body that is also invalid
  assert.equal((await staff.api.post("/decisions", { ...base, form_code: "NOPE", awards: [] })).status, 403);
  // a unit the caller does not see
  const r403 = await commune.api.post("/decisions", { ...base, unit_id: units.QNG, form_code: "BKUBT", awards: one });
  assert.equal(r403.status, 403);
  const outside = [{ recipient_type: "individual", name: "X", unit_id: units["QNG-SNV"], year: 2025 }];
  assert.equal((await commune.api.post("/decisions", { ...base, form_code: "GKUBX", awards: outside })).status, 403);
  // a ward's chair cannot grant the Prime Minister's certificate
  const auth = await commune.api.post("/decisions", { ...base, form_code: "BKTTG", awards: one });
  assert.equal(auth.status, 422);
  assert.match(auth.body.error, /thẩm quyền/);
  // a household cannot be a Chiến sĩ thi đua cơ sở
  const hh = [{ recipient_type: "household", name: "Hộ bà Lan", unit_id: units["QNG-X-21025"], year: 2025 }];
  const type = await commune.api.post("/decisions", { ...base, form_code: "CSTDCS", awards: hh });
  assert.equal(type.status, 422);
  assert.match(type.body.error, /cá nhân/);
  const weird = [{ recipient_type: "alien", name: "X", year: 2025 }];
  assert.equal((await commune.api.post("/decisions", { ...base, form_code: "GKUBX", awards: weird })).status, 422);
  assert.equal((await commune.api.post("/decisions", { ...base, form_code: "GKUBX", awards: "nope" })).status, 422);
  assert.equal((await commune.api.post("/decisions", { ...base, form_code: "GKUBX", awards: [{ ...one[0], year: 1800 }] })).status, 422);
  assert.equal((await commune.api.post("/decisions", { ...base, date: "2025-02-30", form_code: "GKUBX", awards: one })).status, 422);
  // and it is right for what the ward may grant since 1 July 2025
  assert.equal((await commune.api.post("/decisions", { ...base, form_code: "CSTDCS", awards: one })).status, 201);
  // a decision the ward neither issued nor received
  const snv = await officer.api.post("/decisions", { number: "3/QĐ-SNV", date: "2025-03-01", unit_id: units["QNG-SNV"],
    form_code: "GK", awards: [{ recipient_type: "individual", name: "Phạm Thị Lan", unit_id: units["QNG-SNV"], year: 2024 }] });
  assert.equal(snv.status, 201, snv.text);
  assert.equal((await commune.api.get("/decisions/" + snv.body.id)).status, 404);
});

test("a CSV list imports with the spellings people use", async () => {
  const before = (await officer.api.get("/awards/stats")).body.rows[0].count;
  const body = csv([
    ["STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Năm", "Số quyết định", "Ngày quyết định"],
    ["1", "Đặng Thị Mỹ", "CÁ NHÂN", "Giáo viên", "QNG-SGDDT-THPTLK", "Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh", "2023", "310/QĐ-UBND", "20/12/2023"],
    ["2", "Trường THPT chuyên Lê Khiết", "tập thể", "", "Trường THPT chuyên Lê Khiết", "Bằng khen Chủ tịch UBND tỉnh", "2023", "310/QĐ-UBND", "20/12/2023"],
    ["3", "Hộ ông Lê Văn Tám", "Hộ Gia Đình", "", "Phường Cẩm Thành", "bằng khen của chủ tịch ủy ban nhân dân tỉnh", "2023", "310/QĐ-UBND", "20/12/2023"],
    ["4", "Công ty TNHH Sông Trà", "Tập Thể", "", "Công ty TNHH Sông Trà", "Bằng khen của Chủ tịch UBND tỉnh", "2023", "311/QĐ-UBND", "2023-12-21"],
  ]);
  const r = await sendList(officer.api, body);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.created, 4);
  const after = (await officer.api.get("/awards/stats")).body.rows[0].count;
  assert.equal(after - before, 4);
  const found = await officer.api.get("/awards?q=" + encodeURIComponent("le van tam"));
  assert.equal(found.body.awards.length, 1);
  assert.equal(found.body.awards[0].form_code, "BKUBT");
  assert.equal(found.body.awards[0].recipient_type, "household");
  const outsider = await officer.api.get("/awards?q=song%20tra");
  assert.equal(outsider.body.awards[0].unit_id, null);
  assert.equal(outsider.body.awards[0].unit_name, "Công ty TNHH Sông Trà");
});

test("one decision for the whole list from the query; a bad row writes nothing", async () => {
  const q = "?number=" + encodeURIComponent("77/QĐ-UBND") + "&date=2024-12-25&form=TTLDXS&signer=" +
    encodeURIComponent("Lê Văn Minh");
  const before = (await officer.api.get("/decisions")).body.decisions.length;
  const list = csv([
    ["Tên tập thể", "Đơn vị"],
    ["Sở Tư pháp", "QNG-STP"],
    ["Sở Y tế", "QNG-SYT"],
    ["Ban Quản lý dự án ngoài tỉnh", "không có đơn vị này"],
    ["", ""],
    ["Phòng Thi đua, khen thưởng", "QNG-SNV-TDKT"],
  ]);
  const r1 = await sendList(officer.api, list, q);
  assert.equal(r1.status, 200, r1.text);
  assert.equal(r1.body.created, 4);
  const r2 = await sendList(officer.api, csv([
    ["Tên", "Đối tượng", "Đơn vị"],
    ["Sở Tài chính", "tập thể", "QNG-STC"],
    ["Ông Ba", "người", "QNG-STC"],
  ]), q.replace("77", "78"));
  assert.equal(r2.status, 422);
  assert.equal(r2.body.row, 3);
  assert.match(r2.body.error, /Dòng 3/);
  const r3 = await sendList(officer.api, csv([
    ["Họ và tên", "Năm"],
    ["Phan Văn Sơn", "2024"],
    ["Lý Thị Hà", "năm ngoái"],
  ]), q.replace("77", "79").replace("TTLDXS", "LDTT"));
  assert.equal(r3.status, 422);
  assert.equal(r3.body.row, 3);
  const after = (await officer.api.get("/decisions")).body.decisions.length;
  assert.equal(after, before + 1); // only the valid list of r1
  // the same list twice: the decision number is already recorded
  const again = await sendList(officer.api, list, q);
  assert.equal(again.status, 422);
  assert.equal(again.body.row, 2);
});

test("import refusals: media, rights, missing columns", async () => {
  assert.equal((await officer.api.post("/awards/import", "a,b", { "Content-Type": "text/plain" })).status, 415);
  assert.equal((await staff.api.post("/awards/import", "x", { "Content-Type": "text/csv" })).status, 403);
  const r = await sendList(officer.api, csv([["Năm"], ["2024"]]));
  assert.equal(r.status, 422);
  assert.equal(r.body.row, 1);
  const zip = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
  assert.equal((await officer.api.post("/awards/import", zip, { "Content-Type": "application/octet-stream" })).status, 422);
});

test("statistics: shape, counts, subtree, periods", async () => {
  const all = await officer.api.get("/awards/stats?by=form,recipient_type,year&from=2011&to=2025&unit=" + units.QNG);
  assert.equal(all.status, 200, all.text);
  assertRowKeys(all.body.rows, ["form", "recipient_type", "year"]);
  for (const r of all.body.rows) {
    assert.equal(typeof r.year, "number");
    assert.equal(typeof r.count, "number");
  }
  const bk2024 = all.body.rows.filter((r) => r.form === "BKUBT" && r.year === 2024);
  assert.deepEqual(bk2024.map((r) => [r.recipient_type, r.count]),
    [["collective", 1], ["household", 1], ["individual", 1]]);
  const bk2023 = all.body.rows.filter((r) => r.form === "BKUBT" && r.year === 2023);
  assert.equal(bk2023.reduce((s, r) => s + r.count, 0), 4);
  // the ward's subtree: its household and its own officer's decision
  const ward = await commune.api.get("/awards/stats?by=form");
  assertRowKeys(ward.body.rows, ["form"]);
  assert.deepEqual(ward.body.rows.map((r) => [r.form, r.count]), [["BKUBT", 2], ["CSTDCS", 1]]);
  // per unit: children of the province
  const per = await officer.api.get("/awards/stats?by=unit&form=BKUBT");
  assertRowKeys(per.body.rows, ["unit"]);
  const ids = per.body.rows.map((r) => r.unit);
  assert.ok(ids.includes(units["QNG-X-21025"]) && ids.includes(units.QNG));
  // period groups side by side
  const p = await officer.api.get("/awards/stats?by=form&period=2016-2020,2021-2025");
  assertRowKeys(p.body.rows, ["form", "period"]);
  assert.ok(p.body.rows.every((r) => r.period === "2021-2025"));
  const mv = await officer.api.get("/awards/stats?by=movement");
  assertRowKeys(mv.body.rows, ["movement"]);
  assert.equal(mv.body.rows[0].movement, null);
  // refusals
  assert.equal((await officer.api.get("/awards/stats?by=colour")).status, 400);
  assert.equal((await officer.api.get("/awards/stats?from=abc")).status, 400);
  assert.equal((await officer.api.get("/awards/stats?period=2020-2011")).status, 400);
  assert.equal((await commune.api.get("/awards/stats?unit=" + units.QNG)).status, 404);
});

// The entries of a zip archive: name → bytes (stored or deflated).
function unzip(bytes) {
  const b = Buffer.from(bytes);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "not a zip archive");
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(b.readUInt32LE(p), 0x02014b50);
    const method = b.readUInt16LE(p + 10), size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28), extra = b.readUInt16LE(p + 30), comment = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : data;
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

test("statistics as XLSX: a real workbook with numeric cells", async () => {
  const res = await fetch(srv.base + "/api/v1/awards/stats.xlsx?by=form,year&unit=" + units.QNG,
    { headers: { Authorization: "Bearer " + officer.token } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /spreadsheetml/);
  assert.match(res.headers.get("content-disposition"), /attachment/);
  const files = unzip(new Uint8Array(await res.arrayBuffer()));
  const sheet = files["xl/worksheets/sheet1.xml"].toString("utf8");
  const strings = files["xl/sharedStrings.xml"].toString("utf8");
  assert.match(strings, /Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh/);
  // years (column B) and counts (column C) are numbers, not text
  const cells = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(.*?)<\/c>/g)];
  const numeric = cells.filter(([, col, row, attrs]) => (col === "B" || col === "C") && row !== "1" && !attrs.includes('t="s"'));
  assert.ok(numeric.length >= 4);
  assert.ok(numeric.some(([, col, , , body]) => col === "B" && body.includes("<v>2024</v>")));
  // the total: a SUM formula with its value stored
  const json = await officer.api.get("/awards/stats?unit=" + units.QNG);
  const total = json.body.rows[0].count;
  assert.match(sheet, new RegExp(`<f>SUM\\(C2:C\\d+\\)</f><v>${total}</v>`));
  assert.equal((await fetch(srv.base + "/api/v1/awards/stats.xlsx?by=nope",
    { headers: { Authorization: "Bearer " + officer.token } })).status, 400);
});

test("pages: rights, CSRF, escaping, the template", async () => {
  const st = await browserSession(srv.base, "chuyenvien.snv");
  assert.equal((await st.get("/decisions")).status, 200);
  assert.equal((await st.get("/decisions/new")).status, 403);
  assert.equal((await st.post("/decisions", { number: "1", date: "2025-09-01", rows: "1", r0_name: "X" })).status, 403);
  assert.equal((await st.get("/awards/import")).status, 403);
  assert.equal((await st.get("/awards/stats?by_form=1")).status, 200);
  const of = await browserSession(srv.base, "tdkt.tinh");
  const fields = { number: "<b>999</b>/QĐ", date: "2025-10-01", unit_id: String(units.QNG), form_code: "BKUBT",
    rows: "2", r0_type: "individual", r0_name: "<script>alert(1)</script>", r0_year: "2025", r1_name: "" };
  assert.equal((await of.post("/decisions", fields, { withCsrf: false })).status, 403); // no CSRF token
  const saved = await of.post("/decisions", fields);
  assert.equal(saved.status, 303, saved.html);
  const page = await of.get(saved.location.split("?")[0]);
  assert.ok(page.html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(!page.html.includes("<script>alert"));
  assert.ok(page.html.includes("&lt;b&gt;999&lt;/b&gt;"));
  // more rows keep the typed values; a refused form says why with 422
  const more = await of.post("/decisions", { ...fields, number: "1000/QĐ", more: "1" });
  assert.equal(more.status, 200);
  assert.equal((more.html.match(/name="r\d+_name"/g) || []).length, 7);
  const refused = await of.post("/decisions", { ...fields, number: "1001/QĐ", r0_type: "household", form_code: "CSTDT" });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /chỉ tặng cá nhân/);
  const tpl = await of.get("/awards/import/mau.csv");
  assert.equal(tpl.status, 200);
  assert.match(tpl.headers.get("content-type"), /text\/csv/);
  assert.ok(tpl.html.includes("Họ và tên,Đối tượng"));
  const stats = await of.get("/awards/stats?by_form=1&period=2016-2020,2021-2025");
  assert.ok(stats.html.includes("<svg id=\"stats-chart\""));
  assert.equal((await of.get("/awards/stats?period=2020-2010")).status, 400);
});
