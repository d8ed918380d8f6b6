// The API's answer -> DOM: one section per document, its profile in words, then its claims in text order.

import {count, h, joined} from "./dom.js";
import {featurePhrase, KINDS, LABELS, ROLES, STANCES} from "./words.js";

/** Per claim id: the claim, where it is, and the links that point at it (denials, corroboration both ways). */
function indexClaims(documents, titles) {
  const index = new Map();
  documents.forEach((doc, d) => doc.claims.forEach((claim, n) => {
    index.set(claim.id, {claim, d, n, anchor: `c${d}-${n}`, title: titles[d], denies: [],
      backs: new Set(claim.corroborated_by)});
  }));
  for (const entry of index.values()) {
    for (const id of entry.claim.denied_by) index.get(id)?.denies.push(entry.claim.id);
    for (const id of entry.claim.corroborated_by) index.get(id)?.backs.add(entry.claim.id);
  }
  return index;
}

function sourceName(source) {
  const name = source.resolved?.text ?? source.text;
  return name.length > 70 ? `${name.slice(0, 69)}…` : name;
}

/** Move keyboard focus with the jump, so Tab carries on from the claim jumped to. */
function jump(event) {
  document.getElementById(event.currentTarget.hash.slice(1))?.focus({preventScroll: true});
}

/** "#4 (Foreign Ministry spokeswoman …)", or "Article 2 #4 (…)" across documents. */
function claimLink(index, id, fromDoc, brief = false) {
  const target = index.get(id);
  if (!target) return id;
  const where = target.d === fromDoc ? `#${target.n}` : `${target.title} #${target.n}`;
  const who = !brief && target.claim.source ? ` (${sourceName(target.claim.source)})` : "";
  return h("a", {href: `#${target.anchor}`, class: "claim-link", onclick: jump}, where, who);
}

function score(value) {
  return Number(value).toFixed(2);
}

/** Spans inside the claim to mark, in order, overlaps dropped (the first one wins). */
function marks(claim) {
  const spans = [];
  const add = (span, tag, cls, title) => {
    if (span && span.start >= claim.start && span.end <= claim.end && span.end > span.start) {
      spans.push({start: span.start, end: span.end, tag, cls, title});
    }
  };
  const anonymous = claim.kind === "anonymous";
  add(claim.source, "span", anonymous ? "source source--anonymous" : "source",
    anonymous ? "anonymous source" : "source");
  for (const relay of claim.source?.via ?? []) add(relay, "span", "source source--relay", "relayed by");
  for (const hedge of claim.hedges) add(hedge, "mark", "hedge", "hedge");
  add(claim.cue, "span", "cue", "attribution cue");
  spans.sort((a, b) => a.start - b.start);
  const kept = [];
  for (const span of spans) if (!kept.length || span.start >= kept.at(-1).end) kept.push(span);
  return kept;
}

function claimText(claim) {
  const chars = Array.from(claim.text); // the API counts code points, not UTF-16 units
  const out = [];
  let at = 0;
  for (const m of marks(claim)) {
    const a = m.start - claim.start;
    const b = m.end - claim.start;
    out.push(chars.slice(at, a).join(""), h(m.tag, {class: m.cls, title: m.title}, chars.slice(a, b).join("")));
    at = b;
  }
  out.push(chars.slice(at).join(""));
  return h("p", {class: "claim-text"}, out);
}

function chip(claim) {
  const label = claim.label;
  let text = label ? `${LABELS[label] ?? label} ${score(claim.score)}` : "no score";
  if (claim.stance === "declines") text = "refusal · no score";
  return h("span", {class: `chip chip--${LABELS[label] ? label : "none"}`}, text);
}

function badges(entry) {
  const {claim} = entry;
  const list = [h("span", {class: `badge badge--${claim.kind}`}, KINDS[claim.kind] ?? claim.kind)];
  if (ROLES[claim.role] !== "") list.push(h("span", {class: "badge"}, ROLES[claim.role] ?? claim.role));
  if (STANCES[claim.stance] !== "") {
    list.push(h("span", {class: `badge badge--${claim.stance}`}, STANCES[claim.stance] ?? claim.stance));
  }
  if (claim.denied_by.length) {
    list.push(h("span", {class: "badge badge--denied"}, claim.official_denial ? "officially denied" : "denied"));
  }
  if (entry.backs.size) list.push(h("span", {class: "badge"}, "corroborated"));
  if (claim.direct_quote) list.push(h("span", {class: "badge"}, "direct quote"));
  if (claim.hedges.length) list.push(h("span", {class: "badge"}, "hedged"));
  return list;
}

function sourceLine(claim) {
  const s = claim.source;
  if (!s) {
    return claim.stance === "declines" ? null
      : h("p", {class: "claim-source"}, "No source: the journalist's own voice, or an unattributed statement.");
  }
  const parts = ["Source: ", h("strong", {}, s.text)];
  if (s.resolved) parts.push(" — that is, ", h("strong", {}, s.resolved.text));
  if (s.via.length) {
    parts.push(", relayed by ", joined(s.via.map((v) => (v.resolved ? `${v.text} (${v.resolved.text})` : v.text))));
  }
  if (s.anonymity_reason) parts.push(`. Anonymity explained: “${s.anonymity_reason}”`);
  else if (claim.kind === "anonymous") parts.push(". No reason given for the anonymity");
  parts.push(".");
  return h("p", {class: "claim-source"}, parts);
}

function linkLines(entry, index) {
  const {claim, d} = entry;
  const links = (ids) => joined(ids.map((id) => claimLink(index, id, d)));
  const lines = [];
  if (claim.denied_by.length) {
    const how = claim.official_denial ? ", an official denial." : ".";
    lines.push(h("p", {class: "links links--denied"}, "Denied by ", links(claim.denied_by), how));
  }
  if (entry.denies.length) lines.push(h("p", {class: "links links--denies"}, "Denies ", links(entry.denies), "."));
  if (entry.backs.size) {
    lines.push(h("p", {class: "links links--backed"}, "Corroborated by ", links([...entry.backs]), "."));
  }
  return lines;
}

function effectText(effect) {
  const size = Math.abs(effect) < 0.005 ? "less than 0.01" : Math.abs(effect).toFixed(2);
  return effect < 0 ? `▼ lowered by ${size}` : `▲ raised by ${size}`;
}

/** The features that moved the score, against the model's reference claim. */
function why(claim) {
  if (claim.score === null || claim.score === undefined) {
    if (claim.stance !== "declines") return null;
    return h("p", {class: "why-none"}, "A refusal to answer asserts nothing: it has no score and links to nothing.");
  }
  const effects = claim.explanation ?? [];
  // Effects add up to score − reference score, so the reference is read off the answer itself.
  const reference = claim.score - effects.reduce((sum, e) => sum + e.effect, 0);
  const items = effects.map((e) => h("li", {},
    h("span", {class: `effect effect--${e.effect < 0 ? "down" : "up"}`}, effectText(e.effect)), ": ",
    featurePhrase(e.feature, claim.features?.[e.feature])));
  return h("details", {class: "why"},
    h("summary", {}, `Why ${score(claim.score)}?`),
    h("p", {}, `A plain statement by a named person, with nothing else in the request about it, scores `,
      `${score(reference)}. From there:`),
    items.length ? h("ul", {}, items) : h("p", {}, "Nothing moved this claim's score."));
}

function renderClaim(entry, index) {
  const {claim, n, anchor} = entry;
  return h("li", {id: anchor, class: `claim claim--${LABELS[claim.label] ? claim.label : "none"}`, tabindex: "-1",
    "data-claim-id": claim.id, "data-kind": claim.kind, "data-label": claim.label ?? "none"},
  h("p", {class: "claim-head"}, chip(claim), " ", h("span", {class: "claim-no"}, `#${n}`), " ", badges(entry)),
  claimText(claim), sourceLine(claim), linkLines(entry, index), why(claim));
}

/** The claims in text order, with any text between them that holds no claim shown plainly. */
function renderText(doc, text, entries, index) {
  const chars = Array.from(text);
  const items = [];
  let at = 0;
  for (const entry of entries) {
    const gap = chars.slice(at, entry.claim.start).join("").trim();
    if (gap) items.push(h("li", {class: "gap"}, gap));
    items.push(renderClaim(entry, index));
    at = Math.max(at, entry.claim.end);
  }
  const rest = chars.slice(at).join("").trim();
  if (rest) items.push(h("li", {class: "gap"}, rest));
  return h("ol", {class: "claims"}, items);
}

function percent(share) {
  return `${Math.round(share * 100)} %`;
}

/** One line of the summary listing claims: "4 claims rest on anonymous sources: #0, #2, #3 and #7." */
function listLine(entries, index, d, one, many, none) {
  if (!entries.length) return h("li", {}, none);
  const shown = entries.slice(0, 30).map((e) => claimLink(index, e.claim.id, d, true));
  const more = entries.length > 30 ? ` and ${entries.length - 30} more` : "";
  const what = `${count(entries.length, "claim")} ${entries.length === 1 ? one : many}: `;
  return h("li", {}, what, joined(shown), more, ".");
}

function denialLines(entries, index, d) {
  const byDenier = new Map();
  for (const e of entries) for (const id of e.claim.denied_by) byDenier.set(id, [...(byDenier.get(id) ?? []), e]);
  if (!byDenier.size) return [h("li", {}, "No claim is denied.")];
  return [...byDenier].map(([id, denied]) => {
    const official = index.get(id)?.claim.role === "official";
    return h("li", {class: "denial"}, official ? "Officially denied by " : "Denied by ", claimLink(index, id, d), ": ",
      joined(denied.map((e) => claimLink(index, e.claim.id, d, true))), ".");
  });
}

function profileBox(doc, entries, index, d) {
  const p = doc.profile;
  const labels = ["high", "medium", "low"].map((l) => `${entries.filter((e) => e.claim.label === l).length} ${l}`);
  const refusals = entries.filter((e) => e.claim.stance === "declines").length;
  const anonymous = entries.filter((e) => e.claim.kind === "anonymous");
  const alone = entries.filter((e) => e.claim.stance === "asserts" && e.claim.kind !== "unattributed"
    && e.backs.size === 0);
  const hedged = entries.filter((e) => e.claim.hedges.length);
  const unattributed = entries.filter((e) => e.claim.kind === "unattributed");
  const lines = [
    h("li", {}, `${count(entries.length, "claim")}: ${labels.join(", ")}`,
      refusals ? `, ${count(refusals, "refusal")} to answer.` : "."),
    listLine(anonymous, index, d, "rests on an anonymous source", "rest on anonymous sources",
      "No claim rests on an anonymous source."),
  ];
  if (p.anonymous_sources) {
    lines.push(h("li", {}, `${p.anonymous_sources} of ${count(p.sources, "distinct source")} are anonymous; `,
      `${percent(p.anonymity_reason_given)} of those say why they are not named.`,
      p.anonymous_corroborated ? " Two or more independent anonymous sources back the same claim." : ""));
  }
  lines.push(...denialLines(entries, index, d));
  if (entries.some((e) => e.claim.denied_by.length)) {
    lines.push(h("li", {}, p.denied_party_responded ? "Each denial comes from a party quoted in this article."
      : "Some claims here are denied only in other articles sent with this one."));
  }
  lines.push(listLine(alone, index, d, "stands alone (one source, nothing else here backs it)",
    "stand alone (one source each, nothing else here backs them)", "Every sourced claim is backed by another."));
  lines.push(listLine(hedged, index, d, "is hedged", "are hedged", "No claim is hedged."));
  lines.push(listLine(unattributed, index, d, "has no source", "have no source (the journalist's own voice)",
    "Every claim has a source."));
  return h("div", {class: "profile"}, h("h4", {}, "At a glance"), h("ul", {}, lines));
}

function legend() {
  return h("div", {class: "legend"},
    h("p", {}, "Score labels: ", h("span", {class: "chip chip--high"}, "high"), " ",
      h("span", {class: "chip chip--medium"}, "medium"), " ", h("span", {class: "chip chip--low"}, "low"), " ",
      h("span", {class: "chip chip--none"}, "refusal · no score"), ". In the text: ",
      h("span", {class: "source"}, "source"), ", ", h("span", {class: "source source--anonymous"}, "anonymous source"),
      ", ", h("mark", {class: "hedge"}, "hedge"), "."),
    h("p", {}, "A score is the model's estimate that the claim, as sourced, holds up. It is calibrated on checked ",
      "rumours, about two in three false: read scores against each other, not as plain odds."));
}

function renderDocument(doc, d, article, index) {
  const entries = doc.claims.map((c) => index.get(c.id));
  return h("section", {class: "document", "aria-labelledby": `doc-${d}`},
    h("h3", {id: `doc-${d}`}, article.title),
    profileBox(doc, entries, index, d),
    entries.length ? renderText(doc, article.text, entries, index) : h("p", {}, "No claims found in this article."));
}

/** The whole answer; ``articles`` are what was sent, in order: [{title, text}]. */
export function renderResults(body, articles) {
  const index = indexClaims(body.documents, articles.map((a) => a.title));
  const m = body.model ?? {};
  return [
    h("h2", {id: "results-heading", tabindex: "-1"}, "Results"),
    legend(),
    body.documents.map((doc, d) => renderDocument(doc, d, articles[d], index)),
    h("p", {class: "model"}, `Scored by ${m.name ?? "the model"} ${m.version ?? ""}.`),
  ];
}
