// Contribution form: show one empty row per formset and a button to reveal the next.
// Without JavaScript every row is visible, so nothing depends on this file.
(function () {
  "use strict";
  function isEmpty(row) {
    if (row.hasAttribute("data-existing")) return false;
    var fields = row.querySelectorAll("input:not([type=hidden]):not([type=checkbox]), textarea, select");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value && fields[i].value.trim() !== "") return false;
    }
    return !row.querySelector(".field--error");
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-formset]").forEach(function (set) {
      var rows = Array.prototype.slice.call(set.querySelectorAll("[data-formset-row]"));
      var button = set.querySelector("[data-formset-add]");
      var shownEmpty = false;
      rows.forEach(function (row) {
        if (isEmpty(row)) {
          if (shownEmpty) row.hidden = true;
          shownEmpty = true;
        }
      });
      if (!button) return;
      var update = function () { button.hidden = !rows.some(function (r) { return r.hidden; }); };
      button.addEventListener("click", function () {
        var next = rows.find(function (r) { return r.hidden; });
        if (next) {
          next.hidden = false;
          var field = next.querySelector("input:not([type=hidden]), textarea, select");
          if (field) field.focus();
        }
        update();
      });
      update();
    });
  });
})();
