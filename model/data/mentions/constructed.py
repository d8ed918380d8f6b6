"""Write constructed wire snippets with labelled sources for the mention typer: ``constructed.jsonl``.

    python model/data/mentions/constructed.py        # rewrites constructed.jsonl beside this file (seeded)

PolNeAR's 2016 campaign news seldom shows an unknown company or outlet speaking: its organisations are the
FBI, CNN and the State Department, which the word lists already know. Wire copy is full of them. Each
pattern below is one way the text says what a capitalised name is (README.md lists them), written as a
short story with invented names, and every source in it labelled by the shared guideline (kind, role).
The typer learns from these beside the team's real labels, at a lower weight; nothing here is scored.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("constructed.jsonl")
SEED = 20261201
PER_PATTERN = 12  # stories a pattern is written out as: enough variety of names and words per pattern

COMPANIES = ["Velmar", "Kelmont", "Norvik", "Corvex", "Aldane", "Sudoro", "Marveld", "Quillon", "Everholt",
             "Orsino", "Westrun", "Dunmore", "Halvard", "Brisco", "Tarrant", "Ferrano", "Lindqvist", "Oberlin",
             "Castell", "Mirabeau", "Pellham", "Ravensworth", "Stroud", "Veltra"]
COMPANY_TAILS = ["", "", " Energy", " Holdings", " Group", " Foods", " Rail", " Mining", " Motors", " Capital"]
# A body's kind, its role by the guideline, and the word a later description uses for it.
BODY_NOUNS = [("shipping group", "other", "group"), ("energy company", "other", "company"),
              ("utility", "other", "utility"), ("carmaker", "other", "carmaker"), ("insurer", "other", "insurer"),
              ("retailer", "other", "retailer"), ("drugmaker", "other", "company"), ("hospital", "other", "hospital"),
              ("football club", "other", "club"), ("charity", "other", "charity"), ("union", "other", "union"),
              ("airline", "other", "airline"), ("think tank", "expert", "think tank"),
              ("research institute", "expert", "institute"), ("broadcaster", "media", "broadcaster"),
              ("daily", "media", "daily"), ("news agency", "media", "agency"), ("regulator", "official", "regulator"),
              ("port authority", "official", "authority"), ("ministry", "official", "ministry")]
ADJECTIVES = ["Danish", "Brazilian", "state-owned", "family-run", "Norwegian", "regional", "listed", "Swiss",
              "Canadian", "privately held", "Dutch", "Austrian"]
LEGAL = ["Inc.", "Ltd", "plc", "AG", "Corp.", "LLC", "SA", "GmbH", "NV"]
OUTLETS = ["The Courier", "The Gazette", "The Ledger", "The Sentinel", "The Clarion", "The Beacon",
           "The Examiner", "The Chronicle", "The Standard", "The Tribune-Star", "The Dispatch", "The Monitor"]
OUTLET_NOUNS = ["newspaper", "paper", "daily", "broadcaster", "outlet"]
FIRST = ["Ana", "Martin", "Priya", "Tomas", "Leila", "Jonas", "Greta", "Samuel", "Ines", "Rafael", "Nadia",
         "Oskar", "Mei", "Daniel", "Clara", "Emeka", "Sofia", "Henrik", "Yara", "Lucas"]
LAST = ["Ruiz", "Greaves", "Okafor", "Lindgren", "Haddad", "Novak", "Brennan", "Kowalski", "Tanaka", "Moreau",
        "Osei", "Varga", "Quist", "Delacroix", "Achterberg", "Salo", "Marsh", "Petrov", "Ibarra", "Fennimore"]
PERSON_NOUNS = [("analyst", "expert"), ("economist", "expert"), ("professor", "expert"), ("lawyer", "other"),
                ("shop owner", "witness"), ("resident", "witness"), ("union organiser", "other"),
                ("chief executive", "other"), ("fund manager", "other"), ("engineer", "other")]
OFFICE_TITLES = ["Police Chief", "Finance Minister", "Mayor", "Gov.", "Sen.", "Judge", "Interior Minister",
                 "Deputy Mayor", "Health Commissioner", "Fire Chief"]
GROUPS = ["Traders", "Residents of {place}", "Commuters", "Shop owners in {place}", "Fishermen", "Parents",
          "Investors", "Farmers near {place}", "Nurses", "Dock workers"]
STAFF = ["engineers", "nurses", "inspectors", "workers", "doctors", "staff", "employees", "officials", "pilots",
         "technicians"]
PLACES = ["Hollin", "Marston", "Brackley", "Eastfield", "Grunwald", "Port Aveline", "Kessford", "Tolvik"]
VERBS = ["said", "said on Tuesday", "told reporters", "said in a statement", "confirmed", "announced",
         "said on Friday", "warned"]
CLAIMS = ["the plant would close in March", "demand had fallen sharply since the spring",
          "the contract had been signed in May", "no one was hurt in the fire", "prices would rise next year",
          "the talks had broken down", "the bridge would reopen within a week",
          "it had found no evidence of wrongdoing", "about 300 jobs would go",
          "the figures had been misread", "the merger would be completed by June",
          "the water was safe to drink", "the strike would go ahead", "the loan had been repaid in full"]


def story(parts: list[tuple[str, tuple[str, str] | None]], pattern: str) -> dict:
    """Join (text, label) pieces into one text; every labelled piece becomes a source with its offsets."""
    text, sources = "", []
    for piece, label in parts:
        if label is not None:
            sources.append({"text": piece, "start": len(text), "end": len(text) + len(piece),
                            "kind": label[0], "role": label[1], "pattern": pattern})
        text += piece
    return {"pattern": pattern, "text": text, "sources": sources}


def company(r: random.Random) -> str:
    return r.choice(COMPANIES) + r.choice(COMPANY_TAILS)


def person(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def claim(r: random.Random) -> str:
    return r.choice(CLAIMS)


def appositive_body(r: random.Random) -> dict:
    """"Velmar, the Danish shipping group, said ... Velmar said ...": the appositive's head is a body's."""
    name, (noun, role, _) = company(r), r.choice(BODY_NOUNS)
    org = ("named_organization", role)
    return story([(f"{name}, the {r.choice(ADJECTIVES)} {noun},", org), (f" {r.choice(VERBS)} that {claim(r)}. ", None),
                  (name.split()[0], org), (f" said {claim(r)}.", None)], "appositive_body")


def legal_form_elsewhere(r: random.Random) -> dict:
    """"Shares of Norvik AG fell ... Norvik said ...": the legal form is written once, elsewhere."""
    name = r.choice(COMPANIES)
    org = ("named_organization", "other")
    return story([(f"Shares in {name} {r.choice(LEGAL)} fell 4 percent on {r.choice(['Monday', 'Thursday'])}. ", None),
                  (name, org), (f" {r.choice(VERBS)} that {claim(r)}.", None)], "legal_form_elsewhere")


def body_word_before(r: random.Random) -> dict:
    """"The shipping group Velmar said ...": a body's word right before the name."""
    name, (noun, role, _) = company(r), r.choice(BODY_NOUNS)
    return story([(f"The {noun} {name}", ("named_organization", role)), (f" {r.choice(VERBS)} that {claim(r)}.", None)],
                 "body_word_before")


def pronoun_it(r: random.Random) -> dict:
    """"Velmar said ... It said ...": the name is followed by "it" and "its"."""
    name = company(r)
    org = ("named_organization", "other")
    return story([(name, org), (f" {r.choice(VERBS)} that {claim(r)}, and that its board would meet on Monday. ", None),
                  ("It", org), (f" said {claim(r)}.", None)], "pronoun_it")


def outlet_description(r: random.Random) -> dict:
    """"The Courier reported ... The newspaper said ...": an outlet, then a description of it."""
    outlet = r.choice(OUTLETS)
    media = ("named_organization", "media")
    return story([(outlet, media), (f" reported that {claim(r)}. ", None),
                  (f"The {r.choice(OUTLET_NOUNS)}", media),
                  (f" said {claim(r)}, citing {r.choice(['documents', 'emails', 'court filings'])}.", None)],
                 "outlet_description")


def body_description(r: random.Random) -> dict:
    """"Ostrava General confirmed ... The hospital said ...": a description names the body's kind."""
    name, (_, role, head) = company(r), r.choice(BODY_NOUNS)
    org = ("named_organization", role)
    return story([(name, org), (f" {r.choice(VERBS)} that {claim(r)}. ", None),
                  (f"The {head}", org), (f" said {claim(r)}.", None)], "body_description")


def document_of_body(r: random.Random) -> dict:
    """"A report by the Gazette said ...", "Velmar's records show ...": a named body's document is the body's."""
    body = r.choice([r.choice(OUTLETS), company(r)])
    role = "media" if body.startswith("The ") else "other"
    lower = body.replace("The ", "the ")
    doc = r.choice([f"A report by {lower}", f"{body}'s own records", f"Data published by {lower}",
                    f"An analysis by {lower}", f"Emails released by {lower}"])
    verb = r.choice(["showed", "show", "said", "found"])
    return story([(doc, ("named_organization", role)), (f" {verb} that {claim(r)}.", None)], "document_of_body")


def body_statement(r: random.Random) -> dict:
    """"Velmar said in a statement ...": the body speaking as itself."""
    name = company(r)
    return story([(name, ("named_organization", "other")),
                  (f" said in a {r.choice(['statement', 'filing', 'letter to shareholders'])} that {claim(r)}.", None)],
                 "body_statement")


def spokesperson(r: random.Random) -> dict:
    """"A Velmar spokeswoman said ...": an unnamed spokesperson of a named body is anonymous."""
    name, (noun, role, _) = company(r), r.choice(BODY_NOUNS)
    who = r.choice([f"A {name.split()[0]} spokeswoman", f"A spokesman for {name}", f"A {noun} spokesperson",
                    f"An official at {name}"])
    return story([(who, ("anonymous", role)), (f" {r.choice(VERBS)} that {claim(r)}.", None)], "spokesperson")


def person_with_appositive(r: random.Random) -> dict:
    """"Martin Greaves, an analyst at Kelmont, said ... Greaves said ...": a person described by their job."""
    (first, last), (noun, role) = person(r), r.choice(PERSON_NOUNS)
    who = ("named_person", role)
    return story([(f"{first} {last}, {'an' if noun[0] in 'aeiou' else 'a'} {noun} at {company(r)},", who),
                  (f" said {claim(r)}. ", None), (last, who), (f" said {claim(r)}.", None)], "person_with_appositive")


def person_pronoun(r: random.Random) -> dict:
    """"Okafor told reporters ... She said ...": a surname, then "he" or "she"."""
    (first, last), pron = person(r), r.choice(["He", "She"])
    who = ("named_person", "other")
    return story([(f"{first} {last}", who), (f" {r.choice(VERBS)} that {claim(r)}. ", None), (last, who),
                  (f" {r.choice(VERBS)} that {claim(r)}. ", None), (pron, who), (f" said {claim(r)}.", None)],
                 "person_pronoun")


def titled_person(r: random.Random) -> dict:
    """"Police Chief Ana Ruiz said ... Ruiz said ...": an office title before a name."""
    (first, last), title = person(r), r.choice(OFFICE_TITLES)
    who = ("named_person", "official")
    return story([(f"{title} {first} {last}", who), (f" {r.choice(VERBS)} that {claim(r)}. ", None), (last, who),
                  (f" said {claim(r)}.", None)], "titled_person")


def honorific_person(r: random.Random) -> dict:
    """"Haddad said ... Ms. Haddad added ...": an honorific marks a person."""
    last, hon = r.choice(LAST), r.choice(["Mr.", "Ms.", "Mrs.", "Dr."])
    who = ("named_person", "other")
    return story([(last, who), (f" {r.choice(VERBS)} that {claim(r)}. ", None), (f"{hon} {last}", who),
                  (f" said {claim(r)}.", None)], "honorific_person")


def described_group(r: random.Random) -> dict:
    """"Traders said ...", "Residents of Hollin said ...": people described, not named."""
    group = r.choice(GROUPS).format(place=r.choice(PLACES))
    verb = r.choice(["said", "told reporters", "said on Tuesday"])
    return story([(group, ("anonymous", "witness" if "Residents" in group else "other")),
                  (f" {verb} that {claim(r)}.", None)], "described_group")


def unnamed_description(r: random.Random) -> dict:
    """"The announcer said ...": a description of someone the text never names."""
    noun, role = r.choice(PERSON_NOUNS)
    return story([(f"{r.choice(['The', 'A', 'One'])} {noun}", ("anonymous", role)),
                  (f" {r.choice(['said', 'told reporters'])} that {claim(r)}.", None)], "unnamed_description")


def body_staff(r: random.Random) -> dict:
    """"Velmar engineers said ...", "Tolvik Port Authority inspectors at the site said ...": people of a named
    body, described by their work, are anonymous; they take the body's role (a company's officials are not
    official)."""
    noun, role, _ = r.choice(BODY_NOUNS)
    body = company(r) if role == "other" else f"{r.choice(PLACES)} {noun.title()}"
    where = r.choice(["", "", " at the site", f" in {r.choice(PLACES)}", " who spoke to reporters"])
    return story([(f"{body} {r.choice(STAFF)}{where}", ("anonymous", role)),
                  (f" {r.choice(VERBS)} that {claim(r)}.", None)], "body_staff")


def initials_person(r: random.Random) -> dict:
    """"A. J. Brennan said ... Brennan said ...", "E.J. Okafor": initials before a surname are a person's,
    however much they look like a body's acronym."""
    a, b, last = r.choice("ACDEJKMRT"), r.choice("ABCJKLMPRW"), r.choice(LAST)
    name = r.choice([f"{a}. {b}. {last}", f"{a}.{b}. {last}", f"{a}. {last}"])
    who = ("named_person", "other")
    return story([(name, who), (f" {r.choice(VERBS)} that {claim(r)}. ", None), (last, who),
                  (f" said {claim(r)}.", None)], "initials_person")


PATTERNS = (appositive_body, legal_form_elsewhere, body_word_before, pronoun_it, outlet_description, body_description,
            document_of_body, body_statement, spokesperson, person_with_appositive, person_pronoun, titled_person,
            honorific_person, described_group, unnamed_description, body_staff, initials_person)


def build() -> list[dict]:
    r = random.Random(SEED)
    patterns = [p for p in PATTERNS for _ in range(PER_PATTERN)]
    return [{"id": f"c{n:04d}", **pattern(r)} for n, pattern in enumerate(patterns)]


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"wrote {len(rows)} stories, {sum(len(x['sources']) for x in rows)} labelled sources to {OUT.name}")


if __name__ == "__main__":
    main()
