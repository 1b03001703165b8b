// thidua — the report form's progressive enhancement; the form works without it
// (the "Lưu bản nháp" button posts it).
//  - autosave: every few seconds after a change, the form is posted (files left
//    out) with the CSRF header and the version it started from; the server
//    answers JSON. A newer version saved by someone else (409) stops autosaving
//    and says so; what was typed stays on the page.
//  - nothing lost: every change is also kept in this browser (localStorage)
//    until the server has it, so a closed tab or an expired session costs
//    nothing: the next visit puts the text back and says so.
//  - figure tables: row and column totals follow the typing.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  if (!form) return;
  const id = form.dataset.autosave;
  const key = "thidua:report:" + id;
  const status = document.getElementById("autosave-status");
  const version = form.querySelector('input[name="version"]');
  const csrf = form.querySelector('input[name="csrf"]');
  const EVERY = 4000;
  let dirty = false, busy = false, stopped = false, changedWhileBusy = false;
  let held = null; // a save or submit clicked while an autosave was on its way

  function say(text, bad) {
    if (!status) return;
    status.textContent = text;
    status.className = bad ? "flash err" : "hint";
  }

  // The content fields: narrative, figures, models (names t./f./m.).
  function fields() {
    const out = {};
    for (const el of form.elements) {
      if (el.name && /^[tfm]\./.test(el.name)) out[el.name] = el.value;
    }
    return out;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({ version: version.value, at: Date.now(), fields: fields() }));
    } catch (e) { /* storage full or disabled: the server copy still comes */ }
  }

  function forget() {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }

  function body() {
    const p = new URLSearchParams();
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.type === "submit" || el.disabled) continue;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
      p.append(el.name, el.value);
    }
    return p;
  }

  function clock() {
    const d = new Date();
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
  }

  async function save() {
    if (!dirty || busy || stopped) return;
    busy = true;
    changedWhileBusy = false;
    dirty = false;
    try {
      const res = await fetch(form.action, {
        method: "POST", body: body(), credentials: "same-origin", redirect: "manual",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf ? csrf.value : "" },
      });
      if (res.type === "opaqueredirect" || res.status === 401 || res.status === 403) {
        stopped = true;
        dirty = true;
        say("Phiên đăng nhập đã hết hạn nên chưa lưu được. Nội dung đang gõ vẫn ở đây và được giữ trên máy này: " +
          "hãy đăng nhập lại ở một thẻ khác rồi tải lại trang này.", true);
        return;
      }
      const j = await res.json().catch(() => ({}));
      if (res.ok) {
        version.value = j.version;
        const shown = document.getElementById("version-no");
        if (shown) shown.textContent = j.version;
        if (!changedWhileBusy) forget();
        say("Đã tự động lưu lúc " + clock() + " (phiên bản " + j.version + ").", false);
      } else if (res.status === 409) {
        stopped = true;
        dirty = true;
        say((j.error || "Báo cáo đã được người khác lưu.") + " Nội dung đang gõ vẫn ở đây và được giữ trên máy này; " +
          "bấm “Lưu bản nháp” để xem lựa chọn.", true);
      } else {
        dirty = true;
        say(j.error || "Chưa lưu được (lỗi " + res.status + ").", true);
      }
    } catch (e) {
      dirty = true;
      say("Mất kết nối, chưa lưu được; sẽ thử lại. Nội dung được giữ trên máy này.", true);
    } finally {
      busy = false;
      if (changedWhileBusy) dirty = true;
      if (held) { // now with the version the autosave got back
        const s = held;
        held = null;
        form.requestSubmit(s.submitter && s.submitter.form === form ? s.submitter : undefined);
      }
    }
  }

  // What was typed here and never reached the server comes back.
  function restore() {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.fields) return;
    const now = fields();
    const names = Object.keys(kept.fields).filter((n) => kept.fields[n] !== (now[n] ?? ""));
    if (names.length === 0) { forget(); return; }
    for (const n of names) {
      const el = form.elements.namedItem(n);
      if (el && el.value !== undefined) el.value = kept.fields[n];
    }
    dirty = true;
    const when = new Date(kept.at).toLocaleString("vi-VN");
    if (String(kept.version) === version.value) {
      say("Đã khôi phục nội dung chưa lưu của lần soạn trước (" + when + "); nội dung sẽ được lưu ngay.", false);
    } else {
      stopped = true;
      say("Đã khôi phục nội dung chưa lưu của lần soạn trước (" + when + ", từ phiên bản " + kept.version +
        "), nhưng báo cáo đã có phiên bản mới hơn (" + version.value + "). Hãy xem lại rồi bấm “Lưu bản nháp”.", true);
    }
  }

  // ---- totals of figure tables (counts) ----
  function number(s) {
    const v = parseFloat(String(s).replace(",", "."));
    return Number.isFinite(v) ? v : null;
  }

  function totals(table) {
    const rows = [...table.tBodies[0].rows].filter((r) => !r.classList.contains("total"));
    const sumRow = table.tBodies[0].querySelector("tr.total");
    const cols = [];
    let grand = null;
    for (const row of rows) {
      let sum = null;
      [...row.querySelectorAll("input")].forEach((inp, c) => {
        const v = number(inp.value);
        if (v === null) return;
        sum = (sum ?? 0) + v;
        cols[c] = (cols[c] ?? 0) + v;
        grand = (grand ?? 0) + v;
      });
      const cell = row.querySelector("td.total");
      if (cell) cell.textContent = sum === null ? "" : String(sum);
    }
    if (!sumRow) return;
    const cells = sumRow.querySelectorAll("td");
    cells.forEach((td, c) => {
      const v = c === cells.length - 1 ? grand : cols[c];
      td.textContent = v === null || v === undefined ? "" : String(v);
    });
  }

  form.addEventListener("input", (ev) => {
    if (ev.target.type === "file") return;
    dirty = true;
    if (busy) changedWhileBusy = true;
    keep();
    const table = ev.target.closest && ev.target.closest('table.figures[data-totals="1"]');
    if (table) totals(table);
  });
  // an explicit save or submit posts the form itself: no autosave racing it,
  // and none still on its way (its answer carries the version to post)
  form.addEventListener("submit", (ev) => {
    if (busy) {
      ev.preventDefault();
      held = { submitter: ev.submitter };
      return;
    }
    stopped = true;
    keep();
  });

  restore();
  setInterval(save, EVERY);
  if (dirty && !stopped) setTimeout(save, 500);
})();
