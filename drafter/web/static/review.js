// drafter serve, /review: the `drafter bank review` loop, one candidate at a time.
// The server does every step through drafter.bank.review, as the CLI does; this page only shows and asks.
"use strict";

const $ = (selector) => document.querySelector(selector);
let current = null;

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text) node.textContent = text;
  return node;
}

async function call(payload) {
  const response = await fetch("/api/review", payload === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
  });
  return response.json();
}

function showFindings(findings) {
  document.querySelectorAll(".finding").forEach((n) => n.remove());
  const general = $("#general-findings");
  general.replaceChildren();
  (findings || []).forEach((f) => {
    const place = f.field && document.querySelector(`.field[data-path="${f.field.split(".")[0]}"]`);
    (place || general).append(element(place ? "div" : "li", { class: `finding ${f.severity}` }, f.text));
  });
}

function options(select, values, blank) {
  select.replaceChildren(element("option", { value: "" }, blank));
  Object.entries(values).forEach(([key, help]) => select.append(element("option", { value: key, title: help }, `${key}：${help}`)));
}

// The candidate's literal pieces (between slots) marked where they occur in its source line.
const ASCII = { "，": ",", "。": ".", "！": "!", "？": "?", "：": ":", "；": ";", "（": "(", "）": ")" };
function marked(line, text) {
  const ranges = [];
  text.split(/\{[^}]*\}/).filter((p) => p.length >= 2).forEach((piece) => {
    const variants = [piece, piece.replace(/[，。！？：；（）]/g, (c) => ASCII[c])];
    for (const variant of variants) {
      const at = line.indexOf(variant);
      if (at >= 0) { ranges.push([at, at + variant.length]); break; }
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const node = element("span", { class: "line" });
  let at = 0;
  ranges.forEach(([start, end]) => {
    if (start < at) return;
    node.append(document.createTextNode(line.slice(at, start)), element("mark", {}, line.slice(start, end)));
    at = end;
  });
  node.append(document.createTextNode(line.slice(at)));
  return node;
}

function slotsOf(text) { return [...new Set([...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]))]; }
function showSlots() {
  const box = $("#c-slots");
  box.replaceChildren();
  const slots = slotsOf($("#c-text").value);
  if (!slots.length) box.append(element("span", { class: "help" }, "（无槽位）"));
  slots.forEach((s) => box.append(element("span", { class: "chip", title: state.slots[s] || "未知槽位" }, `{${s}}`)));
}

let state = {};
function show(result) {
  if (result.findings) { showFindings(result.findings); $("#status").textContent = "未能完成"; return; }
  state = result;
  showFindings([]);
  $("#where").textContent = `${result.mined} → ${result.into}`;
  current = result.candidate;
  const skipped = result.skipped ? `，其中跳过 ${result.skipped} 条` : "";
  $("#progress").textContent = `待审核 ${result.left} 条${skipped}`;
  $("#candidate").hidden = !current;
  $("#done").hidden = Boolean(current);
  $("#context").replaceChildren();
  $("#c-sources").textContent = "";
  if (!current) return;
  options($("#c-slot"), result.slots, "选择槽位…");
  options($("#c-domain"), result.domains, "（无：不限领域）");
  options($("#c-type"), result.types, "（未定）");
  $("#c-id").textContent = current.id;
  $("#c-function").textContent = current.function;
  const m = current.mined;
  $("#c-mined").textContent = m.count ? `出现于 ${m.documents} 篇、${m.count} 次，评分 ${m.score}` : "";
  $("#c-note").textContent = [current.note, current.tags.length ? `标签：${current.tags.join("、")}` : ""]
    .filter(Boolean).join("　");
  $("#c-text").value = current.text;
  $("#c-domain").value = current.domain;
  $("#c-type").value = current.type;
  showSlots();
  $("#c-sources").textContent = current.sources.join("；");
  current.context.forEach((line) => {
    const row = element("div", { class: `context-line${line.source ? " source" : ""}` });
    row.append(element("span", { class: "number" }, line.number === null ? "" : String(line.number)));
    row.append(line.source ? marked(line.text, current.text) : element("span", { class: "line" }, line.text));
    $("#context").append(row);
  });
  const source = document.querySelector(".context-line.source");
  if (source) source.scrollIntoView({ block: "center" });
}

async function decide(action) {
  if (!current) return;
  const payload = { id: current.id, action };
  if (action === "approve") {
    payload.edits = { text: $("#c-text").value, domain: $("#c-domain").value, type: $("#c-type").value };
  }
  $("#status").textContent = "写入中…";
  const id = current.id;
  const result = await call(payload);
  show(result);
  if (!result.findings) {
    $("#status").textContent = { approve: `已通过 ${id}，写入 ${state.into}`, reject: `已否决 ${id}`, skip: `已跳过 ${id}` }[action];
  }
}

function putSlot() {
  const area = $("#c-text");
  const slot = $("#c-slot").value;
  if (!slot) { $("#status").textContent = "先选择槽位"; return; }
  const { selectionStart: start, selectionEnd: end, value } = area;
  area.value = `${value.slice(0, start)}{${slot}}${value.slice(end)}`;
  area.focus();
  showSlots();
}

async function start() {
  $("#approve").onclick = () => decide("approve");
  $("#reject").onclick = () => decide("reject");
  $("#skip").onclick = () => decide("skip");
  $("#unskip").onclick = async () => show(await call({ id: "", action: "unskip" }));
  $("#c-put-slot").onclick = putSlot;
  $("#c-text").addEventListener("input", showSlots);
  document.addEventListener("keydown", (e) => {
    if (e.target.matches("textarea, input, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = { a: "approve", r: "reject", s: "skip" }[e.key];
    if (action) { e.preventDefault(); decide(action); }
  });
  $("#status").textContent = "读取候选词条…";
  show(await call());
  if (current || !state.findings) $("#status").textContent = "";
}
start();
