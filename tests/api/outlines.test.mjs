// outlines.test.mjs — report outlines over /api/v1/outlines: importing the
// five seed documents as text and as .docx, the GET contract, expanded
// repeats, asks and the commendation table, who may read and change,
// saving with versions (409 when stale), copies and custom figure tables.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, login, browserSession } from "./helpers.mjs";
import { docxFromText, DOCX_TYPE } from "./docx.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "outlines");
const SEEDS = ["000_d946f861978f22d1", "001_0c20e40965675cb7", "002_50c550435df98776",
  "003_204254158d0d4ae1", "004_595d4ca16fe8dbdd"];
const seedText = (s) => readFileSync(join(FIXTURES, s + ".txt"), "utf8");

// The expected TSV: [{title, items: [{depth, label, title}]}]
function expected(s) {
  const out = [];
  for (const line of readFileSync(join(FIXTURES, s + ".expected.tsv"), "utf8").split("\n")) {
    if (line.startsWith("# ")) out.push({ title: line.slice(2), items: [] });
    else if (line) {
      const [depth, label, title] = line.split("\t");
      out.at(-1).items.push({ depth: Number(depth), label, title });
    }
  }
  return out;
}

// Items as printed: the copies made for repeated sections left out.
function printed(items) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const copied = (it) => {
    for (let p = byId.get(it.parent_id); p; p = byId.get(p.parent_id)) if (p.repeat_of) return true;
    return false;
  };
  return items.filter((i) => !copied(i)).map((i) => ({ depth: i.depth, label: i.label, title: i.title }));
}

// "II/5" → the item reached by labels from the top
function find(items, path) {
  let parent = null, hit = null;
  for (const label of path.split("/")) {
    hit = items.find((i) => i.parent_id === parent && i.label === label);
    if (!hit) return null;
    parent = hit.id;
  }
  return hit;
}

let srv, officer, leader, deptStaff, wardOfficer;
const imported = {};

before(async () => {
  srv = await startServer();
  officer = await login(srv.base, "tdkt.tinh");
  leader = await login(srv.base, "lanhdao.tinh");
  deptStaff = await login(srv.base, "chuyenvien.snv");
  wardOfficer = await login(srv.base, "tdkt.camthanh");
});
after(async () => srv && (await srv.stop()));

async function importText(who, text) {
  return who.api.post("/outlines", { text });
}

describe("outlines", () => {
  test("each seed imports as text with the structure the parser reads", async () => {
    for (const s of SEEDS) {
      const want = expected(s);
      const r = await importText(officer, seedText(s));
      assert.equal(r.status, 201, `${s}: ${r.text}`);
      assert.equal(r.body.outlines.length, want.length, s);
      imported[s] = r.body.outlines.map((o) => o.id);
      for (const [k, o] of r.body.outlines.entries()) {
        assert.equal(typeof o.id, "number");
        assert.equal(o.title, want[k].title, s);
        const got = await officer.api.get(`/outlines/${o.id}`);
        assert.equal(got.status, 200);
        assert.deepEqual(printed(got.body.items), want[k].items, `${s} outline ${k + 1}`);
      }
    }
    assert.equal(imported["001_0c20e40965675cb7"].length, 2, "seed 001 holds two outlines");
  });

  test("GET has exactly the contract's shape; items in document order", async () => {
    const id = imported["000_d946f861978f22d1"][0];
    const { status, body } = await officer.api.get(`/outlines/${id}`);
    assert.equal(status, 200);
    assert.equal(body.id, id);
    assert.equal(body.version, 1);
    for (const k of ["id", "title", "items"]) assert.ok(k in body, k);
    for (const it of body.items) {
      for (const k of ["id", "parent_id", "depth", "label", "title", "guidance", "asks", "table"])
        assert.ok(k in it, k);
      assert.ok(Number.isInteger(it.id));
      assert.ok(it.parent_id === null || Number.isInteger(it.parent_id));
      assert.equal(it.parent_id === null, it.depth === 1);
      assert.ok(Array.isArray(it.asks));
      for (const a of it.asks) assert.ok(["text", "figures", "models"].includes(a));
    }
    // parents come before their children, one level up
    const seen = new Map();
    for (const it of body.items) {
      if (it.parent_id !== null) assert.equal(seen.get(it.parent_id), it.depth - 1);
      seen.set(it.id, it.depth);
    }
    assert.equal(body.items[0].label, "I");
  });

  test("seed 000: III.2 and III.3 get III.1's children; II.5 asks figures in the commendation table", async () => {
    const { body } = await officer.api.get(`/outlines/${imported["000_d946f861978f22d1"][0]}`);
    const items = body.items;
    const iii1 = find(items, "III/III.1"), iii2 = find(items, "III/III.2"), iii3 = find(items, "III/III.3");
    const kids = (p) => items.filter((i) => i.parent_id === p.id).map((i) => [i.label, i.title, i.depth]);
    assert.equal(kids(iii1).length, 4);
    assert.deepEqual(kids(iii2), kids(iii1));
    assert.deepEqual(kids(iii3), kids(iii1));
    assert.equal(iii2.repeat_of, iii1.id);
    assert.ok(find(items, "III/III.3/2/b"), "grandchildren are copied too");

    const ii5 = find(items, "II/5");
    assert.ok(ii5.asks.includes("figures"));
    assert.deepEqual(ii5.table.rows.map((r) => r.key),
      ["huan_chuong", "bang_khen_ttg", "bang_khen_bo_tinh", "giay_khen", "co_thi_dua", "chien_si_thi_dua", "khac"]);
    assert.deepEqual(ii5.table.cols, [
      { key: "collective", label: "Tập thể" },
      { key: "household", label: "Hộ gia đình" },
      { key: "individual", label: "Cá nhân" },
    ]);
    assert.equal(ii5.table.rows[0].label, "Huân chương");
    assert.equal(find(items, "I").table, null);
  });

  test("seed 001: II.4.c of both outlines asks for exemplary models", async () => {
    for (const id of imported["001_0c20e40965675cb7"]) {
      const { body } = await officer.api.get(`/outlines/${id}`);
      const c = find(body.items, "II/4/c");
      assert.ok(c, "II.4.c exists");
      assert.ok(c.asks.includes("models"));
    }
  });

  test("a .docx body imports like its text", async () => {
    const s = "000_d946f861978f22d1";
    const r = await officer.api.post("/outlines", docxFromText(seedText(s)), { "Content-Type": DOCX_TYPE });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.outlines.length, 1);
    assert.equal(r.body.outlines[0].title, expected(s)[0].title);
    const fromDocx = (await officer.api.get(`/outlines/${r.body.outlines[0].id}`)).body.items;
    const fromText = (await officer.api.get(`/outlines/${imported[s][0]}`)).body.items;
    const strip = (v) => v.map(({ depth, label, title, asks }) => ({ depth, label, title, asks }));
    assert.deepEqual(strip(fromDocx), strip(fromText));
    assert.equal((await officer.api.get(`/outlines/${r.body.outlines[0].id}`)).body.source_kind, "docx");
  });

  test("wrong media types, junk and text without an outline are refused", async () => {
    const plain = await officer.api.post("/outlines", "I. Một mục", { "Content-Type": "text/plain" });
    assert.equal(plain.status, 415);
    const junk = await officer.api.post("/outlines", new Uint8Array([80, 75, 3, 4, 1, 2, 3, 4, 5, 6]), { "Content-Type": DOCX_TYPE });
    assert.equal(junk.status, 422);
    assert.match(junk.body.error, /DOCX/);
    const notZip = await officer.api.post("/outlines", "xin chào", { "Content-Type": DOCX_TYPE });
    assert.equal(notZip.status, 422);
    const none = await importText(officer, "Kính gửi các đơn vị.\nĐề nghị báo cáo đúng hạn.");
    assert.equal(none.status, 422);
    assert.ok(none.body.error.length > 0);
    assert.equal((await officer.api.post("/outlines", { txt: "I. A" })).status, 422);
    assert.equal((await officer.api.post("/outlines", { text: 5 })).status, 422);
    assert.equal((await officer.api.post("/outlines", "{", { "Content-Type": "application/json" })).status, 400);
  });

  test("staff and leaders may not import (403 before the media type is looked at)", async () => {
    assert.equal((await deptStaff.api.post("/outlines", { text: seedText("004_595d4ca16fe8dbdd") })).status, 403);
    assert.equal((await leader.api.post("/outlines", "x", { "Content-Type": "text/plain" })).status, 403);
  });

  test("readers: the owner's subtree upwards; others get 404 whatever they send", async () => {
    const prov = imported["004_595d4ca16fe8dbdd"][0];
    // the ward cannot see the province's outline
    assert.equal((await wardOfficer.api.get(`/outlines/${prov}`)).status, 404);
    assert.equal((await wardOfficer.api.put(`/outlines/${prov}`, { version: "x" })).status, 404);
    assert.equal((await wardOfficer.api.post(`/outlines/${prov}/copy`)).status, 404);
    assert.equal((await wardOfficer.api.post(`/outlines/${prov}/tables`, {})).status, 404);
    assert.equal((await deptStaff.api.get(`/outlines/${prov}`)).status, 404);
    assert.ok(!(await wardOfficer.api.get("/outlines")).body.outlines.some((o) => o.id === prov));
    assert.equal((await officer.api.get("/outlines/999999")).status, 404);

    // the ward's own outline is read by the province too
    const mine = await importText(wardOfficer, seedText("003_204254158d0d4ae1"));
    assert.equal(mine.status, 201);
    const wid = mine.body.outlines[0].id;
    const list = (await officer.api.get("/outlines")).body.outlines;
    const row = list.find((o) => o.id === wid);
    assert.ok(row, "the province lists the ward's outline");
    for (const k of ["id", "title", "version", "owner_unit_id", "items_count"]) assert.ok(k in row, k);
    assert.equal(row.version, 1);
    assert.equal(row.owner_unit_id, wardOfficer.user.unit_id);
    assert.ok(row.items_count > 10);
    assert.equal((await officer.api.get(`/outlines/${wid}`)).status, 200);
    assert.equal((await officer.api.get("/outlines?limit=2")).body.outlines.length, 2);
    assert.deepEqual((await officer.api.get("/outlines?limit=2&offset=1")).body.outlines.map((o) => o.id), list.slice(1, 3).map((o) => o.id));
    assert.equal((await officer.api.get("/outlines?offset=9223372036854775807&limit=9223372036854775807")).body.outlines.length, 0);
    assert.equal((await officer.api.get("/outlines?limit=-1")).status, 400);
    assert.ok((await officer.api.get("/outlines?q=nong%20thon%20moi")).body.outlines.every((o) => /nông thôn mới/i.test(o.title)));

    // a leader reads but does not change: 403 before validation
    assert.equal((await leader.api.get(`/outlines/${prov}`)).status, 200);
    assert.equal((await leader.api.put(`/outlines/${prov}`, { version: "x" })).status, 403);
    assert.equal((await leader.api.post(`/outlines/${prov}/copy`)).status, 403);
  });

  test("PUT saves a new version; a stale version is 409 and writes nothing", async () => {
    const id = imported["000_d946f861978f22d1"][0];
    const got = (await officer.api.get(`/outlines/${id}`)).body;
    // GET's answer can be PUT back as it is
    const same = await officer.api.put(`/outlines/${id}`, got);
    assert.equal(same.status, 200, same.text);
    assert.equal(same.body.version, 2);

    // II.6 moves under II.5 as "a", with a new item "b" after it
    const items = got.items.map((i) => ({ ...i }));
    const k = items.findIndex((i) => i.id === find(got.items, "II/6").id);
    items[k].depth = 3;
    items[k].label = "a";
    items.splice(k + 1, 0, { depth: 3, label: "b", title: "Số hộ thoát nghèo", guidance: "Theo năm", asks: ["figures"] });
    const saved = await officer.api.put(`/outlines/${id}`, { version: 2, title: "Đề cương (đã sửa)", items });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body, { version: 3 });

    const now = (await officer.api.get(`/outlines/${id}`)).body;
    assert.equal(now.version, 3);
    assert.equal(now.title, "Đề cương (đã sửa)");
    const a = find(now.items, "II/5/a");
    assert.equal(a.id, items[k].id, "an item keeps its id");
    assert.equal(find(now.items, "II/5/b").title, "Số hộ thoát nghèo");
    assert.equal(find(now.items, "II/6"), null);

    const stale = await officer.api.put(`/outlines/${id}`, { version: 2, items });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.version, 3);
    assert.match(stale.body.error, /người khác lưu trước/);
    assert.equal((await officer.api.get(`/outlines/${id}`)).body.version, 3);
  });

  test("every version stays readable: the history and each old version as it was", async () => {
    const id = imported["000_d946f861978f22d1"][0]; // saved twice by the test above
    const hist = await officer.api.get(`/outlines/${id}/versions`);
    assert.equal(hist.status, 200, hist.text);
    assert.deepEqual(hist.body.versions.map((v) => v.version), [3, 2, 1]);
    assert.equal(hist.body.versions[0].saved_by, officer.user.id);
    assert.match(hist.body.versions[0].saved_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    const v1 = await officer.api.get(`/outlines/${id}/versions/1`);
    assert.equal(v1.status, 200);
    assert.equal(v1.body.version, 1);
    assert.notEqual(v1.body.title, "Đề cương (đã sửa)");
    assert.ok(find(v1.body.items, "II/6"), "version 1 still has II.6");
    assert.equal((await officer.api.get(`/outlines/${id}/versions/3`)).body.title, "Đề cương (đã sửa)");
    assert.equal((await officer.api.get(`/outlines/${id}/versions/9`)).status, 404);
    assert.equal((await officer.api.get(`/outlines/${id}/versions/99999999999`)).status, 404);
    // the province's outline is not the ward's to read, nor its history
    assert.equal((await wardOfficer.api.get(`/outlines/${id}/versions`)).status, 404);
    assert.equal((await wardOfficer.api.get(`/outlines/${id}/versions/1`)).status, 404);
    // the pages: the history on the outline's page, an old version read-only
    const web = await browserSession(srv.base, "lanhdao.tinh");
    const page = await web.get(`/outlines/${id}`);
    assert.match(page.html, /Lịch sử phiên bản/);
    assert.match(page.html, new RegExp(`href="/outlines/${id}/versions/1"`));
    const old = await web.get(`/outlines/${id}/versions/1`);
    assert.equal(old.status, 200);
    assert.match(old.html, /Đây là phiên bản 1/);
    assert.doesNotMatch(old.html, /Đề cương \(đã sửa\)/);
    assert.equal((await web.get(`/outlines/${id}/versions/9`)).status, 404);
  });

  test("PUT content is validated (422) naming the item", async () => {
    const id = imported["003_204254158d0d4ae1"][0];
    const cases = [
      [{ version: 1, items: [{ depth: 2, title: "A" }] }, /cấp 1/],
      [{ version: 1, items: [{ depth: 1, title: "A" }, { depth: 3, title: "B" }] }, /một cấp/],
      [{ version: 1, items: [{ depth: 1, title: "A", asks: ["photos"] }] }, /yêu cầu/],
      [{ version: 1, items: [{ depth: 1, title: "A", table_id: 999999 }] }, /biểu số liệu/],
      [{ version: 1, items: [{ depth: 1, title: "" }] }, /để trống/],
      [{ version: 1, items: [{ depth: 1, label: "x".repeat(33), title: "A" }] }, /32/],
      [{ version: 1, items: [] }, /ít nhất một mục/],
      [{ version: 1 }, /items/],
      [{ items: [{ depth: 1, title: "A" }] }, /version/],
      [{ version: 1, items: [{ title: "A" }] }, /depth/],
    ];
    for (const [body, msg] of cases) {
      const r = await officer.api.put(`/outlines/${id}`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.match(r.body.error, msg);
    }
    assert.equal((await officer.api.get(`/outlines/${id}`)).body.version, 1);
  });

  test("copy makes an independent outline owned by the caller's unit", async () => {
    const src = imported["002_50c550435df98776"][0];
    const c = await officer.api.post(`/outlines/${src}/copy`);
    assert.equal(c.status, 201);
    assert.equal(typeof c.body.id, "number");
    const a = (await officer.api.get(`/outlines/${src}`)).body, b = (await officer.api.get(`/outlines/${c.body.id}`)).body;
    assert.equal(b.version, 1);
    assert.equal(b.copied_from, src);
    const strip = (v) => v.map(({ depth, label, title, guidance, asks }) => ({ depth, label, title, guidance, asks }));
    assert.deepEqual(strip(b.items), strip(a.items));
    const named = await officer.api.post(`/outlines/${src}/copy`, { title: "Kế hoạch năm 2026" });
    assert.equal(named.status, 201);
    assert.equal((await officer.api.get(`/outlines/${named.body.id}`)).body.title, "Kế hoạch năm 2026");
    // the ward copies what it reads: its own outlines
    const w = await importText(wardOfficer, seedText("004_595d4ca16fe8dbdd"));
    const wc = await wardOfficer.api.post(`/outlines/${w.body.outlines[0].id}/copy`);
    assert.equal(wc.status, 201);
  });

  test("custom figure tables: created, listed, used by an item, updated", async () => {
    const id = imported["004_595d4ca16fe8dbdd"][0];
    const t = await officer.api.post(`/outlines/${id}/tables`, {
      name: "Kết quả xây dựng nông thôn mới", measure: "xã", value_kind: "integer",
      rows: ["Xã đạt chuẩn nông thôn mới", { key: "nang_cao", label: "Xã đạt chuẩn nâng cao" }],
      cols: ["Giai đoạn 2011 - 2015", "Giai đoạn 2016 - 2020"],
    });
    assert.equal(t.status, 201, t.text);
    const tables = (await officer.api.get(`/outlines/${id}/tables`)).body.tables;
    assert.equal(tables[0].code, "commendation");
    const mine = tables.find((x) => x.id === t.body.id);
    assert.deepEqual(mine.rows.map((r) => r.key), ["xa_dat_chuan_nong_thon_moi", "nang_cao"]);
    assert.deepEqual(mine.cols.map((r) => r.key), ["giai_doan_2011_2015", "giai_doan_2016_2020"]);

    const o = (await officer.api.get(`/outlines/${id}`)).body;
    const items = o.items.map((i) => ({ ...i }));
    items[1].table_id = t.body.id;
    delete items[1].table;
    assert.equal((await officer.api.put(`/outlines/${id}`, { version: o.version, items })).status, 200);
    const used = (await officer.api.get(`/outlines/${id}`)).body.items[1];
    assert.equal(used.table.name, "Kết quả xây dựng nông thôn mới");
    assert.equal(used.table.rows.length, 2);
    assert.ok(used.asks.includes("figures"));

    const up = await officer.api.put(`/outlines/${id}/tables/${t.body.id}`, { name: "Nông thôn mới", rows: ["Số xã"], cols: ["Tổng số"] });
    assert.equal(up.status, 200);
    assert.equal((await officer.api.get(`/outlines/${id}`)).body.version, o.version + 2, "a used table's change is a new version");
    assert.equal((await officer.api.put(`/outlines/${id}/tables/${tables[0].id}`, { name: "x", rows: ["a"], cols: ["b"] })).status, 403);
    assert.equal((await leader.api.post(`/outlines/${id}/tables`, { name: "" })).status, 403);
    for (const body of [{ name: "", rows: ["a"], cols: ["b"] }, { name: "X", rows: [], cols: ["b"] },
      { name: "X", rows: [{ key: "Sai Mã", label: "a" }], cols: ["b"] }, { name: "X", rows: ["a"], cols: ["b"], value_kind: "float" }]) {
      assert.equal((await officer.api.post(`/outlines/${id}/tables`, body)).status, 422, JSON.stringify(body));
    }
  });
});
