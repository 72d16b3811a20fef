// drafter serve: a brief form generated from the brief's JSON Schema, and the live draft beside it.
// No framework and no network beyond this server: the page is this file, app.css and index.html.
"use strict";

const state = {
  schema: null, brief: {}, original: null, name: document.body.dataset.briefName, seed: 0,
  suggestions: null, used: new Set(),
};
const $ = (selector) => document.querySelector(selector);

async function api(url, payload) {
  const options = payload === undefined ? {} :
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) };
  const response = await fetch(url, options);
  return response.json();
}

// ---- the schema ---------------------------------------------------------------------------
function resolve(node) {
  while (node && node.$ref) node = state.schema.$defs[node.$ref.split("/").pop()];
  return node || {};
}
function branches(node) {
  node = resolve(node);
  const list = node.anyOf ? node.anyOf.map(resolve).filter((b) => b.type !== "null") : [node];
  return list;
}
function kindOf(node) {
  const list = branches(node);
  if (list.length > 1 && list.some((b) => b.type === "array")) return "lines-or-text";
  const b = list[0] || {};
  if (b.enum || b.const) return "enum";
  if (b.type === "array") return resolve(b.items).type === "object" ? "objects" : "lines";
  if (b.type === "object" && b.properties) return "object";
  if (b.type === "object") return "pairs";
  if (b.type === "boolean") return "bool";
  if (b.type === "integer" || b.type === "number") return "number";
  if (b.format === "date") return "date";
  return "text";
}
function describe(node) { return node.description || resolve(node).description || ""; }
// The label a writer reads: the field's description up to its first pause, then its YAML key.
function label(key, node) {
  const words = describe(node).split(/[，。；：（(]/)[0];
  return words ? `${words}（${key}）` : key;
}
// The brief's own order (the schema lists keys alphabetically): who, when and what first.
const FIRST = ["template", "occasion", "title", "subtitle", "speaker", "date", "speaker_role", "domain", "org",
  "region", "audience", "purpose", "acknowledge", "achievements", "situation", "headings", "sections", "closing",
  "length", "heading", "topic", "lead_in", "text", "points", "tags", "post", "name"];
function ordered(properties) {
  const rank = (k) => (FIRST.includes(k) ? FIRST.indexOf(k) : FIRST.length);
  return Object.entries(properties || {}).sort((a, b) => rank(a[0]) - rank(b[0]));
}

// ---- reading and writing values by dotted path ---------------------------------------------
function getAt(path) {
  return path.split(".").reduce((v, k) => (v == null ? undefined : v[k]), state.brief);
}
function setAt(path, value) {
  const keys = path.split(".");
  let target = state.brief;
  keys.slice(0, -1).forEach((k, i) => {
    if (target[k] == null) target[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    target = target[k];
  });
  const last = keys[keys.length - 1];
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete target[last];
  else target[last] = value;
}

// ---- the form ----------------------------------------------------------------------------
function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text) node.textContent = text;
  return node;
}
function field(path, name, node, required) {
  const kind = kindOf(node);
  const wrap = element("div", { class: "field", "data-path": path });
  const title = name + (required ? " *" : "");
  if (kind === "object") {
    const set = element("fieldset", { "data-path": path });
    set.append(element("legend", {}, title));
    if (describe(node)) set.append(element("div", { class: "help" }, describe(node)));
    fields(set, path, branches(node)[0]);
    wrap.append(set);
    return wrap;
  }
  if (kind === "objects") {
    const set = element("fieldset", { "data-path": path });
    set.append(element("legend", {}, title));
    if (describe(node)) set.append(element("div", { class: "help" }, describe(node)));
    const item = resolve(branches(node)[0].items);
    const items = getAt(path) || [];
    items.forEach((_, i) => {
      const one = element("fieldset", { "data-path": `${path}.${i}` });
      one.append(element("legend", {}, `第${i + 1}项`));
      fields(one, `${path}.${i}`, item);
      const remove = element("button", { type: "button", class: "remove" }, "删除");
      remove.onclick = () => { items.splice(i, 1); setAt(path, items); build(); changed(); };
      one.append(remove);
      set.append(one);
    });
    const add = element("button", { type: "button", class: "add", "data-add": path }, "添加一项");
    add.onclick = () => { items.push({}); setAt(path, items); build(); };
    set.append(add);
    wrap.append(set);
    return wrap;
  }
  wrap.append(element("label", { for: `f-${path}` }, title));
  let input;
  const value = getAt(path);
  if (kind === "enum") {
    const b = branches(node)[0];
    input = element("select", { id: `f-${path}` });
    input.append(element("option", { value: "" }, "（默认）"));
    (b.enum || [b.const]).forEach((v) => input.append(element("option", { value: v }, v)));
    input.value = value ?? "";
  } else if (kind === "bool") {
    input = element("input", { type: "checkbox", id: `f-${path}` });
    const fallback = resolve(node).default;
    input.checked = value ?? fallback ?? false;
  } else if (kind === "lines" || kind === "lines-or-text" || kind === "pairs") {
    input = element("textarea", { id: `f-${path}` });
    if (kind === "pairs") input.value = Object.entries(value || {}).map(([k, v]) => `${k}: ${v}`).join("\n");
    else input.value = Array.isArray(value) ? value.join("\n") : value ?? "";
  } else {
    const type = kind === "number" ? "number" : kind === "date" ? "date" : "text";
    input = element("input", { type, id: `f-${path}` });
    input.value = value ?? "";
  }
  input.dataset.path = path;
  input.dataset.kind = kind;
  input.addEventListener("change", () => { read(input); changed(); });
  input.addEventListener("input", () => { read(input); changed(); });
  wrap.append(input);
  if (describe(node)) wrap.append(element("div", { class: "help" }, describe(node)));
  return wrap;
}
function read(input) {
  const { path, kind } = input.dataset;
  let value = input.value;
  if (kind === "bool") value = input.checked;
  else if (kind === "number") value = value === "" ? undefined : Number(value);
  else if (kind === "lines") value = value.split("\n").map((s) => s.trim()).filter(Boolean);
  else if (kind === "lines-or-text") {
    const lines = value.split("\n").map((s) => s.trim()).filter(Boolean);
    value = lines.length > 1 ? lines : lines[0];
  } else if (kind === "pairs") {
    value = Object.fromEntries(value.split("\n").map((l) => l.split(/[:：]/))
      .filter((p) => p.length >= 2).map(([k, ...v]) => [k.trim(), v.join(":").trim()]));
    if (!Object.keys(value).length) value = undefined;
  }
  setAt(path, value);
}
function fields(container, prefix, node) {
  const required = new Set(node.required || []);
  ordered(node.properties).forEach(([key, child]) => {
    container.append(field(prefix ? `${prefix}.${key}` : key, label(key, child), child, required.has(key)));
  });
}
function build() {
  const form = $("#brief-form");
  form.replaceChildren();
  fields(form, "", state.schema);
  showSuggestions();
}

// ---- findings beside their fields -----------------------------------------------------------
function showFindings(findings) {
  document.querySelectorAll(".finding").forEach((n) => n.remove());
  const general = $("#general-findings");
  general.replaceChildren();
  (findings || []).forEach((f) => {
    let path = f.field || "";
    let place = null;
    while (path && !(place = document.querySelector(`.field[data-path="${path}"]`))) {
      path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    }
    const note = element(place ? "div" : "li", { class: `finding ${f.severity}` }, f.text);
    (place || general).append(note);
  });
}

// ---- the live draft --------------------------------------------------------------------------
let timer = null;
let drafts = 0;  // only the answer to the latest request is shown
function changed() { clearTimeout(timer); timer = setTimeout(redraft, 400); }
async function redraft() {
  clearTimeout(timer);
  const asked = ++drafts;
  $("#status").textContent = "起草中…";
  const result = await api("/api/draft", { brief: state.brief, seed: state.seed, name: state.name });
  if (asked !== drafts) return false;
  showFindings(result.findings);
  if (result.html) {
    $("#draft").innerHTML = result.html;
    state.suggestions = result.suggestions;
    state.used = new Set(result.used);
    showSuggestions();
    markPinned();
    const gaps = result.gaps.length ? `，${result.gaps.length} 处待补` : "，无待补";
    const target = result.target ? `（目标 ${result.target} 字）` : "";
    $("#figures").textContent = `${result.length}${target}${gaps}；第 ${result.seed} 版`;
  }
  $("#status").textContent = result.html ? "已更新" : "简报有误，见表单中的提示";
  return true;
}

// ---- per point: what the bank offers (drafter suggest), pin or ban with one click -----------------
const UNUSED = "本要点篇幅已满，或这句与上下文重复，成稿没有用上";
function phrasesAt(point) {
  const phrases = (point ? getAt(point) : state.brief)?.phrases || {};
  return { use: phrases.use || [], avoid: phrases.avoid || [] };
}
function choiceButton(text, point, id, action, title) {
  const button = element("button", { type: "button", class: `choice ${action}`, "data-action": action, title }, text);
  button.onclick = () => choose(point, id, action);
  return button;
}
function suggestionRow(point, item, pinned) {
  const row = element("li", { class: "suggestion", "data-entry": item.id });
  if (item.score !== null) row.append(element("span", { class: "score", title: "相关度" }, item.score.toFixed(2)));
  row.append(element("span", { class: "text" }, item.text));
  const meta = element("span", { class: "meta" }, `${item.id}　${item.sources.join("；")}`);
  row.append(meta);
  if (item.drafted === false && !pinned.includes(item.id))
    row.append(element("span", { class: "unused", title: "相关度不足，成稿不自动选用，可点“选用”" }, "需选用"));
  if (state.used.has(item.id)) row.append(element("span", { class: "used", title: "成稿中已用" }, "✓已用"));
  else if (pinned.includes(item.id)) row.append(element("span", { class: "unused", title: UNUSED }, "成稿未用上"));
  if (pinned.includes(item.id)) {
    row.classList.add("pinned");
    row.append(choiceButton("撤销", point, item.id, "none", "不再指定"));
  } else {
    row.append(choiceButton("选用", point, item.id, "use", "本要点优先选用（写入 phrases.use）"));
  }
  row.append(choiceButton("不用", point, item.id, "avoid", "本要点不用（写入 phrases.avoid）"));
  row.append(choiceButton("全篇不用", "", item.id, "avoid", "全篇都不用（写入简报的 phrases.avoid）"));
  return row;
}
// Where the pinned entries went in the draft.
function markPinned() {
  (state.suggestions?.points || []).forEach((point) => {
    phrasesAt(point.path).use.forEach((id) => {
      document.querySelectorAll(`#draft [data-entry="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("pinned"));
    });
  });
  phrasesAt("").use.forEach((id) => {
    document.querySelectorAll(`#draft [data-entry="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("pinned"));
  });
}

// A choice already made (pinned or banned), with ✕ to take it back.
function chip(kind, text, point, id, title) {
  const node = element("span", { class: `chip ${kind}`, title, "data-entry": id }, text);
  node.append(choiceButton("✕", point, id, "none", "撤销"));
  return node;
}
function showSuggestions() {
  document.querySelectorAll(".suggestions").forEach((n) => n.remove());
  const data = state.suggestions;
  if (!data) return;
  data.points.forEach((point) => {
    const place = document.querySelector(`fieldset[data-path="${point.path}"]`);
    if (!place) return;
    const { use, avoid } = phrasesAt(point.path);
    const box = element("div", { class: "suggestions", "data-point": point.path });
    box.append(element("div", { class: "title" }, `词库建议：${point.heading || "（无小标题）"}`));
    const chosen = element("div", { class: "chosen" });
    use.forEach((id) => {
      const drafted = state.used.has(id);
      chosen.append(chip("use", `已选用 ${id}${drafted ? "" : "（成稿未用上）"}`, point.path, id, drafted ? "成稿已用" : UNUSED));
    });
    avoid.forEach((id) => chosen.append(chip("avoid", `不用 ${id}`, point.path, id, "本要点不用")));
    if (chosen.childNodes.length) box.append(chosen);
    [["素材", point.material, "词库中没有相关素材，成稿将标注待补"], ["套话", point.formulas, ""]].forEach(([name, items, none]) => {
      if (!items.length && !none) return;
      box.append(element("div", { class: "kind" }, items.length ? name : `${name}：${none}`));
      const list = element("ul", {});
      items.forEach((item) => list.append(suggestionRow(point.path, item, use)));
      box.append(list);
    });
    place.append(box);
  });
  const general = phrasesAt("");
  const top = $("#brief-phrases");
  top.replaceChildren();
  general.avoid.forEach((id) => top.append(chip("avoid", `全篇不用 ${id}`, "", id, "全篇不用")));
}
async function choose(point, id, action) {
  const result = await api("/api/phrase",
    { brief: state.brief, original: state.original, name: state.name, point, id, action, write: true });
  if (result.findings) { showFindings(result.findings); return; }
  state.brief = result.brief;
  state.original = result.yaml;
  const pane = $("#form-pane");
  const scroll = pane.scrollTop;
  build();
  pane.scrollTop = scroll;
  const done = { use: "已选用", avoid: "已设为不用", none: "已撤销" }[action];
  if (!(await redraft())) return;
  $("#status").textContent = `${done} ${id}${result.saved ? `，已写入 ${result.saved}` : "（保存简报后写入文件）"}`;
}

function load(result) {
  if (result.findings) { showFindings(result.findings); return; }
  state.brief = result.brief || {};
  state.original = result.original || null;
  // a served brief keeps its own name: that is the file 保存简报 writes, and messages name it
  if (!document.body.dataset.served) state.name = result.name || state.name;
  state.seed = Number.isInteger(state.brief.seed) ? state.brief.seed : 0;
  build();
  redraft();
}

async function download(fmt) {
  $("#status").textContent = "生成文件…";
  const response = await fetch(`/download/${fmt}`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ brief: state.brief, seed: state.seed, name: state.name }),
  });
  if (!response.ok) { showFindings((await response.json()).findings); $("#status").textContent = "未能生成"; return; }
  const link = element("a", { href: URL.createObjectURL(await response.blob()) });
  link.download = `${state.name.replace(/\.ya?ml$/, "")}.${fmt}`;
  document.body.append(link);
  link.click();
  link.remove();
  $("#status").textContent = "已下载";
}

async function save() {
  const result = await api("/api/save", { brief: state.brief, original: state.original, name: state.name, write: true });
  if (result.findings) { showFindings(result.findings); return; }
  if (!result.saved) {
    const link = element("a", { href: URL.createObjectURL(new Blob([result.yaml], { type: "text/yaml" })) });
    link.download = state.name;
    document.body.append(link);
    link.click();
    link.remove();
  }
  state.original = result.yaml;
  $("#status").textContent = result.saved ? `已保存到 ${result.saved}` : "已下载简报";
}

async function start() {
  state.schema = await api("/api/schema");
  const templates = await api("/api/templates");
  templates.forEach((t) => $("#starter").append(element("option", { value: t.name }, `${t.name}：${t.description}`)));
  $("#starter").onchange = async (e) => { if (e.target.value) load(await api(`/api/starter/${e.target.value}`)); };
  $("#open").onchange = async (e) => {
    const file = e.target.files[0];
    if (file) load(await api("/api/open", { yaml: await file.text(), name: file.name }));
  };
  $("#save").onclick = save;
  $("#another").onclick = () => { state.seed += 1; redraft(); };
  document.querySelectorAll("[data-fmt]").forEach((b) => { b.onclick = () => download(b.dataset.fmt); });
  const opened = await api("/api/opened");
  if (opened.brief) load(opened); else build();
}
start();
