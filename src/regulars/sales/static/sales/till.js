/* Regulars: the till (S1, S2). Keys for every step (F2 customer, F3 article, F4 service, F6 who performs it,
   F7 cash, F8 exact cash, F9 rest by card, ? the list of keys), result lists worked by arrow keys, and the focus
   always where the next step is. Loaded on the till page only. */
(function () {
  "use strict";

  function $(selector) { return document.querySelector(selector); }
  var FOCUS_KEYS = { F2: "[data-till-customer]", F3: "[data-till-scan]", F4: "[data-service-filter]",
                     F6: "[data-till-service-staff]", F7: "[data-till-cash]" };
  var CLICK_KEYS = { F8: "[data-pay-exact]", F9: "[data-pay-rest-card]" };

  function openDialog() { return document.querySelector("dialog[open]"); }
  function focusField(selector) {
    var field = $(selector);
    if (!field) return false;
    field.focus();
    if (field.select && field.type !== "select-one") field.select();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (openDialog() && event.key !== "Escape") return;  // a dialog answers first
    if (FOCUS_KEYS[event.key] && focusField(FOCUS_KEYS[event.key])) { event.preventDefault(); return; }
    if (CLICK_KEYS[event.key]) {
      var button = $(CLICK_KEYS[event.key]);
      if (button) { button.click(); event.preventDefault(); }
      return;
    }
    if (event.key === "?" && !event.target.matches("input, textarea, select")) {
      $("#till-keys").showModal(); event.preventDefault();
    }
  });

  // After each step the focus is where the next one is: a chosen customer (or a confirmed note on them) leads to the
  // articles, an added line back to the articles, a refused payment to the cash given, a booked sale to the next
  // customer. Result lists close when one of them was taken.
  // Where the cashier was when a step was sent: the answer moves the focus only if they are still there, so that
  // a cashier who went on (F6, F4, the next scan) is never pulled back. A scanned code leaves the field at once, so
  // that the next scan starts in an empty field.
  var focusAtSend = new WeakMap();
  document.addEventListener("htmx:beforeRequest", function (event) {
    var config = event.detail.requestConfig;
    if (!config || config.verb !== "post") return;
    focusAtSend.set(config, document.activeElement);
    var form = config.elt && config.elt.closest ? config.elt.closest("form") : null;
    if (form && form.matches("[data-till-scan-form]")) {
      $("[data-till-scan]").value = "";
      form.querySelector("[name=quantity]").value = "1";
      $("#till-articles").innerHTML = "";
    }
  });
  function movedOn(event) {
    var before = focusAtSend.get(event.detail.requestConfig), now = document.activeElement;
    return before && now && now !== before && now !== document.body && document.contains(now);
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    // the form that asked; it may have been swapped out of the page, and the event then arrives from the body
    var asking = event.detail.requestConfig && event.detail.requestConfig.elt;
    var form = asking && asking.closest ? asking.closest("form") : null;
    if (!form || event.detail.requestConfig.verb !== "post" || !event.detail.successful) return;
    if (form.querySelector("[data-till-pick]:not([data-till-article])") || form.querySelector("[data-till-customer]")) {
      $("#till-customers").innerHTML = "";
      var search = $("[data-till-customer]"); if (search) search.value = "";
    }
    if (form.querySelector("[data-till-article]")) {  // an article picked from the list
      $("#till-articles").innerHTML = "";
      $("[data-till-scan]").value = "";
    }
    var serviceFilter = $("[data-service-filter]");
    if (form.matches("[data-service-name]") && serviceFilter.value) {  // a service was added: all of them again
      serviceFilter.value = "";
      serviceFilter.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (openDialog() || movedOn(event)) return;  // the note on the customer is read first; closing it goes on
    if ($("#till-cart [data-testid=booked]")) {  // the next sale starts with its customer and the usual staff
      var staff = $("[data-till-service-staff]"); if (staff) staff.value = "";
      focusField("[data-till-customer]");
    } else if (form.matches(".till-pay") && $("#till-cart [data-till-error]")) {
      focusField("[data-till-cash]");
    } else if (!form.closest(".till-line-more")) {
      $("[data-till-scan]").focus();
    }
  });

  // The note on a customer (C6) is a dialog the cashier confirms; then the articles follow.
  document.addEventListener("htmx:afterSwap", function () {
    var note = $("#till-cart dialog[data-till-popup]");
    if (note && !note.open) {
      note.showModal();
      note.addEventListener("close", function () { $("[data-till-scan]").focus(); }, { once: true });
    }
  });

  // Late results for a field that was cleared meanwhile (a scan was added) are not shown.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var field = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (field && field.matches && field.matches("[data-till-results]") && !field.value.trim()) {
      event.detail.shouldSwap = false;
      document.getElementById(field.dataset.tillResults).innerHTML = "";
    }
  });

  // Typing again clears a refusal that is no longer true ("No article found for ...").
  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-till-scan], [data-till-customer]")) return;
    document.querySelectorAll("#till-cart [data-till-error]").forEach(function (message) { message.remove(); });
  });

  // Result lists: arrow keys go from the field into its results and between them, Enter takes one, Escape closes the
  // list. Enter on a typed name (not digits) goes to the first result; with exactly one customer, it takes it.
  function picks(list) { return Array.from(list ? list.querySelectorAll("[data-till-pick]") : []); }
  function fieldOf(list) { return document.querySelector('[data-till-results="' + list.id + '"]'); }
  document.addEventListener("keydown", function (event) {
    var target = event.target, list, found, index;
    if (target.matches("[data-till-results]")) {
      list = document.getElementById(target.dataset.tillResults); found = picks(list);
      var typedName = event.key === "Enter" && !/^\d+$/.test(target.value.trim());
      if (typedName && found.length === 1 && target.matches("[data-till-customer]")) {
        found[0].click(); event.preventDefault(); return;
      }
      var intoList = event.key === "ArrowDown" || (typedName && target.matches("[data-till-scan]") && found.length > 1);
      if (intoList && found[0]) { found[0].focus(); event.preventDefault(); }
      if (event.key === "Escape" && list) { list.innerHTML = ""; }
    } else if (target.matches("[data-till-pick]") && (list = target.closest("[id]"))) {
      found = picks(list); index = found.indexOf(target);
      if (event.key === "ArrowDown" && found[index + 1]) { found[index + 1].focus(); event.preventDefault(); }
      if (event.key === "ArrowUp") { (found[index - 1] || fieldOf(list) || target).focus(); event.preventDefault(); }
      if (event.key === "Escape") { var field = fieldOf(list); list.innerHTML = ""; if (field) field.focus(); }
    }
  });

  // "⋯" on a cart line opens its tools with the focus in the first field (another customer, R1; price, managers).
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (box.open && box.matches && box.matches(".till-line-more")) { box.querySelector("input[type=search]").focus(); }
  }, true);

  // The service buttons: typing keeps those whose name has every word typed, in any spelling (Föhnen = fohnen);
  // Enter adds the only (or first) one left.
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ae/g, "a").replace(/oe/g, "o")
      .replace(/ue/g, "u").replace(/ß/g, "ss");
  }
  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-service-filter]")) return;
    var words = folded(event.target.value).split(/\s+/).filter(Boolean), shown = 0;
    document.querySelectorAll("[data-service-name]").forEach(function (form) {
      var name = folded(form.dataset.serviceName);
      form.hidden = !words.every(function (word) { return name.indexOf(word) !== -1; });
      shown += form.hidden ? 0 : 1;
    });
    $("[data-services-none]").hidden = shown > 0;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches("[data-service-filter]")) return;
    event.preventDefault();
    if (!folded(event.target.value).trim()) return;
    var first = document.querySelector("[data-service-name]:not([hidden]) button");
    if (first) first.click();
  });
})();
