// The instructor's page: the room's state from api/state, then every change from api/stream (server-sent events).
// Everything a participant typed is put in the page as text (textContent), never as HTML.
"use strict";
let room = null;      // the state: todos, participants by id, cells by "participant notebook todo", summaries
let pending = [];     // changes that arrived before the state
let clockOffset = 0;  // the room's clock minus this browser's
let dirty = false;
let shown = null;     // the participant whose details are open

// On a JupyterHub, the hub's rule: the page's requests carry the value of its _xsrf cookie (none on a laptop).
const xsrf = (document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/) || [])[1];
const xsrfHeaders = xsrf ? {"X-XSRFToken": xsrf} : {};
const SYMBOL = {passed: "✔", failing: "✘", "not-written": "○"};
const WORDS = {passed: "passed", failing: "wrong answer", "not-written": "not written yet"};

const $ = (id) => document.getElementById(id);
const key = (...parts) => parts.join(" ");
const now = () => Date.now() / 1000 + clockOffset;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function duration(seconds) {
  seconds = Math.max(0, Math.round(seconds));
  if (seconds < 60) return seconds + " s";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes + " min";
  return Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
}

async function load() {
  const response = await fetch("api/state", {cache: "no-store", headers: xsrfHeaders});
  if (!response.ok) { $("live").textContent = "✘ not allowed: open the link the room printed"; return; }
  const state = await response.json();
  clockOffset = state.now - Date.now() / 1000;
  room = {code: state.code, hub: state.hub, version: state.version, todos: state.todos, people: {}, cells: {},
          summaries: {}};
  for (const p of state.participants) room.people[p.id] = {name: p.name, hidden: p.hidden};
  for (const c of state.cells) room.cells[key(c.participant, c.notebook, c.todo)] = c;
  for (const s of state.summaries) room.summaries[key(s.notebook, s.todo)] = s;
  const waiting = pending; pending = [];
  waiting.forEach(apply);
  $("join").textContent = room.hub ? "helpers.room.join()" :
    `helpers.room.join("${location.origin}", code="${room.code}", name="your name")`;
  render();
}

function apply(message) {
  if (room === null) { pending.push(message); return; }
  if (message.version <= room.version) return;  // already in the state
  room.version = message.version;
  if (message.type === "reset") { load(); return; }
  for (const c of message.cells) {
    room.people[c.participant] = {name: c.name, hidden: false};
    room.cells[key(c.participant, c.notebook, c.todo)] = c;
  }
  for (const s of message.summaries) room.summaries[key(s.notebook, s.todo)] = s;
  dirty = true;
}

// One participant: their cells in workshop order, the ones stuck, and where they are now (the latest check run).
function person(id) {
  const cells = room.todos.map((t) => room.cells[key(id, t.notebook, t.todo)]);
  const tried = cells.filter(Boolean);
  const stuck = tried.filter((c) => c.stuck);
  const latest = tried.reduce((a, c) => (a === null || c.last > a.last ? c : a), null);
  return {id, name: room.people[id].name, cells, stuck, latest,
          passed: tried.filter((c) => c.status === "passed").length,
          where: stuck.length ? stuck[stuck.length - 1] : latest};  // stuck on several: the furthest
}

function nowLine(p) {
  const c = p.where;
  if (!c) return "· no check run yet";
  if (c.stuck) return `⚑ ${duration(now() - c.since)} on ${c.todo}`;  // the time first: a long name may be cut
  return `${SYMBOL[c.status]} ${c.todo}: ${WORDS[c.status]}`;
}

function render() {
  dirty = false;
  const ids = Object.keys(room.people).filter((id) => !room.people[id].hidden);
  const people = ids.map(person).sort((a, b) => a.name.localeCompare(b.name));
  const stuck = people.flatMap((p) => p.stuck).sort((a, b) => a.since - b.since);
  $("count").textContent = `(${people.length}; ⚑ ${new Set(stuck.map((c) => c.participant)).size} stuck)`;
  document.body.classList.toggle("many", people.length > 60);
  renderCards(people);
  renderStuck(stuck);
  renderTodos();
  renderHidden();
  if (shown !== null && $("details").open) details(shown);
}

function renderCards(people) {
  const focused = document.activeElement && document.activeElement.closest("#cards li");  // kept across redraws
  const focus = focused ? [focused.dataset.id, document.activeElement.className] : null;
  const find = $("search").value.trim().toLowerCase(), onlyStuck = $("only-stuck").checked;
  const cards = people.filter((p) => p.name.toLowerCase().includes(find) && (!onlyStuck || p.stuck.length))
    .map((p) => {
      const li = el("li", undefined, "card " + (p.where ? (p.where.stuck ? "stuck" : p.where.status) : "none"));
      const who = el("button", undefined, "who");
      who.type = "button";
      const line = nowLine(p);
      who.append(el("span", p.name, "name"), el("span", `✔ ${p.passed}`, "count"), el("span", line, "now"));
      who.title = `${p.name}: ${line}` + (p.where && p.where.stuck ? ` (${p.where.cause_text})` : "") +
        `; ${p.passed} of ${room.todos.length} TODOs passed`;
      who.addEventListener("click", () => details(p.id));
      const hide = el("button", "×", "hide");
      hide.type = "button";
      hide.title = hide.ariaLabel = `Hide ${p.name} from the room`;
      hide.addEventListener("click", () => setHidden(p.id, true));
      li.append(who, hide);
      li.dataset.id = p.id;
      return li;
    });
  $("cards").replaceChildren(...cards);
  fit();
  const again = focus && cards.find((li) => li.dataset.id === focus[0]);
  if (again) again.querySelector("." + focus[1]).focus();
  $("none-shown").hidden = people.length > 0;
}

// Smaller cards until every one is on the screen (a few more than planned for still fit), down to 12 px.
function fit() {
  const box = $("everyone"), cards = $("cards");
  let size = 18;
  cards.style.fontSize = size + "px";
  while (box.scrollHeight > box.clientHeight && size > 12) cards.style.fontSize = --size + "px";
}

// Stuck now: longest first, each with their cause; more than GROUP of them, one line per TODO, with the names.
const GROUP = 15;
function renderStuck(stuck) {
  $("stuck-count").textContent = `(${stuck.length})`;
  if (stuck.length > GROUP) return renderStuckByTodo(stuck);
  const items = stuck.map((c) => {
    const li = el("li", `⚑ ${c.name}: ${c.todo} (${c.notebook}), ${duration(now() - c.since)}, ` +
                        `${c.attempts} ${c.attempts === 1 ? "try" : "tries"}`);
    li.append(el("span", c.cause_text, "cause"));
    return li;
  });
  if (items.length === 0) items.push(el("li", "Nobody is stuck right now.", "nobody"));
  $("stuck").replaceChildren(...items);
}

function renderStuckByTodo(stuck) {
  const groups = new Map();  // in the order of their longest stuck
  for (const c of stuck) {
    const k = key(c.notebook, c.todo);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(c);
  }
  $("stuck").replaceChildren(...[...groups.values()].map((cells) => {
    const c = cells[0], names = cells.map((x) => x.name).join(", ");
    const li = el("li", `⚑ ${c.todo} (${c.notebook}): ${cells.length} stuck, up to ${duration(now() - c.since)}`);
    li.append(el("span", names, "names"));
    li.title = `${c.todo}: ${names}`;  // the most common cause: in "TODO by TODO"
    return li;
  }));
}

function renderTodos() {
  const rows = room.todos.map((t) => {
    const s = room.summaries[key(t.notebook, t.todo)] || {passed: 0, failing: 0, not_written: 0};
    const tr = el("tr");
    const name = el("th");
    name.scope = "row";
    name.append(el("span", t.notebook + " ", "nb"), t.todo);
    tr.append(name, el("td", String(s.passed), "num"), el("td", String(s.failing), "num"),
              el("td", String(s.not_written), "num"), el("td", s.cause ? `${s.cause_count}: ${s.cause_text}` : ""));
    tr.title = `${t.todo}: ${s.passed} passed, ${s.failing} wrong, ${s.not_written} not written yet`;
    return tr;
  });
  $("todos").tBodies[0].replaceChildren(...rows);
}

function renderHidden() {
  const hidden = Object.entries(room.people).filter(([, p]) => p.hidden);
  $("hidden-count").textContent = `(${hidden.length})`;
  $("hidden").replaceChildren(...hidden.map(([id, p]) => {
    const li = el("li", p.name + " ");
    const show = el("button", "Show again");
    show.type = "button";
    show.ariaLabel = `Show ${p.name} again`;
    show.addEventListener("click", () => setHidden(id, false));
    li.append(show);
    return li;
  }));
}

function details(id) {
  shown = id;
  const p = person(id);
  $("details-title").textContent = p.name;
  $("details").querySelector("tbody").replaceChildren(...room.todos.map((t, i) => {
    const c = p.cells[i], tr = el("tr");
    tr.append(el("th", `${t.notebook} ${t.todo}`));
    if (!c) { tr.append(el("td", "· not tried"), el("td"), el("td"), el("td")); return tr; }
    const failing = c.status === "failing";
    tr.append(el("td", (c.stuck ? "⚑ stuck: " : SYMBOL[c.status] + " ") + WORDS[c.status], c.status),
              el("td", failing ? c.cause_text : ""), el("td", failing ? String(c.attempts) : ""),
              el("td", failing ? duration(now() - c.since) : ""));
    return tr;
  }));
  if (!$("details").open) $("details").showModal();
}

async function setHidden(id, hidden) {
  const response = await fetch("api/hide", {method: "POST", headers: {...xsrfHeaders, "Content-Type": "application/json"},
                                            body: JSON.stringify({participant: id, hidden})});
  if (!response.ok) alert("Not changed: " + (await response.json()).error);
  // the room tells every open page (a reset), and they load the room again
}

function connect() {
  const stream = new EventSource("api/stream" + (xsrf ? "?_xsrf=" + encodeURIComponent(xsrf) : ""));
  stream.onopen = () => { $("live").textContent = "● live"; room = null; load(); };
  stream.onmessage = (event) => apply(JSON.parse(event.data));
  stream.onerror = () => { $("live").textContent = "✘ reconnecting…"; };
}

$("delete").addEventListener("click", async () => {
  if (!confirm("Delete every participant and every event of this room? This cannot be undone.")) return;
  const response = await fetch("api/delete", {method: "POST", headers: {...xsrfHeaders, "Content-Type": "application/json"},
                                              body: JSON.stringify({confirm: "delete"})});
  if (!response.ok) alert("Not deleted: " + (await response.json()).error);
});
$("search").addEventListener("input", () => { if (room) render(); });
$("only-stuck").addEventListener("change", () => { if (room) render(); });
$("details-close").addEventListener("click", () => $("details").close());
$("details").addEventListener("close", () => { shown = null; });
$("details-hide").addEventListener("click", () => { setHidden(shown, true); $("details").close(); });

setInterval(() => { if (dirty) render(); }, 200);   // at most five redraws a second, however busy the room
setInterval(() => { if (room) render(); }, 10000);  // the "for how long" times move on
connect();
