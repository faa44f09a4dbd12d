// Forum: a character counter under the post editor (read with the field via aria-describedby,
// not announced on every keystroke), and focus on the reply box after "Citera".
(function () {
  "use strict";

  function formatNumber(value) {
    return value.toLocaleString("sv-SE");
  }

  function addCounter(textarea) {
    var limit = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!limit) return;
    var counter = document.createElement("p");
    counter.className = "forum-counter";
    counter.id = textarea.id + "_counter";
    textarea.insertAdjacentElement("afterend", counter);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    function update() {
      var used = textarea.value.length;
      counter.textContent = formatNumber(used) + " av " + formatNumber(limit) + " tecken";
      counter.classList.toggle("forum-counter--over", used >= limit);
    }
    textarea.addEventListener("input", update);
    update();
  }

  function focusReply() {
    if (window.location.hash !== "#svar") return;
    var textarea = document.querySelector("#svar textarea");
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea.forum-editor").forEach(addCounter);
    focusReply();
  });
})();
