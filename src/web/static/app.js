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
