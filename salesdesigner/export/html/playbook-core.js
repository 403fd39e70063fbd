/* Playbook script, part 1 of 3: the data, small DOM helpers, storage and copying.
 * The builder joins playbook-core.js, playbook-pages.js and playbook-app.js inside one
 * function scope ("use strict"), so later parts use these names directly.
 * Rule for every part: user text reaches the DOM only through textContent / attributes
 * set by property, never as markup; no eval, no network. */
var data = JSON.parse(document.getElementById("playbook-data").textContent);
var L = data.labels;
var stages = data.stages;
var lanes = data.lanes;
var NO_LANE = -1;

// ------------------------------------------------------------------ helpers
function el(tag, cls, text) {
  var node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function fmt(template, vars) {
  return template.replace(/\{(\w+)\}/g, function (m, key) {
    return Object.prototype.hasOwnProperty.call(vars, key) ? String(vars[key]) : m;
  });
}
function has(text) { return typeof text === "string" && text.trim() !== ""; }
function laneOf(stage) { return stage.lane >= 0 && stage.lane < lanes.length ? lanes[stage.lane] : null; }
function setLaneColor(node, stage) {
  var lane = laneOf(stage);
  node.style.setProperty("--lane", lane ? lane.color : "#64748B");
}
function stageName(stage) { return has(stage.name) ? stage.name : L.untitled; }
function link(stage) { return "#" + stage.hash; }
function safeDecode(text) {
  try { return decodeURIComponent(text); } catch (e) { return text; }
}

var store = {
  get: function (key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) { return fallback; }
  },
  set: function (key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
};
var CHECKS_KEY = data.storageKey + ":checks";
var LANE_KEY = data.storageKey + ":lane";
var checks = store.get(CHECKS_KEY, {});
if (!checks || typeof checks !== "object") checks = {};

var byHash = Object.create(null);
stages.forEach(function (stage, i) { byHash[safeDecode(stage.hash)] = i; });

// ------------------------------------------------------------------ copy
function fallbackCopy(text) {
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "copy-buffer";
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  var ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  document.body.removeChild(area);
  return ok;
}
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(function () { return true; },
      function () { return fallbackCopy(text); });
  }
  return Promise.resolve(fallbackCopy(text));
}
function selectContents(node) {
  var range = document.createRange();
  range.selectNodeContents(node);
  var sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}
