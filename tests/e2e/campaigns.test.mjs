// campaigns.test.mjs — the whole campaign flow in a browser: an officer issues
// a campaign from the unit tree; the ward's staff fills the report generated
// from the outline (autosave, totals, a model) and submits; the officer
// watches progress, returns it with a reason; the ward fixes and resubmits;
// the officer accepts. Then what keeps work from being lost: a stale version
// keeps the typed text, and a closed tab's typing comes back.
// Screenshots 4x-… in tests/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, login } from "../api/helpers.mjs";
import { launch, shot as fullShot, loginAs } from "./browser.mjs";

const OUTLINE = `ĐỀ CƯƠNG
Báo cáo sơ kết 3 năm thực hiện Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau”

I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG
II. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA
1. Công tác tuyên truyền, phát động phong trào thi đua.
2. Công tác khen thưởng (nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được nhận các hình thức khen thưởng).
3. Giới thiệu 2-3 mô hình, điển hình tiên tiến tiêu biểu (tên, địa chỉ, số điện thoại, số việc làm tạo ra, số hộ được giúp đỡ).
III. ĐỀ XUẤT, KIẾN NGHỊ
`;
const TITLE = "Sơ kết 3 năm Phong trào thi đua “Vì người nghèo” năm 2025";

let srv, browser, outline, items;
before(async () => {
  srv = await startServer();
  browser = await launch();
  const officer = await login(srv.base, "tdkt.tinh");
  const imp = await officer.api.post("/outlines", { text: OUTLINE });
  outline = imp.body.outlines[0].id;
  const got = (await officer.api.get(`/outlines/${outline}`)).body.items;
  items = { I: got[0].id, II1: got[2].id, FIG: got.find((i) => i.table).id, MODELS: got.find((i) => i.asks.includes("models")).id };
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function as(loginName) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  await loginAs(page, srv.base, loginName);
  await page.waitForURL(srv.base + "/");
  return page;
}

// A full-page screenshot leaves headless Chromium's hit testing on the
// enlarged page until the next resize: a click right after it can land on
// the wrong element. A real resize puts it back.
async function shot(page, name) {
  await fullShot(page, name);
  const v = page.viewportSize();
  await page.setViewportSize({ width: v.width, height: v.height + 1 });
  await page.setViewportSize(v);
}

const status = (page) => page.locator("p.flash[role=status]");

test("issue → fill → submit → return → resubmit → accept", async () => {
  // the province's officer issues the campaign to a ward and a commune
  const off = await as("tdkt.tinh");
  await off.getByRole("link", { name: "Đợt báo cáo" }).click();
  await off.getByRole("link", { name: "Ban hành đợt báo cáo" }).click();
  await off.getByLabel("Tên đợt báo cáo").fill(TITLE);
  await off.getByLabel("Số văn bản (công văn)").fill("2150/SNV-TĐKT");
  await off.getByLabel("Ngày văn bản").fill("2025-11-03");
  await off.getByLabel("Đề cương báo cáo").selectOption(String(outline));
  await off.getByLabel("Kỳ báo cáo từ ngày").fill("2023-01-01");
  await off.getByLabel("đến ngày").fill("2025-10-31");
  await off.getByLabel("Hạn nộp (ngày)").fill("2099-11-20");
  await off.getByLabel("Giờ (để trống: hết ngày)").fill("17:00");
  await off.getByLabel("Phường Cẩm Thành", { exact: true }).check();
  await off.getByLabel("Xã Tịnh Khê", { exact: true }).check();
  await shot(off, "40-campaign-issue-form");
  await off.getByRole("button", { name: "Ban hành và gửi các đơn vị" }).click();
  assert.match(await status(off).textContent(), /Đã ban hành đợt báo cáo/);
  assert.equal(await off.locator("h1").textContent(), TITLE);
  assert.match(await off.locator("#deadline").textContent(), /17:00 20\/11\/2099/);
  assert.match(await off.locator("#stats").textContent(), /2 phải nộp.*0 đã nộp.*0 đúng hạn.*0 muộn.*2 chưa nộp/s);
  assert.equal(await off.locator("#units tbody tr").count(), 2);
  const campaignUrl = off.url().split("?")[0];
  await shot(off, "41-campaign-issued");

  // the ward's staff finds it in the unit's inbox with the days left
  const ward = await as("chuyenvien.camthanh");
  await ward.getByRole("link", { name: /Báo cáo của đơn vị \(1\)/ }).click();
  const row = ward.locator("#inbox tbody tr", { hasText: TITLE });
  assert.match(await row.textContent(), /Tỉnh Quảng Ngãi.*17:00 20\/11\/2099.*còn \d+ ngày.*Đang soạn/s);
  assert.match(await ward.locator("#notices").textContent(), /Đơn vị nhận đợt báo cáo/);
  await shot(ward, "42-inbox");
  await row.getByRole("link", { name: "Soạn báo cáo" }).click();
  assert.equal(await ward.locator("h1").textContent(), "Báo cáo của Phường Cẩm Thành");
  assert.equal(await ward.locator("#item-" + items.FIG + " h3").textContent(), "2. Công tác khen thưởng (nêu cụ thể số liệu tập thể, hộ gia đình, cá nhân đã được nhận các hình thức khen thưởng).");

  // narrative with the light markup, figures with live totals, one model
  await ward.locator(`textarea[name="t.${items.I}"]`).fill(
    "Phường Cẩm Thành có **12 tổ dân phố**, dân số khoảng 20.000 người.\n\n- Hộ nghèo: *15 hộ*\n- Hộ cận nghèo: 32 hộ");
  await ward.locator(`input[name="f.${items.FIG}.giay_khen.collective"]`).fill("3");
  await ward.locator(`input[name="f.${items.FIG}.giay_khen.individual"]`).fill("12");
  await ward.locator(`input[name="f.${items.FIG}.bang_khen_bo_tinh.individual"]`).fill("2");
  const totals = ward.locator(`#item-${items.FIG} tr.total td`);
  assert.equal(await totals.last().textContent(), "17");
  const model = ward.locator(`#models-${items.MODELS} fieldset.model`).first();
  await model.getByLabel("Tên mô hình, điển hình").fill("Tổ hợp tác may mặc Cẩm Thành");
  await model.getByLabel("Loại").selectOption("collective");
  await model.getByLabel("Địa chỉ").fill("Tổ dân phố 4, phường Cẩm Thành");
  await model.getByLabel("Số điện thoại").fill("0255 3822 123");
  await model.getByLabel("Số việc làm tạo ra").fill("25");
  await model.getByLabel("Số hộ được giúp đỡ").fill("18");
  await ward.locator("#autosave-status", { hasText: "Đã tự động lưu" }).waitFor({ timeout: 15000 });
  await shot(ward, "43-report-form-autosaved");
  await ward.getByRole("button", { name: "Nộp báo cáo" }).click();
  assert.match(await status(ward).textContent(), /Đã nộp báo cáo đúng hạn/);
  assert.match(await ward.locator("dl.facts").textContent(), /Đã nộp/);
  // submitted: read as a document, markup rendered, nothing to edit
  assert.equal(await ward.locator("textarea").count(), 0);
  assert.equal(await ward.locator(".narrative strong").first().textContent(), "12 tổ dân phố");
  assert.match(await ward.locator("ol.models-view").textContent(), /Tổ hợp tác may mặc Cẩm Thành.*Việc làm tạo ra: 25/s);
  await shot(ward, "44-report-submitted");

  // the officer sees the progress and returns the report with a reason
  await off.goto(campaignUrl);
  assert.match(await off.locator("#stats").textContent(), /2 phải nộp.*1 đã nộp.*1 đúng hạn.*0 muộn.*1 chưa nộp/s);
  assert.match(await off.locator("svg").getAttribute("aria-label"), /Đúng hạn 1, muộn 0, chưa nộp 1 trên 2/);
  await off.getByRole("link", { name: /^Chưa nộp \(1\)/ }).click();
  assert.equal(await off.locator("#units tbody tr").count(), 1);
  assert.match(await off.locator("#units").textContent(), /Xã Tịnh Khê/);
  await shot(off, "45-progress-missing");
  await off.getByRole("link", { name: /^Tất cả/ }).click();
  await off.locator("#units tr", { hasText: "Phường Cẩm Thành" }).getByRole("link", { name: "Xem báo cáo" }).click();
  await off.getByLabel("Lý do trả lại").fill("Đề nghị bổ sung số liệu khen thưởng Huân chương và làm rõ kết quả giảm nghèo.");
  await shot(off, "46-officer-reads-report");
  await off.getByRole("button", { name: "Trả lại báo cáo" }).click();
  assert.match(await status(off).textContent(), /Đã trả lại báo cáo/);

  // the ward sees the reason, fixes and resubmits
  await ward.reload();
  assert.match(await ward.locator("#return-reason").textContent(), /bổ sung số liệu khen thưởng Huân chương/);
  await ward.locator(`input[name="f.${items.FIG}.huan_chuong.collective"]`).fill("1");
  await ward.locator(`textarea[name="t.${items.II1}"]`).fill("Tổ chức 14 hội nghị tuyên truyền; 100% tổ dân phố đăng ký thi đua.");
  await shot(ward, "47-report-returned");
  await ward.getByRole("button", { name: "Nộp báo cáo" }).click();
  assert.match(await status(ward).textContent(), /Đã nộp báo cáo/);

  // the officer accepts; the history keeps both submitted versions
  await off.reload();
  await off.getByRole("button", { name: "Tiếp nhận báo cáo" }).click();
  assert.match(await status(off).textContent(), /Đã tiếp nhận báo cáo/);
  const hist = await off.locator("#history").textContent();
  assert.match(hist, /Nộp báo cáo.*Trả lại báo cáo: .*bổ sung số liệu.*Nộp báo cáo.*Tiếp nhận báo cáo/s);
  assert.equal(await off.locator("#history a", { hasText: "Bản đã nộp" }).count(), 2);
  await shot(off, "48-report-accepted");
  await off.locator("#history a", { hasText: "Bản đã nộp" }).first().click();
  assert.match(await off.locator("h1").textContent(), /bản đã nộp, phiên bản/);
  assert.doesNotMatch(await off.locator("article").textContent(), /14 hội nghị/);
  await off.goto(campaignUrl);
  assert.match(await off.locator("#units").textContent(), /Đã tiếp nhận/);
  await shot(off, "49-progress-accepted");
  await off.context().close();
  await ward.context().close();
});

test("nothing typed is lost: a stale version keeps the text; a closed tab's typing comes back", async () => {
  const api = (await login(srv.base, "tdkt.tinh")).api;
  const c = await api.post("/campaigns", { title: "Báo cáo nhanh tình hình thi đua", outline_id: outline, deadline: "2099-12-01", recipients: [(await api.get("/units?q=cam%20thanh")).body.units[0].id] });
  const staff = await login(srv.base, "chuyenvien.camthanh");
  const rep = (await staff.api.get(`/reports?campaign=${c.body.id}`)).body.reports[0];

  const a = await as("chuyenvien.camthanh");
  await a.goto(`${srv.base}/reports/${rep.id}`);
  // someone else (the ward's leader, through the API) saves first
  const leader = await login(srv.base, "lanhdao.camthanh");
  assert.equal((await leader.api.put(`/reports/${rep.id}`, { version: 1, items: [{ item_id: items.I, text: "Bản của lãnh đạo" }] })).status, 200);
  await a.locator(`textarea[name="t.${items.I}"]`).fill("Nội dung chuyên viên đang gõ");
  await a.locator("#autosave-status", { hasText: "người khác" }).waitFor({ timeout: 15000 });
  assert.equal(await a.locator(`textarea[name="t.${items.I}"]`).inputValue(), "Nội dung chuyên viên đang gõ");
  // without the script's help too: the explicit save re-shows the typed text and says why
  await a.getByRole("button", { name: "Lưu bản nháp" }).click();
  assert.match(await a.getByRole("alert").first().textContent(), /người khác lưu.*Nội dung bạn vừa nhập vẫn ở dưới đây/s);
  assert.equal(await a.locator(`textarea[name="t.${items.I}"]`).inputValue(), "Nội dung chuyên viên đang gõ");
  await shot(a, "4a-stale-version-kept");
  // saving again now overwrites knowingly
  await a.getByRole("button", { name: "Lưu bản nháp" }).click();
  assert.match(await status(a).textContent(), /Đã lưu bản nháp \(phiên bản 3\)/);

  // typing, then the tab closes before the autosave: the next visit brings it back
  await a.locator(`textarea[name="t.${items.II1}"]`).fill("Đang gõ dở thì đóng thẻ");
  await a.goto("about:blank");
  const b = await a.context().newPage();
  await b.goto(`${srv.base}/reports/${rep.id}`);
  assert.equal(await b.locator(`textarea[name="t.${items.II1}"]`).inputValue(), "Đang gõ dở thì đóng thẻ");
  assert.match(await b.locator("#autosave-status").textContent(), /khôi phục/);
  await b.locator("#autosave-status", { hasText: "Đã tự động lưu" }).waitFor({ timeout: 15000 });
  const saved = (await staff.api.get(`/reports/${rep.id}`)).body.items.find((i) => i.item_id === items.II1);
  assert.equal(saved.text, "Đang gõ dở thì đóng thẻ");

  // an expired session: autosave stops with a clear message, the text stays
  await b.context().clearCookies();
  await b.locator(`textarea[name="t.${items.II1}"]`).fill("Gõ tiếp khi phiên đã hết hạn");
  await b.locator("#autosave-status", { hasText: "Phiên đăng nhập đã hết hạn" }).waitFor({ timeout: 15000 });
  assert.equal(await b.locator(`textarea[name="t.${items.II1}"]`).inputValue(), "Gõ tiếp khi phiên đã hết hạn");
  await shot(b, "4b-session-expired-kept");
  await b.context().close();
});
