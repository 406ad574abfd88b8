// The instructor's page: the room's state from api/state, then every change from api/stream (server-sent events).
// Everything a participant typed is put in the page as text (textContent), never as HTML.
"use strict";
let room = null;      // the state: todos, participants, cells by "participant notebook todo", summaries by "notebook todo"
let pending = [];     // changes that arrived before the state
let clockOffset = 0;  // the room's clock minus this browser's
let dirty = false;

// On a JupyterHub, the hub's rule: the page's requests carry the value of its _xsrf cookie (none on a laptop).
const xsrf = (document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/) || [])[1];
const xsrfHeaders = xsrf ? {"X-XSRFToken": xsrf} : {};

const $ = (id) => document.getElementById(id);
const key = (...parts) => parts.join(" ");
const now = () => Date.now() / 1000 + clockOffset;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function breakable(name) {  // "feedforward_no_bias" may wrap after each "_", and nowhere else
  return name.split("_").flatMap((part, i, parts) => i < parts.length - 1 ? [part + "_", el("wbr")] : [part]);
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
  room = {code: state.code, hub: state.hub, version: state.version, todos: state.todos, names: {}, cells: {}, summaries: {}};
  for (const p of state.participants) room.names[p.id] = p.name;
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
    room.names[c.participant] = c.name;
    room.cells[key(c.participant, c.notebook, c.todo)] = c;
  }
  for (const s of message.summaries) room.summaries[key(s.notebook, s.todo)] = s;
  dirty = true;
}

function longest() {
  let worst = null;
  for (const c of Object.values(room.cells))
    if (c.status === "failing" && (worst === null || c.since < worst.since)) worst = c;
  return worst;
}

function render() {
  dirty = false;
  const worst = longest();
  const participants = Object.entries(room.names).sort((a, b) => a[1].localeCompare(b[1]));
  $("count").textContent = `(${participants.length} participant${participants.length === 1 ? "" : "s"})`;
  $("longest").textContent = worst === null ? "" :
    `⚑ Stuck longest: ${worst.name}, on ${worst.todo} (notebook ${worst.notebook}): failing for ` +
    `${duration(now() - worst.since)}, ${worst.attempts} attempt${worst.attempts === 1 ? "" : "s"}, ` +
    `cause: ${worst.cause_text}`;
  const stuck = $("stuck");
  stuck.replaceChildren();
  const failing = room.todos.map((t) => room.summaries[key(t.notebook, t.todo)]).filter((s) => s && s.failing > 0);
  failing.sort((a, b) => b.failing - a.failing);
  for (const s of failing)
    stuck.append(el("li", `${s.todo}: ${s.failing} failing` +
      (s.cause ? `, ${s.cause_count} of them: ${s.cause_text}` : "") + `; ${s.passed} passed`));
  if (failing.length === 0) stuck.append(el("li", "Nobody is failing a check right now."));

  const head = el("tr");
  head.append(el("th", "Participant", "name"));
  for (const t of room.todos) {
    const s = room.summaries[key(t.notebook, t.todo)] || {passed: 0, failing: 0};
    const th = el("th");
    th.append(el("span", t.notebook + " ", "nb"), ...breakable(t.todo),
              el("span", `✔ ${s.passed} · ✘ ${s.failing}`, "sum"));
    th.title = `${t.todo}: ${s.passed} passed, ${s.failing} failing`;
    head.append(th);
  }
  $("grid").tHead.replaceChildren(head);
  const rows = participants.map(([id, name]) => {
    const tr = el("tr");
    tr.append(el("th", name, "name"));
    for (const t of room.todos) tr.append(cell(room.cells[key(id, t.notebook, t.todo)], worst));
    return tr;
  });
  $("grid").tBodies[0].replaceChildren(...rows);
}

function cell(c, worst) {
  const td = el("td");
  if (!c) { td.className = "none"; td.append(el("span", "· not started", "status")); return td; }
  td.className = c.status;
  if (c.status === "passed") { td.append(el("span", "✔ passed", "status")); return td; }
  const isWorst = c === worst;
  if (isWorst) td.classList.add("longest");
  td.append(el("span", (isWorst ? "⚑ " : "✘ ") + "failing", "status"),
            el("span", c.cause_text, "detail"),
            el("span", `${c.attempts} attempt${c.attempts === 1 ? "" : "s"}, ${duration(now() - c.since)}`, "detail"));
  return td;
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

setInterval(() => { if (dirty) render(); }, 200);   // at most five redraws a second, however busy the room
setInterval(() => { if (room) render(); }, 10000);  // the "for how long" times move on
connect();
