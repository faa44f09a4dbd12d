// The search page works without this file; with it, a filter click applies at once.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-facet-form]");
    if (!form) return;
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") form.submit();
    });
  });
})();
