// browser.mjs — headless Debian Chromium driven by playwright-core, with the
// flags this closed network needs; screenshots go to tests/artifacts/.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage"],
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, name + ".png"), fullPage: true });
}

export async function loginAs(page, base, login, password = "thidua2025") {
  await page.goto(base + "/login");
  await page.getByLabel("Tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}
