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

  // At the till: a chosen customer or article closes its result list; after each step the scanner field has the focus.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (!form || !document.querySelector("[data-till-scan]") || event.detail.requestConfig.verb !== "post") return;
    if (form.querySelector("[data-till-pick]:not([data-till-article])") || form.querySelector("[data-till-customer]")) {
      document.getElementById("till-customers").innerHTML = "";
      var search = document.querySelector("[data-till-customer]"); if (search) search.value = "";
    }
    if (form.matches("[data-till-scan-form]") || form.querySelector("[data-till-article]")) {
      document.getElementById("till-articles").innerHTML = "";
      document.querySelector("[data-till-scan-form]").reset();
    }
    var serviceFilter = document.querySelector("[data-service-filter]");
    if (form.matches("[data-service-name]") && serviceFilter.value) {  // a service was added: all of them again
      serviceFilter.value = "";
      serviceFilter.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (!form.querySelector("[data-till-cash]")) { document.querySelector("[data-till-scan]").focus(); }
  });
  // Late article results for a field that was cleared meanwhile (a scan was added) are not shown.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var field = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (field && field.matches && field.matches("[data-till-results]") && !field.value.trim()) {
      event.detail.shouldSwap = false;
      document.getElementById(field.dataset.tillResults).innerHTML = "";
    }
  });
  // Result lists at the till: arrow keys go from the field into its results and between them, Enter takes one,
  // Escape closes the list. Enter on a typed name with several results goes to the first of them.
  function tillPicks(list) { return Array.from(list ? list.querySelectorAll("[data-till-pick]") : []); }
  function tillFieldOf(list) { return document.querySelector('[data-till-results="' + list.id + '"]'); }
  document.addEventListener("keydown", function (event) {
    var target = event.target, list, picks, index;
    if (target.matches("[data-till-results]")) {
      list = document.getElementById(target.dataset.tillResults); picks = tillPicks(list);
      var typed = target.matches("[data-till-scan]") && event.key === "Enter" && !/^\d+$/.test(target.value.trim());
      if ((event.key === "ArrowDown" || (typed && picks.length > 1)) && picks[0]) { picks[0].focus(); event.preventDefault(); }
      if (event.key === "Escape" && list) { list.innerHTML = ""; }
    } else if (target.matches("[data-till-pick]") && (list = target.closest("[id]"))) {
      picks = tillPicks(list); index = picks.indexOf(target);
      if (event.key === "ArrowDown" && picks[index + 1]) { picks[index + 1].focus(); event.preventDefault(); }
      if (event.key === "ArrowUp") { (picks[index - 1] || tillFieldOf(list) || target).focus(); event.preventDefault(); }
      if (event.key === "Escape") { var field = tillFieldOf(list); list.innerHTML = ""; if (field) field.focus(); }
    }
  });

  // "For another customer" on a cart line opens its customer search with the focus in it (R1).
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (box.open && box.matches && box.matches(".till-line-customer details")) { box.querySelector("input[type=search]").focus(); }
  }, true);

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
  // The till's service buttons: typing keeps those whose name has every word typed, in any spelling (Föhnen = fohnen)
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u").replace(/ß/g, "ss");
  }
  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-service-filter]")) return;
    var words = folded(event.target.value).split(/\s+/).filter(Boolean), shown = 0;
    document.querySelectorAll("[data-service-name]").forEach(function (form) {
      var name = folded(form.dataset.serviceName);
      form.hidden = !words.every(function (word) { return name.indexOf(word) !== -1; });
      shown += form.hidden ? 0 : 1;
    });
    document.querySelector("[data-services-none]").hidden = shown > 0;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches("[data-service-filter]")) return;
    event.preventDefault();  // Enter books the only (or first) service left, once something is typed
    if (!folded(event.target.value).trim()) return;
    var first = document.querySelector("[data-service-name]:not([hidden]) button");
    if (first) first.click();
  });

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
