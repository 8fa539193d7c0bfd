/* Regulars: keyboard and touch behaviour shared by all pages. No framework beyond htmx. */
(function () {
  "use strict";

  function rows() { return Array.from(document.querySelectorAll("tr[data-href]")); }

  // A click or Enter on a list row opens it (L1); arrow keys move between rows and the search field.
  document.addEventListener("click", function (event) {
    var row = event.target.closest("tr[data-href]");
    if (row && !event.target.closest("a, button, input, label")) { window.location = row.dataset.href; }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.matches("tr[data-href]")) {
      var list = rows(), index = list.indexOf(target);
      if (event.key === "Enter") { window.location = target.dataset.href; event.preventDefault(); }
      else if (event.key === "ArrowDown" && list[index + 1]) { list[index + 1].focus(); event.preventDefault(); }
      else if (event.key === "ArrowUp") {
        if (index > 0) { list[index - 1].focus(); } else { var s = document.querySelector("[data-search]"); if (s) s.focus(); }
        event.preventDefault();
      }
    } else if (target.matches("[data-search]")) {
      if (event.key === "ArrowDown" && rows()[0]) { rows()[0].focus(); event.preventDefault(); }
      if (event.key === "Enter") {
        // Enter searches at once (seed: Tab/Enter start the search); a second Enter opens a single hit.
        var only = rows();
        if (only.length === 1 && target.dataset.lastSearched === target.value) { window.location = only[0].dataset.href; }
        target.dataset.lastSearched = target.value;
      }
    } else if (event.key === "/" && !target.matches("input, textarea, select")) {
      var search = document.querySelector("[data-search]");
      if (search) { search.focus(); search.select(); event.preventDefault(); }
    }
  });
  // A row focused while late results arrive: the first new row takes the focus, so the keys go on working.
  var rowFocused = false;
  document.addEventListener("htmx:beforeSwap", function () {
    rowFocused = !!(document.activeElement && document.activeElement.matches("tr[data-href]"));
  });
  document.addEventListener("htmx:afterSwap", function () {
    var search = document.querySelector("[data-search]");
    if (search) { search.dataset.lastSearched = search.value; }
    if (rowFocused && rows()[0]) { rows()[0].focus(); }
  });

  // A choice that takes effect at once (the shop one works in).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-submit-on-change]")) { event.target.form.requestSubmit(); }
  });

  // Dialogs (column chooser).
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-open-dialog]");
    if (opener) { document.getElementById(opener.dataset.openDialog).showModal(); }
    var closer = event.target.closest("[data-close-dialog]");
    if (closer) { closer.closest("dialog").close(); }
    var mover = event.target.closest("[data-move]");
    if (mover) {
      var item = mover.closest("li");
      if (mover.dataset.move === "up" && item.previousElementSibling) { item.parentNode.insertBefore(item, item.previousElementSibling); }
      if (mover.dataset.move === "down" && item.nextElementSibling) { item.parentNode.insertBefore(item.nextElementSibling, item); }
      mover.focus();
    }
  });

  // "Add another" rows of phone numbers and e-mail addresses.
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (!add) return;
    var prefix = add.dataset.addRow;
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = document.querySelector('template[data-formset-template="' + prefix + '"]');
    var html = template.innerHTML.replace(/__prefix__/g, total.value);
    document.querySelector('[data-formset="' + prefix + '"]').insertAdjacentHTML("beforeend", html);
    total.value = parseInt(total.value, 10) + 1;
    var inputs = document.querySelectorAll('[data-formset="' + prefix + '"] .row-inline:last-child input');
    if (inputs.length) inputs[0].focus();
  });

  // Customer picker ("referred by", T3).
  document.addEventListener("click", function (event) {
    var pick = event.target.closest("[data-pick-id]");
    var unpick = event.target.closest("[data-unpick]");
    var box = (pick || unpick) && (pick || unpick).closest("[data-picker]");
    if (!box) return;
    box.querySelector("input[type=hidden]").value = pick ? pick.dataset.pickId : "";
    box.querySelector("[data-picked]").textContent = pick ? pick.dataset.pickLabel : "";
    box.querySelector(".pick-target").innerHTML = "";
    box.querySelector("[data-unpick]").hidden = !pick;
    var input = box.querySelector("[data-pick-input]"); input.value = ""; input.focus();
  });

  // "Details" opens and closes a receipt's lines (R7).
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-toggle-lines]");
    if (!toggle) return;
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.closest("tbody").querySelectorAll("tr.receipt-line").forEach(function (row) { row.hidden = !open; });
  });

  // Collapsed sections stay collapsed (R8).
  document.addEventListener("toggle", function (event) {
    var panel = event.target;
    if (panel.dataset && panel.dataset.panel) {
      try { localStorage.setItem("panel:" + panel.dataset.panel, panel.open ? "open" : "closed"); } catch (e) { /* private mode */ }
    }
  }, true);
  // After a refused save, the first field with an error gets the focus; errors are read with their field.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".has-error").forEach(function (box) {
      var error = box.querySelector(".error[id]");
      box.querySelectorAll("input, select, textarea").forEach(function (input) {
        if (input.type === "hidden") return;
        input.setAttribute("aria-invalid", "true");
        if (error) input.setAttribute("aria-describedby", error.id);
      });
    });
    var first = document.querySelector(".has-error input:not([type=hidden]), .has-error select, .has-error textarea");
    if (first) { first.focus(); first.scrollIntoView({ block: "center" }); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("details[data-panel]").forEach(function (panel) {
      var state = null;
      try { state = localStorage.getItem("panel:" + panel.dataset.panel); } catch (e) { /* private mode */ }
      if (state) panel.open = state === "open";
    });
  });
})();
