// multiserver.test.mjs — two app servers on one database serve the same
// users interchangeably: a token issued by one works on the other, and data
// written through one is read through the other (issue: PostgreSQL
// deployments with several stateless servers; SQLite in WAL mode too).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, client, login } from "./helpers.mjs";

let srv, other;
before(async () => {
  srv = await startServer();
  other = await srv.second();
});
after(async () => {
  await other?.stop();
  await srv?.stop();
});

test("a session from one server works on the other", async () => {
  const s = await login(srv.base, "admin");
  const me = await client(other.base, s.token).get("/me");
  assert.equal(me.status, 200);
  assert.equal(me.body.login, "admin");
  // logging out on the second ends it on the first
  assert.equal((await client(other.base, s.token).del("/session")).status, 200);
  assert.equal((await client(srv.base, s.token).get("/me")).status, 401);
});

test("what one server writes, the other reads", async () => {
  const s = await login(srv.base, "admin");
  const units = await s.api.get("/units?q=quang%20ngai");
  const qng = units.body.units.find((u) => u.code === "QNG");
  const created = await s.api.post("/units", { name: "Trường Mầm non Hoa Sen", kind: "school", parent_id: qng.id, code: "MN-HOASEN" });
  assert.equal(created.status, 201);
  const seen = await client(other.base, s.token).get("/units?q=" + encodeURIComponent("mam non hoa sen"));
  assert.deepEqual(seen.body.units.map((u) => u.id), [created.body.id]);
});
