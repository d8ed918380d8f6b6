// The page's behaviour: articles in, one POST /v1/score, the answer or its problem+json detail out.

import {count, h} from "./dom.js";
import {renderResults} from "./render.js";

const $ = (id) => document.getElementById(id);
const articles = []; // {box, textarea, title: a file's name or null}
let serial = 0;

function articleName(article) {
  return article.title ?? `Article ${articles.indexOf(article) + 1}`;
}

function relabel() {
  for (const a of articles) {
    a.box.querySelector("label").textContent = articleName(a);
    a.box.querySelector("button").hidden = articles.length === 1;
  }
}

function addArticle(text = "", title = null) {
  const id = `article-${++serial}`;
  const textarea = h("textarea", {id, rows: 8, spellcheck: "false"});
  textarea.value = text;
  const article = {textarea, title};
  const remove = h("button", {type: "button", class: "remove", onclick: () => removeArticle(article)}, "Remove");
  article.box = h("div", {class: "article"}, h("div", {class: "article-head"}, h("label", {for: id}), remove),
    textarea);
  articles.push(article);
  $("articles").append(article.box);
  relabel();
  return article;
}

function removeArticle(article) {
  article.box.remove();
  articles.splice(articles.indexOf(article), 1);
  relabel();
  articles.at(-1).textarea.focus();
}

async function addFiles(files) {
  const skipped = [];
  for (const file of files) {
    if (!(file.type === "text/plain" || /\.txt$/i.test(file.name))) {
      skipped.push(file.name);
      continue;
    }
    const text = await file.text();
    const empty = articles.find((a) => !a.textarea.value.trim() && !a.title);
    if (empty) {
      empty.textarea.value = text;
      empty.title = file.name;
      relabel();
    } else {
      addArticle(text, file.name);
    }
  }
  say(skipped.length ? `Only .txt files are read; skipped ${skipped.join(", ")}.` : "");
}

function say(text) {
  $("status").textContent = text;
}

function showError(text) {
  $("error").textContent = text;
  $("error").hidden = !text;
}

/** The problem+json detail as the service wrote it, with what the person can do about it. */
function showProblem(response, body, sent) {
  const title = body?.title ?? response.statusText;
  let text = `${response.status} ${title}: ${body?.detail ?? "the service gave no detail."}`;
  const where = /^documents\[(\d+)\]/.exec(body?.errors?.[0]?.loc ?? "");
  if (where && sent[Number(where[1])]) text += ` (${articleName(sent[Number(where[1])])})`;
  const retry = response.headers.get("Retry-After");
  if (response.status === 429 && retry) text += ` Try again in ${count(Number(retry), "second")}.`;
  showError(text);
  if (response.status === 401) {
    $("key-box").open = true;
    $("api-key").focus();
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null; // a proxy's HTML error page, say: the status still tells
  }
}

function request(sent) {
  const documents = sent.map((a, i) => ({id: String(i + 1), text: a.textarea.value, ...(a.title && {title: a.title})}));
  const headers = {"Content-Type": "application/json", Accept: "application/json"};
  const key = $("api-key").value.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  return fetch("/v1/score", {method: "POST", headers, body: JSON.stringify({documents, options: {explain: true}})});
}

function busy(on) {
  $("analyse").disabled = on;
  $("analyse").textContent = on ? "Analysing…" : "Analyse";
  $("results").setAttribute("aria-busy", String(on));
}

async function analyse(event) {
  event.preventDefault();
  const sent = articles.filter((a) => a.textarea.value.trim());
  showError("");
  if (!sent.length) {
    showError("Paste an article, or drop a .txt file, first.");
    articles[0].textarea.focus();
    return;
  }
  busy(true);
  say("Analysing…");
  try {
    const response = await request(sent);
    const body = await readJson(response);
    if (!response.ok) {
      say("");
      showProblem(response, body, sent);
      return;
    }
    const shown = sent.map((a) => ({title: articleName(a), text: a.textarea.value}));
    $("results").replaceChildren(...renderResults(body, shown).flat());
    $("results").hidden = false;
    const claims = body.documents.reduce((n, d) => n + d.claims.length, 0);
    say(`${count(claims, "claim")} in ${count(sent.length, "article")}.`);
    $("results-heading").focus();
  } catch (error) {
    say("");
    showError(`The service could not be reached: ${error.message}`);
  } finally {
    busy(false);
  }
}

function setUp() {
  addArticle();
  $("add").addEventListener("click", () => addArticle().textarea.focus());
  $("files").addEventListener("change", (e) => addFiles([...e.target.files]));
  $("input").addEventListener("submit", analyse);
  // Files dropped anywhere on the page are read, never opened by the browser.
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dropping"));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    document.body.classList.remove("dropping");
    addFiles([...e.dataTransfer.files]);
  });
}

setUp();
