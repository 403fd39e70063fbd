/* Playbook script, part 3 of 3: navigator, lane filter, map zoom, hash routing,
 * drawer, search and keyboard. */
// ------------------------------------------------------------------ navigator + overview
var stageList = document.getElementById("stage-list");
var navItems = [];
var pages = [];
var container = document.getElementById("stages");
var fragment = document.createDocumentFragment();
stages.forEach(function (stage, i) {
  var li = el("li", "nav-li");
  var a = el("a", "nav-item kind-" + stage.kind);
  a.href = link(stage);
  setLaneColor(a, stage);
  a.appendChild(el("span", "nav-num", String(i + 1)));
  a.appendChild(el("span", "nav-name", stageName(stage)));
  if (stage.kind !== "stage") a.appendChild(el("span", "nav-kind", L["kind_" + stage.kind]));
  li.appendChild(a);
  stageList.appendChild(li);
  navItems.push(li);
  var page = buildStage(stage, i);
  pages.push(page);
  fragment.appendChild(page);
});
container.appendChild(fragment);

function buildOverview() {
  var head = document.getElementById("overview-head");
  var p = data.process;
  var top = el("div", "overview-top");
  if (p.logo) {
    var img = document.createElement("img");
    img.className = "logo";
    img.alt = "";
    img.src = p.logo;
    top.appendChild(img);
  }
  var titles = el("div", "overview-titles");
  var meta = [p.company, has(p.revision) ? fmt(L.revision, { r: p.revision }) : ""].filter(has);
  if (meta.length) titles.appendChild(el("p", "eyebrow", meta.join("  ·  ")));
  if (has(p.published)) titles.appendChild(el("p", "eyebrow published", p.published));
  var h1 = el("h1", "overview-title", has(p.name) ? p.name : L.untitled);
  h1.tabIndex = -1;
  titles.appendChild(h1);
  top.appendChild(titles);
  head.appendChild(top);
  if (has(p.description)) head.appendChild(el("p", "prose lead", p.description));
  if (lanes.length) {
    var legend = el("ul", "legend");
    legend.setAttribute("aria-label", L.lanes);
    lanes.forEach(function (lane) {
      var li = el("li", "legend-item", has(lane.name) ? lane.name : L.untitled);
      li.style.setProperty("--lane", lane.color);
      legend.appendChild(li);
    });
    head.appendChild(legend);
  }
  if (stages.length) {
    var start = el("a", "button primary start-button", L.start_here + " →");
    start.href = link(stages[0]);
    head.appendChild(start);
  } else {
    head.appendChild(el("p", "note", L.no_stages));
  }
}
buildOverview();

function buildContents() {
  if (!stages.length) return;
  var box = el("section", "contents");
  box.appendChild(el("h2", "block-title", L.stages));
  var list = el("ol", "contents-list");
  stages.forEach(function (stage, i) {
    var li = el("li", "contents-item");
    var a = el("a", "contents-link kind-" + stage.kind);
    a.href = link(stage);
    setLaneColor(a, stage);
    a.appendChild(el("span", "contents-num", String(i + 1)));
    var text = el("span", "contents-text");
    text.appendChild(el("span", "contents-name", stageName(stage)));
    var lane = laneOf(stage);
    if (has(stage.goal)) text.appendChild(el("span", "contents-goal", stage.goal));
    if (lane && has(lane.name)) text.appendChild(el("span", "contents-lane", lane.name));
    a.appendChild(text);
    li.appendChild(a);
    list.appendChild(li);
  });
  box.appendChild(list);
  overviewSection.appendChild(box);
}
var overviewSection = document.getElementById("overview");
buildContents();

// ------------------------------------------------------------------ lane filter
var laneSelect = document.getElementById("lane-filter");
var laneFilter = "all";
(function fillLaneSelect() {
  var all = el("option", null, L.all_lanes);
  all.value = "all";
  laneSelect.appendChild(all);
  lanes.forEach(function (lane, n) {
    var opt = el("option", null, has(lane.name) ? lane.name : L.untitled);
    opt.value = String(n);
    laneSelect.appendChild(opt);
  });
  if (stages.some(function (s) { return !laneOf(s); }) && lanes.length) {
    var none = el("option", null, L.no_lane);
    none.value = String(NO_LANE);
    laneSelect.appendChild(none);
  }
  if (laneSelect.options.length < 2) laneSelect.closest(".lane-filter").hidden = true;
})();
function inFilter(stage) {
  if (laneFilter === "all") return true;
  var want = Number(laneFilter);
  return want === NO_LANE ? !laneOf(stage) : stage.lane === want;
}
function visibleOrder() {
  var out = [];
  stages.forEach(function (s, i) { if (inFilter(s)) out.push(i); });
  return out;
}
var svg = document.querySelector("#map svg");
var svgStages = svg ? Array.prototype.slice.call(svg.querySelectorAll("a.st")) : [];
var svgLanes = svg ? Array.prototype.slice.call(svg.querySelectorAll("g.lane")) : [];
function applyLaneFilter(value) {
  var valid = Array.prototype.some.call(laneSelect.options, function (o) { return o.value === value; });
  laneFilter = valid ? value : "all";
  laneSelect.value = laneFilter;
  document.body.classList.toggle("filtered", laneFilter !== "all");
  stages.forEach(function (s, i) { navItems[i].hidden = !inFilter(s); });
  svgStages.forEach(function (a) {
    var i = Number(a.getAttribute("data-i"));
    a.classList.toggle("dim", !inFilter(stages[i]));
  });
  svgLanes.forEach(function (g) {
    g.classList.toggle("dim", laneFilter !== "all" && g.getAttribute("data-lane") !== laneFilter);
  });
  store.set(LANE_KEY, laneFilter);
  if (current !== null) { fillPager(pages[current], current); fillBottomBar(current); }
}
laneSelect.addEventListener("change", function () { applyLaneFilter(laneSelect.value); });

// ------------------------------------------------------------------ map zoom
var mapWrap = document.getElementById("map");
var zoom = 1;
var natural = svg ? { w: Number(svg.getAttribute("width")), h: Number(svg.getAttribute("height")) } : null;
function setZoom(z) {
  if (!svg) return;
  zoom = Math.max(0.1, Math.min(2.5, z));
  svg.style.width = Math.round(natural.w * zoom) + "px";
  svg.style.height = Math.round(natural.h * zoom) + "px";
}
function fitZoom() {
  var room = mapWrap.clientWidth - 2;
  return room > 0 ? Math.min(1, room / natural.w) : 1;
}
if (svg) {
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () {
    setZoom(Math.abs(zoom - fitZoom()) < 0.01 ? 1 : fitZoom());
  });
} else {
  document.querySelector(".map-card").hidden = true;
}

// ------------------------------------------------------------------ routing
var overview = document.getElementById("overview");
var current = null;
var lastStage = null;
var pendingFocus = null;
var firstRoute = true;

function stageFromHash() {
  var raw = window.location.hash.replace(/^#/, "");
  if (raw.indexOf("stage-") !== 0) return null;
  var i = byHash[safeDecode(raw)];
  return i === undefined ? null : i;
}
function markCurrent(i) {
  navItems.forEach(function (li, n) {
    var a = li.firstChild;
    if (n === i) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  svgStages.forEach(function (a) {
    a.classList.toggle("current", Number(a.getAttribute("data-i")) === i);
  });
}
var routed = null;
function route() {
  if (routed === window.location.hash) return;  // already shown (go() routes at once)
  routed = window.location.hash;
  var i = stageFromHash();
  var showMap = false;
  if (i === null) {
    overview.classList.add("is-current");
    if (current !== null) pages[current].classList.remove("is-current");
    current = null;
    markCurrent(lastStage);
    showMap = lastStage !== null;
  } else {
    overview.classList.remove("is-current");
    if (current !== null && current !== i) pages[current].classList.remove("is-current");
    current = i;
    lastStage = i;
    pages[i].classList.add("is-current");
    fillPager(pages[i], i);
    markCurrent(i);
    var item = navItems[i].firstChild;
    if (item.scrollIntoView && !firstRoute) item.scrollIntoView({ block: "nearest" });
    else if (item.scrollIntoView) item.scrollIntoView({ block: "center" });
  }
  fillBottomBar(i);
  closeNav();
  closeResults();
  document.title = (i === null ? "" : stageName(stages[i]) + " – ") + (has(data.process.name) ? data.process.name : "SalesDesigner");
  if (pendingFocus) {
    var target = pendingFocus;
    pendingFocus = null;
    target.classList.remove("flash");
    void target.offsetWidth;  // restart the animation
    target.classList.add("flash");
    target.scrollIntoView({ block: "center" });
  } else if (showMap) {
    var node = null;
    window.scrollTo(0, 0);
    svgStages.forEach(function (a) {
      if (Number(a.getAttribute("data-i")) === lastStage) node = a;
    });
    if (node && node.getBoundingClientRect) {
      var box = node.getBoundingClientRect();
      var wrapBox = mapWrap.getBoundingClientRect();
      mapWrap.scrollLeft += box.left - wrapBox.left - (wrapBox.width - box.width) / 2;
      mapWrap.scrollTop += box.top - wrapBox.top - (wrapBox.height - box.height) / 2;
    }
  } else if (!firstRoute) {
    window.scrollTo(0, 0);
    var heading = (i === null ? overview : pages[i]).querySelector("h1");
    if (heading) heading.focus({ preventScroll: true });
  }
  firstRoute = false;
}
function navigate(hash) {
  if (window.location.hash === hash) routed = null;  // same page again: re-run (search hit)
  else window.location.hash = hash;
  route();
}
function go(i) { navigate("#" + stages[i].hash); }
function step(delta) {
  var order = visibleOrder();
  if (!order.length) return;
  if (current === null) { go(delta > 0 ? order[0] : order[order.length - 1]); return; }
  var pos = order.indexOf(current);
  var next;
  if (pos < 0) next = delta > 0 ? firstAfter(order, current) : lastBefore(order, current);
  else next = order[pos + delta];
  if (next !== null && next !== undefined) go(next);
}
window.addEventListener("hashchange", route);

// ------------------------------------------------------------------ drawer
var body = document.body;
var menuButton = document.getElementById("menu-button");
var scrim = document.getElementById("scrim");
function openNav() {
  body.classList.add("nav-open");
  scrim.hidden = false;
  menuButton.setAttribute("aria-expanded", "true");
}
function closeNav() {
  body.classList.remove("nav-open");
  scrim.hidden = true;
  menuButton.setAttribute("aria-expanded", "false");
}
menuButton.addEventListener("click", function () {
  if (body.classList.contains("nav-open")) closeNav(); else openNav();
});
scrim.addEventListener("click", closeNav);
document.getElementById("bottom-where").addEventListener("click", openNav);
document.getElementById("nav-close").addEventListener("click", closeNav);
document.getElementById("print-button").addEventListener("click", function () { window.print(); });

// ------------------------------------------------------------------ search
var input = document.getElementById("search");
var results = document.getElementById("search-results");
var active = -1;
var hits = [];

// Normalise one code point at a time (NFKC + lower case) so a match can be mapped back
// onto the original text for highlighting.
function normalized(text) {
  var out = "";
  var map = [];
  var pos = 0;
  Array.from(text).forEach(function (ch) {
    var n = ch.normalize("NFKC").toLowerCase();
    for (var k = 0; k < n.length; k++) map.push(pos);
    out += n;
    pos += ch.length;
  });
  map.push(pos);
  return { text: out, map: map };
}
searchTargets.forEach(function (t) { t.norm = normalized(t.text); });

function snippet(target, at, length) {
  var start = target.norm.map[at];
  var end = target.norm.map[at + length];
  var text = target.text;
  var from = Math.max(0, start - 40);
  var to = Math.min(text.length, end + 80);
  var box = el("span", "hit-text");
  box.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, start).replace(/\s+/g, " ")));
  box.appendChild(el("mark", null, text.slice(start, end)));
  box.appendChild(document.createTextNode(text.slice(end, to).replace(/\s+/g, " ") + (to < text.length ? "…" : "")));
  return box;
}
function closeResults() {
  results.hidden = true;
  active = -1;
}
function setActive(n) {
  var items = results.querySelectorAll(".hit");
  if (!items.length) return;
  active = (n + items.length) % items.length;
  items.forEach(function (item, k) { item.classList.toggle("active", k === active); });
  items[active].scrollIntoView({ block: "nearest" });
}
function runSearch() {
  var query = input.value;
  var needle = normalized(query.trim()).text;
  results.textContent = "";
  hits = [];
  if (!needle) { closeResults(); return; }
  searchTargets.forEach(function (t) {
    if (!inFilter(stages[t.i]) && laneFilter !== "all") return;
    var at = t.norm.text.indexOf(needle);
    if (at >= 0) hits.push({ target: t, at: at });
  });
  hits.sort(function (a, b) { return a.target.i - b.target.i; });
  var count = el("p", "hit-count", hits.length ? fmt(L.results, { n: hits.length }) : fmt(L.no_results, { q: query.trim() }));
  results.appendChild(count);
  hits.slice(0, 60).forEach(function (hit, n) {
    var t = hit.target;
    var a = el("a", "hit");
    a.href = link(stages[t.i]);
    setLaneColor(a, stages[t.i]);
    var top = el("span", "hit-top");
    top.appendChild(el("span", "hit-stage", stageName(stages[t.i])));
    top.appendChild(el("span", "hit-field", L["field_" + t.field] || t.field));
    a.appendChild(top);
    a.appendChild(snippet(t, hit.at, needle.length));
    a.addEventListener("click", function (event) {
      event.preventDefault();
      openHit(n);
    });
    results.appendChild(a);
  });
  results.hidden = false;
  active = -1;
}
function openHit(n) {
  var hit = hits[n];
  if (!hit) return;
  pendingFocus = hit.target.field === "name" ? null : hit.target.node;
  closeResults();
  input.blur();
  go(hit.target.i);
}
var timer = null;
input.addEventListener("input", function () {
  window.clearTimeout(timer);
  timer = window.setTimeout(runSearch, 60);
});
input.addEventListener("focus", function () { if (input.value.trim()) runSearch(); });
input.addEventListener("keydown", function (event) {
  if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
  else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
  else if (event.key === "Enter") {
    event.preventDefault();
    window.clearTimeout(timer);
    if (results.hidden) runSearch();
    openHit(active >= 0 ? active : 0);
  } else if (event.key === "Escape") {
    if (!results.hidden) closeResults(); else { input.value = ""; input.blur(); }
  }
});
document.addEventListener("click", function (event) {
  if (!event.target.closest || !event.target.closest(".search")) closeResults();
});

// ------------------------------------------------------------------ keyboard
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var t = event.target;
  var typing = t && (t.tagName === "INPUT" && t.type !== "checkbox" || t.tagName === "TEXTAREA" ||
                     t.tagName === "SELECT" || t.isContentEditable);
  if (event.key === "Escape") {
    closeNav();
    closeResults();
    return;
  }
  if (typing) return;
  if (event.key === "ArrowRight" || event.key === "j") { event.preventDefault(); step(1); }
  else if (event.key === "ArrowLeft" || event.key === "k") { event.preventDefault(); step(-1); }
  else if (event.key === "/") { event.preventDefault(); input.focus(); input.select(); }
  else if (event.key === "m") { navigate("#overview"); }
});

// ------------------------------------------------------------------ start
applyLaneFilter(String(store.get(LANE_KEY, "all")));
route();
if (svg) setZoom(Math.max(fitZoom(), 0.75));
document.documentElement.classList.add("ready");
