// gotour-gpm site script: theme, copy buttons, keyboard navigation, the
// language switch, search, and, under "gotour-gpm serve", editing and
// running snippets. Plain JavaScript, no libraries, nothing loaded from
// anywhere but this site.
"use strict";
(function () {
  var doc = document, root = doc.documentElement;
  var base = root.getAttribute("data-root") || "";
  var L = {};
  try { L = JSON.parse(doc.getElementById("gpm-l10n").textContent); } catch (e) {}
  function t(key) {
    var s = L[key] || key, args = Array.prototype.slice.call(arguments, 1), i = 0;
    return s.replace(/%[ds]/g, function () { return String(args[i++]); });
  }
  window.GPM = window.GPM || {};
  window.GPM.t = t;

  // Theme: auto (follow the system), light, dark; the choice is kept.
  var themeBtn = doc.getElementById("theme");
  function themeLabel() {
    var th = root.dataset.theme || "auto";
    if (themeBtn) themeBtn.title = t(th === "dark" ? "themeDark" : th === "light" ? "themeLight" : "themeAuto");
  }
  if (themeBtn) {
    themeLabel();
    themeBtn.addEventListener("click", function () {
      var order = ["auto", "light", "dark"];
      var next = order[(order.indexOf(root.dataset.theme || "auto") + 1) % 3];
      if (next === "auto") delete root.dataset.theme; else root.dataset.theme = next;
      try { if (next === "auto") localStorage.removeItem("gpm-theme"); else localStorage.setItem("gpm-theme", next); } catch (e) {}
      themeLabel();
    });
  }

  // The phone menu opens the table of contents.
  var menu = doc.querySelector(".menu"), side = doc.getElementById("side");
  if (menu && side) {
    menu.addEventListener("click", function () {
      var open = side.classList.toggle("open");
      menu.setAttribute("aria-expanded", String(open));
    });
    side.addEventListener("click", function (e) {
      if (e.target.closest("a")) { side.classList.remove("open"); menu.setAttribute("aria-expanded", "false"); }
    });
  } else if (menu) {
    menu.hidden = true;
  }

  // The language switch keeps the section: anchors are shared.
  doc.querySelectorAll("a.lang-switch").forEach(function (a) {
    a.addEventListener("click", function () {
      if (location.hash && a.getAttribute("href").indexOf("#") < 0) a.href = a.getAttribute("href") + location.hash;
    });
  });

  // Copy buttons on every code block.
  function copyText(text, btn) {
    function done() { btn.textContent = t("copied"); setTimeout(function () { btn.textContent = t("copy"); }, 1500); }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(); });
    } else fallback();
    function fallback() {
      var ta = doc.createElement("textarea");
      ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "fixed"; ta.style.opacity = "0";
      doc.body.appendChild(ta); ta.select();
      try { doc.execCommand("copy"); done(); } catch (e) {}
      doc.body.removeChild(ta);
    }
  }
  window.GPM.copyText = copyText;
  doc.querySelectorAll("article > pre.chroma, .expected pre").forEach(function (pre) {
    var box = doc.createElement("div");
    box.className = "codebox";
    pre.parentNode.insertBefore(box, pre);
    box.appendChild(pre);
    var b = doc.createElement("button");
    b.type = "button"; b.className = "copy"; b.textContent = t("copy");
    b.addEventListener("click", function () { copyText(pre.textContent, b); });
    box.appendChild(b);
  });
  doc.querySelectorAll(".snippet").forEach(function (fig) {
    var actions = fig.querySelector(".actions"), code = fig.querySelector(".code pre");
    if (!actions || !code) return;
    var b = doc.createElement("button");
    b.type = "button"; b.className = "copy"; b.textContent = t("copy");
    b.addEventListener("click", function () {
      var ed = fig.querySelector("textarea.editor");
      copyText(ed && !ed.hidden ? ed.value : code.textContent, b);
    });
    actions.appendChild(b);
  });

  // ← and → go to the previous and next lesson, unless the reader is
  // typing or a step-through has the focus.
  doc.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    var el = e.target;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.closest(".gpm-viewer"))) return;
    var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : "";
    var link = rel && doc.querySelector('link[rel="' + rel + '"]');
    if (link) { e.preventDefault(); location.href = link.href; }
  });

  // The table of contents marks the section being read.
  var tocLinks = doc.querySelectorAll(".toc a");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var obs = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) return;
        tocLinks.forEach(function (a) { a.classList.remove("active"); });
        var a = byId[en.target.id];
        if (a) a.classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = doc.getElementById(id); if (h) obs.observe(h); });
  }

  // Search, across both languages. The index (assets/search-index.js) is
  // a script, loaded the first time the box is used, so that it also
  // works from a file:// URL. Queries are split into terms exactly as
  // render.Terms splits the text: lower-cased words, and bigrams of
  // Chinese; a one-character Chinese query matches every bigram holding it.
  var input = doc.getElementById("search"), box = doc.getElementById("search-results");
  var index = null, loading = false, sel = -1, waiting = [];
  function loadIndex(then) {
    if (window.GPM_SEARCH_INDEX) { index = window.GPM_SEARCH_INDEX; then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    var s = doc.createElement("script");
    s.src = base + "assets/search-index.js";
    s.onload = function () {
      index = window.GPM_SEARCH_INDEX; loading = false;
      var w = waiting; waiting = [];
      w.forEach(function (f) { f(); });
    };
    s.onerror = function () { loading = false; waiting = []; };
    doc.head.appendChild(s);
  }
  var cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
  function terms(text) {
    var out = [], word = "", run = [];
    function flush() {
      if (word) { out.push(word.toLowerCase()); word = ""; }
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(text).forEach(function (ch) {
      if (cjk.test(ch)) { if (word) flush(); run.push(ch); }
      else if (/[\p{L}\p{N}_]/u.test(ch)) { if (run.length) flush(); word += ch; }
      else flush();
    });
    flush();
    return out;
  }
  window.GPM.terms = terms;
  var keys = null;
  function postings(term, last) {
    var exact = index.terms[term];
    if (exact && !(last && !cjk.test(term))) return [exact];
    // A single Chinese character, or the word being typed: every term
    // that holds it, or starts with it.
    if (!keys) keys = Object.keys(index.terms);
    var single = cjk.test(term) && Array.from(term).length === 1, lists = [];
    keys.forEach(function (k) {
      if (single ? k.indexOf(term) >= 0 : (last && k.indexOf(term) === 0)) lists.push(index.terms[k]);
    });
    return lists;
  }
  function search(q) {
    var ts = terms(q);
    if (!ts.length) return [];
    var score = null;
    ts.forEach(function (term, i) {
      var s = {};
      postings(term, i === ts.length - 1).forEach(function (p) {
        for (var j = 0; j < p.length; j += 2) s[p[j]] = (s[p[j]] || 0) + p[j + 1];
      });
      if (score === null) score = s;
      else Object.keys(score).forEach(function (d) { if (s[d]) score[d] += s[d]; else delete score[d]; });
    });
    var lang = root.lang.slice(0, 2);
    return Object.keys(score).map(Number).sort(function (a, b) {
      var la = index.docs[a][0] === lang ? 1 : 0, lb = index.docs[b][0] === lang ? 1 : 0;
      return (lb - la) || (score[b] - score[a]) || (a - b);
    }).slice(0, 30);
  }
  window.GPM.search = function (q) { return search(q).map(function (d) { return index.docs[d]; }); };
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function mark(text, q) {
    var h = esc(text);
    terms(q).forEach(function (term) {
      if (term.length < 2 && !cjk.test(term)) return;
      var re = new RegExp(esc(term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      h = h.replace(re, function (m) { return "<mark>" + m + "</mark>"; });
    });
    return h;
  }
  function show() {
    var q = input.value.trim();
    if (!q) { box.hidden = true; return; }
    if (!index) { box.hidden = false; box.innerHTML = '<div class="none">' + esc(t("searchLoading")) + "</div>"; loadIndex(show); return; }
    var found = search(q);
    sel = -1;
    box.hidden = false;
    if (!found.length) { box.innerHTML = '<div class="none">' + esc(t("noresults")) + "</div>"; return; }
    box.innerHTML = found.map(function (d) {
      var doc_ = index.docs[d];
      return '<a href="' + esc(base + doc_[1]) + '" lang="' + (doc_[0] === "zh" ? "zh-Hans" : doc_[0]) + '"><span class="lang">' + esc(doc_[0]) +
        '</span><span class="t">' + mark(doc_[2], q) + '</span><span class="x">' + mark(doc_[3], q) + "</span></a>";
    }).join("");
  }
  if (input && box) {
    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (e) {
      var links = box.querySelectorAll("a");
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!links.length) return;
        sel = (sel + (e.key === "ArrowDown" ? 1 : links.length - 1) + (sel < 0 && e.key === "ArrowUp" ? 1 : 0)) % links.length;
        links.forEach(function (a, i) { a.classList.toggle("sel", i === sel); });
        links[sel].scrollIntoView({ block: "nearest" });
      } else if (e.key === "Enter") {
        var a = links[sel < 0 ? 0 : sel];
        if (a) location.href = a.href;
      } else if (e.key === "Escape") {
        box.hidden = true; input.blur();
      }
    });
    doc.addEventListener("click", function (e) { if (!e.target.closest(".search")) box.hidden = true; });
    doc.addEventListener("keydown", function (e) {
      if (e.key === "/" && !/^(INPUT|TEXTAREA)$/.test(e.target.tagName)) { e.preventDefault(); input.focus(); }
    });
  }

  // Under "gotour-gpm serve" the snippets can be edited, run and
  // checked. The site itself is static; the server answers api/ping.
  if (/^https?:$/.test(location.protocol)) {
    fetch(base + "api/ping", { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (info) {
      if (info && info.serve) enableServe();
    }).catch(function () {});
  }
  function enableServe() {
    root.classList.add("served");
    doc.querySelectorAll(".snippet[data-runs]").forEach(function (fig) {
      var actions = fig.querySelector(".actions"), code = fig.querySelector(".code pre");
      var original = code.textContent, editor = null;
      function button(label, cls, fn) {
        var b = doc.createElement("button");
        b.type = "button"; b.textContent = t(label); b.className = "btn-" + label + (cls ? " " + cls : "");
        b.addEventListener("click", fn);
        actions.insertBefore(b, actions.firstChild);
        return b;
      }
      function source() { return editor ? editor.value : original; }
      function openEditor() {
        if (editor) { editor.focus(); return; }
        editor = doc.createElement("textarea");
        editor.className = "editor"; editor.spellcheck = false; editor.value = original;
        editor.setAttribute("aria-label", fig.dataset.id);
        editor.style.height = Math.max(code.offsetHeight, 160) + "px";
        editor.addEventListener("keydown", function (e) {
          if (e.key === "Tab" && !e.shiftKey) { e.preventDefault(); doc.execCommand("insertText", false, "\t"); }
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
        });
        code.parentNode.hidden = true;
        code.parentNode.parentNode.insertBefore(editor, code.parentNode.nextSibling);
        editor.focus();
      }
      var check = null;
      if (fig.dataset.exercise) check = button("check", "", function () { post("api/check", { exercise: fig.dataset.exercise, code: source(), lang: root.lang.slice(0, 2) }, check, "checking", showReport); });
      var runBtn = button("run", "primary", run);
      button("reset", "", function () {
        if (editor) { editor.value = original; }
      });
      button("edit", "", openEditor);
      function run() {
        post("api/run", { code: source(), procs: +fig.dataset.procs, cpus: +fig.dataset.cpus, seed: +fig.dataset.seed, id: fig.dataset.id, lang: root.lang.slice(0, 2) }, runBtn, "runBusy", showRun);
      }
      function post(path, body, btn, busy, then) {
        var label = btn.textContent;
        btn.disabled = true; btn.textContent = t(busy);
        fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
          .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
          .then(function (r) {
            if (!r.ok) throw new Error(r.j && r.j.error || "HTTP error");
            then(r.j);
          })
          .catch(function (err) { showError(err.message); })
          .then(function () { btn.disabled = false; btn.textContent = label; });
      }
      function runArea() { return fig.querySelector("div.run"); }
      function showError(msg) {
        var p = doc.createElement("p");
        p.className = "limit"; p.textContent = t("error", msg);
        runArea().innerHTML = ""; runArea().appendChild(p);
      }
      function showRun(res) {
        // The server sends HTML it rendered with the same templates as
        // the static page (escaped there), and the trace for the viewer.
        runArea().innerHTML = res.html;
        if (window.GPM.initViewers) window.GPM.initViewers(runArea());
      }
      function showReport(res) {
        var old = fig.querySelector(".check-report");
        if (old) old.remove();
        var pre = doc.createElement("pre");
        pre.className = "check-report " + (res.passed ? "pass" : "fail");
        pre.textContent = (res.passed ? "✓ " + t("passed") : "✗ " + t("failed")) + "\n\n" + res.report;
        fig.appendChild(pre);
      }
    });
  }
})();
