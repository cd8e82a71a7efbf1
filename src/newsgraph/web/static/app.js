/* newsgraph web UI: highlight explanations and legend toggles (the charts: timeline.js,
   network.js, map.js).
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

  // Shared with the chart scripts (timeline.js, network.js, map.js), which load after this.
  window.newsgraphDom = { readJSON: readJSON, el: el };

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

  function init() { initArticle(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
