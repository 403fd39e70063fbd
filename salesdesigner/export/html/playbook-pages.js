/* Playbook script, part 2 of 3: one <article> per stage (all built up front, so
 * printing shows every stage and search can point at any element). */
// ------------------------------------------------------------------ stage pages
var searchTargets = [];  // [{i, field, text, node}]
function indexText(i, field, text, node) {
  if (has(text)) searchTargets.push({ i: i, field: field, text: text, node: node });
}

function section(title, cls) {
  var box = el("section", "block " + cls);
  box.appendChild(el("h2", "block-title", title));
  return box;
}

function checkItem(stage, key, text, cls) {
  var label = el("label", "check " + (cls || ""));
  var box = document.createElement("input");
  box.type = "checkbox";
  var storeKey = stage.id + "\u0000" + key;
  box.checked = checks[storeKey] === true;
  box.addEventListener("change", function () {
    if (box.checked) checks[storeKey] = true; else delete checks[storeKey];
    store.set(CHECKS_KEY, checks);
  });
  label.appendChild(box);
  var body = el("span", "check-body");
  body.appendChild(el("span", "check-text", text));
  label.appendChild(body);
  return label;
}

function routeLink(target, transition, direction) {
  var a = el("a", "branch to-" + target.kind + (transition.back ? " back" : ""));
  a.href = link(target);
  setLaneColor(a, target);
  var top = el("span", "branch-top");
  if (has(transition.label)) top.appendChild(el("span", "branch-label", transition.label));
  if (transition.back) top.appendChild(el("span", "tag", L.loops_back));
  if (top.childNodes.length) a.appendChild(top);
  var name = el("span", "branch-target");
  name.appendChild(el("span", "arrow", direction === "in" ? "←" : "→"));
  name.appendChild(el("span", "branch-name", stageName(target)));
  a.appendChild(name);
  if (has(transition.condition)) a.appendChild(el("span", "branch-cond", transition.condition));
  return a;
}

function buildStage(stage, i) {
  var page = el("article", "page stage kind-" + stage.kind);
  page.id = "p-" + i;
  page.setAttribute("data-i", String(i));
  setLaneColor(page, stage);

  var head = el("header", "stage-head");
  var crumbs = el("div", "crumbs");
  var lane = laneOf(stage);
  crumbs.appendChild(el("span", "lane-chip", lane ? (has(lane.name) ? lane.name : L.untitled) : L.no_lane));
  crumbs.appendChild(el("span", "step", fmt(L.step_of, { n: i + 1, m: stages.length })));
  if (stage.kind !== "stage") crumbs.appendChild(el("span", "kind-badge", L["kind_" + stage.kind]));
  if (has(stage.duration)) crumbs.appendChild(el("span", "duration", stage.duration));
  head.appendChild(crumbs);
  var h1 = el("h1", "stage-title", stageName(stage));
  h1.tabIndex = -1;
  head.appendChild(h1);
  indexText(i, "name", stage.name, h1);
  page.appendChild(head);

  if (has(stage.goal)) {
    var goal = el("div", "goal");
    goal.appendChild(el("span", "goal-label", L.goal));
    var goalText = el("p", "goal-text", stage.goal);
    goal.appendChild(goalText);
    page.appendChild(goal);
    indexText(i, "goal", stage.goal, goal);
  }
  if (stage.kind === "start") page.appendChild(el("p", "note", L.process_start));
  if (stage.kind === "won" || stage.kind === "lost" || stage.kind === "end") {
    page.appendChild(el("p", "note outcome", L.outcome));
  }

  var cols = el("div", "cols");
  var side = el("div", "side-col");
  var main = el("div", "main-col");
  cols.appendChild(side);
  cols.appendChild(main);
  page.appendChild(cols);

  // Where am I: next steps first (what a rep needs), then where deals come from.
  if (stage.out.length) {
    var next = section(stage.out.length > 1 ? L.choose_branch : L.next_steps, "route route-out");
    var list = el("div", "branches");
    stage.out.forEach(function (t) {
      var a = routeLink(stages[t.to], t, "out");
      list.appendChild(a);
      indexText(i, "transition", [t.label, t.condition].filter(has).join(" — "), a);
    });
    next.appendChild(list);
    // At a decision the branches are the page's main content; elsewhere a sidebar aid.
    if (stage.kind === "decision") main.appendChild(next); else side.appendChild(next);
  }
  if (stage.in.length) {
    var prev = section(L.comes_from, "route route-in");
    var plist = el("div", "branches compact");
    stage.in.forEach(function (t) { plist.appendChild(routeLink(stages[t.from], t, "in")); });
    prev.appendChild(plist);
    side.appendChild(prev);
  }
  var mapLink = el("a", "map-link", L.show_on_map);
  mapLink.href = "#overview";
  mapLink.setAttribute("data-map", String(i));
  side.appendChild(mapLink);

  if (stage.kpis.length) {
    var kpis = section(L.kpis, "kpis");
    var grid = el("div", "kpi-grid");
    stage.kpis.forEach(function (k) {
      var card = el("div", "kpi");
      card.appendChild(el("div", "kpi-name", has(k.name) ? k.name : L.untitled));
      if (has(k.target)) card.appendChild(el("div", "kpi-target", k.target));
      card.appendChild(el("div", "kpi-dir " + k.direction, k.direction === "lower" ? "↓ " + L.lower_is_better : "↑ " + L.higher_is_better));
      if (has(k.definition)) card.appendChild(el("div", "kpi-def", k.definition));
      grid.appendChild(card);
      indexText(i, "kpi", [k.name, k.definition].filter(has).join(" — "), card);
    });
    kpis.appendChild(grid);
    side.appendChild(kpis);
  }

  if (has(stage.description)) {
    var about = section(L.description, "about");
    about.appendChild(el("p", "prose", stage.description));
    main.appendChild(about);
    indexText(i, "description", stage.description, about);
  }
  var checkable = false;
  if (stage.exit.length) {
    var exit = section(L.exit_criteria, "exit");
    stage.exit.forEach(function (text, n) {
      var item = checkItem(stage, "exit" + n, text, "exit-item");
      exit.appendChild(item);
      indexText(i, "exit_criteria", text, item);
    });
    main.appendChild(exit);
    checkable = true;
  }
  if (stage.actions.length) {
    var acts = section(L.actions, "actions");
    stage.actions.forEach(function (a, n) {
      var item = checkItem(stage, "action" + n, has(a.title) ? a.title : L.untitled, "action");
      var body = item.querySelector(".check-body");
      var meta = [];
      if (has(a.owner)) meta.push(L.owner + L.colon + a.owner);
      if (has(a.timing)) meta.push(L.timing + L.colon + a.timing);
      if (meta.length) body.appendChild(el("span", "check-meta", meta.join("  ·  ")));
      if (has(a.detail)) body.appendChild(el("span", "check-detail", a.detail));
      acts.appendChild(item);
      indexText(i, "action", [a.title, a.owner, a.timing, a.detail].filter(has).join(" — "), item);
    });
    main.appendChild(acts);
    checkable = true;
  }
  if (stage.scripts.length) {
    var scripts = section(L.scripts, "scripts");
    stage.scripts.forEach(function (s) {
      var card = el("div", "script");
      var top = el("div", "script-head");
      var titles = el("div", "script-titles");
      titles.appendChild(el("h3", "script-title", has(s.title) ? s.title : L.untitled));
      if (has(s.situation)) titles.appendChild(el("p", "script-situation", L.situation + L.colon + s.situation));
      top.appendChild(titles);
      var button = el("button", "copy-button", L.copy);
      button.type = "button";
      top.appendChild(button);
      card.appendChild(top);
      var body = el("p", "script-body", s.body);
      card.appendChild(body);
      var status = el("p", "copy-status");
      status.setAttribute("aria-live", "polite");
      card.appendChild(status);
      button.addEventListener("click", function () {
        copyText(s.body).then(function (ok) {
          if (ok) {
            status.classList.remove("failed");
            button.textContent = L.copied;
            button.classList.add("done");
            status.textContent = L.copied;
            window.setTimeout(function () {
              button.textContent = L.copy;
              button.classList.remove("done");
              status.textContent = "";
            }, 2000);
          } else {
            selectContents(body);
            status.classList.add("failed");
            status.textContent = L.copy_failed;
          }
        });
      });
      scripts.appendChild(card);
      indexText(i, "script", [s.title, s.situation, s.body].filter(has).join(" — "), card);
    });
    main.appendChild(scripts);
  }
  if (stage.materials.length) {
    var mats = section(L.materials, "materials");
    var ul = el("ul", "material-list");
    stage.materials.forEach(function (m) {
      var li = el("li", "material");
      var title = has(m.title) ? m.title : L.untitled;
      if (m.href) {
        var a = el("a", "material-link", title);
        a.href = m.href;
        a.rel = "noopener noreferrer";
        if (m.download && m.href.indexOf("data:") === 0) a.setAttribute("download", m.download);
        else a.target = "_blank";
        li.appendChild(a);
        if (m.download) li.appendChild(el("span", "material-file", m.download));
      } else {
        li.appendChild(el("span", "material-title", title));
        if (m.missing) li.appendChild(el("span", "material-missing", L.missing_file));
        if (has(m.uri)) li.appendChild(el("span", "material-uri", m.uri));
      }
      if (has(m.note)) li.appendChild(el("span", "material-note", m.note));
      ul.appendChild(li);
      indexText(i, "material", [m.title, m.note].filter(has).join(" — "), li);
    });
    mats.appendChild(ul);
    main.appendChild(mats);
  }
  if (stage.tips.length) {
    var tips = section(L.tips, "tips");
    var tl = el("ul", "tip-list");
    stage.tips.forEach(function (text) {
      var li = el("li", "tip", text);
      tl.appendChild(li);
      indexText(i, "tip", text, li);
    });
    tips.appendChild(tl);
    main.appendChild(tips);
  }
  if (!main.childNodes.length && !stage.kpis.length && stage.kind === "stage") {
    main.appendChild(el("p", "note empty", L.empty_stage));
  }

  var pager = el("nav", "pager");
  var prevLink = el("a", "pager-link prev");
  var nextLink = el("a", "pager-link next");
  pager.appendChild(prevLink);
  pager.appendChild(nextLink);
  if (checkable) {
    var reset = el("button", "text-button reset-checks", L.reset_checks);
    reset.type = "button";
    reset.addEventListener("click", function () {
      page.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        if (box.checked) { box.checked = false; box.dispatchEvent(new Event("change")); }
      });
    });
    var tools = el("div", "page-tools");
    tools.appendChild(reset);
    page.appendChild(pager);
    page.appendChild(tools);
  } else {
    page.appendChild(pager);
  }
  return page;
}

function neighbours(i) {
  var order = visibleOrder();
  var pos = order.indexOf(i);
  var before = pos > 0 ? order[pos - 1] : (pos < 0 ? lastBefore(order, i) : null);
  var after = pos >= 0 ? (pos + 1 < order.length ? order[pos + 1] : null) : firstAfter(order, i);
  return [before, after];
}
function fillBottomBar(i) {
  var bar = document.getElementById("bottom-bar");
  bar.hidden = i === null;
  if (i === null) return;
  var near = neighbours(i);
  [["bottom-prev", near[0]], ["bottom-next", near[1]]].forEach(function (item) {
    var a = document.getElementById(item[0]);
    if (item[1] === null || item[1] === undefined) {
      a.removeAttribute("href");
      a.classList.add("disabled");
    } else {
      a.href = link(stages[item[1]]);
      a.classList.remove("disabled");
    }
  });
  document.getElementById("bottom-where").textContent = fmt(L.step_of, { n: i + 1, m: stages.length });
}
function fillPager(page, i) {
  var order = visibleOrder();
  var pos = order.indexOf(i);
  var before = pos > 0 ? order[pos - 1] : (pos < 0 ? lastBefore(order, i) : null);
  var after = pos >= 0 ? (pos + 1 < order.length ? order[pos + 1] : null) : firstAfter(order, i);
  [[page.querySelector(".pager-link.prev"), before, L.prev],
   [page.querySelector(".pager-link.next"), after, L.next]].forEach(function (item) {
    var a = item[0];
    a.textContent = "";
    if (item[1] === null || item[1] === undefined) {
      a.removeAttribute("href");
      a.classList.add("disabled");
      return;
    }
    a.classList.remove("disabled");
    a.href = link(stages[item[1]]);
    a.appendChild(el("span", "pager-dir", item[2]));
    a.appendChild(el("span", "pager-name", stageName(stages[item[1]])));
  });
}
function lastBefore(order, i) {
  var found = null;
  order.forEach(function (j) { if (j < i) found = j; });
  return found;
}
function firstAfter(order, i) {
  for (var n = 0; n < order.length; n++) if (order[n] > i) return order[n];
  return null;
}
