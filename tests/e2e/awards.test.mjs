// awards.test.mjs — the commendation screens: an officer enters a decision
// with several award rows, imports a list from a CSV file (a bad row named,
// then the corrected list), and reads the statistics with the chart.
// Screenshots 3x-… in tests/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../api/helpers.mjs";
import { launch, shot, loginAs } from "./browser.mjs";

let srv, browser, dir;
before(async () => {
  srv = await startServer();
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), "thidua-e2e-awards-"));
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  return ctx.newPage();
}

test("an officer enters a decision with several rows", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: "Khen thưởng", exact: true }).click();
  await page.waitForURL(srv.base + "/decisions");
  await page.getByRole("link", { name: "Nhập quyết định" }).click();
  await page.getByLabel("Số quyết định").fill("150/QĐ-UBND");
  await page.getByLabel("Ngày ký").fill("2025-12-20");
  await page.getByLabel("Người ký", { exact: true }).fill("Trần Văn Hùng");
  await page.getByLabel("Chức vụ người ký").fill("Chủ tịch");
  await page.getByLabel("Hình thức khen thưởng").selectOption("BKUBT");
  const rows = [
    ["collective", "Hội Nông dân tỉnh", "", "QNG-MTTQ-HND", "2025"],
    ["individual", "Nguyễn Thị Thu Hà", "Chuyên viên", "Sở Nội vụ", "2025"],
    ["household", "Hộ ông Võ Văn Lành", "", "Phường Cẩm Thành", "2025"],
  ];
  for (const [i, [type, name, position, unit, year]] of rows.entries()) {
    await page.getByLabel(`Đối tượng dòng ${i + 1}`, { exact: true }).selectOption(type);
    await page.getByLabel(`Tên dòng ${i + 1}`, { exact: true }).fill(name);
    await page.getByLabel(`Chức vụ dòng ${i + 1}`, { exact: true }).fill(position);
    await page.getByLabel(`Đơn vị dòng ${i + 1}`, { exact: true }).fill(unit);
    await page.getByLabel(`Năm dòng ${i + 1}`, { exact: true }).fill(year);
  }
  await page.getByLabel("Thành tích dòng 3", { exact: true }).fill("Hiến 300 m² đất mở đường");
  // more rows keep what was typed
  await page.getByRole("button", { name: "Thêm dòng" }).click();
  assert.equal(await page.locator("#award-rows tbody tr").count(), 15);
  assert.equal(await page.getByLabel("Tên dòng 2", { exact: true }).inputValue(), "Nguyễn Thị Thu Hà");
  await shot(page, "30-decision-form");

  // a form the province's chair may not grant: refused, values kept
  await page.getByLabel("Hình thức khen thưởng").selectOption("BKTTG");
  await page.getByRole("button", { name: "Lưu quyết định" }).click();
  assert.match(await page.getByRole("alert").textContent(), /thẩm quyền/);
  assert.equal(await page.getByLabel("Tên dòng 1", { exact: true }).inputValue(), "Hội Nông dân tỉnh");
  await page.getByLabel("Hình thức khen thưởng").selectOption("BKUBT");
  await page.getByRole("button", { name: "Lưu quyết định" }).click();
  await page.waitForURL(/\/decisions\/\d+/);
  assert.match(await page.getByRole("status").textContent(), /Đã lưu quyết định số 150\/QĐ-UBND/);
  const table = await page.locator("#awards").textContent();
  assert.ok(table.includes("Hộ ông Võ Văn Lành") && table.includes("Phường Cẩm Thành"));
  assert.ok(table.includes("Hộ gia đình"));
  await shot(page, "31-decision-page");
  await page.close();
});

test("an officer imports a list: the bad row is named, the corrected list goes in", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.goto(srv.base + "/awards/import");
  const head = "STT,Họ và tên,Đối tượng,Đơn vị,Hình thức khen thưởng,Năm,Số quyết định,Ngày quyết định\n";
  const good = [
    "1,Phạm Văn Tài,Cá nhân,Sở Tư pháp,Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh,2025,160/QĐ-UBND,22/12/2025",
    "2,Trường THPT chuyên Lê Khiết,TẬP THỂ,QNG-SGDDT-THPTLK,Bằng khen Chủ tịch UBND tỉnh,2025,160/QĐ-UBND,22/12/2025",
    "3,Hộ bà Đinh Thị Hoa,hộ gia đình,Xã An Phú,Bằng khen của Chủ tịch UBND tỉnh,2025,160/QĐ-UBND,22/12/2025",
  ];
  const bad = join(dir, "danh-sach-sai.csv");
  writeFileSync(bad, "\uFEFF" + head + good.join("\n") + "\n4,Lê Văn Sai,người ngoài,Sở Y tế,Bằng khen Chủ tịch UBND tỉnh,2025,160/QĐ-UBND,22/12/2025\n");
  await page.getByLabel("Tệp danh sách").setInputFiles(bad);
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  assert.match(await page.getByRole("alert").textContent(), /Dòng 5/);
  assert.match(await page.locator("#bad-row").textContent(), /Sửa dòng 5/);
  await shot(page, "32-import-bad-row");
  const ok = join(dir, "danh-sach.csv");
  writeFileSync(ok, "\uFEFF" + head + good.join("\n") + "\n");
  await page.getByLabel("Tệp danh sách").setInputFiles(ok);
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  await page.waitForURL(/\/decisions/);
  assert.match(await page.getByRole("status").textContent(), /Đã nhập 3/);
  assert.ok((await page.locator("#decisions").textContent()).includes("160/QĐ-UBND"));
  await shot(page, "33-decisions-list");
  // the people are found typing without accents
  await page.goto(srv.base + "/awards/search?q=" + encodeURIComponent("dinh thi hoa"));
  assert.ok((await page.locator("#search-results").textContent()).includes("Hộ bà Đinh Thị Hoa"));
  await page.close();
});

test("statistics: a table, a chart with period groups and the XLSX link", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  // an older decision, for a second period
  await page.goto(srv.base + "/decisions/new");
  await page.getByLabel("Số quyết định").fill("88/QĐ-UBND");
  await page.getByLabel("Ngày ký").fill("2019-12-15");
  await page.getByLabel("Hình thức khen thưởng").selectOption("CTDT");
  await page.getByLabel("Đối tượng dòng 1", { exact: true }).selectOption("collective");
  await page.getByLabel("Tên dòng 1", { exact: true }).fill("Sở Y tế");
  await page.getByLabel("Đơn vị dòng 1", { exact: true }).fill("QNG-SYT");
  await page.getByLabel("Năm dòng 1", { exact: true }).fill("2019");
  await page.getByRole("button", { name: "Lưu quyết định" }).click();
  await page.waitForURL(/\/decisions\/\d+/);

  await page.goto(srv.base + "/awards/stats");
  await page.getByLabel("Hình thức khen thưởng", { exact: true }).check();
  await page.getByLabel("Đối tượng", { exact: true }).check();
  await page.getByLabel("Giai đoạn so sánh").fill("2016-2020,2021-2025");
  await page.getByRole("button", { name: "Thống kê" }).click();
  const chart = page.locator("#stats-chart");
  await chart.waitFor();
  const svg = await chart.innerHTML();
  assert.ok(svg.includes("2016-2020") && svg.includes("2021-2025"), "a legend for each period");
  assert.ok(svg.includes("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"));
  const table = await page.locator("#stats-table").textContent();
  assert.ok(table.includes("Cờ thi đua của Ủy ban nhân dân tỉnh") && table.includes("Tổng cộng"));
  assert.match(table, /Tổng cộng\s*7/);
  await shot(page, "34-stats-periods");
  const href = await page.locator("#stats-xlsx").getAttribute("href");
  assert.match(href, /^\/api\/v1\/awards\/stats\.xlsx\?by=form,recipient_type&unit=\d+&period=2016-2020,2021-2025$/);
  const res = await page.request.get(srv.base + href);
  assert.equal(res.status(), 200);
  const body = await res.body();
  assert.equal(body.subarray(0, 2).toString(), "PK");

  // by year and unit: the province's departments, front and communes
  await page.goto(srv.base + "/awards/stats?by_unit=1&by_year=1");
  await page.locator("#stats-chart").waitFor();
  await shot(page, "35-stats-units");
  await page.close();
});

test("the catalogue shows the forms with their authority", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  await page.goto(srv.base + "/award-forms");
  const t = await page.locator("#forms").textContent();
  assert.ok(t.includes("Huân chương Lao động hạng Ba") && t.includes("Chủ tịch nước quyết định"));
  assert.ok(t.includes("Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện") && t.includes("đến 2025-06-30"));
  await shot(page, "36-catalogue");
  await page.close();
});
