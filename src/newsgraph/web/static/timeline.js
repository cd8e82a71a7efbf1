/* newsgraph timelines: stacked bars drawn by uPlot from <script type="application/json">
   payloads (web/timelines.py), and a brush: dragging across a chart sets the `since` and
   `until` query parameters of the page (or of the page named by data-brush-target), so the
   chosen dates filter every view linked from there. Also paints the colour swatches of
   legends (data-colour), since the Content Security Policy allows no inline style. */
(function () {
  "use strict";

  var readJSON = window.newsgraphDom.readJSON;  // app.js

  function isoDay(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  // The end of the bin that starts at `seconds`, so a brush over whole bins keeps their last day.
  function binEnd(seconds, grain) {
    var d = new Date(seconds * 1000);
    if (grain === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (grain === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    else if (grain === "year") d = new Date(Date.UTC(d.getUTCFullYear(), 11, 31));
    return d.toISOString().slice(0, 10);
  }

  function brushTo(host, since, until) {
    var target = host.getAttribute("data-brush-target");
    var url = new URL(target || window.location.href, window.location.href);
    url.searchParams.set("since", since);
    url.searchParams.set("until", until);
    url.searchParams.delete("offset");
    host.setAttribute("data-brushed", since + "/" + until);
    window.location.assign(url.toString());
  }

  function draw(host) {
    var chart = readJSON(host.getAttribute("data-chart"));
    if (!chart || !chart.x.length || typeof uPlot === "undefined") return;
    var n = chart.x.length, stacks = [], running = new Array(n).fill(0);
    chart.series.forEach(function (s) {
      running = running.map(function (v, i) { return v + s.values[i]; });
      stacks.push(running.slice());
    });
    // uPlot draws in order, so the tallest stack goes first and each smaller one on top.
    var order = chart.series.map(function (_, i) { return i; }).reverse();
    var data = [chart.x].concat(order.map(function (i) { return stacks[i]; }));
    var bars = uPlot.paths.bars({ size: [0.86, 60], align: 0 });
    var series = [{ label: "Date", value: function (u, v) { return v == null ? "" : isoDay(v); } }].concat(
      order.map(function (i) {
        var s = chart.series[i];
        return {
          label: s.label, fill: s.colour, stroke: s.colour, width: 0, paths: bars,
          points: { show: false },
          value: function (u, v, si, di) { return di == null ? "" : String(s.values[di]); }
        };
      })
    );
    var width = Math.max(host.clientWidth, 280);
    var plot = new uPlot({
      width: width, height: 190, series: series,
      scales: { x: { time: true, range: function (u, lo, hi) {
        var step = n > 1 ? (chart.x[n - 1] - chart.x[0]) / (n - 1) : 86400;
        return [chart.x[0], chart.x[n - 1] + step];
      } } },
      axes: [{}, { size: 44 }],
      legend: { show: false },  // the page's own legend (one swatch per type) and readout
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      hooks: { setCursor: [function (u) {
        var readout = host.parentNode.querySelector(".chart-readout"), i = u.cursor.idx;
        if (!readout) return;
        if (i == null) { readout.textContent = ""; return; }
        var parts = chart.series.filter(function (s) { return s.values[i] > 0; })
          .map(function (s) { return s.label + " " + s.values[i]; });
        readout.textContent = (chart.grain === "day" ? "" : chart.grain + " of ") + isoDay(chart.x[i]) +
          ": " + (parts.length ? parts.join(", ") : "none");
      }], setSelect: [function (u) {
        if (u.select.width < 3) return;
        var a = u.posToVal(u.select.left, "x"), b = u.posToVal(u.select.left + u.select.width, "x");
        // Snap to whole bins: from the start of the first bin touched to the end of the last.
        var first = chart.x.filter(function (x) { return x <= a; }).pop() || chart.x[0];
        var last = chart.x.filter(function (x) { return x <= b; }).pop() || chart.x[n - 1];
        brushTo(host, isoDay(first), binEnd(last, chart.grain));
      }] }
    }, data, host);
    host.uplot = plot;
    // A chart drawn inside a closed <details> had no width: size it when it opens.
    var details = host.closest("details");
    if (details) details.addEventListener("toggle", function () {
      if (details.open) plot.setSize({ width: Math.max(host.clientWidth, 280), height: 190 });
    });
    host.setAttribute("data-drawn", "true");
  }

  function init() {
    document.querySelectorAll(".uplot-host[data-chart]").forEach(draw);
    document.querySelectorAll("[data-colour]").forEach(function (sw) {
      var c = sw.getAttribute("data-colour");
      if (/^#[0-9a-fA-F]{6}$/.test(c)) sw.style.backgroundColor = c;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
