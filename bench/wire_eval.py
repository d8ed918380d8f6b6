"""Sourcing and linking figures on the team's hand-labelled wire stories, beside a regex floor.

    python bench/wire_eval.py                      # the train split (tune on it)
    python bench/wire_eval.py --split holdout      # report only: never tune on it
    python bench/wire_eval.py --split holdout2     # the same: eight stories written after the first 24
    python bench/wire_eval.py --split holdout3     # the same: the tenth set, sixteen stories (105-120)
    python bench/wire_eval.py --split all --misses 5 --json out.json
    python bench/wire_eval.py --split untouched --add model/data/wire/incoming   # the reading: every holdout and
                                                   # the unread sets, pooled (once, at a round's end; never tune)
    python bench/wire_eval.py --split none --add DIR    # only the stories of DIR (its stories/ and labels/)

The stories and labels are in ``model/data/wire/`` (its GUIDELINE.md says how they were written and
labelled; ``split.tsv`` says which story is train and which holdout). Each story is posted alone to
``POST /v1/score`` through ``service.create_app()``'s test client, as ``{"documents": [{"id": "w",
"text": ...}]}``, and the answer is read as DESIGN.md's "How held-out truth is read" says:

- each predicted claim belongs to the labelled sentence its span overlaps most (none when it overlaps none);
- a labelled attribution is *covered* when its sentence holds at least one claim; kind, role, official and
  source are read from the claim of the sentence whose source best matches the labelled source: most
  content words shared with the claim's source text, its resolved text or a relay's (``via``) text; a
  labelled unattributed attribution matches an unattributed claim. When no claim matches, the claim with
  the most overlap is read (the source then counts as not matched);
- denial (stance ``denies``), hedging (non-empty ``hedges``) and refusal (stance ``declines``) are read per
  sentence from any claim of the sentence;
- links between sentences are read from every claim: a claim's ``corroborated_by`` ids give unordered
  sentence pairs, its ``denied_by`` ids ordered (denier, denied) pairs; pairs within one sentence are
  dropped (the labels have no self-links).

The regex floor reads the same labels in the same run, with one pseudo-claim per sentence: named_person
when "said|says|told|according to" has a capitalised name (not a pronoun) right before or after it, the
name as its source, else unattributed; role always other; denies when the sentence holds
deny/denie(d|s)/denial, dismiss, reject, false or untrue; hedged when it holds a word of the guideline's
hedge list (lower case: the month "May" is not "may"); declines when it holds "declined to", "did not
respond/reply/answer" or "would not say/comment/discuss"; it never predicts a link. Every figure is a
share in [0, 1]; a figure without any gold and prediction behind it is 0, never a vacuous 1. Without the
labels, the service or its model the command says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
WIRE = ROOT / "model" / "data" / "wire"
KINDS = ("named_person", "named_organization", "anonymous", "unattributed")
ROLES = ("official", "media", "expert", "witness", "other")
STANCES = ("asserts", "denies", "declines")
MENTIONS = ("person", "organization", "unnamed_person", "group", "document", "pronoun", "description")
ATTRIBUTION_KEYS = ("source", "kind", "role", "stance", "hedged")
FIGURES = ("coverage", "kind_acc", "kind_acc_named_org", "role_acc", "official_f1", "denial_f1", "hedged_f1",
           "source_match", "corroboration_link_f1", "denial_link_f1", "declines_f1")

# Words that say nothing about who a source is: left out when two source mentions are compared.
_STOP = frozenset(["the", "a", "an", "of", "for", "to", "in", "at", "on", "and", "by", "from", "with", "who",
                   "which", "that"])
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# ---------------------------------------------------------------- labels

def read_split(wire: Path = WIRE) -> dict[str, str]:
    """story -> "train" | "holdout" | "holdout2" | "holdout3", from split.tsv (comment lines start with #)."""
    out = {}
    for line in (wire / "split.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            story, half = line.split("\t")[:2]
            out[story] = half
    return out


def load_story(story: str, wire: Path = WIRE) -> tuple[str, dict[str, Any]]:
    text = (wire / "stories" / f"{story}.txt").read_text(encoding="utf-8")
    labels = json.loads((wire / "labels" / f"{story}.json").read_text(encoding="utf-8"))
    return text, labels


def problems(text: str, labels: dict[str, Any]) -> list[str]:
    """What is wrong with one story's labels: offsets, indices, links and closed sets. Empty when consistent."""
    out: list[str] = []
    sents = labels.get("sentences") or []
    if not sents:
        return ["no sentences"]
    n = len(sents)
    prev_end = 0
    for i, s in enumerate(sents):
        tag = f"sentence {i}"
        if s.get("index") != i:
            out.append(f"{tag}: index {s.get('index')!r}")
        st, en = s.get("start"), s.get("end")
        if not (type(st) is int and type(en) is int and prev_end <= st < en <= len(text)):
            out.append(f"{tag}: bad span {st!r}..{en!r}")
        elif text[st:en] != s.get("text"):
            out.append(f"{tag}: text[start:end] differs from its text")
        else:
            prev_end = en
        atts = s.get("attributions")
        if not isinstance(atts, list):
            out.append(f"{tag}: attributions is not a list")
            atts = []
        for a in atts:
            missing = [k for k in ATTRIBUTION_KEYS if k not in a]
            if missing:
                out.append(f"{tag}: attribution lacks {', '.join(missing)}")
                continue
            if a["kind"] not in KINDS or a["role"] not in ROLES or a["stance"] not in STANCES:
                out.append(f"{tag}: kind/role/stance {a['kind']!r}/{a['role']!r}/{a['stance']!r} outside the sets")
            if type(a["hedged"]) is not bool or a["hedged"] != bool(a.get("hedges", a["hedged"])):
                out.append(f"{tag}: hedged {a['hedged']!r} disagrees with hedges {a.get('hedges')!r}")
            if a.get("mention") not in (None, *MENTIONS):
                out.append(f"{tag}: mention {a.get('mention')!r}")
            if (a["source"] is None) != (a["kind"] == "unattributed"):
                out.append(f"{tag}: source {a['source']!r} with kind {a['kind']}")
            if a["kind"] == "unattributed" and a["role"] != "other":
                out.append(f"{tag}: unattributed with role {a['role']}")
            if a["source"] is not None and a["source"] not in text:
                out.append(f"{tag}: source {a['source']!r} is not in the story")
            for h in a.get("hedges") or []:
                if h not in (s.get("text") or ""):
                    out.append(f"{tag}: hedge {h!r} is not in the sentence")
        for key in ("corroborates", "denies", "contradicts"):
            links = s.get(key, [])
            if key != "contradicts" and key not in s:
                out.append(f"{tag}: no {key} list")
            for j in links:
                if type(j) is not int or not 0 <= j < n:
                    out.append(f"{tag}: {key} index {j!r} out of range")
                elif j == i:
                    out.append(f"{tag}: {key} links the sentence to itself")
        if s.get("denies") and not any(a.get("stance") == "denies" for a in atts):
            out.append(f"{tag}: denies a sentence but no attribution denies")
    refusals = {s.get("index") for s in sents
                if s.get("attributions") and all(a.get("stance") == "declines" for a in s["attributions"])}
    for s in sents:
        linked = {s.get("index")} if s.get("corroborates") or s.get("denies") else set()
        linked |= set(s.get("corroborates", [])) | set(s.get("denies", []))
        for i in sorted(linked & refusals, key=str):
            out.append(f"sentence {i}: a refusal takes part in a link")
    return out


def gold_links(labels: dict[str, Any]) -> tuple[set[frozenset[int]], set[tuple[int, int]]]:
    """Corroboration as unordered sentence pairs, denial as ordered (denier, denied) pairs."""
    corr, deny = set(), set()
    for s in labels["sentences"]:
        i = s["index"]
        corr |= {frozenset((i, j)) for j in s.get("corroborates", []) if j != i}
        deny |= {(i, j) for j in s.get("denies", []) if j != i}
    return corr, deny


# ---------------------------------------------------------------- matching

def tokens(text: str | None) -> set[str]:
    if not text:
        return set()
    words = (w.replace("’", "'").lower() for w in _TOKEN.findall(text))
    words = (w[:-2] if w.endswith("'s") else w for w in words)
    return {w for w in words if w not in _STOP}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def claim_source_texts(claim: dict[str, Any]) -> list[str]:
    """The claim's source text, its resolved text, and each relay's text and resolved text."""
    src = claim.get("source")
    if not isinstance(src, dict):
        return []
    out = [src.get("text"), (src.get("resolved") or {}).get("text")]
    for v in src.get("via") or []:
        if isinstance(v, dict):
            out += [v.get("text"), (v.get("resolved") or {}).get("text")]
    return [t for t in out if isinstance(t, str) and t]


def source_score(gold_source: str, claim: dict[str, Any]) -> int:
    """Content words the labelled source shares with the claim's best source text (0: no match)."""
    return source_fit(gold_source, claim)[0]


def source_fit(gold_source: str, claim: dict[str, Any]) -> tuple[int, int]:
    """``source_score``, and minus the content words that best text has beyond the labelled source's: of two
    claims sharing "court" with "the court", "the court" fits better than "A court clerk"."""
    g = tokens(gold_source)
    return max(((len(g & t), -len(t - g)) for t in map(tokens, claim_source_texts(claim))), default=(0, 0))


def is_unattributed(claim: dict[str, Any]) -> bool:
    return claim.get("kind") == "unattributed" or not isinstance(claim.get("source"), dict)


def assign(claims: list[dict[str, Any]], spans: list[tuple[int, int]]) -> list[int | None]:
    """The labelled sentence each claim belongs to: the one its span overlaps most (None if none)."""
    out: list[int | None] = []
    for c in claims:
        cs = (c.get("start"), c.get("end"))
        if not all(type(x) is int for x in cs):
            out.append(None)
            continue
        best = max(range(len(spans)), key=lambda i: overlap(cs, spans[i]), default=None)
        out.append(best if best is not None and overlap(cs, spans[best]) > 0 else None)
    return out


def best_claim(gold: dict[str, Any], cands: list[dict[str, Any]], span: tuple[int, int]) -> tuple[dict, bool]:
    """The claim to read a labelled attribution from, and whether its source matches the labelled one."""
    def ov(c):
        return overlap((c["start"], c["end"]), span)

    if gold["source"] is None:
        unatt = [c for c in cands if is_unattributed(c)]
        if unatt:
            return max(unatt, key=ov), True
        return max(cands, key=ov), False
    scored = [(source_fit(gold["source"], c), ov(c), -k, c) for k, c in enumerate(cands)]
    fit, _, _, claim = max(scored, key=lambda t: t[:3])
    return claim, fit[0] > 0


# ---------------------------------------------------------------- the regex floor

_NAME = r"(?:[A-Z][\w'’.&-]*)(?:\s+[A-Z][\w'’.&-]*)*"
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "one"])
_BEFORE = re.compile(rf"({_NAME})\s+(?:said|says|told)\b")
_AFTER = re.compile(rf"\b(?:said|says|told|[Aa]ccording to)\s+({_NAME})")
_FLOOR_DENY = re.compile(r"\b(?:deny|denie[ds]|denial|dismiss|reject|false|untrue)", re.I)
_FLOOR_DECLINE = re.compile(r"\bdeclin(?:ed|es|ing) to\b|\bdid not (?:respond|reply|answer)\b"
                            r"|\bwould not (?:say|comment|discuss)\b", re.I)
# Case-sensitive, so that the month "May" is not a hedge; "It is believed" opens sentences.
_FLOOR_HEDGE = re.compile(r"\b(?:reportedly|allegedly|apparently|may|might|could|possibly|probably|likely|"
                          r"unlikely|appears?|appeared|seems?|seemed|suggests?|suggesting|[Ii]t is believed|"
                          r"believed to|unconfirmed|rumou?red)\b")


def floor_claims(labels: dict[str, Any]) -> list[dict[str, Any]]:
    """One pseudo-claim per labelled sentence, as the plain scan would give it."""
    out = []
    for s in labels["sentences"]:
        text, name = s["text"], None
        for m in (*_BEFORE.finditer(text), *_AFTER.finditer(text)):
            cand = m.group(1).strip()
            if cand.split()[0].lower() not in _PRONOUNS and cand.split()[0] != "The":
                name = cand
                break
        hedge = _FLOOR_HEDGE.search(text)
        out.append({"id": f"floor:{s['index']}", "start": s["start"], "end": s["end"],
                    "kind": "named_person" if name else "unattributed", "role": "other",
                    "source": {"text": name} if name else None,
                    "stance": ("declines" if _FLOOR_DECLINE.search(text)
                               else "denies" if _FLOOR_DENY.search(text) else "asserts"),
                    "hedges": [{"text": hedge.group(0)}] if hedge else [],
                    "corroborated_by": [], "denied_by": []})
    return out


# ---------------------------------------------------------------- counting

class Tally:
    """Counts over stories; ratios with nothing behind them are 0."""

    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def add(self, key: str, k: int = 1) -> None:
        self.n[key] = self.n.get(key, 0) + k

    def binary(self, key: str, gold: bool, pred: bool) -> None:
        if gold or pred:
            self.add(f"{key}.tp" if gold and pred else f"{key}.fp" if pred else f"{key}.fn")

    def sets(self, key: str, gold: set, pred: set) -> None:
        self.add(f"{key}.tp", len(gold & pred))
        self.add(f"{key}.fp", len(pred - gold))
        self.add(f"{key}.fn", len(gold - pred))

    def ratio(self, num: str, den: str) -> float:
        d = self.n.get(den, 0)
        return self.n.get(num, 0) / d if d else 0.0

    def f1(self, key: str) -> float:
        tp, fp, fn = (self.n.get(f"{key}.{x}", 0) for x in ("tp", "fp", "fn"))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def figures(self) -> dict[str, float]:
        r = self.ratio
        return {"coverage": r("covered", "attributions"), "kind_acc": r("kind_ok", "covered"),
                "kind_acc_named_org": r("org_ok", "org_covered"), "role_acc": r("role_ok", "sourced_covered"),
                "official_f1": self.f1("official"), "denial_f1": self.f1("denial"), "hedged_f1": self.f1("hedged"),
                "source_match": r("source_ok", "covered"), "corroboration_link_f1": self.f1("corr_link"),
                "denial_link_f1": self.f1("deny_link"), "declines_f1": self.f1("declines")}


def score_story(labels: dict[str, Any], claims: list[dict[str, Any]], tally: Tally, misses: list[str]) -> None:
    """Adds one story's counts to ``tally``; appends readable misses."""
    sents = labels["sentences"]
    spans = [(s["start"], s["end"]) for s in sents]
    where = assign(claims, spans)
    by_sent: list[list[dict[str, Any]]] = [[] for _ in sents]
    sent_of_id: dict[str, int] = {}
    for c, i in zip(claims, where, strict=True):
        if i is not None:
            by_sent[i].append(c)
            sent_of_id[str(c.get("id"))] = i
    tally.add("sentences", len(sents))
    for s, cands in zip(sents, by_sent, strict=True):
        i = s["index"]
        for g in s["attributions"]:
            tally.add("attributions")
            if not cands:
                misses.append(f"s{i} uncovered: gold {g['kind']}/{g['role']} src={g['source']!r}")
                continue
            c, src_ok = best_claim(g, cands, (s["start"], s["end"]))
            psrc = (c.get("source") or {}).get("text") if isinstance(c.get("source"), dict) else None
            tally.add("covered")
            tally.add("kind_ok", c.get("kind") == g["kind"])
            tally.add("source_ok", src_ok)
            if g["kind"] == "named_organization":
                tally.add("org_covered")
                tally.add("org_ok", c.get("kind") == g["kind"])
            if g["source"] is not None:
                tally.add("sourced_covered")
                tally.add("role_ok", c.get("role") == g["role"])
                tally.binary("official", g["role"] == "official", c.get("role") == "official")
            wrong = [f for f, ok in (("kind", c.get("kind") == g["kind"]), ("source", src_ok),
                                     ("role", g["source"] is None or c.get("role") == g["role"])) if not ok]
            if wrong:
                misses.append(f"s{i} {','.join(wrong)}: gold {g['kind']}/{g['role']} src={g['source']!r} | "
                              f"pred {c.get('kind')}/{c.get('role')} src={psrc!r}")
        for key, gold, pred in (
                ("denial", any(a["stance"] == "denies" for a in s["attributions"]),
                 any(c.get("stance") == "denies" for c in cands)),
                ("hedged", any(a["hedged"] for a in s["attributions"]), any(c.get("hedges") for c in cands)),
                ("declines", any(a["stance"] == "declines" for a in s["attributions"]),
                 any(c.get("stance") == "declines" for c in cands))):
            tally.binary(key, gold, pred)
            if gold != pred:
                misses.append(f"s{i} {key}: gold {gold} pred {pred} | {s['text'][:90]!r}")
    gcorr, gdeny = gold_links(labels)
    pcorr, pdeny = set(), set()
    for c, i in zip(claims, where, strict=True):
        if i is None:
            continue
        for cid in c.get("corroborated_by") or []:
            j = sent_of_id.get(str(cid))
            if j is not None and j != i:
                pcorr.add(frozenset((i, j)))
        for cid in c.get("denied_by") or []:
            j = sent_of_id.get(str(cid))
            if j is not None and j != i:
                pdeny.add((j, i))
    tally.sets("corr_link", gcorr, pcorr)
    tally.sets("deny_link", gdeny, pdeny)
    for p in sorted(gcorr - pcorr, key=sorted):
        misses.append(f"corroboration missed s{min(p)}~s{max(p)}")
    for p in sorted(pcorr - gcorr, key=sorted):
        misses.append(f"corroboration extra s{min(p)}~s{max(p)}")
    for d, t in sorted(gdeny - pdeny):
        misses.append(f"denial link missed s{d}->s{t}")
    for d, t in sorted(pdeny - gdeny):
        misses.append(f"denial link extra s{d}->s{t}")


# ---------------------------------------------------------------- running

def stories_of(split: str, wire: Path = WIRE) -> list[str]:
    """The stories of a split ("all": every one; "untouched": every holdout; "none": none)."""
    halves = read_split(wire)
    return sorted(s for s, h in halves.items()
                  if split == "all" or h == split or (split == "untouched" and h.startswith("holdout")))


def stories_in(folder: Path) -> list[str]:
    """Every story of a folder laid out as ``model/data/wire`` is (``stories/NN-slug.txt``, ``labels/NN-slug.json``)."""
    return sorted(p.stem for p in (folder / "stories").glob("*.txt")
                  if (folder / "labels" / f"{p.stem}.json").is_file())


def pooled(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Several ``evaluate`` results as one: their counts summed, so each figure is over every story at once (a link
    F1 pooled over stories, not a mean of per-story F1s)."""
    service, floor = Tally(), Tally()
    for res in results:
        for tally, counts in ((service, res["counts"]["service"]), (floor, res["counts"]["regex_floor"])):
            for k, v in counts.items():
                tally.add(k, v)
    return _result(next((r["model"] for r in results if r["model"]), {}), service, floor,
                   {k: v for r in results for k, v in r["per_story"].items()})


def _result(model: dict[str, Any], total: Tally, floor: Tally, per_story: dict[str, Any]) -> dict[str, Any]:
    """What ``evaluate`` and ``pooled`` return: the figures of both tallies and the counts behind them."""
    return {"model": model, "sentences": total.n.get("sentences", 0), "attributions": total.n.get("attributions", 0),
            "service": total.figures(), "regex_floor": floor.figures(),
            "counts": {"service": total.n, "regex_floor": floor.n}, "per_story": per_story}


def evaluate(stories: Iterable[str], client: Any, wire: Path = WIRE, misses: int = 0,
             out=print) -> dict[str, Any]:
    """Posts each story and scores it and the regex floor; returns both figure sets and per-story counts."""
    total, floor = Tally(), Tally()
    per_story: dict[str, dict[str, Any]] = {}
    model_info: dict[str, Any] = {}
    for story in stories:
        text, labels = load_story(story, wire)
        r = client.post("/v1/score", json={"documents": [{"id": "w", "text": text}]})
        if r.status_code != 200:
            raise RuntimeError(f"{story}: /v1/score answered {r.status_code}: {r.get_data(as_text=True)[:300]}")
        body = r.get_json()
        model_info = body.get("model") or model_info
        claims = [c for d in body.get("documents", []) for c in d.get("claims") or []]
        one, story_misses = Tally(), []
        score_story(labels, claims, one, story_misses)
        score_story(labels, floor_claims(labels), floor, [])
        for k, v in one.n.items():
            total.add(k, v)
        f = one.figures()
        per_story[story] = {"sentences": one.n.get("sentences", 0), "claims": len(claims), **f,
                            "counts": dict(one.n)}  # what bench/noise.py resamples
        if misses:
            links = "  ".join(f"{name} tp/fp/fn={one.n.get(k + '.tp', 0)}/{one.n.get(k + '.fp', 0)}/"
                              f"{one.n.get(k + '.fn', 0)}" for name, k in (("corr", "corr_link"),
                                                                          ("deny", "deny_link")))
            out(f"{story}: sentences={per_story[story]['sentences']} claims={len(claims)} "
                f"kind={f['kind_acc']:.2f} role={f['role_acc']:.2f} source={f['source_match']:.2f} {links}")
            for line in story_misses[:misses]:
                out(f"    {line}")
            if len(story_misses) > misses:
                out(f"    ... {len(story_misses) - misses} more")
    return _result(model_info, total, floor, per_story)


def make_client() -> tuple[Any, str | None]:
    """The service's test client serving the shipped model, or (None, why not): this command is a client of
    the HTTP API, as the shared scorers are, and reads the answer exactly as a caller gets it, in-process."""
    try:
        from service import create_app
    except ImportError as e:  # a checkout without the runtime set installed
        return None, f"the service cannot be imported ({e})"
    app = create_app()
    logging.getLogger("service.access").setLevel(logging.WARNING)  # one access line per story is noise here
    client = app.test_client()
    ready = client.get("/readyz")
    if ready.status_code != 200:
        return None, f"the model is not ready (/readyz {ready.status_code}: {ready.get_data(as_text=True)[:200]})"
    return client, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/wire_eval.py", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("train", "holdout", "holdout2", "holdout3", "untouched", "all", "none"),
                    default="train", help="train (default; tune on it), holdout, holdout2, holdout3 or untouched "
                    "(every holdout; report only), all, or none (only --add)")
    ap.add_argument("--add", type=Path, action="append", default=[], metavar="DIR",
                    help="also score every story of DIR (stories/, labels/), pooled with the split's")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="per-story lines with up to N misses each")
    ap.add_argument("--json", metavar="OUT", help="write the figures to this file")
    args = ap.parse_args(argv)
    needed = [WIRE / "split.tsv", WIRE / "stories", WIRE / "labels"]
    absent = [f"{p.parent.name}/{p.name}" for p in needed if not p.exists()]
    if absent:
        print(f"skipped: the wire set is incomplete ({', '.join(absent)} absent)")
        return 0
    stories = stories_of(args.split)
    gone = [s for s in stories if not (WIRE / "stories" / f"{s}.txt").is_file()
            or not (WIRE / "labels" / f"{s}.json").is_file()]
    parts = [(stories, WIRE)] * bool(stories) + [(stories_in(d), d) for d in args.add]
    if not any(names for names, _ in parts) or gone:
        print(f"skipped: no stories in split {args.split}" if not gone
              else f"skipped: split.tsv names stories without text or labels: {', '.join(gone)}")
        return 0
    client, why = make_client()
    if client is None:
        print(f"skipped: {why}")
        return 0
    try:
        results = [evaluate(names, client, wire=wire, misses=args.misses) for names, wire in parts]
    except RuntimeError as e:
        print(f"failed: {e}")
        return 1
    res = results[0] if len(results) == 1 else pooled(results)
    res["split"] = args.split
    res["added"] = [str(d) for d in args.add]
    res["stories"] = sum(len(names) for names, _ in parts)
    m = res["model"]
    where = " + ".join([args.split] * bool(stories) + [d.name or str(d) for d in args.add])
    print(f"wire {where}: {res['stories']} stories, {res['sentences']} sentences, "
          f"{res['attributions']} attributions; model {m.get('name')} {m.get('version')}")
    print(f"{'figure':<24}{'service':>10}{'regex floor':>14}")
    for k in FIGURES:
        print(f"{k:<24}{res['service'][k]:>10.3f}{res['regex_floor'][k]:>14.3f}")
    n = res["counts"]["service"]
    for name, key in (("corroboration links", "corr_link"), ("denial links", "deny_link")):
        print(f"{name}: {n.get(key + '.tp', 0)} right, {n.get(key + '.fp', 0)} wrong, {n.get(key + '.fn', 0)} missed")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
