/* REKAS charts: each <canvas data-chart="ID"> is drawn from the JSON in <script id="ID">
 * (Django's json_script, which CSP allows because it is data, not code). The same numbers
 * are always in the table below the chart, so nothing is lost without JavaScript. */
(function () {
  "use strict";
  var COLOURS = ["#005a6e", "#8a3b12", "#1d6b35", "#5b3f8c", "#b00020", "#4a5560"];

  function swedishNumber(value) {
    if (value === null || value === undefined) { return "–"; }
    return Number(value).toLocaleString("sv-SE", { maximumFractionDigits: 2 });
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var datasets = spec.datasets.map(function (dataset, index) {
      var colour = COLOURS[index % COLOURS.length];
      return {
        label: dataset.label,
        data: dataset.data,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: spec.kind === "line" ? 3 : 0,
        pointRadius: spec.kind === "line" ? 4 : 0,
        spanGaps: true
      };
    });
    var valueAxis = spec.horizontal ? "x" : "y";
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      title: { display: Boolean(spec.yLabel), text: spec.yLabel },
      ticks: { callback: function (value) { return swedishNumber(value); } }
    };
    new window.Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 400 },
        locale: "sv-SE",
        scales: scales,
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: {
            callbacks: {
              label: function (context) {
                var raw = context.raw;
                return context.dataset.label + ": " + swedishNumber(raw);
              }
            }
          }
        }
      }
    });
  }

  function init() {
    var canvases = document.querySelectorAll("canvas[data-chart]");
    Array.prototype.forEach.call(canvases, draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
