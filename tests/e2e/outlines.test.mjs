// outlines.test.mjs — an officer pastes the outline of seed 000, sees the
// parsed tree beside the text, indents and relabels an item in the editor
// (with JavaScript switched off: the editor is plain forms), saves and sees
// the new version; a second editor who saves late is told so and keeps
// what was typed; a custom figure table, a .docx upload and a copy.
// Screenshots 2x-… in tests/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../api/helpers.mjs";
import { docxFromText } from "../api/docx.mjs";
import { launch, shot, loginAs, ARTIFACTS } from "./browser.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "outlines");
const seed = (s) => readFileSync(join(FIXTURES, s + ".txt"), "utf8");

let srv, browser, outlineUrl;

// What the officer sees around `locator` (the editor is long; its toolbar sticks to the top).
async function shotAt(page, locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -250));
  await page.screenshot({ path: join(ARTIFACTS, name + ".png") });
}
before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function newPage(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "vi-VN", ...opts });
  return ctx.newPage();
}

// The editor row whose legend reads `path` ("II › 6").
const row = (page, path) => page.locator("fieldset.erow", { has: page.locator("legend", { hasText: new RegExp(`· ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) });

test("an officer pastes an outline and sees the tree beside the text", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.getByRole("link", { name: "Đề cương" }).click();
  await page.waitForURL(srv.base + "/outlines");
  assert.equal(await page.locator("h1").textContent(), "Đề cương báo cáo");
  await page.getByLabel("Dán nội dung đề cương").fill(seed("000_d946f861978f22d1"));
  await shot(page, "20-outlines-import");
  await page.getByRole("button", { name: "Nhập đề cương" }).click();
  await page.waitForURL(/\/outlines\/\d+(\?.*)?$/); // the flash parameters may already be gone
  outlineUrl = page.url().replace(/\?.*/, "");
  assert.match(await page.getByRole("status").textContent(), /Đã nhập đề cương “ĐỀ CƯƠNG Báo cáo/);
  assert.match(await page.locator("h1").textContent(), /^ĐỀ CƯƠNG Báo cáo triển khai/);
  assert.equal(await page.locator("#version").textContent(), "1");

  const tree = page.locator("#tree");
  assert.match(await tree.textContent(), /III\.2\.\s*PHONG TRÀO THI ĐUA “ĐẨY MẠNH/);
  // III.2 repeats III.1: its children are there, and it says so
  const iii2 = tree.locator("li.depth-2", { has: page.locator(".olabel", { hasText: /^III\.2\.$/ }) });
  assert.match(await iii2.textContent(), /theo cấu trúc của mục III\.1/);
  assert.equal(await iii2.locator("ul > li").count(), 6);
  // II.5 asks for figures in the commendation table
  const ii5 = tree.locator("li.depth-2", { hasText: "Công tác khen thưởng tập thể, hộ gia đình, cá nhân có thành tích trong phong trào" }).first();
  assert.match(await ii5.locator(".oitem").textContent(), /Số liệu/);
  await ii5.locator("summary").click();
  assert.match(await ii5.locator("table.grid").textContent(), /Huân chương.*Bằng khen của Thủ tướng Chính phủ/s);
  assert.match(await ii5.locator("table.grid thead").textContent(), /Tập thể\s*Hộ gia đình\s*Cá nhân/);
  // the original text beside it, escaped as text
  assert.match(await page.locator("#source").textContent(), /Kèm theo Công văn|ĐỀ CƯƠNG/);
  const cols = await page.locator(".ocols > section").evaluateAll((s) => s.map((e) => e.getBoundingClientRect().left));
  assert.ok(cols[1] > cols[0] + 300, "the text is beside the tree");
  await page.evaluate(() => window.scrollTo(0, 0)); // the text column is sticky
  await shot(page, "21-outline-tree-beside-text");
  await page.context().close();
});

test("the editor works without JavaScript: indent, relabel, save a new version", async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.goto(outlineUrl);
  await page.getByRole("link", { name: "Sửa đề cương" }).click();
  await page.waitForURL(/\/edit$/);
  assert.equal(await page.locator("h1").textContent(), "Sửa đề cương");
  await page.screenshot({ path: join(ARTIFACTS, "22-outline-editor.png") });

  // II.6 goes one level in: it becomes the last child of II.5
  await row(page, "II › 6").getByRole("button", { name: /^Thụt vào/ }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã thụt mục vào một cấp \(chưa lưu\)/);
  const moved = row(page, "II › 5 › 6");
  assert.equal(await moved.locator('input[name$=".depth"]').inputValue(), "3");
  await moved.getByLabel(/^Số thứ tự/).fill("a");
  await moved.getByLabel(/^Tiêu đề/).fill("Kiểm tra, giám sát thực hiện Phong trào thi đua");
  await shotAt(page, moved, "23-outline-indented-unsaved");
  await page.getByRole("button", { name: "Lưu đề cương" }).first().click();
  await page.waitForURL((u) => u.href === outlineUrl || u.href.startsWith(outlineUrl + "?"));
  assert.match(await page.getByRole("status").textContent(), /Đã lưu đề cương, phiên bản 2/);
  assert.equal(await page.locator("#version").textContent(), "2");
  const ii5 = page.locator("#tree li.depth-2", { hasText: "Công tác khen thưởng tập thể" }).first();
  assert.match(await ii5.locator("li.depth-3").last().textContent(), /^a\)\s*Kiểm tra, giám sát/);
  await shot(page, "24-outline-saved-version-2");
  await page.context().close();
});

test("row actions without JavaScript: move, split, merge, delete, outdent", async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.goto(outlineUrl + "/edit");
  const legends = async () => (await page.locator("fieldset.erow > legend").allTextContents()).map((t) => t.replace(/^Mục \d+ · /, ""));
  const status = async () => page.getByRole("status").textContent();

  await row(page, "IV › 1").getByRole("button", { name: /^Chuyển xuống/ }).click();
  let l = await legends();
  assert.ok(l.indexOf("IV › 2") < l.indexOf("IV › 1"), "IV.1 moved below IV.2 with its children");
  assert.equal(l[l.indexOf("IV › 1") + 1], "IV › 1 › a");
  await row(page, "IV › 1").getByRole("button", { name: /^Chuyển lên/ }).click();
  l = await legends();
  assert.ok(l.indexOf("IV › 1") < l.indexOf("IV › 2"));

  await row(page, "IV › 5").getByRole("button", { name: /^Thêm mục mới sau/ }).click();
  assert.match(await status(), /Đã thêm một mục mới/);
  const added = page.locator("fieldset.erow.new");
  assert.equal(await added.locator('input[name$=".depth"]').inputValue(), "2");
  await added.getByLabel(/^Số thứ tự/).fill("6");
  await added.getByLabel(/^Tiêu đề/).fill("Đề xuất khác");

  await row(page, "V › 2").getByRole("button", { name: /^Gộp vào mục phía trên/ }).click();
  assert.match(await status(), /Đã gộp mục/);
  assert.match(await row(page, "V › 1").getByLabel(/^Hướng dẫn/).inputValue(), /Với Hội đồng Thi đua - Khen thưởng Trung ương/);

  await row(page, "IV › 2").getByRole("button", { name: /^Xóa/ }).click();
  assert.match(await status(), /Đã xóa mục và 2 mục con/);
  await row(page, "IV › 1 › b").getByRole("button", { name: /^Lùi ra/ }).click();
  assert.ok((await legends()).includes("IV › b"));
  await shotAt(page, row(page, "IV › b"), "29-outline-row-actions");

  await page.getByRole("button", { name: "Lưu đề cương" }).first().click();
  assert.match(await status(), /Đã lưu đề cương, phiên bản 3/);
  const iv = page.locator("#tree li.depth-1", { has: page.locator(".olabel", { hasText: /^IV\.$/ }) });
  const labels = await iv.locator(":scope > ul > li > .oitem .olabel").allTextContents();
  assert.deepEqual(labels, ["1.", "b)", "3.", "4.", "5.", "6."]);
  assert.match(await iv.textContent(), /Đề xuất khác/);
  await page.context().close();
});

test("a late save is refused, says so and keeps what was typed", async () => {
  const a = await newPage(), b = await newPage();
  for (const p of [a, b]) {
    await loginAs(p, srv.base, "tdkt.tinh");
    await p.waitForURL(srv.base + "/");
    await p.goto(outlineUrl + "/edit");
  }
  await row(a, "I").getByLabel(/^Tiêu đề/).fill("ĐẶC ĐIỂM TÌNH HÌNH");
  await row(a, "V › 3").getByRole("button", { name: /^Xóa/ }).click();
  await a.getByRole("button", { name: "Lưu đề cương" }).first().click();
  assert.match(await a.getByRole("status").textContent(), /phiên bản 4/);

  await row(b, "V").getByLabel(/^Tiêu đề/).fill("KIẾN NGHỊ");
  await b.getByRole("button", { name: "Lưu đề cương" }).first().click();
  const alert = await b.getByRole("alert").textContent();
  assert.match(alert, /người khác lưu trước bạn/);
  assert.match(alert, /phiên bản hiện tại là 4/);
  assert.equal(await row(b, "V").getByLabel(/^Tiêu đề/).inputValue(), "KIẾN NGHỊ", "typed text kept");
  assert.match(await b.locator("#current summary").textContent(), /phiên bản 4/);
  await b.evaluate(() => window.scrollTo(0, 0));
  await shot(b, "25-outline-late-save");
  // saving again is a deliberate choice: it replaces version 4, and V.3,
  // deleted in version 4, comes back as a new item
  await b.getByRole("button", { name: "Lưu đề cương" }).first().click();
  assert.match(await b.getByRole("status").textContent(), /phiên bản 5/);
  assert.match(await b.locator("#tree").textContent(), /Với Ban Thi đua - Khen thưởng Trung ương/);
  await a.context().close();
  await b.context().close();
});

test("a custom figure table, used by an item; a copy; a .docx upload", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.goto(outlineUrl);
  const tables = page.locator("#tables");
  await tables.getByLabel("Tên biểu").last().fill("Kết quả giảm nghèo");
  await tables.getByLabel("Đơn vị tính").last().fill("hộ");
  await tables.getByLabel("Các dòng (mỗi dòng một tên)").last().fill("Hộ nghèo đầu kỳ\nHộ thoát nghèo\nHộ nghèo cuối kỳ");
  await tables.getByLabel("Các cột (mỗi dòng một tên)").last().fill("Năm 2022\nNăm 2023");
  await tables.getByRole("button", { name: "Thêm biểu số liệu" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã thêm biểu số liệu “Kết quả giảm nghèo”/);

  await page.getByRole("link", { name: "Sửa đề cương" }).click();
  await row(page, "II › 3").getByLabel("Biểu số liệu").selectOption({ label: "Kết quả giảm nghèo" });
  await page.getByRole("button", { name: "Lưu đề cương" }).first().click();
  const ii3 = page.locator("#tree li.depth-2", { hasText: "Kết quả thực hiện Phong trào thi đua, công tác giảm nghèo" });
  assert.match(await ii3.locator("summary").textContent(), /Kết quả giảm nghèo \(3 dòng × 2 cột; đơn vị tính: hộ/);
  assert.match(await ii3.locator(".oitem").textContent(), /Số liệu/);
  await ii3.locator("summary").click();
  await shotAt(page, ii3, "26-outline-custom-table");

  await page.getByLabel("Tên bản sao").fill("Đề cương báo cáo năm 2026");
  await page.getByRole("button", { name: "Tạo bản sao" }).click();
  assert.match(await page.getByRole("status").textContent(), /Đã tạo bản sao/);
  assert.equal(await page.locator("h1").textContent(), "Đề cương báo cáo năm 2026");
  assert.equal(await page.locator("#version").textContent(), "1");
  assert.match(await page.locator("#tree").textContent(), /Kết quả giảm nghèo/);

  await page.goto(srv.base + "/outlines");
  await page.getByLabel("Hoặc chọn tệp Word (.docx)").setInputFiles({
    name: "de-cuong-nong-thon-moi.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: docxFromText(seed("004_595d4ca16fe8dbdd")),
  });
  await page.getByRole("button", { name: "Nhập đề cương" }).click();
  await page.waitForURL(/\/outlines\/\d+(\?.*)?$/); // the flash parameters may already be gone
  assert.match(await page.locator("h1").textContent(), /nông thôn mới/);
  assert.equal(await page.locator("#h-source").textContent(), "Nội dung đọc từ tệp Word");
  assert.match(await page.locator("#tree").textContent(), /Phần thứ nhất:/);
  await shot(page, "27-outline-from-docx");

  await page.goto(srv.base + "/outlines");
  assert.equal(await page.locator("#outlines tbody tr").count(), 3);
  await shot(page, "28-outlines-list");
  await page.context().close();
});

test("refusals: junk in the form, a commune officer, staff", async () => {
  const page = await newPage();
  await loginAs(page, srv.base, "tdkt.tinh");
  await page.waitForURL(srv.base + "/");
  await page.goto(srv.base + "/outlines");
  await page.getByLabel("Dán nội dung đề cương").fill("Kính gửi các đơn vị. <script>alert(1)</script>");
  await page.getByRole("button", { name: "Nhập đề cương" }).click();
  assert.ok((await page.getByRole("alert").textContent()).length > 0);
  assert.match(await page.getByLabel("Dán nội dung đề cương").inputValue(), /<script>alert\(1\)<\/script>/, "what was typed stays, as text");
  await page.context().close();

  const ward = await newPage();
  await loginAs(ward, srv.base, "tdkt.camthanh");
  await ward.waitForURL(srv.base + "/");
  const resp = await ward.goto(outlineUrl);
  assert.equal(resp.status(), 404);
  await ward.context().close();

  const staff = await newPage();
  await loginAs(staff, srv.base, "chuyenvien.snv");
  await staff.waitForURL(srv.base + "/");
  await staff.goto(srv.base + "/outlines");
  assert.equal(await staff.getByLabel("Dán nội dung đề cương").count(), 0, "staff have no import form");
  await staff.context().close();
});
