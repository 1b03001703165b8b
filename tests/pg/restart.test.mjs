// restart.test.mjs — thidua survives a PostgreSQL restart: while the
// database is down requests answer 503 (never 401 or a crash), and once it
// is back the same server process answers again with the same sessions.
// Runs alone (it stops the shared test cluster): scripts/test.sh step
// pg-restart, with THIDUA_TEST_PG_URL and THIDUA_TEST_PG_CTL set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { startServer, login, client } from "../api/helpers.mjs";

const ctl = process.env.THIDUA_TEST_PG_CTL;
const skip = !process.env.THIDUA_TEST_PG_URL || !ctl ? "needs THIDUA_TEST_PG_URL and THIDUA_TEST_PG_CTL" : false;
let srv;
before(async () => { if (!skip) srv = await startServer(); });
after(async () => {
  if (skip) return;
  execSync(`${ctl} start`);
  await srv?.stop();
});

test("503 while PostgreSQL is down, 200 again when it is back", { skip }, async () => {
  const s = await login(srv.base, "admin");
  assert.equal((await s.api.get("/units?q=cam%20thanh")).status, 200);
  execSync(`${ctl} stop`);
  const down = await s.api.get("/units?q=cam%20thanh");
  assert.equal(down.status, 503);
  assert.ok(down.headers.get("retry-after"));
  assert.equal((await client(srv.base).post("/session", { login: "admin", password: "thidua2025" })).status, 503);
  execSync(`${ctl} start`);
  const back = await s.api.get("/units?q=cam%20thanh");
  assert.equal(back.status, 200, "the same token works after the restart");
  assert.equal(back.body.units[0].code, "QNG-X-21025");
});
