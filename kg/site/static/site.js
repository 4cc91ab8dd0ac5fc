// kg site: the search box of every page, and the page's ready mark.
// Labels are put in as text (textContent), never parsed as HTML. A query is
// folded as the build folded every label: NFKC, lower case, each traditional
// character mapped to its simplified form (the map ships with the data), no
// spaces; so 港澳藥械通 and 港澳药械通 give the same results.
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var data = window.kgSearchData || { map: {}, entries: [] };
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var LIMIT = 20;
  var has = Object.prototype.hasOwnProperty;

  function fold(text) {
    var out = "";
    var chars = Array.from(text.normalize("NFKC").toLowerCase());
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (/\s/.test(ch)) { continue; }
      out += has.call(data.map, ch) ? data.map[ch] : ch;
    }
    return out;
  }

  function score(wanted, key, main) {
    var bonus = main ? 0 : -0.02;
    var extra = Math.min(key.length - wanted.length, 40) / 400;
    if (key === wanted) { return 1; }
    if (key.indexOf(wanted) === 0) { return 0.9 - extra + bonus; }
    if (key.indexOf(wanted) > 0) { return 0.75 - extra + bonus; }
    return 0;
  }

  function search(text) {
    var wanted = fold(text);
    if (!wanted) { return []; }
    var hits = [];
    data.entries.forEach(function (entry) {
      var best = null;
      entry.l.forEach(function (label) {
        label[1].forEach(function (key) {
          var s = score(wanted, key, label[2]);
          if (s > 0 && (best === null || s > best.score)) { best = { score: s, label: label[0] }; }
        });
      });
      if (best) { hits.push({ entry: entry, score: best.score, label: best.label }); }
    });
    hits.sort(function (a, b) {
      return (b.score - a.score) || (a.label.length - b.label.length) || (a.entry.p < b.entry.p ? -1 : 1);
    });
    return hits.slice(0, LIMIT);
  }

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function show(hits, query) {
    list.textContent = "";
    if (!query) { list.hidden = true; return; }
    if (!hits.length) {
      list.appendChild(text("li", "No name matches.", "hint"));
    }
    hits.forEach(function (hit, i) {
      var item = document.createElement("li");
      if (i === 0) { item.className = "active"; }
      var link = text("a", hit.entry.n);
      link.href = root + hit.entry.p;
      item.appendChild(link);
      var hint = hit.entry.k + (hit.entry.o ? " · " + hit.entry.o : "");
      if (hit.label !== hit.entry.n && hit.label !== hit.entry.o) { hint += " · matched " + hit.label; }
      item.appendChild(text("span", hint, "hint"));
      list.appendChild(item);
    });
    list.hidden = false;
  }

  if (input && list) {
    input.addEventListener("input", function () { show(search(input.value), input.value.trim()); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { window.location.href = first.href; }
      } else if (event.key === "Escape") {
        input.value = "";
        show([], "");
      }
    });
  }
  document.addEventListener("click", function (event) {
    if (list && !list.hidden && !event.target.closest(".search")) { list.hidden = true; }
  });
  if (input) { input.addEventListener("focus", function () { if (input.value.trim()) { list.hidden = false; } }); }
  window.kgSearch = function (query) {
    return search(query).map(function (hit) { return hit.entry.p; });
  };
  if (!document.getElementById("graph-data")) { body.setAttribute("data-ready", "1"); }
})();
