/* newsgraph web UI: highlight explanations, legend toggles and the dyad network.
   No dependencies. Data comes from <script type="application/json"> blocks and is only
   ever written into the page with textContent / setAttribute, never as HTML. */
(function () {
  "use strict";

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var KIND_NAMES = {
    actor: "Actor", quote: "Quote", source: "Source", cue: "Reporting cue",
    hedge: "Hedge", unsourced: "Unsourced claim", trigger: "Event"
  };

  /* ---- article page: explain a highlight in the side panel ------------------- */
  function initArticle() {
    var body = document.querySelector(".article-body");
    var panel = document.getElementById("explain");
    var notes = readJSON("notes-data");
    if (!body || !panel || !notes) return;
    var selected = [];
    var pinned = false;  // a click pins the explanation; hovering only previews

    function explain(target) {
      selected.forEach(function (n) { n.classList.remove("selected"); });
      selected = [];
      var keys = (target.getAttribute("data-notes") || "").split(" ").filter(Boolean);
      panel.textContent = "";
      keys.forEach(function (key) {
        var note = notes[key];
        if (!note) return;
        var box = el("div", { "class": "note", "data-key": key });
        box.appendChild(el("div", { "class": "kind" }, KIND_NAMES[note.kind] || note.kind));
        var h = el("h3");
        if (note.href) {
          h.appendChild(el("a", { href: note.href }, note.title));
        } else {
          h.textContent = note.title;
        }
        box.appendChild(h);
        if (note.lines && note.lines.length) {
          var ul = el("ul");
          note.lines.forEach(function (line) { ul.appendChild(el("li", {}, line)); });
          box.appendChild(ul);
        }
        panel.appendChild(box);
        // Select every piece of the same highlight, so a quote split by an actor
        // mention lights up whole.
        body.querySelectorAll(".hl").forEach(function (n) {
          if ((" " + n.getAttribute("data-notes") + " ").indexOf(" " + key + " ") >= 0 && key === keys[0]) {
            n.classList.add("selected");
            selected.push(n);
          }
        });
      });
      if (!panel.childNodes.length) panel.textContent = "Nothing to explain here.";
    }

    body.addEventListener("click", function (ev) {
      var t = ev.target.closest ? ev.target.closest(".hl") : null;
      if (t) { pinned = true; explain(t); }
    });
    body.addEventListener("keydown", function (ev) {
      if ((ev.key === "Enter" || ev.key === " ") && ev.target.classList && ev.target.classList.contains("hl")) {
        ev.preventDefault();
        pinned = true;
        explain(ev.target);
      }
    });
    body.addEventListener("mouseover", function (ev) {
      var t = ev.target.closest ? ev.target.closest(".hl") : null;
      if (t && !pinned) explain(t);
    });

    // "Next quote" / "next unsourced claim": move focus to the first piece of the next
    // such highlight after the last one visited (wrapping), and explain it.
    var last = null;
    body.addEventListener("focusin", function (ev) {
      if (ev.target.classList && ev.target.classList.contains("hl")) last = ev.target;
    });
    function firstPieces(kind) {
      var seen = {}, out = [];
      body.querySelectorAll(".hl-" + kind).forEach(function (n) {
        var key = (n.getAttribute("data-notes") || "").split(" ").filter(function (k) {
          return k.indexOf(kind + ":") === 0;
        })[0];
        if (key && !seen[key]) { seen[key] = true; out.push(n); }
      });
      return out;
    }
    document.querySelectorAll("a[data-jump]").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        var targets = firstPieces(link.getAttribute("data-jump"));
        if (!targets.length) return;
        ev.preventDefault();
        var next = targets[0];
        if (last) {
          for (var i = 0; i < targets.length; i++) {
            if (last.compareDocumentPosition(targets[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
              next = targets[i];
              break;
            }
          }
        }
        if (!next.hasAttribute("tabindex")) next.setAttribute("tabindex", "-1");
        next.focus();
        last = next;
        pinned = true;
        explain(next);
      });
    });

    document.querySelectorAll(".legend input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        body.classList.toggle("off-" + box.value, !box.checked);
      });
    });
  }

  /* ---- network page: a small force-directed layout in SVG ---------------------- */
  function initNetwork() {
    var svg = document.getElementById("network");
    var data = readJSON("network-data");
    if (!svg || !data || !data.nodes || !data.nodes.length) return;
    var NS = "http://www.w3.org/2000/svg";
    var W = svg.clientWidth || 900, H = svg.clientHeight || 560;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var nodes = data.nodes.map(function (n, i) {
      var a = 2 * Math.PI * i / data.nodes.length;
      return { id: n.id, label: n.label, href: n.href, weight: n.weight || 1,
               x: W / 2 + Math.cos(a) * W * 0.3, y: H / 2 + Math.sin(a) * H * 0.3, vx: 0, vy: 0 };
    });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; });

    // Fruchterman–Reingold style: repulsion between all nodes, springs along edges,
    // a weak pull to the centre; fixed number of cooling steps so it always settles.
    var k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.6;
    for (var step = 0; step < 300; step++) {
      var t = 1 - step / 300;
      nodes.forEach(function (a) { a.vx = 0; a.vy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, d = Math.sqrt(d2);
          var f = (k * k) / d;
          a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
        }
      }
      edges.forEach(function (e) {
        var a = byId[e.source], b = byId[e.target];
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d * d) / k;
        a.vx -= dx / d * f; a.vy -= dy / d * f; b.vx += dx / d * f; b.vy += dy / d * f;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.05; n.vy += (H / 2 - n.y) * 0.05;
        var v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) + 0.01, cap = 12 * t + 0.5;
        n.x += n.vx / v * Math.min(v, cap); n.y += n.vy / v * Math.min(v, cap);
        n.x = Math.max(40, Math.min(W - 40, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y));
      });
    }

    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
      if (text !== undefined) node.textContent = text;
      return node;
    }
    var defs = svgEl("defs", {});
    [0, 1, 2, 3, 4].forEach(function (q) {
      // Fixed-size arrow heads (userSpaceOnUse) so thick edges do not get huge arrows.
      var marker = svgEl("marker", { id: "arrow" + q, viewBox: "0 0 10 10", refX: "10", refY: "5",
        markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" });
      marker.appendChild(svgEl("path", { d: "M0,0 L10,5 L0,10 z", "class": "arrow quad" + q }));
      defs.appendChild(marker);
    });
    svg.appendChild(defs);
    var maxW = Math.max.apply(null, edges.map(function (e) { return e.count; }).concat([1]));
    // Edges between the same two nodes (either direction, several types) fan out as arcs.
    var seen = {};
    edges.forEach(function (e) {
      var a = byId[e.source], b = byId[e.target];
      var pair = [e.source, e.target].sort().join("\u0000");
      var nth = seen[pair] = (seen[pair] || 0) + 1;
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      // The normal flips with the direction, so A→B and B→A bend to opposite sides.
      var bend = 18 + 14 * (nth - 1);
      var mx = (a.x + b.x) / 2 - dy / d * bend, my = (a.y + b.y) / 2 + dx / d * bend;
      var r = 5 + Math.min(10, Math.sqrt(b.weight) * 2) + 2;
      var ex = mx - b.x, ey = my - b.y, el2 = Math.sqrt(ex * ex + ey * ey) + 0.01;
      var tx = b.x + ex / el2 * r, ty = b.y + ey / el2 * r;
      var path = svgEl("path", { d: "M" + a.x + "," + a.y + " Q" + mx + "," + my + " " + tx + "," + ty,
        fill: "none", "class": "edge quad" + (e.quad || 0), "stroke-width": 1 + 4 * e.count / maxW,
        "marker-end": "url(#arrow" + (e.quad || 0) + ")" });
      path.appendChild(svgEl("title", {}, e.title));
      svg.appendChild(path);
    });
    nodes.forEach(function (n) {
      var g = svgEl("a", { "class": "node", href: n.href || "#", tabindex: "0" });
      g.appendChild(svgEl("title", {}, n.label + " — " + n.weight + " event(s)"));
      g.appendChild(svgEl("circle", { cx: n.x, cy: n.y, r: 5 + Math.min(10, Math.sqrt(n.weight) * 2) }));
      g.appendChild(svgEl("text", { x: n.x + 12, y: n.y + 4 }, n.label));
      svg.appendChild(g);
    });
  }

  function init() { initArticle(); initNetwork(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
