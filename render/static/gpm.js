// gotour-gpm step-through: replays a run's scheduler trace, event by
// event, and draws the G-P-M machine after each one as SVG: every P with
// its M, the G it runs, its runnext and its local run queue; the global
// run queue; the channels' buffers and wait queues; the goroutines.
//
// It is driven by the trace alone, in either of two JSON forms: the
// compact one package render embeds in the pages (render.CompactTrace:
// {"v":1,"kinds":[...],"ev":[[t,p,m,g,kind,other,ch,n,gs,detail],...]})
// or sim's own (sim.Trace.WriteJSON: {"procs":..,"events":[{...}]}), so
// the same viewer shows a run made anywhere, the browser included.
//
// The replay follows internal/termview's: a G is in at most one place,
// and the queue lengths that runqput and globput events carry are checked
// against it; a disagreement is counted and shown ("replay mismatches").
"use strict";
(function () {
  var SVGNS = "http://www.w3.org/2000/svg";
  var t = function (k) { return window.GPM && window.GPM.t ? window.GPM.t.apply(null, arguments) : k; };

  function gColor(g) { return g === 1 ? "hsl(210 25% 62%)" : "hsl(" + ((g * 137) % 360) + " 62% 66%)"; }

  // normalize returns {procs, end, total, events: [{t,p,m,g,kind,other,ch,n,gs,detail}]}.
  function normalize(data) {
    var out = { procs: data.procs || 1, end: data.end || 0, events: [] };
    if (data.ev) {
      data.ev.forEach(function (a) {
        out.events.push({ t: a[0], p: a[1], m: a[2], g: a[3], kind: data.kinds[a[4]], other: a[5] || 0, ch: a[6] || 0, n: a[7] || 0, gs: a[8] || [], detail: a[9] || "" });
      });
    } else {
      (data.events || []).forEach(function (e) {
        out.events.push({ t: e.t || 0, p: e.p, m: e.m, g: e.g || 0, kind: e.kind, other: e.other || 0, ch: e.ch || 0, n: e.n || 0, gs: e.gs || [], detail: e.detail || "" });
      });
    }
    out.total = data.total || (out.events.length + (data.dropped || 0));
    out.events.forEach(function (e) { out.end = Math.max(out.end, e.t); });
    return out;
  }

  function Machine(procs) {
    this.time = 0; this.procs = procs; this.ps = []; this.global = [];
    this.gs = {}; this.gOrder = []; this.chans = {}; this.chOrder = []; this.mismatches = 0;
    for (var i = 0; i < procs; i++) this.p(i);
    this.g(1).status = "running";
    this.p(0).m = 0; this.p(0).g = 1;
  }
  Machine.prototype.clone = function () {
    var c = new Machine(0);
    c.time = this.time; c.procs = this.procs; c.mismatches = this.mismatches;
    c.ps = this.ps.map(function (p) { return { m: p.m, g: p.g, syscall: p.syscall, runnext: p.runnext, runq: p.runq.slice() }; });
    c.global = this.global.slice(); c.gOrder = this.gOrder.slice(); c.chOrder = this.chOrder.slice();
    c.gs = {}; for (var id in this.gs) c.gs[id] = Object.assign({}, this.gs[id]);
    c.chans = {}; for (var ch in this.chans) { var x = this.chans[ch]; c.chans[ch] = { id: x.id, cap: x.cap, len: x.len, closed: x.closed, recvq: x.recvq.slice(), sendq: x.sendq.slice() }; }
    return c;
  };
  Machine.prototype.p = function (id) {
    while (this.ps.length <= id) this.ps.push({ m: -1, g: 0, syscall: false, runnext: 0, runq: [] });
    return this.ps[id];
  };
  Machine.prototype.g = function (id) {
    if (!this.gs[id]) { this.gs[id] = { id: id, status: "runnable", reason: "", stack: 8192, runtime: id !== 1 }; this.gOrder.push(id); }
    return this.gs[id];
  };
  function without(q, id) { var i = q.indexOf(id); if (i >= 0) q.splice(i, 1); }
  Machine.prototype.take = function (id) {
    without(this.global, id);
    this.ps.forEach(function (p) {
      if (p.runnext === id) p.runnext = 0;
      without(p.runq, id);
      if (p.g === id) { p.g = 0; p.syscall = false; }
    });
  };
  Machine.prototype.stop = function (e) {
    if (e.p >= 0 && this.p(e.p).g === e.g) { this.p(e.p).g = 0; this.p(e.p).syscall = false; }
  };
  Machine.prototype.apply = function (e) {
    var self = this;
    this.time = Math.max(this.time, e.t);
    if (e.p >= 0 && e.kind !== "preemptreq" && e.m >= 0) this.p(e.p).m = e.m;
    if (e.g) { var gg = this.g(e.g); if (e.kind === "go") gg.runtime = false; }
    var p, g;
    switch (e.kind) {
      case "runnext": this.take(e.g); this.p(e.p).runnext = e.g; break;
      case "runqput": this.take(e.g); p = this.p(e.p); p.runq.push(e.g); if (p.runq.length !== e.n) this.mismatches++; break;
      case "overflow": e.gs.forEach(function (id) { self.take(id); self.global.push(id); }); break;
      case "globput": this.take(e.g); this.global.push(e.g); if (this.global.length !== e.n) this.mismatches++; break;
      case "globget": case "steal":
        p = this.p(e.p);
        e.gs.forEach(function (id) { self.take(id); if (id !== e.g) p.runq.push(id); });
        break;
      case "run": this.take(e.g); p = this.p(e.p); p.g = e.g; p.syscall = false; this.gs[e.g].status = "running"; break;
      case "park": this.stop(e); g = this.gs[e.g]; g.status = "waiting"; g.reason = e.detail; break;
      case "gosched": case "preempt": case "ready": this.stop(e); this.gs[e.g].status = "runnable"; break;
      case "exit": this.take(e.g); this.gs[e.g].status = "dead"; break;
      case "idle": p = this.p(e.p); p.g = 0; p.syscall = false; p.m = -1; break;
      case "syscall": p = this.p(e.p); p.g = e.g; p.syscall = true; this.gs[e.g].status = "syscall"; break;
      case "sysexit":
        this.take(e.g);
        if (e.p >= 0) { this.p(e.p).g = e.g; this.gs[e.g].status = "running"; } else this.gs[e.g].status = "runnable";
        break;
      case "handoff": p = this.p(e.p); p.g = 0; p.syscall = false; p.m = -1; break;
      case "stackgrow": case "stackshrink": this.gs[e.g].stack = e.n; break;
      case "procs": this.resize(e.n); break;
      default: this.applyChan(e);
    }
  };
  Machine.prototype.applyChan = function (e) {
    if (e.kind === "makechan") {
      if (!this.chans[e.ch]) this.chOrder.push(e.ch);
      this.chans[e.ch] = { id: e.ch, cap: e.n, len: 0, closed: false, recvq: [], sendq: [] };
      return;
    }
    if (e.kind !== "send" && e.kind !== "recv" && e.kind !== "close") return;
    var c = this.chans[e.ch];
    if (!c) { c = this.chans[e.ch] = { id: e.ch, cap: 0, len: 0, closed: false, recvq: [], sendq: [] }; this.chOrder.push(e.ch); }
    if (e.kind === "close") { c.closed = true; c.recvq = []; c.sendq = []; }
    else if (e.detail === "block" && e.kind === "send") c.sendq.push(e.g);
    else if (e.detail === "block") c.recvq.push(e.g);
    else if (e.detail === "timer") without(c.recvq, e.other);
    else if (e.detail !== "closed") {
      if (e.other) { without(c.recvq, e.other); without(c.sendq, e.other); }
      c.len = e.n;
    }
  };
  Machine.prototype.resize = function (n) {
    for (var i = n; i < this.ps.length; i++) {
      var p = this.ps[i], head = p.runq.slice();
      if (p.runnext) head.unshift(p.runnext);
      this.global = head.concat(this.global);
      if (p.g) { this.p(0).g = p.g; this.p(0).m = p.m; }
    }
    if (n < this.ps.length) this.ps.length = n;
    while (this.ps.length < n) this.p(this.ps.length);
    this.procs = n;
  };

  function fmtNs(ns) {
    if (!ns) return "0";
    var u = [[1e9, "s"], [1e6, "ms"], [1e3, "µs"]];
    for (var i = 0; i < u.length; i++) if (ns >= u[i][0]) return +(ns / u[i][0]).toPrecision(3) + u[i][1];
    return ns + "ns";
  }
  function describe(e) {
    var s = (e.p >= 0 ? "P" + e.p + " " : "") + (e.m >= 0 ? "M" + e.m + " " : "") + (e.g ? "G" + e.g + " " : "") + e.kind;
    if (e.other) s += " other=" + e.other;
    if (e.ch) s += " ch=" + e.ch;
    if (e.n) s += " n=" + e.n;
    if (e.gs.length) s += " gs=" + e.gs.join(",");
    if (e.detail) s += " " + e.detail;
    return s;
  }

  // SVG helpers.
  function el(name, attrs, parent, text) {
    var n = document.createElementNS(SVGNS, name);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    if (parent) parent.appendChild(n);
    return n;
  }
  function gDot(svg, id, x, y, hot, title) {
    var grp = el("g", { "class": "g" + (hot ? " hot" : "") }, svg);
    el("circle", { cx: x, cy: y, r: 11, fill: gColor(id) }, grp);
    el("text", { x: x, y: y + 3.5, "text-anchor": "middle" }, grp, "G" + id);
    el("title", {}, grp, title || ("G" + id));
    return grp;
  }
  function slot(svg, x, y) { el("circle", { "class": "slot", cx: x, cy: y, r: 11 }, svg); }
  function queue(svg, ids, x, y, maxX, hotG, m) {
    var n = Math.max(1, Math.floor((maxX - x) / 25));
    ids.slice(0, n).forEach(function (id, i) { gDot(svg, id, x + i * 25, y, id === hotG, gTitle(m, id)); });
    if (ids.length > n) el("text", { "class": "sub", x: x + n * 25 - 6, y: y + 4 }, svg, "+" + (ids.length - n));
    if (!ids.length) el("text", { "class": "sub", x: x - 6, y: y + 4 }, svg, "—");
  }
  function gTitle(m, id) {
    var g = m.gs[id];
    if (!g) return "G" + id;
    return "G" + id + ": " + t(g.status) + (g.reason ? " (" + g.reason + ")" : "") + " · " + t("stack") + " " + (g.stack >= 1024 ? g.stack / 1024 + " KiB" : g.stack + " B");
  }

  // draw returns an SVG picture of machine m; e is the event just applied.
  function draw(m, e) {
    var W = 720, rowH = 34, top = 22, hotG = e ? e.g : 0, hotP = e ? e.p : -1;
    var svg = el("svg", { "class": "gpm", viewBox: "0 0 " + W + " 100", role: "img" });
    el("text", { "class": "sub", x: 8, y: 13 }, svg, "P / M");
    el("text", { "class": "sub", x: 96, y: 13, "text-anchor": "middle" }, svg, t("running"));
    el("text", { "class": "sub", x: 146, y: 13, "text-anchor": "middle" }, svg, t("runnext"));
    el("text", { "class": "sub", x: 180, y: 13 }, svg, t("runq"));
    var y = top;
    m.ps.forEach(function (p, i) {
      el("rect", { "class": "box" + (i === hotP ? " hot" : ""), x: 4, y: y, width: 70, height: rowH - 6, rx: 6 }, svg);
      el("text", { "class": "lbl", x: 11, y: y + 18 }, svg, "P" + i);
      if (p.m >= 0) {
        el("rect", { "class": "m", x: 36, y: y + 6, width: 32, height: 16, rx: 8 }, svg);
        el("text", { "class": "mtext", x: 52, y: y + 17.5, "text-anchor": "middle" }, svg, "M" + p.m);
      } else el("text", { "class": "sub", x: 38, y: y + 18 }, svg, t("idle"));
      var cy = y + (rowH - 6) / 2;
      if (p.g) { gDot(svg, p.g, 96, cy, p.g === hotG, gTitle(m, p.g)); if (p.syscall) el("text", { "class": "sub", x: 110, y: cy + 16 }, svg, t("syscall")); }
      else slot(svg, 96, cy);
      if (p.runnext) gDot(svg, p.runnext, 146, cy, p.runnext === hotG, gTitle(m, p.runnext)); else slot(svg, 146, cy);
      queue(svg, p.runq, 192, cy, W - 10, hotG, m);
      y += rowH;
    });
    y += 4;
    el("text", { "class": "lbl", x: 8, y: y + 15 }, svg, t("global"));
    queue(svg, m.global, 120, y + 11, W - 10, hotG, m);
    y += rowH;
    var chans = m.chOrder.map(function (id) { return m.chans[id]; }).filter(function (c) { return c; });
    if (chans.length) {
      el("text", { "class": "lbl", x: 8, y: y + 12 }, svg, t("chans"));
      y += 20;
      chans.slice(0, 8).forEach(function (c) {
        var hot = e && e.ch === c.id;
        el("rect", { "class": "box" + (hot ? " hot" : ""), x: 4, y: y, width: W - 8, height: rowH - 6, rx: 6 }, svg);
        el("text", { "class": "lbl", x: 11, y: y + 18 }, svg, "ch" + c.id + (c.closed ? " ✕" : ""));
        var x = 60, cy = y + (rowH - 6) / 2;
        if (c.cap > 0 && c.cap <= 12) {
          for (var i = 0; i < c.cap; i++) el("rect", { "class": "cell" + (i < c.len ? " full" : ""), x: x + i * 14, y: cy - 6, width: 12, height: 12, rx: 2 }, svg);
          x += c.cap * 14 + 8;
        } else {
          el("text", { "class": "sub", x: x, y: cy + 4 }, svg, c.cap ? c.len + "/" + c.cap : t("buffer") + " 0");
          x += 52;
        }
        el("text", { "class": "wait", x: x, y: cy + 4 }, svg, t("recvq"));
        queue(svg, c.recvq, x + 66, cy, x + 66 + 25 * 6, hotG, m);
        x += 66 + 25 * 6 + 10;
        el("text", { "class": "wait", x: x, y: cy + 4 }, svg, t("sendq"));
        queue(svg, c.sendq, x + 66, cy, W - 12, hotG, m);
        y += rowH;
      });
    }
    // The goroutines, by state: how many, and who waits for what.
    var counts = { running: 0, runnable: 0, waiting: 0, syscall: 0, dead: 0 }, waits = [];
    m.gOrder.forEach(function (id) {
      var g = m.gs[id];
      if (g.runtime) return;
      counts[g.status] = (counts[g.status] || 0) + 1;
      if (g.status === "waiting" && waits.length < 6) waits.push("G" + id + " (" + g.reason + ")");
    });
    var line = t("goroutines") + ": " + ["running", "runnable", "waiting", "dead"].map(function (s) { return t(s) + " " + counts[s]; }).join(" · ");
    el("text", { "class": "sub", x: 8, y: y + 14 }, svg, line);
    if (waits.length) { el("text", { "class": "sub", x: 8, y: y + 30 }, svg, t("waiting") + ": " + waits.join(", ")); y += 16; }
    y += 24;
    svg.setAttribute("viewBox", "0 0 " + W + " " + y);
    return svg;
  }

  // Button icons, drawn rather than taken from a font that may lack them.
  var ICONS = {
    start: "M3 3h2v10H3zM14 3v10L6 8z", back: "M12 3v10L4 8z", play: "M4 3v10l9-5z",
    pause: "M4 3h3v10H4zM9 3h3v10H9z", step: "M3 3v10l8-5zM11 3h2v10h-2z"
  };
  function icon(name) {
    var svg = el("svg", { viewBox: "0 0 16 16", width: 14, height: 14, "aria-hidden": "true" });
    el("path", { d: ICONS[name], fill: "currentColor" }, svg);
    return svg;
  }
  function setIcon(b, name) { b.textContent = ""; b.appendChild(icon(name)); }
  function button(parent, label, name, fn) {
    var b = document.createElement("button");
    b.type = "button"; b.title = label; b.setAttribute("aria-label", label);
    setIcon(b, name);
    b.addEventListener("click", fn);
    parent.appendChild(b);
    return b;
  }

  // Viewer binds one .gpm-viewer to its trace.
  function Viewer(box, data) {
    var self = this;
    this.box = box;
    this.trace = normalize(data);
    var m = new Machine(this.trace.procs);
    this.states = [m.clone()];
    this.trace.events.forEach(function (e) { m.apply(e); self.states.push(m.clone()); });
    this.mismatches = m.mismatches;
    box.dataset.mismatches = String(m.mismatches);
    box.dataset.events = String(this.trace.events.length);
    box.tabIndex = 0;
    var fig = box.closest(".snippet");
    this.cursor = fig ? fig.querySelector("svg.timeline .cursor") : null;
    this.tl = this.cursor ? this.cursor.ownerSVGElement : null;
    var ctr = document.createElement("div");
    ctr.className = "gpm-controls";
    button(ctr, t("start"), "start", function () { self.pause(); self.show(0); });
    button(ctr, t("back"), "back", function () { self.pause(); self.show(self.i - 1); });
    this.playBtn = button(ctr, t("play"), "play", function () { self.toggle(); });
    this.playBtn.classList.add("play");
    button(ctr, t("step"), "step", function () { self.pause(); self.show(self.i + 1); }).classList.add("step");
    this.range = document.createElement("input");
    this.range.type = "range"; this.range.min = 0; this.range.max = this.trace.events.length; this.range.value = 0;
    this.range.setAttribute("aria-label", t("event", 0, this.trace.events.length));
    this.range.addEventListener("input", function () { self.pause(); self.show(+self.range.value); });
    ctr.appendChild(this.range);
    this.status = document.createElement("div");
    this.status.className = "gpm-status";
    this.pic = document.createElement("div");
    this.pic.className = "gpm-pic";
    box.appendChild(ctr); box.appendChild(this.status); box.appendChild(this.pic);
    if (this.mismatches) {
      var mm = document.createElement("p");
      mm.className = "gpm-mismatch"; mm.textContent = t("mismatch", this.mismatches);
      box.appendChild(mm);
    }
    box.addEventListener("keydown", function (e) {
      if (e.target.tagName === "INPUT") return;
      if (e.key === "ArrowRight") { e.preventDefault(); self.pause(); self.show(self.i + 1); }
      else if (e.key === "ArrowLeft") { e.preventDefault(); self.pause(); self.show(self.i - 1); }
      else if (e.key === " ") { e.preventDefault(); self.toggle(); }
    });
    this.timer = null;
    this.show(0);
  }
  Viewer.prototype.show = function (i) {
    var n = this.trace.events.length;
    this.i = Math.max(0, Math.min(n, i));
    this.range.value = this.i;
    var e = this.i > 0 ? this.trace.events[this.i - 1] : null, m = this.states[this.i];
    this.status.textContent = "";
    var b = document.createElement("b");
    b.textContent = e ? t("event", this.i, n) : t("before");
    this.status.appendChild(b);
    this.status.appendChild(document.createTextNode(e ? " · t=" + fmtNs(e.t) + " · " + describe(e) : ""));
    this.pic.textContent = "";
    this.pic.appendChild(draw(m, e));
    this.box.dataset.step = String(this.i);
    if (this.cursor) {
      var x0 = +this.tl.dataset.x0, pw = +this.tl.dataset.pw, span = +this.tl.dataset.span || 1;
      var x = x0 + (e ? e.t : 0) * pw / span;
      this.cursor.setAttribute("x1", x); this.cursor.setAttribute("x2", x);
      this.cursor.setAttribute("visibility", this.i > 0 ? "visible" : "hidden");
    }
  };
  Viewer.prototype.toggle = function () { if (this.timer) this.pause(); else this.play(); };
  Viewer.prototype.play = function () {
    var self = this;
    if (this.i >= this.trace.events.length) this.show(0);
    setIcon(this.playBtn, "pause"); this.playBtn.title = t("pause");
    this.timer = setInterval(function () {
      if (self.i >= self.trace.events.length) { self.pause(); return; }
      self.show(self.i + 1);
    }, 300);
  };
  Viewer.prototype.pause = function () {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    setIcon(this.playBtn, "play"); this.playBtn.title = t("play");
  };

  // initViewers starts a viewer for every .gpm-viewer under root that has
  // none yet; its trace is the script.gpm-trace next to it.
  function initViewers(root) {
    (root || document).querySelectorAll(".gpm-viewer").forEach(function (box) {
      if (box.gpmViewer) return;
      var script = box.parentNode.querySelector("script.gpm-trace");
      if (!script) return;
      try {
        box.gpmViewer = new Viewer(box, JSON.parse(script.textContent));
        window.GPM.viewers.push(box.gpmViewer);
      } catch (err) {
        box.textContent = String(err);
        throw err;
      }
    });
  }
  window.GPM = window.GPM || {};
  window.GPM.viewers = [];
  window.GPM.initViewers = initViewers;
  window.GPM.replay = function (data) {
    var tr = normalize(data), m = new Machine(tr.procs);
    tr.events.forEach(function (e) { m.apply(e); });
    return m;
  };
  window.GPM.Viewer = Viewer;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { initViewers(); });
  else initViewers();
})();
