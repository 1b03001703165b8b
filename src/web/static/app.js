// thidua — progressive enhancement only; every page works without it.
// Confirm before deactivating a unit (or, with the form's data-confirm-off
// sentence, a user account) from its edit form.
document.addEventListener("submit", (ev) => {
  const f = ev.target;
  const active = f.querySelector && f.querySelector('input[name="active"]');
  if (active && active.defaultChecked && !active.checked &&
      !window.confirm(f.dataset.confirmOff || "Ngừng hoạt động đơn vị này?")) {
    ev.preventDefault();
  }
});

// A flash message travels in the URL (?ok=…&sig=…); once shown, take it out
// of the address so a reload does not repeat an old message.
(function () {
  const u = new URL(window.location.href);
  if (!u.searchParams.has("sig")) return;
  for (const k of ["ok", "err", "sig"]) u.searchParams.delete(k);
  window.history.replaceState(null, "", u.pathname + u.search + u.hash);
})();
