// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move focus to an error summary so screen reader users hear what to fix.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) summary.focus();

    // Registration: show the company or the school fields for the chosen account type.
    var form = document.querySelector("[data-account-form]");
    if (form) {
      var update = function () {
        var checked = form.querySelector("input[name=account_type]:checked");
        var type = checked ? checked.value : "counsellor";
        form.querySelectorAll("[data-show-for]").forEach(function (el) {
          el.hidden = el.getAttribute("data-show-for") !== type;
        });
      };
      form.addEventListener("change", update);
      update();
    }

    document.querySelectorAll("input[data-autocomplete]").forEach(setUpAutocomplete);
    setUpScrollingTables();
    // A map's data table is folded away on screen; on paper it is printed beside the map.
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.map__table").forEach(function (details) { details.open = true; });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
      button.addEventListener("click", function () {
        var url = button.getAttribute("data-copy-link") || window.location.href;
        if (navigator.clipboard) {
          navigator.clipboard.writeText(url).then(function () {
            button.textContent = button.getAttribute("data-copied-text") || "Länken är kopierad";
          });
        }
      });
    });
  });

  // A table wider than the screen scrolls inside its .table-wrap. Keyboard users can only
  // scroll it if the wrapper takes focus (WCAG 2.1.1), and it then needs a name: the caption.
  function setUpScrollingTables() {
    var wraps = document.querySelectorAll(".table-wrap");
    if (!wraps.length) return;
    var update = function () {
      wraps.forEach(function (wrap, index) {
        var caption = wrap.querySelector("caption");
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
          wrap.setAttribute("tabindex", "0");
          if (caption) {
            caption.id = caption.id || "table-caption-" + index;
            wrap.setAttribute("role", "group");  // not "region": the section around it is one
            wrap.setAttribute("aria-labelledby", caption.id);
          }
        } else if (wrap.getAttribute("tabindex") === "0") {
          wrap.removeAttribute("tabindex");
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-labelledby");
        }
      });
    };
    var timer = null;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
    update();
  }

  // An ARIA 1.2 combobox: arrow keys move, Enter picks, Escape closes.
  function setUpAutocomplete(input) {
    var endpoint = input.getAttribute("data-autocomplete");
    var list = document.createElement("ul");
    var listId = input.id + "-suggestions";
    var active = -1;
    var timer = null;
    list.id = listId;
    list.className = "autocomplete";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      var items = list.querySelectorAll("li");
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && items[index]) input.setAttribute("aria-activedescendant", items[index].id);
    }
    function show(suggestions) {
      list.innerHTML = "";
      if (!suggestions.length) { close(); return; }
      suggestions.forEach(function (text, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = text;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          input.value = text;
          close();
          input.form.submit();
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch(endpoint + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) {
            show((data.suggestions || []).map(function (s) { return typeof s === "string" ? s : s.text; }));
          })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      var items = list.querySelectorAll("li");
      if (list.hidden || !items.length) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); input.value = items[active].textContent; close(); input.form.submit(); }
      // Without preventDefault a search field also clears what was typed on Escape.
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }
})();
