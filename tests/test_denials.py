"""Denials (model/attribution/denials.py): a sourced claim that rejects a claim in play, and what is not one."""

from __future__ import annotations

import pytest

from model.attribution import attribute
from model.attribution.denials import FEATURES, RULE_FEATURES, rule
from model.types import Claim, Document


def claims(text: str) -> list[Claim]:
    return attribute(Document(id="t", text=text), 0)


def stances(text: str) -> list[str]:
    return [c.stance for c in claims(text)]


@pytest.mark.parametrize("text", [
    "The harbour authority denied reports that the pier had collapsed.",  # a rejection cue and its object
    "Brenner Logistics rejected the accusation that it underpaid drivers.",
    "The federation pushed back on claims that the final was fixed.",
    "The harbour authority said the reports of a collapse were untrue.",  # a neutral cue, rejecting content
    "A spokeswoman for the mine said the allegations were “categorically false.”",
    "The coach said talk of a rift in the squad was nonsense.",
    "The militants called the U.S. claim “propaganda.”",  # a verdict noun said of a claim in play
    "The party called the allegations a smear.",
    "The company called the union's figures “scaremongering.”",
    "The farmers' union called the ministry's figure “a fairy tale.”",
    "Stratus said it disagreed with the findings and would keep talking to the regulator.",  # "with" the claim
    "The club said it had not done anything wrong.",  # the allegation in play, rejected
    "Twenty-four percent said she did nothing wrong.",
    "“There is no plan to devalue,” Finance Minister Ana Roth told reporters.",  # the wire guideline's example
    "The White House dismissed the poll as an outlier.",  # a poll's finding is a claim in play
    "The utility said the newspaper's account was misleading.",  # a verdict on a claim in play
    "The mayor called the idea that she would resign “absurd.”",
    "Press secretary Dana Pell called the estimate “fundamentally flawed.”",
    "Democrats on the committee said the memo was misleading.",  # a document making a claim
    "“That isn't the plan,” the finance minister said.",
    "The institute said the alert had been a false alarm.",  # "false" in a verdict said of it
    "The police said the swimmer had filed a false robbery report.",  # a claim called false, a word between
    "A spokesman disputes that account, the company said.",  # a verb after "a" and a word: not its base form
    "The airline replied that none of its jets had been grounded.",  # an answer that negates
    "“I don't buy that explanation,” the inspector said.",  # a believer's disbelief
    "The firm denied the report and said production would continue.",  # joined by "and": both deny
    "The railway operator said it had received no such complaints.",  # "no such" points back and negates
    "The election board on Monday rejected both objections.",  # objections claim something: rejected as wrong
    "Verlo, the former deputy minister, has said he had no involvement in the companies.",  # the accusation
    "The ministry said the two attaches had broken no laws.",
    "Lawyers for the brothers said they played no role in the robbery.",
    "The interior ministry said its officers had acted lawfully.",
    "“These figures are not accurate,” a spokesman for the port authority said.",  # a claim in play, negated
    "“That isn't correct,” the minister said.",
    "The ministry said that was not the case.",
    "His lawyer, Andrej Kos, said his client was innocent.",  # the charge rejected
    "Vass has maintained his innocence, his lawyer said.",
    "The three men pleaded not guilty, their lawyers said.",
    "Local media reported five deaths, but the fire service said that figure was wrong.",  # a figure in play
    "The army disputed the death toll.",
    "A government spokesman dismissed her comments as politically motivated.",  # what someone said, dismissed
    "Kjell dismissed it as wishful thinking by people who want the strike to end.",
    "Veltmark dismissed the engineers' accusations as baseless.",  # a possessor before what is rejected
    "A Halvik spokesman dismissed their account as rumours from people with no knowledge of the network.",  # whose
    "FC Varnas dismissed the programme as a campaign by people who want to take the club from its owner.",  # aired
    "The union rejected the company's claims.",
    "The Ruane campaign dismissed the complaint as a stunt.",  # a complaint, dismissed as something
    "The aide dismissed talk of a quid pro quo as a smear.",
    "Government officials dismissed Brel's remarks as politically motivated.",  # whose remarks, dismissed
    'Denholm dismissed the emails as "a misreading of routine conversations."',  # documents dismissed as
    'Kelmar Radio dismissed the TVK report as "a fabrication".',  # whose report, by its name
    "The utility dismissed the leakage figure as out of date.",  # which figure, by a word before it
    "Vandt dismissed the budget office's estimate as out of date.",
    'Hruska dismissed the drivers\' complaints as "the usual grumbling you hear in any depot".',  # whose complaints
    "The Fisheries Directorate denied that any bid had been seen before the deadline.",  # a clause, not a decision
    'Venkov\'s lawyer dismissed both analyses as "statistics dressed up as evidence".',
])
def test_denials(text):
    assert "denies" in stances(text), [(c.text, c.stance) for c in claims(text)]


@pytest.mark.parametrize("text", [
    "The board said her request for a transfer was denied.",  # a rejection verb in another sense
    "The judge dismissed the case against the two drivers, the court said.",
    "The ministry said it could deny the company a licence.",
    "The senator dismissed the newcomer as a lightweight.",
    "The coach dismissed Prime Minister Halvard as a fair-weather fan.",  # a named person, belittled
    "She dismissed her critics as cowards.",  # people belittled, not what they said
    "The harbour authority did not deny the reports.",  # an answer, but no denial
    "The harbour authority didn't deny that the pier was closed.",
    "The senator slammed the decision to close the pier.",  # criticism, no claim rejected
    "Inspectors said they found no evidence that the pier was unsafe.",  # a finding of one's own
    "Brenner Logistics acknowledged that the figures were wrong.",  # an admission, whatever its content rejects
    "The harbour authority admitted the report was inaccurate.",
    "“If the pier is not the cause, we will look elsewhere,” the engineer said.",  # a condition
    "Neither the mayor nor the governor knows when the pier will reopen.",  # "neither ... nor" as the subject
    "“We will not give up,” the fishermen's union said.",  # a negation aimed at no claim
    "Don't buy a single ticket more than you need, the organisers said.",  # an imperative, not disbelief
    "The minister said the pier would not reopen until June.",
    "The Supreme Court upheld the sentence on Tuesday, rejecting his appeal.",  # a decision on a request
    "The board rejected a request by the campaign to extend the deadline.",
    "The ministry rejected the union's demands for a pay rise.",
    "Trandex said it had cooperated and had dismissed two managers involved in the contract.",  # fired
    "The club dismissed its coach after the defeat, a spokesman said.",
    "Vass, who has denied the charges, will appeal, his lawyer told reporters.",  # the denial is background
    "The ministry said the rally had been a propaganda victory for the rebels.",  # a modifier, no verdict
    "“There are many people I disagree with that I would still stand beside,” Bopp said.",  # no claim with it
    "Trump has no plans to release his taxes, an aide said.",  # an intent reported, no plan in play rejected
    "The mayor said she would have no role in the new cabinet.",  # a future without her, no accusation
    "Officials said innocent civilians had been killed.",
    "Stone says the number of real independents, always exaggerated, shrinks as Election Day nears.",
    "After noting that everyone is innocent until proven guilty, police urged him to come forward.",
    "“You have not been involved in a decision of consequence,” the senator told his rival.",  # an attack
    "The minister said an inquiry would investigate the false alert.",  # a false thing, no claim called false
    "An economist said the deal would ease a trade dispute that has closed the border.",  # "dispute" a noun
    "The jurors say the prize went to a film they did not pick, in a dispute that has drawn in the ministry.",
])
def test_non_denials(text):
    assert "denies" not in stances(text), [(c.text, c.stance) for c in claims(text)]


def test_a_denial_joined_by_but_is_not_spread():
    assert stances("The firm rejected the reports, but said it would review its safety rules.") == ["denies",
                                                                                                      "asserts"]


def test_the_rules_read_the_named_features():
    none = dict.fromkeys(FEATURES, 0.0)
    assert not rule(none)
    assert rule({**none, "denial_cue": 1.0})
    assert not rule({**none, "denial_cue": 1.0, "other_sense": 1.0})  # "could deny them permits"
    assert not rule({**none, "denial_cue": 1.0, "not_denial": 1.0})  # "did not deny"
    assert rule({**none, "rejecting": 1.0}) and not rule({**none, "rejecting": 1.0, "finding": 1.0})
    for name in ("denial_elsewhere", "disbelief", "claim_rejected", "verdict_cue", "quote_negation",
                 "response_negation"):
        assert rule({**none, name: 1.0}), name
    assert set(RULE_FEATURES) < set(FEATURES)


@pytest.mark.parametrize("quote", [("“", "”"), ('"', '"'), ("''", "''")])
def test_a_quotation_negating_what_is_in_play_denies_in_every_quotation_style(quote):
    # The New York Times writes quotations between two apostrophes; the sourcing guideline's "It's not what
    # worked" rejects a claim in play whichever marks enclose it.
    opening, closing = quote
    text = f"{opening}This is not a combat mission,{closing} one senior administration official said."
    assert stances(text) == ["denies"]


@pytest.mark.parametrize("said", ["had nothing to do with the emails", "had no bearing on the foundation's work"])
def test_saying_a_claim_has_nothing_to_do_with_it_rejects_the_claim(said):
    text = f"Craig Minassian, a spokesman for the foundation, said the decision {said}."
    assert stances(text) == ["denies"]


@pytest.mark.parametrize("text", [
    "But he did not dispute that he lends his thoughts to Mr. Trump.",  # a negated rejection verb
    "The answer did not rebut Sanders's point.",
])
def test_what_rejects_no_claim(text):
    assert "denies" not in stances(text)


def test_calling_a_report_pure_speculation_rejects_it():
    text = "Velland's energy ministry said the report was \"pure speculation\" and that talks were continuing."
    assert stances(text) == ["denies"]
    assert "denies" not in stances("There was speculation that the minister would resign, the newspaper said.")


@pytest.mark.parametrize("said", ["We are not in discussions with Brannvik", "We're not in talks with anyone",
                                  "The company is not in negotiations with the union"])
def test_a_quotation_saying_there_are_no_talks_denies_the_report_of_talks(said):
    assert stances(f"“{said},” the chief executive said in a statement.") == ["denies"]
