/* newsgraph map: the bundled Natural Earth 1:110m outline (world-atlas TopoJSON, served by
   the app) drawn with d3-geo, and one circle per place, its area proportional to the
   number of events there. A click lists that place's events (/map/events). */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  var readJSON = window.newsgraphDom.readJSON;  // app.js

  function svgEl(tag, attrs) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  var el = window.newsgraphDom.el;  // app.js

  function showPlace(panel, p) {
    panel.textContent = "";
    panel.appendChild(el("h2", {}, p.name + (p.country ? " (" + p.country + ")" : "")));
    var status = el("p", { "class": "muted small" }, p.n + " event(s) · loading…");
    panel.appendChild(status);
    var url = new URL("/map/events", window.location.href);
    var here = new URLSearchParams(window.location.search);
    ["plover", "since", "until", "country", "actor"].forEach(function (k) {
      if (here.get(k)) url.searchParams.set(k, here.get(k));
    });
    url.searchParams.set("lat", p.lat);
    url.searchParams.set("lon", p.lon);
    fetch(url.pathname + url.search).then(function (r) { return r.json(); }).then(function (data) {
      status.textContent = data.n + " event(s)";
      var ul = el("ul", { "class": "evidence-list" });
      data.events.forEach(function (e) {
        var li = el("li");
        li.appendChild(el("span", { "class": "muted small" }, (e.day || "undated") + " · " +
          (e.plover || "CAMEO " + e.cameo) + " · " + (e.source || "?") + " → " + (e.target || "—") + " "));
        li.appendChild(el("q", {}, e.evidence || ""));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("a", { href: e.href, "class": "small" }, e.outlet));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }).catch(function () { status.textContent = "The events could not be loaded."; });
  }

  function draw(svg, world, points, panel) {
    var W = 960, H = 500;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var land = topojson.feature(world, world.objects.countries);
    var projection = d3.geoEqualEarth().fitSize([W, H], { type: "Sphere" });
    var path = d3.geoPath(projection);
    svg.appendChild(svgEl("path", { d: path({ type: "Sphere" }), "class": "sphere" }));
    var g = svgEl("g", { "class": "land" });
    land.features.forEach(function (f) { g.appendChild(svgEl("path", { d: path(f) || "" })); });
    svg.appendChild(g);
    var max = Math.max.apply(null, points.map(function (p) { return p.n; }).concat([1]));
    var dots = svgEl("g", { "class": "places" });
    // Largest first, so small places sit on top and stay clickable.
    points.slice().sort(function (a, b) { return b.n - a.n; }).forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy) return;
      var c = svgEl("circle", {
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 22 * Math.sqrt(p.n / max)).toFixed(1),
        "class": "place", tabindex: "0", role: "button",
        "aria-label": p.name + ": " + p.n + " event(s)", "data-name": p.name
      });
      var title = svgEl("title", {});
      title.textContent = p.name + " — " + p.n + " event(s)";
      c.appendChild(title);
      c.addEventListener("click", function () { showPlace(panel, p); });
      c.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showPlace(panel, p); }
      });
      dots.appendChild(c);
    });
    svg.appendChild(dots);
    svg.setAttribute("data-ready", "true");
  }

  function init() {
    var svg = document.getElementById("map");
    var points = readJSON("map-data");
    if (!svg || !points || typeof d3 === "undefined" || typeof topojson === "undefined") return;
    fetch("/static/vendor/world-atlas/countries-110m.json")
      .then(function (r) { return r.json(); })
      .then(function (world) { draw(svg, world, points, document.getElementById("map-panel")); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
