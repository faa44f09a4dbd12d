// The search page works without this file; with it, a filter click applies at once.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-facet-form]");
    if (!form) return;
    // The page reloads with each filter; put focus back on the filter the user just changed,
    // so keyboard and screen reader users do not start over from the top of the page.
    var key = "search-facet-focus";
    var last = null;
    try { last = JSON.parse(sessionStorage.getItem(key) || "null"); sessionStorage.removeItem(key); } catch (e) { last = null; }
    if (last) {
      var again = form.querySelector('input[name="' + CSS.escape(last[0]) + '"][value="' + CSS.escape(last[1]) + '"]');
      if (again) again.focus();
    }
    form.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox") return;
      try { sessionStorage.setItem(key, JSON.stringify([event.target.name, event.target.value])); } catch (e) { /* private mode */ }
      form.submit();
    });
  });
})();
