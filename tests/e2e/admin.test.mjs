// admin.test.mjs — the foundation's remaining screens: an admin creates a
// user who then logs in; an officer launches a movement answering a national
// one and finds it typing without accents; an officer sets up a cluster of
// three communes. Screenshots 1x-… in tests/artifacts/.
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

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  return ctx.newPage();
}

test("an admin creates a user, a refused form keeps what was typed, the user logs in", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "admin");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: "Người dùng" }).click();
  await page.waitForURL(srv.base + "/users");
  assert.equal(await page.locator("h1").textContent(), "Người dùng");
  assert.ok((await page.locator("#users").textContent()).includes("Cán bộ thi đua - khen thưởng"));
  await shot(page, "10-users");

  // a login already taken: refused, and the typed values stay in the form
  await page.getByLabel("Tên đăng nhập").fill("tdkt.tinh");
  await page.getByLabel("Họ và tên").fill("Nguyễn Thị Hoa");
  await page.getByLabel("Mật khẩu").fill("MatKhau@2025");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "\u00a0\u00a0\u00a0Phường Cẩm Thành" });
  await page.getByLabel("Vai trò").selectOption({ label: "Cán bộ thi đua - khen thưởng" });
  await page.getByRole("button", { name: "Thêm người dùng" }).click();
  assert.match(await page.getByRole("alert").textContent(), /Tên đăng nhập "tdkt.tinh" đã được dùng/);
  assert.equal(await page.getByLabel("Họ và tên").inputValue(), "Nguyễn Thị Hoa");
  assert.equal(await page.getByLabel("Vai trò").inputValue(), "officer");
  assert.match(await page.locator("#u-unit option:checked").textContent(), /Phường Cẩm Thành/);
  await shot(page, "11-user-refused");

  await page.getByLabel("Tên đăng nhập").fill("hoa.camthanh");
  await page.getByLabel("Mật khẩu").fill("MatKhau@2025");
  await page.getByRole("button", { name: "Thêm người dùng" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã thêm người dùng “hoa.camthanh”/);
  const row = page.locator("#users tr", { hasText: "hoa.camthanh" });
  assert.match(await row.textContent(), /Nguyễn Thị Hoa.*Phường Cẩm Thành.*Cán bộ thi đua - khen thưởng.*Đang hoạt động/);

  // the user's own page
  await row.getByRole("link", { name: "hoa.camthanh" }).click();
  assert.equal(await page.locator("h1").textContent(), "Nguyễn Thị Hoa");
  await shot(page, "12-user-page");
  await page.context().close();

  const other = await newPage();
  await loginAs(other, srv.base, "hoa.camthanh", "MatKhau@2025");
  await other.waitForURL(srv.base + "/");
  assert.equal(await other.locator("h1").textContent(), "Phường Cẩm Thành");
  assert.match(await other.locator(".who").textContent(), /Nguyễn Thị Hoa/);
  // an officer has no user pages
  assert.equal(await other.getByRole("link", { name: "Người dùng" }).count(), 0);
  const resp = await other.goto(srv.base + "/users");
  assert.equal(resp.status(), 403);
  assert.match(await other.locator(".flash.err").textContent(), /Chỉ quản trị hệ thống/);
  await other.context().close();
});

test("an officer launches a movement answering a national one and finds it without accents", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: "Phong trào thi đua" }).click();
  await page.waitForURL(srv.base + "/movements");
  assert.ok((await page.locator("#movements").textContent()).includes("Theo chuyên đề"));
  await shot(page, "13-movements");

  const title = "Phong trào thi đua “Quảng Ngãi chung tay giảm nghèo bền vững” năm 2026";
  await page.getByLabel("Tên phong trào").fill(title);
  await page.getByLabel("Đơn vị phát động").selectOption({ label: "Tỉnh Quảng Ngãi" });
  await page.getByLabel("Năm bắt đầu").fill("2026");
  await page.getByLabel("Năm kết thúc").fill("2026");
  const parent = page.getByLabel("Hưởng ứng phong trào cấp trên");
  const national = await parent.locator("option", { hasText: "Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025 (Trung ương" }).getAttribute("value");
  await parent.selectOption(national);
  await page.getByLabel("Loại").selectOption({ label: "Theo đợt" });
  await page.getByLabel("Mô tả").fill("Mỗi xã, phường giúp ít nhất 10 hộ nghèo thoát nghèo.\nTổng kết vào tháng 12/2026.");
  await page.getByRole("button", { name: "Phát động phong trào" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã phát động phong trào/);
  assert.equal(await page.locator("h1").textContent(), title);
  assert.match(await page.locator("#parent").textContent(), /Vì người nghèo/);
  assert.match(await page.locator("dl.facts").textContent(), /Theo đợt/);
  await shot(page, "14-movement-page");

  // the national movement lists it among the movements that answer it
  await page.locator("#parent").click();
  assert.ok((await page.locator("#children").textContent()).includes("chung tay giảm nghèo bền vững"));
  await shot(page, "15-movement-children");

  await page.goto(srv.base + "/movements");
  await page.getByLabel("Tìm phong trào").fill("chung tay giam ngheo ben vung");
  await page.getByRole("button", { name: "Tìm" }).click();
  const results = page.locator("#movements");
  assert.ok((await results.textContent()).includes(title));
  assert.equal(await results.locator("tbody tr").count(), 1);
  await shot(page, "16-movement-search");

  // a refused form keeps its text
  await page.getByLabel("Tên phong trào").fill("Phong trào thử");
  await page.getByLabel("Năm bắt đầu").fill("2027");
  await page.getByLabel("Năm kết thúc").fill("2026");
  await page.getByRole("button", { name: "Phát động phong trào" }).click();
  assert.match(await page.getByRole("alert").textContent(), /Năm kết thúc/);
  assert.equal(await page.getByLabel("Tên phong trào").inputValue(), "Phong trào thử");
  await page.context().close();
});

test("an officer sets up a cluster of three communes", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: "Cụm, khối thi đua" }).click();
  await page.waitForURL(srv.base + "/groups");
  assert.match(await page.locator("main").textContent(), /Chưa có cụm, khối thi đua nào/);

  await page.getByLabel("Tên cụm, khối").fill("Cụm thi đua số 1 - các xã ven biển");
  await page.getByLabel("Loại").selectOption({ label: "Cụm thi đua" });
  await page.getByLabel("Năm").fill("2025");
  await page.getByRole("button", { name: "Lập cụm, khối" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã lập cụm thi đua/);
  assert.equal(await page.locator("h1").textContent(), "Cụm thi đua số 1 - các xã ven biển");

  await page.getByLabel("Mã đơn vị").fill("QNG-X-21211, QNG-X-21034 QNG-X-21061");
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã thêm 3 đơn vị/);
  const members = page.locator("#members");
  for (const name of ["Xã Tịnh Khê", "Xã An Phú", "Xã Vạn Tường"]) assert.ok((await members.textContent()).includes(name), name);
  assert.equal(await members.locator("tbody tr").count(), 3);
  await shot(page, "17-cluster");

  // adding a member twice is refused and the typed code stays
  await page.getByLabel("Mã đơn vị").fill("QNG-X-21034");
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  assert.match(await page.getByRole("alert").textContent(), /Xã An Phú đã có trong cụm thi đua này/);
  assert.equal(await page.getByLabel("Mã đơn vị").inputValue(), "QNG-X-21034");
  await shot(page, "18-cluster-refused");

  // remove one, then the list shows two
  await page.getByRole("button", { name: "Bỏ Xã An Phú khỏi Cụm thi đua số 1 - các xã ven biển" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã bỏ đơn vị/);
  assert.equal(await page.locator("#members tbody tr").count(), 2);

  await page.getByRole("link", { name: "← Danh sách cụm, khối thi đua" }).click();
  const row = page.locator("#groups tr", { hasText: "Cụm thi đua số 1" });
  assert.match(await row.textContent(), /Cụm thi đua.*2025.*Tỉnh Quảng Ngãi.*2/);
  await shot(page, "19-groups");
  await page.context().close();
});
