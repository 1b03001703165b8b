// units.test.mjs — a user logs in, sees their unit in the hierarchy and
// finds a unit by typing without accents; an admin edits a unit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../api/helpers.mjs";
import { launch, shot, loginAs } from "./browser.mjs";

let srv, browser;
before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test("log in, see the unit tree, search without accents", async () => {
  const page = await browser.newPage();
  await page.goto(srv.base + "/");
  assert.match(page.url(), /\/login/, "anonymous visitors are sent to the login page");
  await shot(page, "01-login");
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  assert.equal(await page.locator("h1").textContent(), "Tỉnh Quảng Ngãi");
  await assert.doesNotReject(page.locator("#unit-tree").getByText("Phường Cẩm Thành").waitFor());
  await shot(page, "02-home-tree");

  await page.getByLabel("Tìm đơn vị").fill("dak to");
  await page.getByRole("button", { name: "Tìm" }).click();
  const results = page.locator("#search-results");
  await results.waitFor();
  assert.ok((await results.textContent()).includes("Xã Đăk Tô"));
  await shot(page, "03-search-dak-to");

  await page.getByLabel("Tìm đơn vị").fill("QUANG NGAI");
  await page.getByRole("button", { name: "Tìm" }).click();
  assert.ok((await page.locator("#search-results").textContent()).includes("Tỉnh Quảng Ngãi"));
  await page.close();
});

test("wrong password shows a Vietnamese error and keeps the login", async () => {
  const page = await browser.newPage();
  await loginAs(page, srv.base, "tdkt.tinh", "sai-mat-khau");
  const alert = page.getByRole("alert");
  assert.match(await alert.textContent(), /không đúng/);
  assert.equal(await page.getByLabel("Tên đăng nhập").inputValue(), "tdkt.tinh");
  await page.close();
});

test("a commune user sees only its own subtree", async () => {
  const page = await browser.newPage();
  await loginAs(page, srv.base, "chuyenvien.camthanh");
  await page.waitForURL(srv.base + "/");
  assert.equal(await page.locator("h1").textContent(), "Phường Cẩm Thành");
  const tree = await page.locator("#unit-tree").textContent();
  assert.ok(!tree.includes("Sở Nội vụ"));
  await shot(page, "04-commune-home");
  await page.close();
});

test("an admin renames a unit from its page", async () => {
  const page = await browser.newPage();
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  await page.locator("#unit-tree").getByRole("link", { name: "Phường Cẩm Thành" }).click();
  await page.getByLabel("Tên đơn vị").first().fill("Phường Cẩm Thành (đổi tên)");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã lưu/);
  assert.equal(await page.locator("h1").textContent(), "Phường Cẩm Thành (đổi tên)");
  await shot(page, "05-unit-renamed");
  await page.close();
});

test("a crafted link cannot put a message on our pages", async () => {
  const page = await browser.newPage();
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  await page.goto(srv.base + "/?err=" + encodeURIComponent("Tài khoản bị khóa, gọi 0900000000") + "&sig=00");
  assert.equal(await page.locator(".flash").count(), 0);
  await page.close();
});

test("an admin imports a unit list from a CSV file and sees the row named on error", async () => {
  const { writeFileSync, mkdtempSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "thidua-e2e-"));
  const bad = join(dir, "sai.csv"), good = join(dir, "dung.csv");
  const head = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\n";
  writeFileSync(bad, head + "E2E-1,Xã Một,Xã,QNG\nE2E-2,Xã Hai,Hành tinh,QNG\n");
  writeFileSync(good, head + "E2E-1,Xã Thử Nhập Một,Xã,QNG\nE2E-2,Thôn Thử Nhập,Thôn,E2E-1\n");
  const page = await browser.newPage();
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: /Nhập danh sách đơn vị/ }).click();
  await page.getByLabel("Tệp danh sách").setInputFiles(bad);
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  assert.match(await page.getByRole("alert").textContent(), /Dòng 3/);
  await shot(page, "06-import-error");
  await page.getByLabel("Tệp danh sách").setInputFiles(good);
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã nhập 2 đơn vị/);
  assert.ok((await page.locator("#unit-tree").textContent()).includes("Thôn Thử Nhập"));
  await shot(page, "07-import-done");
  await page.close();
});
