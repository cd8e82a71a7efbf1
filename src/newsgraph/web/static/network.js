/* newsgraph network page: draws the server's layout (web/graph.py) with sigma.js (WebGL),
   so thousands of dyads pan and zoom smoothly; no layout runs in the browser. A click on an
   actor shows it with links to its ego view and actor page; a click on an arrow loads the
   sentences behind that dyad from every outlet (/network/evidence). Text from the data is
   only ever set with textContent. */
(function () {
  "use strict";

  var readJSON = window.newsgraphDom.readJSON;  // app.js

  var el = window.newsgraphDom.el;  // app.js

  function withParams(path, extra) {
    var url = new URL(path, window.location.href);
    var here = new URLSearchParams(window.location.search);
    ["plover", "since", "until", "country"].forEach(function (k) {
      if (here.get(k)) url.searchParams.set(k, here.get(k));
    });
    Object.keys(extra || {}).forEach(function (k) { url.searchParams.set(k, extra[k]); });
    return url.pathname + url.search;
  }

  function showNode(panel, node, attrs) {
    panel.textContent = "";
    panel.appendChild(el("h2", {}, node));
    panel.appendChild(el("p", { "class": "muted small" },
      attrs.weight + " event(s) in this view" + (attrs.country ? " · " + attrs.country : "")));
    var p = el("p");
    p.appendChild(el("a", { href: withParams("/network", { actor: node }), "class": "ego-link" },
      "Ego view: " + node + " and its counterparts"));
    panel.appendChild(p);
    var q = el("p");
    q.appendChild(el("a", { href: "/actors/" + encodeURIComponent(node) }, "Actor page"));
    panel.appendChild(q);
  }

  function loadEvidence(panel, edge) {
    panel.appendChild(el("h2", {}, edge.source + " → " + edge.target));
    var types = Object.keys(edge.types).map(function (t) { return t + " × " + edge.types[t]; });
    panel.appendChild(el("p", { "class": "muted small" }, types.join(" · ")));
    var status = el("p", { "class": "muted" }, "Loading the sentences…");
    panel.appendChild(status);
    var list = el("div", { "class": "evidence-block" });
    panel.appendChild(list);
    fetch(withParams("/network/evidence", { source: edge.source, target: edge.target }))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        status.textContent = data.n + " event(s) from " + data.outlets.length + " outlet(s)";
        data.outlets.forEach(function (o) {
          list.appendChild(el("h3", { "class": "outlet" }, o.outlet + " (" + o.events.length + ")"));
          var ul = el("ul", { "class": "evidence-list" });
          o.events.forEach(function (e) {
            var li = el("li");
            li.appendChild(el("span", { "class": "muted small" },
              (e.day || "undated") + " · " + (e.plover || "CAMEO " + e.cameo) + (e.negated ? " · negated" : "") + " "));
            li.appendChild(el("q", {}, e.evidence || ""));
            li.appendChild(document.createTextNode(" "));
            li.appendChild(el("a", { href: e.href, "class": "small" }, e.title || "article"));
            ul.appendChild(li);
          });
          list.appendChild(ul);
        });
      })
      .catch(function () { status.textContent = "The sentences could not be loaded."; });
  }

  // An edge drawn once for a pair acting on each other carries both directions.
  function showEdge(panel, edges) {
    panel.textContent = "";
    edges.forEach(function (e) { loadEvidence(panel, e); });
  }

  function init() {
    var box = document.getElementById("network-canvas");
    var data = readJSON("graph-data");
    var panel = document.getElementById("network-panel");
    if (!box || !data || !data.nodes.length) return;
    if (typeof graphology === "undefined" || typeof Sigma === "undefined") return;
    var t0 = performance.now();
    var graph = new graphology.DirectedGraph();
    var maxW = Math.max.apply(null, data.nodes.map(function (n) { return n.weight; }).concat([1]));
    data.nodes.forEach(function (n) {
      graph.addNode(n.id, {
        x: n.x, y: n.y, label: n.id, weight: n.weight, country: n.country,
        size: 2.5 + 11 * Math.sqrt(n.weight / maxW), color: n.ego ? "#b3152a" : "#3b5b92",
        forceLabel: !!n.ego
      });
    });
    var maxE = Math.max.apply(null, data.edges.map(function (e) { return e.count; }).concat([1]));
    var edgeData = {};
    data.edges.forEach(function (e, i) {
      var size = 1 + 5 * Math.sqrt(e.count / maxE);
      var back = graph.edge(e.target, e.source);
      if (back !== undefined) {  // drawn as one double arrow: both directions in its panel
        edgeData[back].push(e);
        var attrs = graph.getEdgeAttributes(back);
        graph.mergeEdgeAttributes(back, { type: "doubleArrow", size: Math.max(attrs.size, size),
          color: edgeData[back][0].count >= e.count ? attrs.color : e.colour });
        return;
      }
      var key = "e" + i;
      edgeData[key] = [e];
      graph.addDirectedEdgeWithKey(key, e.source, e.target, { size: size, color: e.colour, type: "arrow" });
    });
    var renderer;
    try {
      renderer = new Sigma(graph, box, {
        enableEdgeEvents: true, labelDensity: 0.8, labelGridCellSize: 90, stagePadding: 60,
        // A small network (an ego view) shows every name; a big one the names that fit.
        labelRenderedSizeThreshold: data.nodes.length <= 150 ? 0 : 7, zIndex: true, defaultEdgeType: "arrow",
        edgeProgramClasses: { doubleArrow: Sigma.rendering.EdgeDoubleArrowProgram }
      });
    } catch (err) {
      box.textContent = "This browser cannot draw the network (no WebGL); the table below lists the dyads.";
      return;
    }
    var hovered = null;
    renderer.setSetting("nodeReducer", function (node, attrs) {
      if (hovered && node !== hovered && !graph.areNeighbors(node, hovered)) {
        return Object.assign({}, attrs, { color: "#d9d9d9", label: "" });
      }
      return attrs;
    });
    renderer.setSetting("edgeReducer", function (edge, attrs) {
      if (hovered && !graph.hasExtremity(edge, hovered)) return Object.assign({}, attrs, { hidden: true });
      return attrs;
    });
    renderer.on("enterNode", function (ev) { hovered = ev.node; renderer.refresh({ skipIndexation: true }); });
    renderer.on("leaveNode", function () { hovered = null; renderer.refresh({ skipIndexation: true }); });
    renderer.on("clickNode", function (ev) { showNode(panel, ev.node, graph.getNodeAttributes(ev.node)); });
    renderer.on("clickEdge", function (ev) { showEdge(panel, edgeData[ev.edge]); });
    renderer.on("enterEdge", function () { box.classList.add("pointing"); });
    renderer.on("leaveEdge", function () { box.classList.remove("pointing"); });
    var camera = renderer.getCamera();
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var what = b.getAttribute("data-zoom");
        if (what === "in") camera.animatedZoom({ duration: 200 });
        else if (what === "out") camera.animatedUnzoom({ duration: 200 });
        else camera.animatedReset({ duration: 200 });
      });
    });
    window.newsgraphNetwork = { renderer: renderer, graph: graph, edges: edgeData };
    box.setAttribute("data-ready-ms", String(Math.round(performance.now() - t0)));
    box.setAttribute("data-ready-at", String(Math.round(performance.now())));
    box.setAttribute("data-ready", "true");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
