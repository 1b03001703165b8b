// units_import.test.mjs — POST /units/import: CSV with Vietnamese headers,
// all-or-nothing, the error names the row.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, login } from "./helpers.mjs";

let srv, admin;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, "admin");
});
after(async () => srv && (await srv.stop()));

const csv = (rows) => "\uFEFF" + rows.map((r) => r.join(";")).join("\r\n") + "\r\n";
const send = (api, body, type = "text/csv; charset=utf-8") => api.post("/units/import", body, { "Content-Type": type });

test("a CSV with Vietnamese headers imports every row, parents from the same file", async () => {
  const body = csv([
    ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hoạt động", "Hiệu lực từ"],
    ["IMP-X1", "Xã Nhập Một", "Xã", "QNG", "1", "01/07/2025"],
    ["IMP-X1-T1", "Thôn Bình An", "thôn", "IMP-X1", "có", ""],
    ["IMP-S1", "Sở Thử Nghiệm", "Sở, ban, ngành", "QNG", "", ""],
  ]);
  const r = await send(admin.api, body);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.created, 3);
  const found = await admin.api.get("/units?q=" + encodeURIComponent("thon binh an"));
  const t = found.body.units.find((u) => u.code === "IMP-X1-T1");
  assert.equal(t.kind, "hamlet");
  const x = await admin.api.get("/units/" + t.parent_id);
  assert.equal(x.body.code, "IMP-X1");
  assert.equal(x.body.valid_from, "2025-07-01");
});

test("one bad row writes nothing and the error names it", async () => {
  const before = (await admin.api.get("/units?all=1")).body.units.length;
  const body = csv([
    ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
    ["BAD-1", "Xã Đúng", "Xã", "QNG"],
    ["BAD-2", "Xã Cũng Đúng", "Xã", "QNG"],
    ["BAD-3", "Xã Sai Cấp Trên", "Xã", "KHONG-TON-TAI"],
  ]);
  const r = await send(admin.api, body);
  assert.equal(r.status, 422);
  assert.equal(r.body.row, 4);
  assert.match(r.body.error, /Dòng 4/);
  assert.equal((await admin.api.get("/units?all=1")).body.units.length, before);
});

test("duplicate codes, bad kinds, missing columns and bad dates are refused", async () => {
  const h = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"];
  let r = await send(admin.api, csv([h, ["D1", "A", "Xã", "QNG"], ["D1", "B", "Xã", "QNG"]]));
  assert.equal(r.status, 422);
  assert.equal(r.body.row, 3);
  r = await send(admin.api, csv([h, ["K1", "A", "Hành tinh", "QNG"]]));
  assert.equal(r.status, 422);
  assert.equal(r.body.row, 2);
  r = await send(admin.api, csv([["Mã đơn vị", "Tên đơn vị"], ["M1", "A"]]));
  assert.equal(r.status, 422);
  assert.match(r.body.error, /Loại đơn vị/);
  r = await send(admin.api, csv([[...h, "Hiệu lực từ"], ["T1", "A", "Xã", "QNG", "31/02/2025"]]));
  assert.equal(r.status, 422);
  r = await send(admin.api, csv([h, ["QNG", "Trùng mã có sẵn", "Xã", "QNG"]]));
  assert.equal(r.status, 422);
  assert.equal(r.body.row, 2);
});

test("wrong media, legacy .xls, junk and non-admins are refused", async () => {
  assert.equal((await send(admin.api, "a,b", "text/plain")).status, 415);
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  assert.equal((await send(admin.api, ole, "application/octet-stream")).status, 415);
  assert.equal((await send(admin.api, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "application/octet-stream")).status, 422);
  const officer = await login(srv.base, "tdkt.tinh");
  assert.equal((await send(officer.api, csv([["x"], ["y"]]))).status, 403);
});
