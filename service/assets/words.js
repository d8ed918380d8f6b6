import {count} from "./dom.js";

// What the API's names mean, in words a person reads. Features change with the
// model: an unknown name is shown as it is rather than hidden.

export const LABELS = {high: "high", medium: "medium", low: "low"};

export const KINDS = {
  named_person: "named person",
  named_organization: "named organisation",
  anonymous: "anonymous source",
  unattributed: "no source",
};

export const ROLES = {official: "official", media: "media", expert: "expert", witness: "witness", other: ""};

export const STANCES = {asserts: "", denies: "denial", declines: "refusal to answer"};

const agree = (n, one, many) => (n === 1 ? one : many);

// feature -> [said when present, said when absent]; the reference claim is a
// named person's plain statement, so absent features explain too.
const FEATURES = {
  attributed: ["attributed to a source", "no source: the journalist's own voice or an unattributed statement"],
  named_person: ["the source is a named person", "the source is not a named person"],
  named_organization: ["the source is a named organisation", "the source is not a named organisation"],
  anonymous_individual: ["the source is an unnamed individual", "the source is not an unnamed individual"],
  anonymous_group: ["the source is a described group (“officials”, “experts”)", "the source is not a group"],
  anonymous_no_reason: ["no reason is given for keeping the source anonymous", "a reason is given for the anonymity"],
  role_official: ["the source speaks in an official role", "the source has no official role"],
  role_expert: ["the source is an expert", "the source is not an expert"],
  role_media: ["the source is a news outlet", "the source is not a news outlet"],
  role_witness: ["the source is a witness", "the source is not a witness"],
  direct_quote: ["it is a direct quotation", "it is not a direct quotation"],
  hedged: ["it is hedged (“reportedly”, “probably”, …)", "it is not hedged"],
  nested_relay: ["it is relayed second-hand (“according to X, she said”)", "it is not relayed second-hand"],
  belief_cue: ["it is a belief, not a statement (“it is believed”)", "it is stated, not believed"],
  is_denial: ["it is itself a denial", "it is not a denial"],
  corroborating_sources: [(n) => `${count(n, "independent source")} in the request ${agree(n, "says", "say")} the same`,
    "no independent source says the same"],
  corroborating_named: [(n) => `${count(n, "named source")} ${agree(n, "says", "say")} the same`,
    "no named source says the same"],
  corroborating_official: [(n) => `${count(n, "official source")} ${agree(n, "says", "say")} the same`,
    "no official source says the same"],
  corroborating_documents: [(n) => `it is backed by claims in ${count(n, "article")} of the request`,
    "nothing in the request backs it"],
  denied: [(n) => `${count(n, "claim")} in the request ${agree(n, "denies", "deny")} it`,
    "nothing in the request denies it"],
  officially_denied: ["an official denies it", "no official denies it"],
  // Not counted: the answer does not list these claims, so a reader could not check a number against the page.
  contradicted: ["other claims in the request contradict it", "nothing in the request contradicts it"],
  denial_share: ["denials weigh against the support it has", "no denial weighs against it"],
};

// Features that count things enter the model as log(1 + n).
const COUNTS = new Set(["corroborating_sources", "corroborating_named", "corroborating_official",
  "corroborating_documents", "denied"]);

/** One explanation entry in words: present or absent depends on the claim's feature value. */
export function featurePhrase(feature, value) {
  const phrases = FEATURES[feature];
  if (!phrases) return value === undefined ? feature : `${feature} = ${value}`;
  if (value === 0 || value === false) return phrases[1];
  const present = phrases[0];
  if (typeof present !== "function") return present;
  return present(COUNTS.has(feature) && typeof value === "number" ? Math.round(Math.expm1(value)) : 1);
}
