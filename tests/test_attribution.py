"""Attribution: cues, source spans, kind, role, stance, hedges, anonymity, relays and resolution."""

from __future__ import annotations

import pytest

from model import extract
from model.attribution import attribute
from model.attribution.names import name_mentions
from model.types import Claim, Document


def claims(text: str) -> list[Claim]:
    return attribute(Document(id="t", text=text), 0)


def one(text: str) -> Claim:
    (c,) = claims(text)
    return c


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("The minister said the border was closed.", "The minister", "said"),
    ("The border was closed, the minister says.", "the minister", "says"),
    ("“The border is closed,” said Interior Minister Ali Hassan.", "Interior Minister Ali Hassan", "said"),
    ("The border was closed, according to the interior ministry.", "the interior ministry", "according to"),
    ("The minister told reporters the border was closed.", "The minister", "told"),
    ("Ali Hassan, who heads the ministry, has repeatedly said the border was closed.",
     "Ali Hassan, who heads the ministry", "said"),
    ("Speaking to reporters, Ali Hassan said the border was closed.", "Ali Hassan", "said"),
    ("Sen. Chuck Grassley (R-Iowa) told Politico the bill was dead.", "Sen. Chuck Grassley (R-Iowa)", "told"),
    ("The ministry dismissed the reports as baseless.", "The ministry", "dismissed"),
    # "close to" and a "to"-taking role noun before a determiner: the whole phrase, not its object.
    ("A person close to the talks said the deal was near.", "A person close to the talks", "said"),
    ("Aides to the governor said he would sign the bill.", "Aides to the governor", "said"),
    # A coordination opened by a name or a pronoun is one source, the first named speaking.
    ("Trump and his supporters said the rally was peaceful.", "Trump and his supporters", "said"),
    ("Clinton and the State Department said the emails were harmless.", "Clinton and the State Department",
     "said"),
    ("The company and its lawyers said nothing was wrong.", "The company and its lawyers", "said"),
    # A past form a lexicon line lists alone is no base form wanting a plural subject.
    ("One of the advisers pointed out that the island is wet.", "One of the advisers", "pointed out"),
    # A plural's bare apostrophe is a possessive inside the phrase; a list's dash opens no name.
    ("Sanders' team said the count was wrong.", "Sanders' team", "said"),
    ("-Nate Cohn wrote that the polls were off.", "Nate Cohn", "wrote"),
    # A capitalised "-ly" word before the verb is a name, not an adverb.
    ("Mrs. Schlafly said the party had lost its way.", "Mrs. Schlafly", "said"),
    # A day between the subject and its verb is when, not who.
    ("Gowdy earlier Thursday said the committee had met.", "Gowdy", "said"),
    ("The minister Tuesday said the border was closed.", "The minister", "said"),
    # "put" with a figure's noun and "at": whoever gives the figure speaks.
    ("Police put the death toll at 12 on Friday.", "Police", "put"),
    ("Senator Ana Ruiz (D-Calif.) last week said the border was closed.", "Senator Ana Ruiz (D-Calif.)", "said"),
    ("The State Department less than two weeks ago said the border was closed.", "The State Department", "said"),
    ("The ministry on Monday said the border was closed.", "The ministry", "said"),
    ("Velmar Holdings earlier this week said the border was closed.", "Velmar Holdings", "said"),
    ("The governor yesterday said the border was closed.", "The governor", "said"),
    ("Officials in May said the border was closed.", "Officials", "said"),
    ("The ministry last March said the border was closed.", "The ministry", "said"),
    ("The ministry on March 3 said the border was closed.", "The ministry", "said"),
    ("The ministry in 2014 said the border was closed.", "The ministry", "said"),
    # "that" points to a time as "last" does, after a phrase's own modifier too.
    ("A guard on duty that night said the gate was open.", "A guard on duty", "said"),
    ("Two workers at the plant that morning said the alarm did not sound.", "Two workers at the plant", "said"),
    # ... but a month name with no time word before it is a name, and "May" inside a sentence no modal.
    ("Theresa May said the border was closed.", "Theresa May", "said"),
    ("British Prime Minister Theresa May has said the border was closed.", "British Prime Minister Theresa May",
     "said"),
    ("June Tabor said the border was closed.", "June Tabor", "said"),
    ("An internal email from May, seen by Nordwire, shows the border was closed.",
     "An internal email from May, seen by Nordwire", "shows"),
    # A description's name after an inverted cue is part of the mention (the wire guideline: a named person).
    ("“My son was sick for months,” said one mother, Grace Banda.", "one mother, Grace Banda", "said"),
    ("“We are fine,” said an official, Monday.", "an official", "said"),
    # ... and an appositive without an article when a role noun or a descriptor opens it
    ("“Rates will rise,” said Marta Olsen, chief economist at Nordbank.", "Marta Olsen, chief economist at Nordbank",
     "said"),
    ("“We are growing,” said Jake Horowitz, editor of the site.", "Jake Horowitz, editor of the site", "said"),
    ("“It is a boost,” said Dean Baker, co-director of the Center.", "Dean Baker, co-director of the Center", "said"),
    ("“Cities matter,” said Mitchell Moss, urban policy professor at NYU.",
     "Mitchell Moss, urban policy professor at NYU", "said"),
    ("“It is over,” said Tom Reed, in a statement.", "Tom Reed", "said"),  # no role noun: no appositive
    ("Ruiz, who opposed the plan, last week said the border was closed.", "Ruiz, who opposed the plan",
     "said"),
    ("A CNN/ORC poll in January shows the border was closed.", "A CNN/ORC poll", "shows"),
    # ... but a time inside the phrase is the phrase's, and capitals make a name.
    ("A report published last month said the border was closed.", "A report published last month", "said"),
    ("USA TODAY reported the border was closed.", "USA TODAY", "reported"),
    # "WHO" is the World Health Organization, not a relative pronoun.
    ("“It is too early,” WHO spokesman Tarik Lindmeier told a briefing.", "WHO spokesman Tarik Lindmeier", "told"),
    # "close to", "familiar with", "adviser to": the person's phrase goes on after the inverted cue.
    ("The plan was dropped, said a person close to the talks.", "a person close to the talks", "said"),
    ("The plan was dropped, said two people familiar with the matter.", "two people familiar with the matter",
     "said"),
    ("The plan was dropped, according to advisers to the governor.", "advisers to the governor", "according to"),
    # ... and before the cue: "privy to" as "close to"; "around" with a pronoun after "those" or a people noun.
    ("Sources privy to the negotiations say the deal is close.", "Sources privy to the negotiations", "say"),
    ("Those around him acknowledge that a bid seems improbable.", "Those around him", "acknowledge"),
    # A document and its producer are one source.
    ("A study by Oxford researchers found that the border was closed.", "A study by Oxford researchers", "found"),
    ("A report commissioned by the government found high levels of copper.", "A report commissioned by the government",
     "found"),
    # A web address is one word: "com" is no speaker.
    ("A screen image captured by Outsports.com showed the post.", "Outsports.com", "showed"),
    # Quoted as saying: the one quoted speaks, with or without the relay named.
    ("Berg was quoted as saying the carrier would cut jobs.", "Berg", "quoted as saying"),
    ("The head of the airline, Jonas Berg, was quoted by the newspaper Dagens Post as saying the carrier would cut "
     "jobs.", "The head of the airline, Jonas Berg", "quoted"),
    # A capitalised "Without" or "Against" between capitalised words is inside the name.
    ("Reporters Without Borders said five journalists had been killed.", "Reporters Without Borders", "said"),
    # "named" before a name gives the name: no act of naming.
    ("A spokesman named John Smith said the plant was closed.", "John Smith", "said"),
    # ... but one a reporter names ("named by the Courier") is the whole phrase, as "contacted by Reuters" is
    ("The outfitter named by the Courier, Steinhorn Hunts, said it had followed every rule.",
     "The outfitter named by the Courier, Steinhorn Hunts", "said"),
    # A "that" clause about a body or people is part of the subject, as a "who" clause is.
    ("The company that owns the building said it was safe.", "The company that owns the building", "said"),
    ("The group that organised the protest said 5,000 people attended.", "The group that organised the protest",
     "said"),
    ("Surety companies that had insured the mine agreed to pay.", "Surety companies that had insured the mine",
     "agreed"),
    # ... and with a name set off after it, the name belongs to the subject, not to the clause's object.
    ("The man who owns the building, Ivan Sell, said it was safe.", "The man who owns the building, Ivan Sell",
     "said"),
])
def test_source_and_cue_spans(text, source, cue):
    c = one(text)
    assert c.source is not None and c.source.text == source
    assert c.cue is not None and c.cue.text == cue
    assert text[c.source.start:c.source.end] == source


@pytest.mark.parametrize(("text", "first"), [
    ("The leaders agreed on Friday to reopen the border, the two governments said in a joint statement.",
     "the two governments"),
    ("The talks broke down, the ministry said in a statement on its website on Tuesday.", "the ministry"),
    ("He promised a tax cut, Frankel said the plan would fail.", "He"),  # the cue has content of its own
    ("Republicans learned that, no matter what, Donald Trump will insist on being Donald Trump.", "Republicans"),
    # an addition after the frame's comma is no content of its own
    ("North Korea fired two missiles, South Korea's military said, the latest in a series of launches.",
     "South Korea's military"),
    ("The Fed will hold rates steady, economists say, though some officials are open to a cut.", "economists"),
])
def test_a_closing_attribution_with_a_tail_of_where_and_when_frames_the_sentence(text, first):
    found = claims(text)
    assert found[0].start == 0 and found[0].source is not None and found[0].source.text == first


def test_a_participle_after_a_closing_frame_leaves_the_frame_closing():
    from model import extract  # the shipped filter keeps the opening act the rules alone would drop
    text = ("BERLIN (Reuters) - Volkswagen will recall about 120,000 vehicles worldwide over a faulty brake sensor, "
            "the carmaker said on Tuesday, confirming a report by German newspaper Handelsblatt.")
    first, participle = extract([Document(id="t", text=text)])
    assert first.start == 0 and first.source.text == participle.source.text == "the carmaker"


def test_put_without_a_figure_is_no_cue():
    assert extract([Document(id="t", text="The council put the plan on hold until March.")])[0].source is None


def test_calling_itself_gives_a_name_and_is_no_cue():
    (c,) = claims("A criminal group calling itself Black Ferret said it had copied the patient files.")
    assert c.cue.text == "said" and "Black Ferret" in c.source.text


def test_listener_of_told_is_not_the_source():
    c = one("An aide told CNN that the plan was dead.")
    assert c.source.text == "An aide"


def test_unattributed_sentence():
    c = one("The town lies 30km from the border.")
    assert (c.kind, c.role, c.source, c.cue, c.stance) == ("unattributed", "other", None, None, "asserts")


def test_two_attributions_in_one_sentence_give_two_claims_on_their_own_parts():
    text = "Trump said the economy was weak, while Clinton said it was strong."
    a, b = claims(text)
    assert (a.source.text, b.source.text) == ("Trump", "Clinton")
    assert a.end <= b.start
    assert a.text.startswith("Trump said") and b.text.startswith("while Clinton said")


def test_attribution_inside_content_is_not_a_second_claim():
    (c,) = claims("Trump said Clinton wants to raise taxes.")
    assert c.source.text == "Trump"


@pytest.mark.parametrize("text", [
    "The attack was politically motivated, police said.",  # no claim in play is rejected
    "A government spokesman did not deny the report.",
    "The ministry refused to deny that troops had crossed.",
    "The minister played down the risk of a recession.",  # belittles no claim
    "The firm brushed off a rival bid from Acme.",  # waves off no claim
])
def test_non_denials_assert(text):
    assert one(text).stance == "asserts"


@pytest.mark.parametrize("text", [
    "Police denied the claims.",
    "The ministry rejected the allegations.",
    "The mayor called the allegations baseless.",
    "The spokesman said the reports were false.",
    'The ministry called the report "pure fiction".',
    "Halvex has said the emails were taken out of context.",
    '"These accusations are politically motivated," she told reporters.',
    "Officials played down reports of a rift between the two leaders.",
    "The minister downplayed reports of a rift.",
    "Bellini brushed off the speculation after training.",  # a gesture with a claim as object
    "The ministry waved aside the criticism.",
    "He laughed off suggestions that he would resign.",
    'A lawyer for the senator said the claims were "without merit".',
    "Velmar said the figures published by the union were inaccurate.",
    'The admiral dismissed the tracking data as "incomplete and misleading".',  # data say something, as figures do
    'Her lawyer said the charges were "without any foundation".',
])
def test_denials(text):
    assert one(text).stance == "denies"


def test_kinds_and_roles():
    by_source = {c.source.text: c for c in claims(
        "The State Department said talks would resume. CNN reported that talks had stalled. "
        "Analysts said the move was expected. Residents said they heard explosions. "
        "Sen. Ted Cruz said he opposed it. Trump said he supported it.")}
    assert (by_source["The State Department"].kind, by_source["The State Department"].role) == (
        "named_organization", "official")
    assert (by_source["CNN"].kind, by_source["CNN"].role) == ("named_organization", "media")
    assert (by_source["Analysts"].kind, by_source["Analysts"].role) == ("anonymous", "expert")
    assert (by_source["Residents"].kind, by_source["Residents"].role) == ("anonymous", "witness")
    assert (by_source["Sen. Ted Cruz"].kind, by_source["Sen. Ted Cruz"].role) == ("named_person", "official")
    assert (by_source["Trump"].kind, by_source["Trump"].role) == ("named_person", "other")


@pytest.mark.parametrize(("text", "role"), [
    ("Security researchers at the firm Cobalt Labs said the data appeared genuine.", "expert"),
    ("Rem Korteweg, a security analyst in London, said the risk was high.", "expert"),
    ("Security forces said the road was closed.", "official"),
    ("The leaders of France and Germany said the talks went well.", "official"),  # a country's leaders govern it
    ("The leader of the opposition said the talks went well.", "other"),
    ("Investigators said the fire had started in the kitchen.", "official"),  # a state's, in news
    ("The daily Tirano Vjesnik, citing an unnamed investigator, reported that a guard had helped.", "official"),
    ("Dante Lauretta, principal investigator for the mission, said the samples were intact.", "expert"),
    ("The district health office said 40 children had not been vaccinated.", "official"),  # a state's office
    ("The city's emergency services said 12 people were hurt.", "official"),  # a listed service, in the plural
    ("Chief veterinary officer Annika Roos said the virus was spreading.", "official"),  # the title is the source's
    ("The Reserve Bank of India said rates would stay.", "official"),  # a central bank by its name
    ("The Bank of England said rates would stay.", "official"),
    ("Bank of America said profits rose.", "other"),  # a lender
    ("A clerk at Kestling General Hospital said the lists had been changed.", "other"),  # staff, no expert
    ("A student at Harvard University said the plan would fail.", "other"),
    ("Doctors at the hospital said the wards were full.", "expert"),  # the guideline's hospital doctors
    ("The indictment says the judge took bribes on five occasions.", "official"),  # the prosecutors' document
    ("Ship-tracking firm Bluewake said the tanker had turned back.", "expert"),  # measures for a living
    ("The national weather service said more rain was expected.", "expert"),  # the guideline's weather institutes
    ("Sports lawyer Hedda Brun said the club could appeal.", "expert"),  # a lawyer of a field, on it
    ("A lawyer for the club said it would appeal.", "other"),  # a client's lawyer
    ("Velska Tribuna's editor-in-chief, Jonas Brandt, said the report was accurate.", "media"),
    ("The Vestrian Banking Supervisor said the bank was solvent.", "official"),
    ("Tax lawyer Mira Sallen, who is not involved in the case, said the fines could be large.", "expert"),  # outsider
    ("Green Left leader Mila Hosek, who sits in the assembly, said the vote had been bought.", "official"),  # a seat
])
def test_a_role_from_the_words_around_the_head(text, role):  # "security" before an expert, "leaders of" a country
    assert one(text).role == role


@pytest.mark.parametrize(("text", "reason"), [
    ("A deal could come next week, one of the people said, asking not to be named.", "asking not to be named"),
    ("The deal is close, said a source, who asked not to be named.", "who asked not to be named"),
])
def test_the_reason_for_anonymity_after_the_cue_is_no_claim_of_its_own(text, reason):
    # "asking" and "asked" open why the source is unnamed, not a second statement.
    (c,) = claims(text)
    assert (c.kind, c.source.anonymity_reason) == ("anonymous", reason)


def test_anonymity_individual_with_reason_and_group():
    a, b = claims("A senior official, speaking on condition of anonymity, said the deal was close. "
                  "Republicans said the deal was bad.")
    assert (a.kind, a.anonymity, a.source.anonymity_reason) == ("anonymous", "individual",
                                                                 "speaking on condition of anonymity")
    assert a.role == "official"
    assert (b.kind, b.anonymity, b.source.anonymity_reason) == ("anonymous", "group", None)
    assert b.entity == "republicans"


def test_belief_and_intention_cues():
    a, b = claims("Clinton wants to raise taxes. Republicans believe the plan will fail.")
    assert a.belief and b.belief
    assert a.cue.text == "wants" and b.cue.text == "believe"


def test_hedges_and_their_exceptions():
    c = one("The senator said the bill could not pass but may fail in May, and likely voters will probably care.")
    assert [h.text for h in c.hedges] == ["may", "probably"]
    assert [h.text for h in one("Troops reportedly crossed and it appears to be over.").hedges] == [
        "reportedly", "appears to"]
    assert [h.text for h in one("The senator suggested that the bill was dead.").hedges] == ["suggested"]


@pytest.mark.parametrize(("text", "hedged"), [
    ("Researchers said adults who slept less were 30 percent more likely to develop heart disease.", False),
    ("Researchers said smokers were three times more likely to die early.", False),  # a measured risk
    ("Researchers said smokers were twice as likely to die early.", False),
    ("Analysts said Smith was more likely to win than Jones.", True),  # the speaker's own estimate
    ("Officials said the storm was likely to hit the coast on Friday.", True),
])
def test_a_measured_comparison_of_likelihood_is_no_hedge(text, hedged):
    assert bool(one(text).hedges) is hedged


def test_impersonal_passive_is_unattributed_and_hedged():
    c = one("It is believed that troops crossed the border.")
    assert c.kind == "unattributed" and c.source is None
    assert [h.text for h in c.hedges] == ["It is believed"]


def test_pronouns_resolve_by_gender_and_kind_follows():
    _, she, he = claims("Gov. John Smith met Mary Jones. She said the plan was sound. He said it was not.")
    assert (she.source.text, she.source.resolved.text, she.entity) == ("She", "Mary Jones", "jones")
    assert (he.source.resolved.text, he.kind, he.role, he.entity) == ("Gov. John Smith", "named_person", "official",
                                                                     "smith")


@pytest.mark.parametrize(("text", "kind"), [
    ("The company said on Monday it would cut 500 jobs. It added that talks with the union would go on.",
     "named_organization"),
    ('The company said it would cut 500 jobs. "We regret this decision," it said in a statement.',
     "named_organization"),
    ("The minister said the budget was ready. She added that it would go to parliament next week.", "named_person"),
    ("The congresswoman said the bill would pass. She added that talks would continue.", "named_person"),
    ("The police chief said the suspect was armed. He added that no shots were fired.", "anonymous"),
    ("The farmer said the river rose overnight. She added that her cattle were lost.", "anonymous"),
])
def test_a_pronoun_after_a_description_that_names_no_one_is_that_descriptions_speaker(text, kind):
    # The description resolves to nothing named; the pronoun had no antecedent and was a second, anonymous source.
    first, second = (c for c in claims(text) if c.source)
    assert first.source.resolved is None and first.kind == kind
    assert second.source.resolved.text == first.source.text and (second.kind, second.entity) == (kind, first.entity)


def test_a_pronoun_refers_to_the_nearest_description_of_its_gender():
    # One man, one woman, both unnamed: "he" skips the nearer woman; "she" never refers to a man.
    *_, he = claims("The man said the plan failed. The woman said it worked. He added that talks would go on.")
    assert he.source.resolved.text == "The man"
    *_, she = claims("The first man in the video said nothing. She added that talks would go on.")
    assert she.source.resolved is None


@pytest.mark.parametrize("text", [
    "A woman said the driver fled. The man said it was looted.",  # "man" is no word of "woman"
    "Charles Manson spoke from prison. His son said he was ill.",  # nor "son" of "Manson"
])
def test_a_description_points_back_by_a_whole_word_never_part_of_one(text):
    later = claims(text)[-1]
    assert later.source is not None and later.source.resolved is None


def test_a_possessive_description_is_someone_else_than_the_person_in_focus():
    text = ("Dr. Jana Malek, an epidemiologist, said the outbreak was predictable. "
            "The school's headteacher could not be reached for comment.")
    later = claims(text)[-1]
    assert later.source is not None and later.source.resolved is None and later.kind == "anonymous"


@pytest.mark.parametrize("text", [
    'A police officer at the scene said the man fled. "He ran towards the river," the officer said.',
    'A Western diplomat at the UN said the council was unlikely to act. "There is no appetite," the diplomat said.',
    # a body's description with nothing before it is what later mentions point back to
    "Six bodies were found, the state prosecutor's office said. The office said the men had been shot.",
    "The ministry said the figures were published weekly. It said the claims were baseless.",
])
def test_a_later_mention_of_an_unnamed_source_is_that_source(text):
    first, later = claims(text)
    assert later.source.resolved is not None and later.source.resolved.text == first.source.text
    assert (later.kind, later.role) == (first.kind, first.role)


def test_one_of_a_group_met_before_is_one_of_them():
    text = ('Rebel commanders disputed that the hill had fallen. "Our fighters are in position," one commander said. '
            '"We hold the road," the commander added.')
    group, one, again = claims(text)
    assert one.source.resolved is not None and one.source.resolved.text == "Rebel commanders"
    assert (one.kind, one.role) == (group.kind, group.role) == ("anonymous", "other")  # not a state's commander
    assert again.source.resolved is not None and again.source.resolved.text in ("one commander", "Rebel commanders")


def test_a_pronoun_of_another_kind_than_the_description_stays_unresolved():
    # "he" never refers to a body, "it" never to a person, and "they" speaks for a body's people as often as for it.
    for text in ("The company said it would cut jobs. He added that talks would go on.",
                 "The minister said the budget was ready. It added that talks would go on.",
                 "The company said it would cut jobs. They added that talks would go on."):
        second = [c for c in claims(text) if c.source][1]
        assert second.source.resolved is None and second.kind == "anonymous", text


def test_a_name_the_text_gives_a_courtesy_title_elsewhere_is_a_he_or_she():
    # "Tashfeen" is in no first-name list; "Ms. Malik" later in the text says she is a woman.
    text = ("Tashfeen Malik passed three background checks, but none uncovered that she talked openly about "
            "jihad. Ms. Malik made little effort to hide it.")
    she = next(c for c in claims(text) if c.source and c.source.text == "she")
    assert (she.source.resolved.text, she.kind) == ("Tashfeen Malik", "named_person")
    for_him = next(c for c in claims(text.replace("Ms. Malik", "Mr. Malik")) if c.source and c.source.text == "she")
    assert for_him.source.resolved is None  # "Mr." makes Malik a man: no "she"


@pytest.mark.parametrize("text", [
    "But please know that I am a workhorse.", "Please share this article with others.", "Hmmm, let us explain.",
    "Let us know in the comments.", "At least it got us talking about this again.",
])
def test_an_imperative_or_an_object_pronoun_is_no_source(text):
    assert one(text).source is None


def test_the_us_in_capitals_is_a_country_not_a_pronoun():
    c = one("The US has denied claims that it threatened the family.")
    assert c.source.text.endswith("US") and c.kind == "named_organization"


def test_an_officeholder_the_training_news_titles_is_official_without_a_title():
    # Listed in model/lexicon/officeholders.txt (mined from PolNeAR train); Madoff is not.
    listed, surname, unknown = claims("Bernie Sanders said the vote was rigged. Sanders said it again. "
                                      "Bernie Madoff said the fund was sound.")
    assert (listed.role, surname.role, unknown.role) == ("official", "official", "other")
    assert one("Former Sen. Bernie Sanders said the vote was rigged.").role == "other"


@pytest.mark.parametrize("opening", ["But former", "On Tuesday, former", "And retired"])
def test_former_before_a_title_stays_in_the_source_and_the_office_is_not_held(opening):
    # Lower case inside the sentence: the word was once dropped, and the listed officeholder read official.
    c = one(f"{opening} Sen. Bernie Sanders said the vote was rigged.")
    assert (c.source.text, c.role) == (f"{opening.split()[-1]} Sen. Bernie Sanders", "other")


def test_former_in_an_appositive_leaves_the_listed_office_alone():
    # "a former candidate" describes a past run, not the senator's seat, which the list knows.
    c = one("Bernie Sanders, a former candidate, said the vote was rigged.")
    assert c.role == "official"


def test_a_person_takes_the_role_the_article_describes_anywhere():
    # The description stands where the name is not a source: before it ("radio host"), or in apposition.
    host = claims("The talk that night belonged to the conservative radio host Charlie Sykes, who had warned "
                  "of it. The criticism was often warranted, Mr. Sykes said.")[-1]
    assert (host.source.text, host.role) == ("Mr. Sykes", "media")
    anchor = claims("The panel included Sean Hannity, the Fox News host, and two senators. Mr. Hannity said the "
                    "debate was rigged.")[-1]
    assert anchor.role == "media"
    # "the media and rival Hillary Clinton": "media" describes no one; "would-be president" holds no office.
    rival = claims("Trump blamed the media and rival Hillary Clinton for the loss. Clinton said he was wrong.")[-1]
    assert rival.role == "other"
    assert one("Would-be president Donald Trump said the polls were wrong.").role == "other"


@pytest.mark.parametrize(("title", "role"), [
    ("White House Chief of Staff", "official"),  # a title whose "of" once ran into the name ("Staff Denis ...")
    ("New Jersey Gov.", "official"),  # an abbreviated title after a state
    ("U.S. Secretary of State", "official"),
    ("former New Jersey Gov.", "other"),  # the office no longer held
    ("Retired U.S. Air Force Gen.", "other"),
])
def test_a_capitalised_title_before_a_name_anywhere_gives_the_role(title, role):
    # The name is no source where the title stands; the surname speaks later.
    c = claims(f"The meeting was attended by {title} Denis Corrigan on Monday. The talks went well, Corrigan "
               "said.")[-1]
    assert (c.source.text, c.role) == ("Corrigan", role)


def test_only_a_title_before_of_cuts_a_name_out_of_a_capitalised_run():
    # "Secretary of State John Kerry" names John Kerry; "University of North Carolina Chapel Hill" names no one.
    people = [span.text for span, m in name_mentions("Secretary of State John Kerry met the University of North "
                                                      "Carolina Chapel Hill board.") if m.kind == "named_person"]
    assert people == ["John Kerry"]


@pytest.mark.parametrize("source", ["Customs director general Ansel Tyrrick", "Rescue service chief Tomas Berglid"])
def test_the_heads_of_the_states_services_are_official(source):
    assert one(f"{source} said the parts had not been declared.").role == "official"


def test_the_party_and_state_after_a_name_mark_a_member_of_congress():
    assert one("Mike Pompeo (R-Kans.) said the inquiry was over.").role == "official"
    assert one("Jim Smith, a D-Day veteran, said the inquiry was over.").role != "official"


def test_definite_back_reference():
    _, senator = claims("Sen. Elizabeth Warren spoke on Monday. The senator said the bill would fail.")
    assert senator.source.resolved.text == "Sen. Elizabeth Warren"
    assert (senator.kind, senator.role, senator.entity) == ("named_person", "official", "warren")


@pytest.mark.parametrize(("text", "resolved"), [
    ("Jakov Ristic, 52, a farmer in Nisko, said the water came at night. The farmer said he lost his cows.",
     "Jakov Ristic"),
    ("Hydrologist Emil Sarkany said the river would rise. The hydrologist said the dam was safe.",
     "Hydrologist Emil Sarkany"),
])
def test_a_description_by_a_word_an_earlier_appositive_or_title_gave_names_that_person(text, resolved):
    _, again = claims(text)
    assert again.source.resolved is not None and again.source.resolved.text == resolved
    assert again.kind == "named_person"


@pytest.mark.parametrize(("text", "resolved"), [
    ("The Jordanian government said the pilot was dead. The Syrian government said he was alive.", None),
    ("The French government said it would act. The U.S. government said it would not.", None),
    ("The Halden Water Authority opened the gates. The authority said the villages had been warned.",
     "The Halden Water Authority"),
])
def test_a_body_described_by_another_name_is_another_body(text, resolved):
    # "The Syrian government" is no back-reference to "the Jordanian government": a modifier must fit.
    _, again = claims(text)
    assert (again.source.resolved.text if again.source.resolved else None) == resolved


def test_a_possessive_pronoun_owning_a_statement_resolves_to_its_owner():
    # "His remarks", "its FEC reports": the possessor speaks through the document (the guideline's documents case).
    remarks = claims("FBI Director James Comey testified on Tuesday. His remarks suggested the inquiry was over.")[-1]
    assert (remarks.source.resolved.text, remarks.kind, remarks.role) == ("FBI Director James Comey",
                                                                          "named_person", "official")
    assert one("His remarks suggested the inquiry was over.").kind == "anonymous"  # no one to own them


def test_a_named_persons_document_resolves_to_that_person_and_a_bodys_does_not():
    statement = claims("Apple CEO Tim Cook spoke on Monday. Cook's statement suggests a wider roll-out.")[-1]
    assert (statement.source.resolved.text, statement.kind) == ("Apple CEO Tim Cook", "named_person")
    report = claims("Apple released a phone. Apple's report says sales rose.")[-1]
    assert report.source.resolved is None  # "Apple" says no man or woman: no person to own it


@pytest.mark.parametrize("text", [
    "Carly Fiorina filed papers on Monday. Her financial disclosure suggests she earned millions.",
    "Carly Fiorina spoke on Monday. Her comment suggests she is worried.",
])
def test_a_disclosure_or_a_comment_is_its_owners_statement(text):
    c = claims(text)[-1]
    assert (c.source.resolved.text, c.kind) == ("Carly Fiorina", "named_person")


def test_relay_according_to_then_pronoun():
    text = "Ali Hassan spoke on Monday. According to the state news agency, he said the border was closed."
    c = claims(text)[1]
    assert c.source.text == "he" and c.source.resolved.text == "Ali Hassan"
    assert [v.text for v in c.source.via] == ["the state news agency"]
    assert c.entity == "hassan"


def test_an_outlet_quoting_someone_as_saying_relays_them():
    c = one("The Interfax news agency quoted a defence ministry source as saying the drills were routine.")
    assert c.source.text == "a defence ministry source" and c.kind == "anonymous"
    assert [v.text for v in c.source.via] == ["The Interfax news agency"]
    assert one("The agency quoted the text of the treaty in full.").source.text == "The agency"  # no "as saying"


@pytest.mark.parametrize(("text", "source", "via"), [
    ("Prime Minister Sofie Dahl was quoted by the news agency LNA as saying she had full confidence in him.",
     "Prime Minister Sofie Dahl", "the news agency LNA"),
    ("One of his friends was quoted by The Post as saying he had changed.", "One of his friends", "The Post"),
])
def test_someone_quoted_by_an_outlet_as_saying_speaks_through_it(text, source, via):
    # the passive of "The agency quoted X as saying": the subject is quoted, the agent after "by" relays
    c = one(text)
    assert (c.source.text, [v.text for v in c.source.via]) == (source, [via])


@pytest.mark.parametrize(("opening", "role"), [
    ("HALLBERG, March 18 (Nordwire) - Lindmark's defence minister, Rasmus Ekholm, used army planes.", "official"),
    ("The trip was paid for by the union's president, Rasmus Ekholm, and two aides.", "other"),
    ("As a young minister, Rasmus Ekholm flew often.", "other"),
])
def test_a_description_set_off_before_a_name_gives_the_person_their_role(opening, role):
    # the description is learnt wherever the name stands; a capacity ("As a ... minister") or a union's
    # president is no sitting office
    assert claims(f"{opening} Ekholm said the flights were approved.")[-1].role == role


def test_multi_sentence_quote_carries_its_speaker():
    text = "“We will win. We always do,” said Sen. Ted Cruz. “Nobody can stop us.”"
    first, second, third = claims(text)
    assert first.source.text == second.source.text == third.source.text == "Sen. Ted Cruz"
    assert first.cue is None and second.cue.text == "said" and third.cue is None
    assert first.direct_quote and third.direct_quote
    assert first.entity == third.entity == "cruz"


def test_quote_paragraph_after_a_speaker_paragraph_is_the_speakers():
    text = "The analyst Jane Doe said the deal was fragile.\n“It could collapse any day. Nobody knows.”"
    _, a, b = claims(text)
    assert a.source.text == b.source.text == "The analyst Jane Doe"
    assert a.kind == "named_person" and a.role == "expert"


def test_transcript_speaker_paragraph():
    text = "WALLACE: Will she attend? Tell us.\nPENCE: She will not. That is final."
    cs = claims(text)
    assert [c.source.text for c in cs] == ["WALLACE", "WALLACE", "PENCE", "PENCE"]


@pytest.mark.parametrize("label", ["Tragic", "Origins", "Sickening", "Contributing", "FACT", "Hot Property",
                                   "Schlafly's Final Column", "Last Update", "SHOCK LOSS"])
def test_a_caption_label_before_a_colon_names_no_speaker(label):
    # a picture caption's or a section's one common word is no speaker; a later "he" cannot take it either
    first, *_ = claims(f"{label}: The boy was pulled from the river on Monday.\n\nHe was treated in hospital.")
    assert first.source is None and first.kind == "unattributed"


def test_a_name_before_a_headlines_colon_still_speaks():
    for speaker in ("Gingrich", "Sen. Ted Cruz", "Mark Price"):  # "Price" a common word after a first name
        first, *_ = claims(f"{speaker}: Trump Must Release His Tax Returns Now")
        assert first.source is not None and first.source.text == speaker


@pytest.mark.parametrize("text", ["You said the plan was good.", "As you said, the plan was good."])
def test_you_is_the_one_addressed_never_a_name(text):
    from model import extract  # the shipped typer once read a capitalised "You" as a body's name
    (c,) = extract([Document(id="t", text=text)])
    assert c.source.text.lower() == "you" and c.kind == "anonymous"


@pytest.mark.parametrize("text", ["You know, the ones who went to college.", "He was, you see, tired of it."])
def test_you_know_before_a_pause_is_a_filler_not_an_attribution(text):
    assert one(text).source is None


def test_you_know_with_an_object_still_speaks():
    assert one("You know the plan was good.").source.text == "You"


@pytest.mark.parametrize("text", ["Unconfirmed reports are circulating that the town fell.",
                                  "Health worries have dogged the senator since May."])
def test_a_cue_word_in_s_before_are_or_have_is_a_plural_noun(text):
    assert one(text).source is None


def test_says_before_are_is_still_the_verb_of_a_relative_clause():
    assert [c.source.text for c in claims("He sent the emails that the agency now says are secret.") if c.source] == [
        "the agency"]


@pytest.mark.parametrize("text", ["I'm sure, I've said, that the plan works.", "I’d say the plan works."])
def test_a_pronoun_with_a_verb_written_onto_it_is_the_pronoun(text):
    from model.attribution.mentions import classify
    (c,) = claims(text)
    assert classify(c.source.text).kind == "pronoun" and c.kind == "anonymous"


def test_a_contracted_who_refers_to_the_name_before_it():
    from model import extract  # the shipped filter keeps "endorsed"; the rules alone doubt it
    text = "Sen. Chris Collins spoke on Monday. Collins, who’d previously endorsed Jeb Bush, is now for Trump."
    c = next(c for c in extract([Document(id="t", text=text)]) if c.source and c.source.text == "who’d")
    assert c.kind == "named_person" and "Collins" in c.source.resolved.text


@pytest.mark.parametrize(("text", "source"), [
    ("With the prepared text doomed to be ignored - Mr. Biden said the race was close.", "Mr. Biden"),
    ("The storm hit the coast - regional officials said the damage was severe.", "regional officials"),
    ("Four days after the attack, a U.S.-born analyst said the threat remained.", "a U.S.-born analyst"),
])
def test_a_spaced_dash_ends_a_source_phrase_and_a_hyphen_after_an_abbreviation_does_not(text, source):
    assert [c.source.text for c in claims(text) if c.source] == [source]


@pytest.mark.parametrize("speaker", ["Report", "Officials", "Gingrich", "PENCE"])
def test_a_name_or_a_noun_that_speaks_before_a_colon_still_speaks(speaker):
    first = claims(f"{speaker}: Trump will name a running mate this week.")[0]
    assert first.source is not None and first.source.text == speaker


def test_a_name_with_an_age_and_an_appositive_before_the_cue_is_the_source():
    c = one("Carole Bower, 75, a retiree in Carthage, Ill., said she would vote for him.")
    assert c.source.text.startswith("Carole Bower") and c.kind == "named_person"
    c = one("In Paris, a spokesman for the ministry, who was angry, said yes.")  # a place is no name in apposition
    assert c.source.text.startswith("a spokesman")
    c = one("The company's chief executive, Helen Marsh, who joined in 2019, said prices were fair.")
    assert c.source.text == "The company's chief executive, Helen Marsh, who joined in 2019"  # the role first
    c = one("In Paris, Miran Tosk, who faces an election, said it was fair.")  # a place before is no description
    assert c.source.text == "Miran Tosk, who faces an election"


def test_a_long_appositive_before_the_cue_is_not_cut_to_start_at_another_persons_title():
    # cut at a noun phrase's usual length, the phrase began at "Mr." and the source was Mr. Clinton
    c = one("Jo Ames, a former aide to Mr. Clinton and senior vice president for public affairs at Third Way, "
            "a think tank, said the plan would fail.")
    assert c.source.text.startswith("Jo Ames, a former aide to Mr. Clinton")
    assert c.role == "expert"


@pytest.mark.parametrize("text", [
    "A Harlow poll of voters has, however, revealed that the mayor is unpopular.",
    "Jo Ames has, so far, refused to consider the demand.",
])
def test_an_aside_after_an_auxiliary_leaves_the_subject_before_it(text):
    c = one(text)
    assert c.source is not None and c.source.text in ("A Harlow poll of voters", "Jo Ames")


@pytest.mark.parametrize("text, source", [
    ("Jo Ames Fully Embraced The Plan When She Became Mayor.", "Jo Ames"),  # a headline's adverb
    ("Mrs. Schlafly Said It Again.", "Mrs. Schlafly"),  # a name ending in -ly stays a name
    ("The Daily Reported It.", "The Daily"),
])
def test_a_headlines_capitalised_adverb_is_no_part_of_the_source(text, source):
    assert one(text).source.text == source


def test_a_relative_clause_on_an_appositive_keeps_the_name_before_it():
    c = one("“We need a plan,” Jo Ames, the polling guru who founded a website tweeted on Wednesday.")
    assert c.source.text.startswith("Jo Ames, the polling guru") and c.kind == "named_person"
    c = one("Sen. Ada Rusk of Harlow, the ranking Democrat on the committee, who said none of the emails came "
            "from Clinton.")
    assert c.source.text == "who" and c.source.resolved.text.startswith("Sen. Ada Rusk") and c.role == "official"
    # a clause ending in a name is no name: "The claims come from Ivo Sell" stays out of the source
    c = one("The claims come from Ivo Sell, a journalist who has spoken with the family, and were denied.")
    assert c.source is None or not c.source.text.startswith("The claims")


def test_the_subject_of_a_verb_governing_a_gerund_cue_is_its_source():
    # "avoids" governs the gerund: it is no part of the name
    assert one("Jo Ames avoids condemning the invasion of Harlow.").source.text == "Jo Ames"


def test_a_description_then_a_titled_name_is_the_named_person_a_pronoun_can_take():
    text = ("But the other candidate on the stage, former Secretary of State Ada Rusk, drew a contrast, saying the "
            "plan was sound.\n\n“I take the critics seriously,” she said.")
    from model import extract  # the shipped models: the typer and the pronoun ranker
    last = extract([Document(id="t", text=text)])[-1]
    assert last.kind == "named_person" and "Ada Rusk" in last.source.resolved.text
    # no person is described by a clause or a gerund that merely ends in a name
    from model.attribution.mentions import classify
    assert classify("His popularity, even after he criticized President Ivo Sell").kind != "named_person"
    assert classify("his phone rang, playing Ada Rusk's song").kind != "named_person"


def test_a_name_before_a_colon_and_a_quotation_speaks_it():
    text = ("The polls missed.\n\nTOO EARLY - Mark Blumenthal and Jon Cohen: “The polls ended too early. "
            "They were not wrong.”\n\nTrump told Fox News: “We will win.”")
    cs = claims(text)
    assert [c.source.text if c.source else None for c in cs] == [
        None, "Mark Blumenthal and Jon Cohen", "Mark Blumenthal and Jon Cohen", "Trump"]
    assert cs[1].cue.text == ":" and cs[3].cue.text == "told"


def test_claims_are_in_text_order_and_spans_index_the_text():
    text = "“Yes,” he said. Officials, who asked not to be named, said no.\n\nThe end came, experts said."
    cs = claims(text)
    assert [c.start for c in cs] == sorted(c.start for c in cs)
    for c in cs:
        assert text[c.start:c.end] == c.text
        if c.source:
            assert text[c.source.start:c.source.end] == c.source.text
    assert cs[1].source.anonymity_reason == "who asked not to be named"
    assert cs[1].anonymity == "individual"


def test_evaluate_skips_cleanly_without_data(tmp_path, capsys):
    from model.training.evaluate import main

    assert main(["polnear", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_evaluate_scores_a_tiny_split(tmp_path):
    from model.training.evaluate import polnear

    text = "Officials said the bridge was closed. The river rose.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    ann = ("T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge was closed\n"
           "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ann, encoding="utf-8")
    res = polnear(tmp_path)
    assert (res["gold_src"], res["pred_src"]) == (1, 1)
    assert res["source_overlap_f1"] == res["source_exact_f1"] == res["cue_overlap_f1"] == 1.0


def test_inserted_prepositional_phrase_is_not_the_mention():
    c = one("Hillary Clinton, at a later press gaggle, said the facts matter.")
    assert c.source.text == "Hillary Clinton"
    assert c.role == "other"  # "press gaggle" does not make her media


@pytest.mark.parametrize(("text", "source"), [
    ("Obama, after meeting the families, said the country would not forget.", "Obama"),
    ("Clinton, when asked about the emails, said she had done nothing wrong.", "Clinton"),
    ("Residents of Tarvik, where the plant is the largest employer, said the town would suffer.",
     "Residents of Tarvik"),
    ("A resident who knew him, when asked, said he was quiet.", "A resident who knew him"),
])
def test_a_subordinate_clause_between_subject_and_cue_is_crossed(text, source):
    """A clause opened by a subordinator ("when", "after", "where") set off by commas before the cue is no part
    of the mention, and the subject stands before it (these were unattributed)."""
    assert one(text).source.text == source


@pytest.mark.parametrize("clause", [", when asked,", ", when,", " , while ,"])
def test_a_chain_of_subordinate_clauses_costs_no_recursion(clause):
    """Thousands of inserted clauses before a cue (hostile text) are looked across one at a time: the subject
    search never recurses clause by clause (it once raised RecursionError here)."""
    assert claims("Officials" + clause * 3000 + " said the plan was over.")


@pytest.mark.parametrize("text", [
    "Prices fell sharply on Monday, and analysts, said the slump would last.",
    "The success of the campaign in both Iowa and Ohio, while spending little, shows that it is strong.",
])
def test_a_coordinated_clause_or_a_prepositions_object_is_no_subject_across_a_clause(text):
    assert all(c.source is None or c.source.text not in ("Prices", "Iowa and Ohio") for c in claims(text))


def test_asked_question_is_its_own_unsourced_claim():
    text = "Asked about the device, O'Neill said, “Not going to go into that.”"
    asked, answer = claims(text)
    assert (asked.cue.text, asked.source, asked.kind) == ("Asked", None, "unattributed")
    assert answer.source.text == "O'Neill" and answer.cue.text == "said"
    assert asked.end <= answer.start


def test_quotation_stance_is_shared_by_its_sentences():
    text = "“Coal isn't the villain,” he said. “The villain is carbon dioxide.”"
    first, second = claims(text)
    assert first.stance == second.stance == "denies"


@pytest.mark.parametrize(("text", "source"), [
    ("The device was not recording, police said.", "police"),
    ("The meeting soured, said one GOP source in the room.", "one GOP source in the room"),
    ("“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
     "Senate Majority Leader Mitch McConnell, R-Ky."),
    ("Derek Mitchell, who served as ambassador to Burma, said Clinton reached out.",
     "Derek Mitchell, who served as ambassador to Burma"),
    ("Tom Baker, 61, a retired teacher who lives nearby, said the blast shook his house.",
     "Tom Baker, 61, a retired teacher who lives nearby"),
    ("The deal is off, said the official's spokesman.", "the official's spokesman"),
    ("The cuts will hit sales staff, said one of the people.", "one of the people"),  # a partitive's head: "people"
    ("The plan was dropped, said two of the officials familiar with it.", "two of the officials familiar with it"),
    ("Brightwell Inc. said sales rose.", "Brightwell Inc."),  # the legal form's period ends no phrase
    ("In a bid to drive growth, eBay Inc said it would spin off PayPal.", "eBay Inc"),
    ("Shares fell after J.P. Morgan Chase & Co. declined to comment.", "J.P. Morgan Chase & Co."),
])
def test_sources_around_commas(text, source):
    c = one(text)
    assert c.source is not None and c.source.text == source


@pytest.mark.parametrize("text", [
    "The cuts, which could come next week, would mainly affect sales staff, said one trader.",
    "The police, has however, urged those responsible to come forward.",
])
def test_a_predicate_after_a_relative_clause_is_no_inserted_clause(text):
    # the phrase before the cue is the sentence's subject and its verb, not a mention with a clause in apposition
    assert all(c.source is None or "," not in c.source.text for c in claims(text))


@pytest.mark.parametrize(("text", "kind"), [
    ("Local MP Jodie McKay said the community was shaken.", "named_person"),
    ("Several Labour MPs said the plan would fail.", "anonymous"),  # capitalised, yet no name
])
def test_members_of_parliament_hold_an_office(text, kind):
    c = one(text)
    assert (c.kind, c.role) == (kind, "official")


def test_a_whose_clause_says_nothing_of_the_role():
    # "whose shares jumped": a noun after "whose", not a present-tense verb telling what the source does now
    (c,) = [c for c in claims("The rival, whose shares jumped on the report, said it knew of no approach.") if c.source]
    assert c.role == "other"


def test_states_speak_as_official_bodies():
    a, b = claims("Russia demanded that Pyongyang stop. China, Pyongyang's only ally, said it opposed the test.")
    assert (a.kind, a.role, a.entity) == ("named_organization", "official", "russia")
    assert (b.kind, b.role, b.entity) == ("named_organization", "official", "china")


@pytest.mark.parametrize(("text", "source", "cue"), [
    # a public act or stance opening a sentence, with no reporting verb
    ("Republicans weren’t too concerned about this shift in strategy.", "Republicans", "weren’t too concerned"),
    ("In the lead-up to the debate, Clinton aides were coy about whether they would change.", "Clinton aides",
     "were coy"),
    ("The Trump campaign did not immediately respond to requests for comment.", "The Trump campaign",
     "did not immediately respond"),
    ("At first, regulators and advisers to Patriot didn't know what to make of Mr. Clarke.",
     "regulators and advisers to Patriot", "didn't know"),
    ("That worries environmentalists.", "environmentalists", "worries"),
    ("He’s claiming that voting fraud is a big problem.", "He", "claiming"),
    ("Romney never shook that image, which was cemented with his infamous comment about 47 percent.", "his",
     "comment"),
    # comment clauses, polls and estimates
    ("Hawaii, as one of Mr. Obama's climate advisers pointed out, rarely gets two hurricanes.", None, "pointed out"),
    ("As The Washington Post reported, Sanders would need more delegates.", "The Washington Post", "reported"),
    ("Clinton held a 24-point lead among black voters in a CNN national poll.", "a CNN national poll", "in"),
    ("In West Virginia alone, 300,000 acres of forest were cleared, by one estimate.", "one estimate", "by"),
    # described groups as subjects
    ("Political observers in Virginia and around the country say Scott deserves it.",
     "Political observers in Virginia and around the country", "say"),
    ("In a column, two Democratic speechwriters implored Clinton to bring it back.", "two Democratic speechwriters",
     "implored"),
    ("But he does believe McConnell is correct.", "he", "believe"),
])
def test_attributions_without_a_plain_speech_verb(text, source, cue):
    c = claims(text)[0]
    assert c.source is not None and c.cue is not None and c.cue.text == cue
    assert source is None or c.source.text == source


def test_a_second_attribution_in_a_sentence_is_its_own_claim():
    first, second = claims("Sen. David Perdue said he did not believe it, arguing that divisions hurt Romney.")
    assert (first.cue.text, second.cue.text) == ("said", "arguing")
    assert first.source.text == second.source.text == "Sen. David Perdue"
    assert first.end <= second.start and second.text.startswith("arguing")
    a, b = claims("World leaders denounce N. Korea test; Obama, others vow consequences.")
    assert (a.source.text, b.cue.text) == ("World leaders", "vow")


def test_reporting_clause_after_a_comma_frames_the_sentence():
    c = one("Officials felt comfortable with the deal, said Mr. Barrett, the lawyer for the agency.")
    assert c.source.text.startswith("Mr. Barrett") and c.cue.text == "said"


def test_neither_as_a_subject_is_not_passed_over():
    # "neither" stands before a cue and is passed over only with "nor" after it ("would neither confirm nor deny")
    texts = [c.text for c in claims("But Trump did not dismiss Lewandowski on Tuesday, and neither apologized.")]
    assert "and neither apologized." not in texts


def test_no_cue_inside_a_passive_infinitive():
    c = one("An official Kurdish source who asked not to be identified told Al Jazeera the town fell.")
    assert c.cue.text == "told" and c.anonymity == "individual"


@pytest.mark.parametrize(("text", "source", "kind"), [
    ("Officials contacted by Reuters said the plan was off.", "Officials contacted by Reuters", "anonymous"),
    ("Residents of Lesk reached by telephone said troops had moved.", "Residents of Lesk reached by telephone",
     "anonymous"),
    ("Analysts polled by the agency said growth would slow.", "Analysts polled by the agency", "anonymous"),
    ("The deal is off, the source cited by the Gazette said.", "the source cited by the Gazette", "anonymous"),
])
def test_how_the_reporter_got_the_source_is_not_the_source(text, source, kind):
    c = one(text)  # the agent after "by" is the reporting outlet or a telephone, not who speaks
    assert c.source is not None and c.source.text == source
    assert c.kind == kind and c.entity and "reuters" not in c.entity and "agency" not in c.entity


@pytest.mark.parametrize(("text", "source"), [
    ("A lawyer hired by the company said the contract was valid.", "A lawyer hired by the company"),
    ("Experts commissioned by the ministry said the bridge was safe.", "Experts commissioned by the ministry"),
    ("A private investigator hired by the family said the police had missed evidence.",
     "A private investigator hired by the family"),
])
def test_people_a_participle_describes_speak_not_its_agent(text, source):
    c = one(text)  # who hired or commissioned them is not who speaks
    assert c.source is not None and c.source.text == source and c.kind == "anonymous"


@pytest.mark.parametrize(("text", "source"), [
    ("Figures released by the ministry show unemployment rose.", "Figures released by the ministry"),  # no cue
    ("Figures published by the ministry show unemployment rose.", "Figures published by the ministry"),
    ("Putin countered by calling the sanctions counterproductive.", "Putin"),  # "by" and a gerund: a verb
])
def test_a_participle_before_by_is_a_reduced_relative_not_a_cue(text, source):
    from model import extract  # with the shipped filter, which weighs what the rules doubt
    (c,) = extract([Document(id="t", text=text)])
    assert c.source is not None and c.source.text == source


def test_a_document_and_its_author_after_by_are_one_source():
    # The guideline's span: "a study by William Seltzer of Fordham University" (PolNeAR), "Inspection records of
    # the State Mining Inspectorate" (wire); the author is inside it, so the kind can be the author's.
    c = one("A report released by the ministry said exports fell.")
    assert c.source is not None and c.source.text == "A report released by the ministry"


def test_a_body_described_by_another_kind_is_not_the_earlier_body():
    text = ("Norrhall Bank was fined 40 million crowns on Monday for failing to report suspicious payments, "
            "the central bank said.")
    c = claims(text)[-1]  # "central" is not said of Norrhall Bank: the regulator speaks, not the bank it fined
    assert c.source is not None and c.source.resolved is None
    assert c.kind == "named_organization" and c.role == "official" and "norrhall" not in c.entity


def test_a_spokesman_named_by_the_body_met_before_takes_its_role():
    text = ("The Karst Regional Emergency Service put the number of trapped miners at 13. "
            "Rescue teams were close to the men, service spokesman Bojan Lusic said.")
    c = claims(text)[-1]
    assert c.kind == "named_person" and c.role == "official"
    assert one("Clinton spokesman Brian Fallon said the report was wrong.").role == "other"


@pytest.mark.parametrize(("text", "source", "role"), [
    ("The business newspaper Lisvard Ledger reported that the bank paid a fine.",
     "The business newspaper Lisvard Ledger", "media"),
    ("Rights group Amnesty International said the trial was unfair.", "Rights group Amnesty International", "other"),
    # a longer phrase of another role outweighs the official word inside it
    ("Maritime security firm Seaward Risk said the tanker was seized.", "Maritime security firm Seaward Risk",
     "expert"),
])
def test_a_body_named_with_its_kind_keeps_the_kind_in_its_source(text, source, role):
    c = one(text)  # the rules alone (the typer decides the kind)
    assert (c.source.text, c.role) == (source, role)


def test_a_body_word_after_a_verb_is_no_part_of_the_next_name():
    c = one("Smith told the newspaper Trump would win.")
    assert c.source.text == "Smith"


def test_a_description_after_a_name_in_apposition_resolves_to_the_named_mention():
    # "The judge, Maria Lopez": the fullest mention of Lopez keeps her name, so "The judge" later points to it.
    _, judge = claims("The judge, Maria Lopez, said the case would go ahead. The judge said no more.")
    assert (judge.source.resolved.text, judge.kind, judge.entity) == ("The judge, Maria Lopez", "named_person",
                                                                      "lopez")


def test_an_age_between_a_postposed_name_and_its_appositive_keeps_the_appositive():
    c = one('"We carried my mother onto the roof," said Jakov Ristic, 52, a farmer in Nisko.')
    assert c.source.text == "Jakov Ristic, 52, a farmer in Nisko"
    assert one('"We carried my mother onto the roof," said Jakov Ristic, 52.').source.text == "Jakov Ristic"


@pytest.mark.parametrize(("text", "cues", "second"), [
    ("Six in 10 say he is decisive, after half said so in March.", ("say", "said"), "half"),
    ('Trump called the assault "an attack on our country," but he also noted the deaths.', ("called", "noted"), "he"),
])
def test_a_clause_opened_after_a_comma_is_its_own_attribution(text, cues, second):
    from model import extract  # the shipped filter keeps these candidates; the rules alone doubt "say" after "10"

    first, other = extract([Document(id="t", text=text)])
    assert (first.cue.text, other.cue.text) == cues and other.source.text == second
    assert first.end <= other.start  # each on its own part of the sentence


@pytest.mark.parametrize(("text", "source"), [
    ("Some 55 percent of voters said they do not trust her, according to a Quinnipiac poll.", "a Quinnipiac poll"),
    ("In a CNN/ORC poll, 38 percent of voters said he should step down.", "a CNN/ORC poll"),
])
def test_a_polls_respondents_are_its_finding(text, source):
    """What a share of respondents said is the poll's finding: the poll is the source, not a relay of them."""
    from model import extract

    (claim,) = extract([Document(id="t", text=text)])
    assert claim.source.text == source and claim.kind == "named_organization" and claim.role == "expert"


def test_a_named_speaker_beside_a_poll_stays_the_speaker():
    from model import extract

    (claim,) = extract([Document(id="t", text="Mrs. Clinton has praised the plan, according to exit polls.")])
    assert claim.source.text == "Mrs. Clinton" and [v.text for v in claim.source.via] == ["exit polls"]


@pytest.mark.parametrize(("text", "source"), [
    ("The company is considering a sale of the unit, according to people familiar with the matter.",
     "people familiar with the matter"),
    ("Tesla has decided to build the plant in Mexico, according to two people with knowledge of the decision.",
     "two people with knowledge of the decision"),
    ("The president believes the deal is dead, according to three aides.", "three aides"),
])
def test_who_reports_an_intent_or_a_decision_is_its_source(text, source):
    """What X plans, believes or decided is no speech of X's relayed: those the sentence cites are the source
    (an anonymous one here), and X is not."""
    from model import extract

    (claim,) = extract([Document(id="t", text=text)])
    assert claim.source.text == source and claim.kind == "anonymous" and not claim.source.via


@pytest.mark.parametrize(("text", "source"), [
    ("Multiple sources privy to negotiations say it is the party's leaders who insisted.",
     "Multiple sources privy to negotiations"),
    ("People around her say she will run.", "People around her"),
    ("Those around him acknowledge that a White House bid at 78 seems improbable.", "Those around him"),
])
def test_people_privy_to_something_or_around_someone_are_one_anonymous_source(text, source):
    from model import extract  # the shipped filter, which keeps "People ... say" that the rules alone doubt

    (claim,) = extract([Document(id="t", text=text)])
    assert claim.source.text == source and claim.kind == "anonymous"


def test_a_relay_of_speech_keeps_the_speaker():
    from model import extract

    (claim,) = extract([Document(id="t", text="Trump said the deal was dead, according to the Sun.")])
    assert claim.source.text == "Trump" and [v.text for v in claim.source.via] == ["the Sun"]


def test_a_subordinator_before_a_cues_subject_opens_its_own_claim():
    from model import extract

    text = "Trump under fire.\nTrump said the media was unfair when he refused to admit it."
    _, first, second = extract([Document(id="t", text=text)])
    assert (first.source.text, second.source.text) == ("Trump", "he")
    assert first.text.endswith("unfair") and second.text.startswith("when he refused")
    # A headline, or a claim sent alone to be checked, stays one claim: its coverage is read against all of it.
    (whole,) = extract([Document(id="t", text="Trump said the media was unfair when he refused to admit it.")])
    assert whole.source.text == "Trump" and whole.text.endswith("admit it.")


@pytest.mark.parametrize("text", [
    "The Bremar Courier reported on Tuesday that the talks had stalled.",
    "According to the Valdora Herald, the plan was dropped.",
    "Corvanian state television reported that a diplomat had been filmed.",
])
def test_an_outlet_named_by_a_newspapers_word_speaks_as_media(text):
    assert one(text).role == "media"


def test_people_who_lived_the_event_are_witnesses_and_a_cause_they_name_is_not():
    assert one("Refugees said they had to queue for hours for water.").role == "witness"
    assert one("Refugee rights groups said the camp was overcrowded.").role != "witness"


@pytest.mark.parametrize(("text", "role"), [
    ("Witnesses near the military airport said the jets flew low.", "witness"),  # not the base's
    ("Residents near the ministry said the shooting lasted an hour.", "witness"),
    ("Officials at the military airport said the jets flew low.", "official"),  # the head holds the office
])
def test_the_head_before_a_place_decides_a_witness(text, role):
    assert one(text).role == role


@pytest.mark.parametrize("text", [
    "The minister sent an email arguing that the cuts were necessary.",
    "The minister issued a letter saying that the cuts were necessary.",
])
def test_a_message_a_writer_sends_speaks_for_the_writer(text):
    from model import extract  # the shipped filter weighs a participle's subject; the rules alone doubt it

    (c,) = extract([Document(id="t", text=text)])
    assert c.source.text == "The minister"


@pytest.mark.parametrize(("words", "role"), [
    ("Ostrava General", "other"),  # a hospital's name, not an officer
    ("General Motors", "other"),
    ("Massachusetts General Hospital", "expert"),
    ("General Joseph Dunford", "official"),  # an officer's title before his first name
    ("the general", "official"),
    ("Attorney General Loretta Lynch", "official"),
    ("the company's general counsel , Otto Brandt", "other"),  # a modifier, no officer
    ("the general manager", "other"),
    ("the UN General Assembly", "official"),
    ("The International Monetary Fund", "official"),  # an intergovernmental body (the guideline's official)
    ("The World Health Organization", "official"),
    ("the coast guard", "official"),  # a uniformed service of the state
    ("fire service spokesman Jan Berg", "official"),
    ("fire chief Marco Tellini", "official"),
    ("the statistics office", "official"),
    ("multiple intelligence sources", "official"),  # an intelligence service's people
    ("A senior Progress Party official", "other"),  # a party's official holds no office by that
    ("Ivan Sokol , the elected head of Ostrel's village council", "official"),  # local government
    ("Ilie Marin , 61 , who was pulled from the rubble by neighbours", "witness"),  # it happened to them ...
    ("Marta Stavec , 29 , a nurse who was at the front of the crowd", "witness"),
    ("Marko Brenn , 47 , a beekeeper whose house in Ostrel was destroyed", "witness"),
    ("Dorothy Woods , whose husband was killed in the attack", "other"),  # ... not to a relative, years on
    ("Milena Kos , whose husband and son are among the trapped men", "other"),  # ... nor to kin
    ("Head of Al-Anbar Provincial Council Khalaf Tarmouz", "official"),
    ("The group's founder , astronomer Henrik Dall", "expert"),  # a scientist by the science
    ("The party's secretary general , Oskar Beln", "other"),  # nor its secretary general ...
    ("the party's leader , Prime Minister Ana Lind", "official"),  # ... unless a state's title stands beside
    ("the Communist Party general secretary , President Xi Jinping", "official"),
    ("Volker Beck, a lawmaker from Germany's Green Party", "official"),  # a sitting legislator
    ("Representative Steve Cohen, Democrat of Tennessee", "official"),  # the title before a name
    ("a representative of the company", "other"),
    ("Local daily Tarsa Vecer", "media"),  # a newspaper by its frequency
    ("the tabloid", "media"),
    ("WHO spokesman Tarik Jasarevic", "official"),  # the acronym as written; "who" opens a relative clause
    ("The WHO", "official"),
    ("a doctor who treated him", "expert"),
    ("Epidemiologists", "expert"),  # a scientist named by the science
    ("A social anthropologist", "expert"),
    ("The prosecution", "official"),
    ("Political pundits", "media"),  # the guideline's media: outlets, journalists, columnists, hosts
    ("co-host Mika Brzezinski", "media"),
    ("Axelrod, a former newspaperman", "media"),
    ("Curt Smith, a close friend of Gov. Mike Pence", "other"),  # the title after "of" is the governor's
    ("a top adviser for President Obama", "official"),  # an officeholder's staff
    ("Alex Conant, a senior aide with Sen. Marco Rubio's presidential campaign", "other"),  # a campaign's
    ("Member of Parliament Bob Zimmer", "official"),  # one title, not a member of someone else's
    ("Stephen Walt, a professor at Harvard's Kennedy School of Government", "expert"),  # a faculty's name
    ("The university", "other"),  # a university in the news speaks for itself, as its staff do for it
    ("A college spokesman", "other"),
    ("the university's sports office", "other"),
    ("Ada Sellin, a water chemist at Norrvik University", "expert"),  # someone at it, working in a field
    ("Clara Wendt, who teaches migration law at the University of Harnow", "expert"),
    ("Iowa State University's Dianne Bystrom", "expert"),
])
def test_offices_by_title_and_by_body(words, role):
    from model.attribution.role_words import role_of

    assert role_of(words.split()) == role


@pytest.mark.parametrize("text, source", [
    ('"It is over," said Matt Bennett, a former aide to Mr. Clinton.', "Matt Bennett, a former aide to Mr. Clinton"),
    ("The bill passed, said Ms. Perino, a press secretary for George W. Bush.",
     "Ms. Perino, a press secretary for George W. Bush"),
])
def test_an_appositive_after_the_cue_runs_past_a_titles_or_an_initials_period(text, source):
    assert one(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ('"It fell in seconds," said Ilie Marin, 61, who was pulled from the rubble by neighbours.',
     "Ilie Marin, 61, who was pulled from the rubble by neighbours"),
    ('"It is closed," said Ali Hassan, who heads the ministry.', "Ali Hassan, who heads the ministry"),
    ('"It is closed," said Ali Hassan, who added that it would reopen.', "Ali Hassan"),  # an attribution of its own
])
def test_a_relative_clause_after_the_cues_source_says_who_the_source_is(text, source):
    assert claims(text)[0].source.text == source


@pytest.mark.parametrize("text, source", [
    ('Republican presidential hopeful Sen. Ted Cruz was critical of the plan, telling reporters: "It is bad."',
     "Republican presidential hopeful Sen. Ted Cruz"),
    ('In October, Trump\'s state director, Mike Rubino, reached out to them, writing: "We want this."',
     "Trump's state director, Mike Rubino"),
    # an outlet's word after its adjective is the head: "State television", not "State"
    ("State television on Friday broadcast footage of six bodies, saying they were the attackers.",
     "State television"),
])
def test_a_participles_subject_runs_over_a_description_to_its_last_head_and_name(text, source):
    assert one(text).source.text == source


@pytest.mark.parametrize("text", [
    "Cool the rhetoric: the bluster that propelled him, denouncing rivals and proposing a ban, has fueled unease.",
    "Such a strategy might guard him against being pushed to the right, but avoid riling conservatives.",
])
def test_one_opening_word_before_a_determiner_is_no_participles_subject(text):
    from model import extract  # as served: the learned filter weighs the participle

    assert all(c.source is None or c.source.text not in ("Cool", "Such")
               for c in extract([Document(id="t", text=text)]))


@pytest.mark.parametrize("text", ['"Jeb wants to be a tough guy tonight," Trump shot back.',
                                  'Trump fired back in a statement: "I made a lot of money."'])
def test_a_retort_is_one_cue_and_its_subject_the_speaker(text):
    from model import extract  # as served: the learned filter once took "back" with "Trump shot" as its source

    (c,) = extract([Document(id="t", text=text)])
    assert (c.source.text, c.kind) == ("Trump", "named_person") and c.cue.text in ("shot back", "fired back")


def test_a_gerund_inside_another_cues_source_is_part_of_the_name_not_a_cue():
    from model import extract  # the learned filter keeps the doubted gerund; the rules alone drop it

    (c,) = extract([Document(id="t", text='"I am proud," former State policy planning director Anne-Marie '
                                          'Slaughter wrote to Clinton.')])
    assert (c.cue.text, c.source.text) == ("wrote", "former State policy planning director Anne-Marie Slaughter")


def test_a_sentences_subject_runs_to_the_bodys_head_after_its_name():
    from model import extract  # "..., and said": the participle's subject is the sentence's, head noun and all

    found = extract([Document(id="t", text="The Naren health ministry put the toll at 23 and said the outbreak was "
                                           "under control.")])  # the figure put, then what was said
    assert [c.cue.text for c in found] == ["put", "said"]
    assert all(c.source.text == "The Naren health ministry" and c.kind == "named_organization" for c in found)


@pytest.mark.parametrize("text", [
    "Talk show host Glenn Beck said the party was finished.",
    "Radio talk show host Rush Limbaugh said voters were angry.",
])
def test_a_cue_word_before_a_role_noun_is_part_of_the_name_not_a_verb(text):
    c = one(text)
    assert (c.cue.text, c.kind, c.role) == ("said", "named_person", "media")
    assert c.source.text == text[:text.index(" said")]


def test_a_cue_verb_before_its_object_still_speaks():
    assert one("Polls show voters are angry about taxes.").cue.text == "show"


def test_an_officeholders_chief_of_staff_is_official_and_stays_so_by_surname():
    first, later = claims("Obama's chief of staff, Denis McDonough, said the visit was useful. "
                          "McDonough said more talks were planned.")
    assert (first.role, later.role) == ("official", "official")


@pytest.mark.parametrize(("text", "source"), [
    ("Shoppers in central Londra said prices had risen sharply.", "Shoppers in central Londra"),
    ("A Quinnipiac University poll released in late August found that most voters agreed.",
     "A Quinnipiac University poll released in late August"),
])
def test_a_lower_case_word_after_in_modifies_the_place_not_a_missing_comma(text, source):
    assert one(text).source.text == source


def test_an_article_before_a_numeral_is_part_of_the_source():
    assert one("Torvik Energy has agreed to buy Nordlys, the two companies said.").source.text == "the two companies"


def test_a_name_after_a_role_noun_is_a_person_whose_role_later_mentions_keep():
    later = claims("The rally was led by talk show host Glenn Beck on Friday. "
                   "Beck said the party was finished.")[-1]
    assert (later.source.text, later.role) == ("Beck", "media")


@pytest.mark.parametrize(("text", "source"), [
    ('"Ferries are top-heavy," said Per Lund, a naval architect.', "Per Lund, a naval architect"),
    ('"It is over," said Will Hurd.', "Will Hurd"),
])
def test_a_first_name_that_is_also_a_function_word_opens_a_name_after_an_inverted_cue(text, source):
    assert one(text).source.text == source


def test_a_bodys_description_does_not_resolve_to_a_person_whose_description_names_the_body():
    spokesman, body = claims("A spokesman for the ministry would not say who had approved it. "
                             "The ministry did not respond to a request for comment.")
    assert (spokesman.kind, body.kind) == ("anonymous", "named_organization")


@pytest.mark.parametrize(("text", "source"), [
    ('"October provided a resurgence for her," said former Obama adviser David Axelrod.',
     "former Obama adviser David Axelrod"),
    ('"It is a yellow light," said election lawyer Joe Birkenstock.', "election lawyer Joe Birkenstock"),
    ('"He had a lot of supporters," Blunt said of Cruz.', "Blunt"),
])
def test_an_inverted_cue_takes_a_name_after_its_lower_case_description(text, source):
    assert one(text).source.text == source


def test_a_former_aide_speaks_for_no_office():
    assert one('"It is over," said former Obama adviser David Axelrod.').role != "official"


def test_an_age_and_a_hometown_between_a_name_and_its_cue_stay_in_the_source():
    c = one("Cory James, 22, of Flint, Mich., said he had not given up hope.")
    assert (c.source.text, c.kind) == ("Cory James, 22, of Flint, Mich.", "named_person")


def test_a_cue_word_inside_an_opening_prepositional_phrase_is_a_noun():
    c = one("Alongside BLM calls for action, even a top GOP strategist said Clinton will have to choose.")
    assert (c.source.text, c.cue.text) == ("a top GOP strategist", "said")


@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the attack.",
    "Nobody has claimed responsibility.",
    "Despite hours on the street, no pedestrians offered to buy the phone.",
])
def test_a_bare_subject_that_names_no_one_is_no_source(text):
    """"No group has claimed responsibility": the writer says no one did it; no one is the source of it."""
    assert all(c.source is None for c in claims(text))


def test_a_no_one_subject_with_whose_people_it_names_keeps_them():
    assert one("Nobody at the ministry responded to the letter.").source.text == "Nobody at the ministry"


@pytest.mark.parametrize(("text", "source"), [
    ("Tamas Varga of oil broker PVM said the market was tight.", "Tamas Varga of oil broker PVM"),
    ("In an interview with the Bloomberg news agency Trump said the market was tight.", "Trump"),  # no comma
])
def test_a_name_with_of_before_a_bodys_kind_and_name_is_one_source(text, source):
    assert one(text).source.text == source


@pytest.mark.parametrize(("text", "role"), [
    ("In a statement, the family of the victim said they were devastated.", "other"),  # relatives: no witness
    ("The victim's family said they were devastated.", "other"),
    ("One lawyer for the alleged victims said the men had been threatened.", "other"),
    ("Witnesses near the airport said they heard blasts.", "witness"),
    ("One of the neighbours said she heard screams.", "witness"),  # the noun after a partitive's "of" is the head
])
def test_a_witness_word_makes_a_witness_only_as_the_head(text, role):
    assert one(text).role == role


def test_a_weak_cue_before_of_is_a_noun_unless_its_verb_takes_of():
    text = ("Revenue fell 8 percent to $2.1 billion, missing analysts' average estimate of $2.3 billion, "
            "according to data compiled by LSEG.")
    assert one(text).source.text == "data compiled by LSEG"
    from model import extract  # the shipped filter keeps a weak "spoke" before "of"; the rules alone doubt it

    (spoke,) = extract([Document(id="t", text="Every day, Francis spoke of the malaise in Mexican society.")])
    assert spoke.source.text == "Francis"


def test_forecasters_are_unnamed_experts():
    (c,) = claims("Forecasters said the storm would weaken before landfall.")
    assert (c.kind, c.role) == ("anonymous", "expert")


def test_a_body_named_with_to_inside_its_name_is_one_source():
    assert one("The Committee to Protect Journalists said the verdict was a blow.").source.text == \
        "The Committee to Protect Journalists"


def test_the_military_is_a_body_not_its_spokesman():
    text = "Military spokesman Peter Lerner said troops had fired. The military said it was reviewing the incident."
    _, military = claims(text)
    assert military.kind == "named_organization" and military.source.resolved is None


@pytest.mark.parametrize("outlet", ["The Financial Times", "The Sunday Times", "The Global Times"])
def test_newspapers_called_times_speak_as_media(outlet):
    assert one(f"{outlet} reported that regulators were investigating the bank.").role == "media"


def test_times_as_a_common_word_makes_no_outlet():
    assert one("Trump, the most unconventional candidate in modern times, said he would win.").role == "other"


@pytest.mark.parametrize("text", [
    "Iraqi forces have retaken the town, a senior army officer said, a claim the militants denied.",
    "The army said it had retaken the town, a claim the militants rejected in a statement.",
    "The army had retaken the town, according to state television, an allegation that the militants dismissed.",
])
def test_a_claim_denied_in_apposition_is_a_denial_of_its_own(text):
    """The wire guideline's "X said A, a claim Y rejected": two attributions, the second Y's denial."""
    from model import extract  # through the shipped filter, which alone would drop the second

    first, second = extract([Document(id="t", text=text)])
    assert second.source.text == "the militants" and second.stance == "denies" and first.stance == "asserts"


@pytest.mark.parametrize(("text", "source"), [
    ("He is believed to have been radicalised online, according to investigators.", "investigators"),
    ("The plant is expected to close, according to the company.", "the company"),
])
def test_an_impersonal_passive_closed_by_according_to_is_that_sources(text, source):
    """"is believed ..., according to X": X believes it; one claim, not an unattributed half and a bare frame."""
    (c,) = claims(text)
    assert c.source.text == source and c.start == 0


def test_a_studys_lead_author_is_an_expert():
    assert one('"This is a wake-up call," lead author Ingrid Dahl told Nordwire.').role == "expert"


def test_both_after_a_preposition_stays_inside_the_source():
    c = one("Negotiators from both sides said the talks on a trade pact had broken down.")
    assert c.source.text == "Negotiators from both sides"


@pytest.mark.parametrize(("text", "source"), [
    ("Lawyers representing the family said the police had lied.", "Lawyers representing the family"),
    ("Officials investigating the crash said the pilot had not slept.", "Officials investigating the crash"),
    ("Scientists not involved in the study said the results were striking.", "Scientists not involved in the study"),
    ("Experts not connected to the company said the flaw was serious.", "Experts not connected to the company"),
])
def test_people_described_by_a_participle_and_its_object_speak_not_the_object(text, source):
    assert one(text).source.text == source


def test_how_the_reporter_got_a_relayed_document_stays_in_its_source():
    c = one("According to documents seen by Nordwire, the bank processed payments for shell companies.")
    assert c.source.text == "documents seen by Nordwire"


def test_two_pollsters_joined_by_a_slash_are_one_source():
    c = one("A CNN/ORC poll shows Clinton leading by eight points.")
    assert (c.source.text, c.cue.text) == ("A CNN/ORC poll", "shows")


@pytest.mark.parametrize(("text", "source"), [
    # "X did something and said ...": X speaks; an opening participle clause is not X, nor is "shook her head" a
    # body's name and head noun.
    ("Asked whether he would run, Mrs. Clinton shook her head and said the answer was no.", "Mrs. Clinton"),
    ("Speaking to reporters, Ruiz smiled and said the talks were over.", "Ruiz"),
    ("Alhakim briefed the council on the situation and accused the group of war crimes.", "Alhakim"),
])
def test_the_subject_of_a_coordinated_cue_speaks(text, source):
    said = [c for c in claims(text) if c.cue is not None and c.cue.text in ("said", "accused")]
    assert [c.source.text for c in said] == [source]


def test_an_opening_adverb_is_not_the_subject_a_participle_cue_takes():
    (c,) = [c for c in claims('Then he cut into Bush, calling him a "stiff".') if c.cue is not None]
    assert c.source is not None and c.source.text == "he"


@pytest.mark.parametrize(("text", "source"), [
    ("Police are questioning the ship's captain, according to a local radio station.", "a local radio station"),
    ("Detectives questioned the driver for six hours.", None),
    ("The senator questioned the captain's account of the collision.", "The senator"),
])
def test_questioning_a_person_is_an_interrogation_not_speech(text, source):
    c = one(text)
    assert (c.source.text if c.source else None) == source


@pytest.mark.parametrize("text", [
    "Norrhall shares fell 2.4 percent in early trading.",
    "Brannock shares rose 3 percent.",  # "shares" as an act's verb too: a noun before a verb of movement
    "Brannock Foods shares slumped after the announcement.",
])
def test_a_cue_word_before_a_verb_of_movement_is_a_noun(text):
    assert all(c.source is None for c in claims(text))


@pytest.mark.parametrize(("text", "role"), [
    ("Border Patrol chief Raul Ortiz said his agents were stretched thin.", "official"),
    ("A police union official said morale was low.", "other"),  # a trade union speaks for its members
    ("The European Union said the talks would resume.", "official"),
    # a union's officers too, capitalised as a sentence opens or possessive; the European Union's are officials
    ("Union secretary Pavel Drach said workers learned of the closures from the news.", "other"),
    ("The union's general secretary said the plan was sound.", "other"),
    ("European Union officials said the talks would resume.", "official"),
])
def test_roles_of_border_agencies_and_unions(text, role):
    assert one(text).role == role


@pytest.mark.parametrize(("text", "kind", "role"), [
    ("Detective Superintendent Claire Holt said officers were keeping an open mind.", "named_person", "official"),
    ("Chief Constable Sara Thornton said the force would review the footage.", "named_person", "official"),
    ("Sgt. Tom Burke said the road would stay closed overnight.", "named_person", "official"),
    ("A detective involved in the case said the suspect had fled.", "anonymous", "official"),
    ("Detectives said they were hunting a man seen near the warehouse.", "anonymous", "official"),
    ("State troopers said the driver had been killed.", "anonymous", "official"),
])
def test_police_ranks_are_officials(text, kind, role):
    # A police rank before a name or alone speaks for the force (the sourcing guideline's police).
    c = one(text)
    assert (c.kind, c.role) == (kind, role)


@pytest.mark.parametrize(("text", "kind", "role"), [
    ("The national ombudsman, Teodor Vlasek, said he had asked for the footage.", "named_person", "official"),
    ("A prison service spokesman said order had been restored by midnight.", "anonymous", "official"),
    ("A veterinary inspector said the birds had been dead for days.", "anonymous", "official"),
    ("The State Veterinary Service said the cull would begin on Monday.", "named_organization", "official"),
])
def test_the_states_services_and_overseers_are_officials(text, kind, role):
    c = one(text)
    assert (c.kind, c.role) == (kind, role)


@pytest.mark.parametrize("text", [
    "The Air Accident Investigation Board said the engines had iced.",
    "Aldenia's Competition Office said it had opened an inquiry into the bids.",
    "The Secret Service said the agents had followed the rules.",
])
def test_a_state_bodys_capitalised_name_is_official(text):
    # A capitalised name ending in a state body's head (Board, Office, Service, ...) speaks for the state.
    assert one(text).role == "official"


@pytest.mark.parametrize("text", [
    "Skip Rutherford, dean of the Clinton School of Public Service, said the state had changed.",
    "Emily Kessel of the National Korean American Service and Education Consortium said the rules changed.",
    "Christian News Service reported that the goal had been exceeded.",
    "Kessler Financial Services said its profits had doubled.",
])
def test_a_body_head_inside_another_name_makes_no_official(text):
    # The head inside another body's name ("of Public Service", "Service and Education Consortium"), an outlet's,
    # or a company's plural.
    assert one(text).role != "official"


@pytest.mark.parametrize(("text", "source"), [
    ("The Bank of England raised interest rates, saying inflation remained too high.", "The Bank of England"),
    ("Friends of the singer have come forward and state that she is alive.", "Friends of the singer"),
])
def test_a_participle_speaks_for_the_whole_name_before_of(text, source):
    # "X of Y <verb> ..., saying": the name goes on past "of"; "The Bank" alone is not who speaks.
    assert {c.source.text for c in claims(text) if c.source} == {source}


@pytest.mark.parametrize("told", ["the Sardo Tribune on Monday", "Reuters"])
def test_who_is_told_belongs_to_a_closing_frame(told):
    # "..., two officials told the Sardo Tribune on Monday." frames the whole sentence, as "..., they said" does.
    text = f"The minister is expected to step down within days, two officials told {told}."
    (c,) = claims(text)
    assert c.source.text == "two officials" and c.start == 0


@pytest.mark.parametrize("inner", ["expressed concern about the plan and said it could fail",
                                   "welcomed the plan, saying it was overdue"])
def test_a_closing_frame_takes_a_sentence_of_several_inner_cues(inner):
    # "X did A and said B, people familiar with the talks said.": the closing attribution frames all before it,
    # however many cues the speaker it reports has.
    (c,) = claims(f"The minister {inner}, people familiar with the talks said.")
    assert c.source.text == "people familiar with the talks" and c.start == 0


@pytest.mark.parametrize(("text", "sources"), [
    ("Trump was introduced by former rival Chris Christie, who endorsed him last week.",
     ["former rival Chris Christie", "who"]),  # a relative clause is the last source's own, no frame
    ('Rubio thanked the crowd and said it was great to be home, and a man yelled "Stay there!"',
     ["Rubio", "Rubio", "a man"]),  # the quotation after the last cue is its content
    ("The minister said the plan was dead, adding that talks would resume.", ["The minister", "The minister"]),
])
def test_what_closes_a_sentence_without_framing_it(text, sources):
    assert [c.source.text for c in claims(text)] == sources


def test_what_is_told_is_no_frame():
    text = "It was a joke when the friend had not claimed the burger, the buddies told him they would keep it."
    assert [c.source.text for c in claims(text)] == ["the friend", "the buddies"]


@pytest.mark.parametrize(("text", "source"), [
    ("Norwegian shipping group Velmar ASA cut its forecast on Tuesday, blaming a slump in freight rates, and said "
     "it would lay off 300 staff.", "Norwegian shipping group Velmar ASA"),
    ("Forensic audio expert Paul Ginsberg analyzed the recording and said he detected ten shots.",
     "Forensic audio expert Paul Ginsberg"),
])
def test_the_name_after_its_description_opens_the_sentence(text, source):
    assert source in {c.source.text for c in claims(text) if c.source}


def test_a_byline_or_a_credit_line_is_no_claim():
    text = ("Velmar cuts outlook\n\nBy Anna Lindqvist and Tomas Berg\n\nVelmar cut its outlook on Tuesday, the "
            "company said.\n\n(Reporting by Anna Lindqvist; Editing by Mark Heinrich)")
    assert [c.text for c in claims(text)] == ["Velmar cuts outlook",
                                              "Velmar cut its outlook on Tuesday, the company said."]


@pytest.mark.parametrize("text", ["By Monday the talks had stalled.", "Reporting by the BBC showed a rise."])
def test_a_sentence_opening_with_by_still_asserts(text):
    assert len(claims(text)) == 1


@pytest.mark.parametrize(("text", "source"), [
    ("Glaciers lost a tenth of their ice, according to a study published on Wednesday.", "a study published"),
    ("According to reports on Friday, the talks had failed.", "reports"),
])
def test_a_source_never_ends_on_a_preposition(text, source):
    # A weekday ends the phrase after a cue ("said Trump Tuesday"), and takes its "on" with it.
    assert {c.source.text for c in claims(text) if c.source} == {source}


@pytest.mark.parametrize("desc", ["his best friend at Lehigh", "one mother"])
def test_an_inverted_description_takes_the_name_after_it(desc):
    # '..., said his best friend at Lehigh, Bruce Turry, who ...': a description opening in lower case, then its name
    c = claims(f'"It was his first attempt," said {desc}, Bruce Turry, who remembered it.')[0]
    assert (c.source.text, c.kind) == (f"{desc}, Bruce Turry", "named_person")


def test_an_age_before_a_name_keeps_the_name_the_subject():
    c = one("81-year-old Parker Eaton, a nominal Republican, said the party had lost its way.")
    assert (c.source.text, c.kind) == ("81-year-old Parker Eaton, a nominal Republican", "named_person")


@pytest.mark.parametrize(("text", "role"), [
    ("Police arrested two men on Saturday, a police spokesman said. The spokesman, Inspector Tomas Rell, said the "
     "men were being questioned.", "official"),
    ("Velmar cut jobs, a company spokeswoman said. The spokeswoman, Anna Berg, said more cuts were possible.",
     "other"),
])
def test_the_spokesman_named_in_apposition_speaks_for_the_body_met_before(text, role):
    assert claims(text)[-1].role == role


@pytest.mark.parametrize(("text", "role"), [
    ("The prime minister's office denied the report. A spokeswoman for the office, Nadia Perl, said the minister "
     "had not resigned.", "official"),  # "the office" is the prime minister's, met before
    ("The prime minister's office denied the report. A spokeswoman for the office said the minister had not "
     "resigned.", "official"),
    ("Velmar Shipping said profits fell. A spokesman for the company said jobs were safe.", "other"),
])
def test_a_spokesperson_for_a_body_described_again_takes_its_role(text, role):
    assert claims(text)[-1].role == role


@pytest.mark.parametrize(("text", "role"), [
    ("The National Bank of Orlevia said it would raise rates.", "official"),  # a state's central bank by its name
    ("The presidency said the decree would stand.", "official"),
    ("The Harnby Regional Ethics Committee said the trial had been approved.", "official"),
    ("The Rail Accident Investigation Branch said the brakes had failed.", "official"),
    ("A provincial mines officer said the shaft was unsafe.", "official"),
    ("Velmar Shipping said the shaft was unsafe.", "other"),
])
def test_a_state_body_by_its_kind_is_official(text, role):
    assert claims(text)[-1].role == role


@pytest.mark.parametrize(("text", "role"), [
    ("The National Bank of Orlevia said rates would rise. Bank spokesman Tomas Reinholt said the gold was safe.",
     "official"),  # the body's word opens the sentence, capitalised
    ("The National Bank of Orlevia said rates would rise. Bank spokesman Tomas Reinholt said the gold was safe. "
     "Reinholt said the register was right.", "official"),  # and a later surname follows
    ("Velmar Savings Bank said profits fell. Bank spokesman Tomas Reinholt said jobs were safe.", "other"),
])
def test_a_spokesperson_opening_with_the_bodys_word_takes_its_role(text, role):
    assert claims(text)[-1].role == role


@pytest.mark.parametrize(("text", "role"), [
    ("The National Bank of Orlevia said rates would rise. Minutes of the bank's February policy meeting show the "
     "board was split.", "official"),
    ("The National Bank of Orlevia said rates would rise. A page from the bank's vault register, seen by "
     "Nordwire, shows the gold left in May.", "official"),
    ("Velmar Savings Bank said profits fell. Minutes of the bank's February board meeting show the board was "
     "split.", "other"),
])
def test_a_document_of_the_body_by_a_possessive_takes_its_kind_and_role(text, role):
    (*_, c) = extract([Document(id="t", text=text)])  # the producer's last word comes after the learned typer
    assert (c.kind, c.role) == ("named_organization", role)


@pytest.mark.parametrize(("text", "source"), [
    ("Per Aune, a toxicologist at Varnosta University Hospital, said the dose was high.",
     "Per Aune, a toxicologist at Varnosta University Hospital"),  # "Per" a first name, not the preposition
    ("Will Hurd, a congressman from Texas, said the wall would not work.", "Will Hurd, a congressman from Texas"),
    ("The fee per passenger doubled, the ministry said.", "the ministry"),
])
def test_a_function_word_that_is_a_first_name_opens_the_source(text, source):
    assert claims(text)[0].source.text == source


def test_a_participle_after_a_closing_frame_is_no_tail_of_it():
    # "..., the club said on Monday, ending a turbulent spell": the participle describes the event, so the
    # frame still closes the sentence ("dismissed" is the content's verb, not a cue of its own).
    (c,) = claims("FC Varna have dismissed head coach Marko Ilic after the club's exit from the national cup, "
                  "the club said on Monday, ending a turbulent 18-month spell.")
    assert (c.source.text, c.start, c.stance) == ("the club", 0, "asserts")


@pytest.mark.parametrize("body", ["The Free Arvan Front", "The Velmar Miners Union"])
def test_the_group_is_the_last_body_that_spoke(body):
    # "the group" names no kind of body, so any organisation that spoke before may be it, whatever its name
    text = (f"{body} denied firing on the villages. In a statement on its website, the group said its fighters "
            "had only returned fire.")
    c = claims(text)[-1]
    assert (c.source.text, c.source.resolved.text if c.source.resolved else None) == ("the group", body)


def test_a_body_named_again_keeps_the_role_its_description_gave():
    # "the newspaper Hallberg Posten" is an outlet; "Hallberg Posten said" later is the same outlet
    text = ("The newspaper Hallberg Posten reported that the minister used military planes. Hallberg Posten said "
            "it had found no record of official meetings.")
    assert [(c.source.text, c.role) for c in claims(text)][-1] == ("Hallberg Posten", "media")


@pytest.mark.parametrize("text", ["Former Ostrava mayor charged with taking bribes over bus contract",
                                  "Mark Sanford accused of violating House ethics rules",
                                  "A man accused of fraud was arrested on Monday."])
def test_the_one_charged_is_no_source(text):
    # a charging verb right before "with"/"of" is a passive with its "was" left out (headline style)
    assert [c.kind for c in claims(text)] == ["unattributed"]


@pytest.mark.parametrize(("text", "source"), [("The senator charged that the plan was a fraud.", "The senator"),
                                              ("Prosecutors charged the mayor with fraud.", "Prosecutors")])
def test_charging_someone_still_attributes(text, source):
    assert one(text).source.text == source


@pytest.mark.parametrize("text, hedged", [
    ("He said he died before she could ask him about it.", False),  # what one was able to do, not a possibility
    ("She said she matched with as many men as she could.", False),
    ("She said they were changing gowns when they could.", False),  # when one was able to
    ("He said it took months before he could find a supporter.", False),
    ("He said the deal could collapse next week.", True),
    ("She said the strike could spread to other ports.", True),
])
def test_could_of_ability_after_before_as_or_than_is_no_hedge(text, hedged):
    assert bool(one(text).hedges) is hedged


@pytest.mark.parametrize("text, hedged", [
    ("She said she could see the smoke from the landing window.", False),  # what the senses took in
    ("The ministry said ministers may use government aircraft only for official travel.", False),  # a permission
    ("The agency said that under the animal welfare act shelters may charge adoption fees.", False),
    ("The agency said the office's director by law may not take instructions.", False),
    ("The ministry said the virus may spread to other farms.", True),
])
def test_a_sense_taken_in_or_a_rules_permission_is_no_hedge(text, hedged):
    assert bool(one(text).hedges) is hedged


@pytest.mark.parametrize(("text", "hedges"), [
    # the writer's frame before the source is no hedge of what the source says (cue and content only)
    ("As improbable as it may seem, Mr. Clarke said the Patriot deal had played to his advantage in the end.", []),
    ("Among likely primary voters in the state, about two-thirds say they will vote for the governor.", []),
    # a quotation or a clause before a parenthetical cue is the content; an adverb on the cue is the cue's
    ("\u201cWe may win this race,\u201d the mayor said.", ["may"]),
    ("Monsoon shifts could affect a billion people, Mr. Obama said in his interview.", ["could"]),
    ("The union will likely sit out the election, its director told reporters this week.", ["likely"]),
    ("Reportedly, officials said the plant would close next year because of falling demand.", ["Reportedly"]),
])
def test_hedges_are_read_in_the_cue_and_content(text, hedges):
    assert [h.text for h in one(text).hedges] == hedges


@pytest.mark.parametrize(("text", "role"), [
    ("The ministry said the bridge was safe. A spokeswoman said it would reopen. The spokeswoman added that "
     "repairs were done.", "official"),  # the body that just spoke is the one she speaks for
    ("The company denied that. A spokesman said it had followed all rules.", "other"),  # a company's: not official
    ("The ministry denied that. Lind, the opposition leader, attacked it. A spokesman said it had acted.", "other"),
    ("The ministry denied that. Spokesman Tomasz Nowak said it had acted lawfully.", "official"),  # named, of no one
    ("The ministry denied that. A spokesman, Jan Koval, said it had acted lawfully.", "official"),
])
def test_a_bare_spokesperson_speaks_for_the_body_that_just_spoke(text, role):
    spokespeople = [c for c in claims(text) if c.source and "spokes" in c.source.text.lower()]
    assert spokespeople and all(c.role == role for c in spokespeople)


@pytest.mark.parametrize(("text", "role"), [
    # a title of "its" is the body's that just spoke, whatever the title's own words say, and so are later mentions
    ("The Civil Aviation Authority said it had asked Skeldair for its records. Its director, Pavel Mikus, said "
     "the checks would take a month. Mikus said the airline had cooperated.", "official"),
    ("The Pilots' Association said it had not been consulted. Its president, Marta Kolle, said the plan was "
     "unfair.", "other"),  # an association's president holds no office
])
def test_a_title_of_its_takes_the_role_of_the_body_that_just_spoke(text, role):
    people = [c for c in claims(text) if c.source and c.kind == "named_person"]
    assert people and all(c.role == role for c in people)


@pytest.mark.parametrize(("text", "role"), [
    ("Finance Minister Ilse Vosk said the rate would hold. Vosk's office said on Friday that she had been "
     "misquoted.", "official"),  # the office of an officeholder speaks for the office
    ("The novelist Ilse Vosk said the book was done. Vosk's office said on Friday that she had been misquoted.",
     "other"),
])
def test_the_office_of_a_person_named_before_takes_their_role(text, role):
    office = [c for c in claims(text) if c.source and c.source.text == "Vosk's office"]
    assert office and all(c.kind == "named_organization" and c.role == role for c in office)


@pytest.mark.parametrize(("text", "source", "role"), [
    ("Kerrvik city council said the cameras had failed. The council's transport director, Annika Veld, said 60 "
     "fines were wrong.", "The council's transport director, Annika Veld", "official"),  # the city's
    ("Kerrvik city council said the cameras had failed. A council employee said she had been told to keep quiet.",
     "A council employee", "official"),
    ("The Atlantic Council said the sanctions were working. The council's director, Ana Holm, said more would come.",
     "The council's director, Ana Holm", "expert"),  # the council met before is a think tank
])
def test_an_official_body_met_before_outranks_its_head_words_guess(text, source, role):
    said = [c for c in claims(text) if c.source and c.source.text == source]
    assert said and all(c.role == role for c in said)


@pytest.mark.parametrize(("text", "role"), [
    ("President Alvarez dismissed the reports. His spokesman, Carlos Mendez, said he was well.", "official"),
    ("Prime Minister Jan Koval said no deal was near. His spokeswoman said talks would go on.", "official"),
    ("The Interior Ministry said it would investigate. Its spokesman said no arrests had been made.", "official"),
    ("Senator Ann Ruiz voted no. Her aides said she would explain the vote on Monday.", "official"),
    ("Donald Trump attacked the judge. His spokeswoman said he stood by the remarks.", "other"),  # no office
])
def test_a_spokesperson_of_a_possessive_pronoun_speaks_for_whom_it_points_to(text, role):
    (_, staff) = claims(text)
    assert staff.role == role


def test_which_after_an_outlet_described_before_its_name_is_that_outlet():
    text = "The resignation was first reported by the newspaper Le Soir, which said she had been under pressure."
    outlet, which = claims(text)
    assert which.source.resolved.text == outlet.source.text == "the newspaper Le Soir"
    assert (which.kind, which.role) == (outlet.kind, outlet.role) == ("named_organization", "media")


def test_a_closing_description_followed_by_a_participle_names_the_opening_company():
    # ", blaming ..." is the company's own elaboration: the frame still closes the sentence, and the participle's
    # claim speaks for the same company.
    from model import extract  # the shipped filter keeps the participle; the rules alone doubt it

    text = "Kessler AG will cut 4,000 jobs by 2027, the company said on Tuesday, blaming weak demand for cars."
    sourced = [c for c in extract([Document(id="t", text=text)]) if c.source]
    assert len(sourced) == 2 and all(c.source.resolved.text == "Kessler AG" for c in sourced)


@pytest.mark.parametrize(("text", "source"), [
    ("Two people familiar with the matter, who asked not to be named because the negotiations were confidential, "
     "said Harlan Capital Partners, a private equity firm, pulled out of the deal.",
     "Two people familiar with the matter, who asked not to be named because the negotiations were confidential"),
    ("The plan will fail, said Petra Lund, an analyst at Velmar Securities.",
     "Petra Lund, an analyst at Velmar Securities"),
    ("The paradox of Nancy, says Carl Anthony, historian at the library, is that she was powerful.",
     "Carl Anthony, historian at the library"),
])
def test_a_name_and_appositive_after_said_are_the_content_subject_when_a_verb_goes_on(text, source):
    # After "who ..., said" the subject is the described speaker; a name, its appositive and a verb are what was said.
    assert [c.source.text for c in claims(text)] == [source]


@pytest.mark.parametrize("text", [
    "Leah Brandt, chair of the Heart Patients Alliance, a charity, said participants had been left anxious.",
    "Mike Shields, president of the Leadership Fund, a super PAC, said donors were worried.",
])
def test_a_name_before_a_lower_case_role_and_a_second_appositive_is_the_speaker(text):
    # "Name, chair of X, a charity, said": the role opens in lower case without an article, and the name is the mention
    c = one(text)
    assert (c.source.text.split(",")[0], c.kind) == (text.split(",")[0], "named_person")


@pytest.mark.parametrize("body", ["The trust", "The club", "The consortium", "The regulator", "The utility"])
def test_a_body_named_by_its_kind_is_what_it_points_back_to(body):
    # "The trust said ... Emergency departments remained open, it said": "it" is the trust, a body, not a group.
    _, second = claims(f"{body} said in a statement that it had detected a fault on Monday. Emergency departments "
                       "remained open, it said, but some operations had been postponed.")
    assert (second.source.resolved.text if second.source.resolved else None, second.kind) == (body,
                                                                                                 "named_organization")


@pytest.mark.parametrize(("text", "source", "via"), [
    ("According to the Gazette, which cited two people who were inside the store, the deputy fired three shots.",
     "two people who were inside the store", "the Gazette"),
    ("The Stavenholm Post, citing a hospital doctor involved in the study, reported that two deaths were linked.",
     "a hospital doctor involved in the study", "The Stavenholm Post"),
    ("The daily Nordposten reported, citing two people present at last week's talks, that a deal was near.",
     "two people present at last week's talks", "The daily Nordposten"),
    # set off before the report's "that", people by a "who" clause or a count, whatever their noun
    ("The Morvik Courier reported on Monday, citing a porter who worked the night shift, that the doors were shut.",
     "a porter who worked the night shift", "The Morvik Courier"),
    ("The weekly Lindner Blatt reported, citing three ticket clerks, that the gates had been closed early.",
     "three ticket clerks", "The weekly Lindner Blatt"),
    ("The news site Velka24 reported, citing a firefighter at the scene, that a tank had ruptured.",
     "a firefighter at the scene", "The news site Velka24"),  # one of a kind, by a person's ending
    ("The Orsk Courier reported, citing a guard at the centre who asked not to be named because staff may not speak "
     "to the press, that strikers had been moved.", "a guard at the centre who asked not to be named because staff "
     "may not speak to the press", "The Orsk Courier"),  # a long "who" clause before the comma
    ("The daily Kystposten reported, citing a memo from the refinery's environmental department, that the figures "
     "had been adjusted.", "a memo from the refinery's environmental department", "The daily Kystposten"),  # a
    # document the report rests on (the wire guideline's relay); "The Journal, citing internal documents,
    # reported" stays the outlet's, as PolNeAR labels it
    ("The regional broadcaster Vestkyst Radio reported on Sunday, citing fishermen in Brinnholm, that navy ships had "
     "been using sonar.", "fishermen in Brinnholm", "The regional broadcaster Vestkyst Radio"),  # "-men" plurals
    ("The news website Ravno reported, citing bank records it had obtained, that the minister had been paid.",
     "bank records it had obtained", "The news website Ravno"),  # a reduced relative after the document
    ("The regional broadcaster Radio Sarrow reported, citing a nurse at the health post, that children were ill.",
     "a nurse at the health post", "The regional broadcaster Radio Sarrow"),  # one person by a person's noun
    ("The broadcaster Radio Brennvik reported, citing two family doctors whose patients were tested at Klarion, "
     "that one patient had been given the wrong dose.", "two family doctors whose patients were tested at Klarion",
     "The broadcaster Radio Brennvik"),  # a "whose" clause after the people counted
    ("The chess news site Endgame Wire reported, citing two players who were in the hall, that Venkov was late.",
     "two players who were in the hall", "The chess news site Endgame Wire"),  # the report is the rules' to read,
    ("The daily Tornholm Tidning reported last week, citing a senior manager at the authority, that more staff "
     "were hired.", "a senior manager at the authority", "The daily Tornholm Tidning"),  # whatever the name
    # after the report's content: one of a trade no word list knows, shown a person by its "who" clause
    ("The broadcaster Kyst Radio reported on Thursday that Solvik had offered its ferry for charter, citing a "
     "Korshavn shipbroker who said he had been asked to find a charterer.",
     "a Korshavn shipbroker who said he had been asked to find a charterer", "The broadcaster Kyst Radio"),
])
def test_who_an_outlet_cites_with_a_clause_or_participle_after_them_is_the_source(text, source, via):
    from model import analyze  # the shipped filter weighs the citing participle the rules alone doubt

    (c,) = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert (c["source"]["text"], [v["text"] for v in c["source"]["via"]]) == (source, [via])


def test_a_document_cited_before_the_reports_that_is_no_claim_of_its_own():
    # "the Gazette reported, citing an evidence inventory, that ...": one claim, the outlet's; but "he said, citing
    # low growth" is the speaker's reason, a claim of its own as PolNeAR counts it.
    from model import analyze  # the shipped filter keeps the citing participle the rules alone doubt

    def sourced(text: str) -> list[tuple[str, int]]:
        found = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
        return [(c["source"]["text"], c["start"]) for c in found]

    assert sourced("The Gazette reported, citing a preliminary evidence inventory, that investigators had found a "
                   "phone.") == [("The Gazette", 0)]
    assert len(sourced("“It is a reflection of anger,” McCain said, citing low economic growth.")) == 2


@pytest.mark.parametrize(("text", "source"), [
    ("A report by the Civil Aviation Directorate published in January found that reserves had fallen.",
     "A report by the Civil Aviation Directorate published in January"),
    ("An audit by the regional audit office, published in June, found that the servers were outdated.",
     "An audit by the regional audit office, published in June"),
    ("An inspection report by the authority's inspectors, dated Aug. 30 and reviewed by Nordwire, found delays.",
     "An inspection report by the authority's inspectors, dated Aug. 30 and reviewed by Nordwire"),
])
def test_a_document_with_the_participles_of_how_it_came_out_is_one_source(text, source):
    assert [c.source.text for c in claims(text)] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("Court filings in a separate civil case, seen by Nordwire, name two business partners of the minister.",
     "Court filings in a separate civil case, seen by Nordwire"),
    ("A letter from the authority to the rider, dated Sept. 2 and seen by Nordwire, says the sample was positive.",
     "A letter from the authority to the rider, dated Sept. 2 and seen by Nordwire"),
    ("An internal guideline on the use of state aircraft, seen by Nordwire, allows relatives to fly with ministers.",
     "An internal guideline on the use of state aircraft, seen by Nordwire"),
    ("A copy of the proposal seen by Nordwire sets out a rise of 5.2 percent over two years.",
     "A copy of the proposal seen by Nordwire"),
    ("Maintenance records that Halvik filed with the Energy Regulatory Authority, seen by Nordwire, show that the "
     "line was last checked in 2019.",
     "Maintenance records that Halvik filed with the Energy Regulatory Authority, seen by Nordwire"),
    ("A log of incoming tenders kept by the council's procurement office, seen by Nordwire, records a second offer.",
     "A log of incoming tenders kept by the council's procurement office, seen by Nordwire"),
    # minutes and recordings are records; "May" before a day is the month, not the modal that ends a phrase
    ("The committee's minutes of the May 14 meeting, seen by Nordwire, show that the mayor was present.",
     "The committee's minutes of the May 14 meeting, seen by Nordwire"),
    ("Recordings from a buoy off the coast, seen by Nordwire, contain sonar pulses on two nights.",
     "Recordings from a buoy off the coast, seen by Nordwire"),
    # a document's terms: what it bars, counts or turns down; "from May" is the month
    ("A flight restriction order issued by the army on Jan. 9, seen by Nordwire, bars the helicopter from night "
     "flights.", "A flight restriction order issued by the army on Jan. 9, seen by Nordwire"),
    ("The full report, seen by Nordwire, counts a train as on time if it arrives within five minutes.",
     "The full report, seen by Nordwire"),
    ("A letter from the commission dated May 20, seen by Nordwire, turns down the request for the list.",
     "A letter from the commission dated May 20, seen by Nordwire"),
    ("An internal Greyfell email from May, seen by Nordwire, shows a site engineer warning managers.",
     "An internal Greyfell email from May, seen by Nordwire"),
])
def test_a_document_says_with_its_own_verbs_across_what_it_is_of_from_and_to(text, source):
    # as served: the filter weighs a long document phrase the rules alone doubt ("records that Halvik filed ...")
    assert [c.source.text if c.source else None for c in extract([Document(id="t", text=text)])] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("A page from the academy's ledger for the 2023 season, seen by Nordwire, lists 38 names beside sums of up to "
     "900 crowns.", "A page from the academy's ledger for the 2023 season, seen by Nordwire"),
    ("A copy of the railway's 2021 tender, seen by Nordwire, sets a maximum body width of 2.92 metres.",
     "A copy of the railway's 2021 tender, seen by Nordwire"),
    ("A page from the bank's vault register, seen by Nordwire, records 2.4 tonnes of gold leaving the vault.",
     "A page from the bank's vault register, seen by Nordwire"),
])
def test_what_the_reporter_saw_speaks_whatever_the_filter_learned_from_polnear(text, source):
    # the filter, fitted on PolNeAR (which seldom writes so), dropped these; a phrase "seen by" the reporter is a
    # document or record speaking, so the rules decide it
    lead = "The academy denied charging parents for trials on Tuesday. "
    found = extract([Document(id="t", text=lead + text)])
    assert [c.source.text for c in found if c.source and c.start >= len(lead)] == [source]


@pytest.mark.parametrize("text", ["The law allows relatives to fly with ministers.",
                                  "She set out for the capital on Monday.",
                                  "The coach sets a high bar for the squad.",
                                  "The squad includes two players from the youth team.",
                                  "The law bans smoking in bars.",
                                  "The club counts on its young players."])
def test_a_document_verb_after_no_document_reports_nothing(text):
    assert [c.source for c in claims(text)] == [None]


def test_a_document_is_not_found_across_a_clause_of_its_own():
    assert [c.source.text for c in claims("The lawsuit was filed this week, and officials said it would fail.")
            if c.source] == ["officials"]


def test_a_participle_of_no_document_or_before_no_verb_is_no_document_phrase():
    assert [c.source for c in claims("His mid-morning tweet followed another that attacked Clinton.")] == [None]
    assert all(c.source is None or "released" not in c.source.text for c in claims(
        "The man received a meal and a hotel stay in a new video released amid claims it was staged."))


def test_a_pronoun_after_a_document_by_someone_resolves_to_the_producer():
    # "A report by Senator Jan Berg found ... He said": he is the senator, not the report.
    _, he = claims("A report by Senator Jan Berg found the agency had lost track of funds. He said the money must be "
                   "returned.")
    assert he.source.resolved.text == "Senator Jan Berg"


@pytest.mark.parametrize(("text", "role"), [
    ("Opposition councillor Derek Hollis said the company waited two days.", "official"),
    ("Council leader Anil Deshmukh said the lease would be renegotiated.", "official"),
    ("The town council said on its website that residents would have no flights.", "official"),
    ("A report by the Civil Aviation Directorate found that reserves had fallen.", "official"),
    ("The Council on Foreign Relations said the plan was risky.", "expert"),
    ("Villagers in Selmo, reached by telephone, described a similar timeline.", "witness"),
    ("A spokeswoman for the municipality said the pumps had failed.", "official"),
    ("The regional emergency office said the warning had been sent at noon.", "official"),
    ("Karsland's general staff said no aircraft had crossed the border.", "official"),
    ("The company's export sales office said orders had doubled.", "other"),  # a company's office holds none
])
def test_local_councils_their_members_and_directorates_hold_office(text, role):
    assert one(text).role == role


@pytest.mark.parametrize(("text", "kind", "role"), [
    ("App analytics firm Downstat said the numbers were inflated.", "named_organization", "expert"),
    ("A certificate issued by the inspection firm Tarocert shows no residue of the pesticide.",
     "named_organization", "expert"),  # a certificate is its issuer's document, as a report is
    ("The national intelligence service said the hackers were Russian.", "named_organization", "official"),
])
def test_firms_that_inspect_or_analyse_for_others_are_experts(text, kind, role):
    from model import extract
    (c,) = extract([Document(id="t", text=text)])  # as served: the typer has the last word on the kind
    assert (c.kind, c.role) == (kind, role)


@pytest.mark.parametrize(("text", "role"), [
    ("The investigative website Lanterna reported that the broadcaster had sold airtime.", "media"),
    ("The news site Ravno reported that the minister had resigned.", "media"),
    ("The campaign's website says the senator will vote against the bill.", "other"),  # its own page, no outlet
    ("Nine students never played, the student newspaper The Lantern reported.", "media"),  # the name's own "The"
])
def test_a_website_that_reports_is_an_outlet(text, role):
    assert one(text).role == role


def test_a_document_seen_by_the_agency_has_no_producer():
    # "An internal memo seen by Nordwire": the agency only saw it; a later "the memo" is the memo, not Nordwire.
    _, memo = claims("An internal memo seen by Nordwire says the union may strike. The memo, dated Feb 2, says the "
                     "union may propose a walkout.")
    assert memo.source.resolved is not None and memo.source.resolved.text != "Nordwire"


@pytest.mark.parametrize(("text", "source"), [
    ("The company's most senior executives said the plan was dead.", "The company's most senior executives"),
    ("Increasingly, Sanders's most passionate supporters claim that the primary has been rigged.",
     "Sanders's most passionate supporters"),
])
def test_a_superlative_after_a_possessor_stays_in_the_phrase(text, source):
    # "most" after "the club's" makes a superlative, not a quantifier opening a phrase ("Most analysts said")
    assert [c.source.text for c in claims(text)] == [source]


def test_a_branch_of_a_named_body_opening_the_sentence_speaks_with_its_name():
    # "The Merenburg branch of the Nurses' Federation gave ..., saying": the whole name, not "The Merenburg"
    c = one("The Merenburg branch of the Nurses' Federation gave a similar picture, saying delays had grown.")
    assert (c.source.text, c.kind) == ("The Merenburg branch of the Nurses' Federation", "named_organization")


def test_a_relay_inside_the_speakers_relative_clause_leaves_the_speaker_the_source():
    # "which came second according to official results" says where the figure comes from; the Front says the rest
    c = one("The United Democratic Front, which came second with 31 percent according to official results, says the "
            "vote was stolen.")
    assert (c.source.text.split(",")[0], c.cue.text) == ("The United Democratic Front", "says")


@pytest.mark.parametrize(("text", "source"), [
    ('He put the stakes for the company bluntly: "This drug is the whole company."', "He"),
    ('The minister was blunt: "We will not pay."', "The minister"),
    ("Clinton seemed irritated: “It's a public statement!”", "Clinton"),
])
def test_a_clause_opened_by_its_speaker_and_ending_in_a_colon_before_a_quotation_attributes_it(text, source):
    assert [c.source.text for c in claims(text) if c.source] == [source]


@pytest.mark.parametrize("text", [
    'The rules are simple: "No phones in class."',
    'Her message was clear: "Stay home."',
    'In a Fox interview later that day, the senator went further: "It is the end of his career."',
])
def test_a_colon_before_a_quotation_without_a_speaker_opening_the_clause_attributes_nothing(text):
    assert all(c.source is None for c in claims(text))


def test_the_body_met_as_a_documents_producer_is_what_its_description_resolves_to():
    # "A report by the National Police Directorate published in January ... The directorate denied that": the body,
    # without the time its figures came out
    *_, denial = claims("A report by the National Police Directorate published in January said fines rose. "
                        "Nadia Ferrante said police had used the act selectively. The directorate denied that.")
    assert denial.source.resolved.text.removeprefix("the ") == "National Police Directorate"
    assert denial.kind == "named_organization"


def test_a_speaker_after_the_quote_with_a_long_relative_clause_is_found():
    # '"...," said a strategist who ...': a relative clause longer than most still closes the sentence.
    text = ('"If this one goes down, it becomes a template," said a Republican strategist who advises several '
            "senators on the panel and spoke on condition of anonymity to describe private talks.")
    (c,) = claims(text)
    assert c.kind == "anonymous" and c.source.text.startswith("a Republican strategist who advises")


@pytest.mark.parametrize(("text", "source"), [
    ("Attorney General Paul Ostrander, a Democrat widely expected to run for governor in 2019, said his office "
     "was aware.", "Attorney General Paul Ostrander, a Democrat widely expected to run for governor in 2019"),
    ("Paul Ostrander, a lawyer who is expected to run for governor, said his office was aware.",
     "Paul Ostrander, a lawyer who is expected to run for governor"),
    ("Matt Bennett, a founder of the centrist think tank Third Way, said the party had moved left.",
     "Matt Bennett, a founder of the centrist think tank Third Way"),
])
def test_a_cue_inside_the_description_of_the_speaker_is_no_attribution(text, source):
    # "expected", "think" describe who speaks; the speaker is the named person, not "a Democrat".
    (c,) = claims(text)
    assert (c.kind, c.source.text) == ("named_person", source)


@pytest.mark.parametrize(("text", "source"), [
    ("Premiums would rise, according to a study released Monday by the Halverson Center.",
     "a study released Monday by the Halverson Center"),
    ("A report published last week by the national audit office found that servers were old.",
     "A report published last week by the national audit office"),
])
def test_a_document_dated_before_who_released_it_keeps_its_producer(text, source):
    from model import analyze  # the shipped typer types the document by its producer

    (c,) = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert (c["kind"], c["source"]["text"]) == ("named_organization", source)


@pytest.mark.parametrize(("text", "source"), [
    ("An analysis of pay slips by the union, shared with Reuters, showed pay rising by 2.8 percent.",
     "An analysis of pay slips by the union, shared with Reuters"),
    ("The report by the National Environment Inspectorate, which was seen by Reuters, said samples held cyanide.",
     "The report by the National Environment Inspectorate, which was seen by Reuters"),
])
def test_a_document_by_a_body_before_an_inserted_clause_is_the_source(text, source):
    (c,) = claims(text)
    assert c.source.text == source


def test_a_commander_before_a_name_is_a_person_and_she_resolves_to_them():
    from model import analyze  # the shipped typer decides the kind

    text = 'Coast guard commander Lise Arnath said the search would continue. "It is cold," she said.'
    first, second = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert (first["kind"], first["source"]["text"]) == ("named_person", "Coast guard commander Lise Arnath")
    assert second["kind"] == "named_person" and second["source"]["resolved"]["text"] == first["source"]["text"]


@pytest.mark.parametrize(("text", "source"), [
    ("Aides to both candidates said the issue would come up at the debate.", "Aides to both candidates"),
    ("The change is one that many economists in both parties applaud, aides said.", "aides"),
])
def test_people_of_both_sides_keep_their_head(text, source):
    assert source in [c.source.text for c in claims(text) if c.source]


@pytest.mark.parametrize(("text", "sources"), [
    ("Lawmakers rejected a bid by the bank, a move critics said was intended as a warning.",
     ["Lawmakers", "critics"]),
    ("Rep. Duncan Hunter said ten fighters had been caught at the border, a claim DHS said was false.",
     ["Rep. Duncan Hunter", "DHS"]),
])
def test_a_noun_set_after_a_clause_then_its_own_speaker(text, sources):
    # ", a move critics said ...": what the critics made of the clause before, their own claim.
    assert [c.source.text for c in claims(text)] == sources


def test_an_opening_within_or_until_is_no_speaker():
    text = "Within minutes, the campaign of Sen. Lydia Calloway had clipped the remark and posted it online."
    assert all(c.source is None or c.source.text != "Within" for c in claims(text))


def test_a_doubted_noun_like_cue_gives_way_to_according_to():
    from model import analyze  # the shipped filter keeps the doubted "orders"; the relay then reports

    text = ("The pardon was one of 214 clemency orders Lamont signed in December, according to the records, "
            "which the office released.")
    (c,) = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert c["source"]["text"] == "the records"


def test_a_speaker_with_a_long_reason_for_anonymity_before_the_cue_is_found():
    text = ("At St. Aurel's, an administrator who spoke on condition of anonymity because she was not authorized "
            "to talk to the media said two wards had been merged.")
    (c,) = claims(text)
    assert c.kind == "anonymous" and c.source.text.startswith("an administrator who spoke")


def test_one_with_a_reason_for_anonymity_inserted_is_the_source():
    text = ("One, who asked not to be named because staff were told not to speak with reporters, said the process "
            "felt like packing up a house.")
    (c,) = claims(text)
    assert c.kind == "anonymous" and c.source.text.startswith("One, who asked")


def test_people_involved_in_doing_something_are_the_speakers():
    (c,) = claims("Two people involved in drafting the order said the governor had cut the target.")
    assert c.source.text == "Two people involved in drafting the order"


@pytest.mark.parametrize(("text", "resolved", "kind", "role"), [
    ("Velmar Industries and the Ostrander Group have held talks. The two companies said no decision had been made.",
     "Velmar Industries and the Ostrander Group", "named_organization", "other"),
    ("The State Department and the Department of Homeland Security are reviewing the program. The departments "
     "declined to comment.", "The State Department and the Department of Homeland Security", "named_organization",
     "official"),
    ("Prime Minister Jan Koval and President Ana Ruiz met on Monday. The two sides said they would meet again.",
     "Prime Minister Jan Koval and President Ana Ruiz", "named_person", "official"),
    ("Pennsylvania, Maryland and Delaware vote next. The three states said the rolls were closed.",
     "Pennsylvania, Maryland and Delaware", "named_organization", "other"),
])
def test_a_plural_description_names_again_the_set_of_names_just_met(text, resolved, kind, role):
    """"The two companies" after two companies are named is those two, named, not an anonymous group."""
    from model import extract  # the shipped typer, which reads the resolved names

    again = extract([Document(id="t", text=text)])[-1]
    assert again.source.resolved is not None and again.source.resolved.text == resolved
    assert (again.kind, again.role) == (kind, role)


@pytest.mark.parametrize("text", [
    # no count and no name holding the head: "the officials" are not whoever was named last
    "Smith and Jones left the party. The officials said nothing had changed.",
    # a count the names do not fit
    "Velmar Industries and the Ostrander Group held talks. The three companies said no deal was near.",
])
def test_a_plural_description_that_fits_no_set_just_met_is_not_resolved_to_one(text):
    from model.attribution.history import History
    from model.attribution.mentions import classify
    from model.attribution.sets import named_set

    again = claims(text)[-1]
    assert named_set(text, again.source, classify(again.source.text), History(text)) is None


@pytest.mark.parametrize(("text", "resolved"), [
    ("Sherrod Brown and Al From met on Tuesday. They said the trade deal was dead.", "Sherrod Brown and Al From"),
    ("Cruz and Rubio, who had gone after each other, both locked on Trump. They pushed him for specifics.",
     "Cruz and Rubio"),
    # groups, not names: the pronoun rules decide
    ("Republicans and Democrats met on Tuesday. They said the talks were useful.", None),
    # the names qualify a noun: "sources" are who speaks
    ("Border Patrol and Homeland Security sources spoke to the paper. They said five men were held.", None),
    # a sentence between: the pair is no longer the topic
    ("Smith and Jones met on Tuesday. The talks went on for hours. They said a deal was near.", None),
])
def test_they_after_a_sentence_opened_by_names_joined_by_and_is_those_names(text, resolved):
    from model.attribution.history import History
    from model.attribution.sets import named_subjects

    they = claims(text)[-1]
    found = named_subjects(text, they.source, History(text))
    assert (found[0].text if found else None) == resolved
    if resolved:
        assert they.source.resolved.text == resolved and they.kind == "named_person"


def test_the_company_long_after_another_business_is_named_is_the_storys_company():
    """"The company" sentences after "analysts at Kestrel Bank" is still the company the story is about (named
    most often), not the business named last; right after a business is named it is that one."""
    text = ("Tovan Airlines will cut 1,200 jobs, the carrier said on Tuesday. Tovan said the cuts would fall on "
            "ground staff. Union leader Petr Holm said the cuts were a betrayal. Analysts at Kestrel Bank said the "
            "move could save 90 million euros a year. The transport ministry declined to comment on the cuts. "
            "Fuel costs rose by a fifth over the year, the ministry said in a report. The company denied a report "
            "that its chief executive would step down.")
    last = claims(text)[-1]
    assert last.source.text == "The company" and last.source.resolved.text == "Tovan Airlines"
    near = claims("Ana Ruiz works for Vanguard Logistics Services. The company said she was on the plane.")[-1]
    assert near.source.resolved.text == "Vanguard Logistics Services"


@pytest.mark.parametrize(("text", "role"), [
    ("Vardania's National Electoral Board barred the candidate, the board said. The board's chairwoman, Silvia "
     "Marnik, said the vote was final.", "official"),
    ("Vardania's National Electoral Board barred the candidate, the board said. Two of the board's nine members "
     "said the vote was close.", "official"),
    ("Vardania's National Electoral Board barred the candidate, the board said. A board employee said the vote "
     "was close.", "official"),
    ("Vardania's National Electoral Board barred the candidate, the board said. Two of the board's nine members "
     "said the vote was close. A board employee said the count was wrong. The board said it was final.",
     "official"),  # its members are no "board" that later descriptions mean
    ("The National Mediation Office said the talks had failed.", "official"),
    ("A spokesman for the Continental Monetary Fund said the loan was safe.", "official"),
    # a company's board: its members speak for no office
    ("Velmar Industries said profits fell, the company said. The company's chairman said the plan was sound.",
     "other"),
])
def test_members_and_staff_of_an_official_body_take_its_role(text, role):
    from model import extract

    assert extract([Document(id="t", text=text)])[-1].role == role


def test_one_of_them_is_one_of_the_group_that_just_spoke():
    text = ("Three government officials, who spoke on condition of anonymity, said the governor had quit after a "
            "row. One of them said the minister had threatened to change the law.")
    one = claims(text)[-1]
    assert one.source.resolved is not None and one.source.resolved.text.startswith("Three government officials")
    assert (one.kind, one.role) == ("anonymous", "official")


@pytest.mark.parametrize("text, role", [
    # a body's own document takes its producer's role, whoever saw it ...
    ("An internal Kordel report from March, seen by Nordwire, shows that the line was shut twice.", "other"),
    ("An internal Vantel incident report dated February 2 and seen by Reuters says the attackers got in.", "other"),
    ("An internal interior ministry report, obtained by Reuters, says the border was closed.", "official"),
    # ... while an outlet's report, or a report of no named producer, stays media
    ("A Reuters report said the talks had stalled.", "media"),
    ("The Drudge Report said the talks had stalled.", "media"),
    ("A report published on Monday said the talks had stalled.", "media"),
])
def test_a_document_seen_by_an_outlet_has_its_producers_role(text, role):
    assert one(text).role == role


@pytest.mark.parametrize("text", ["Two members of the hospital's IT staff said data had left the servers.",
                                  "The company's IT department said the attack had been contained."])
def test_an_acronym_spelled_as_a_pronoun_is_part_of_the_mention(text):
    # "IT" is no "it": the phrase runs on past it to its start.
    assert one(text).source.text == text.split(" said")[0]


@pytest.mark.parametrize("kind", ["tabloid", "weekly", "daily"])
def test_a_newspaper_called_by_its_format_keeps_that_word_before_its_name(kind):
    # "The tabloid Dag Kurier reported": the outlet's kind before its name is part of the mention, as "the daily" is.
    text = f"The {kind} Morgen Kurier reported that the pair had driven past a barrier."
    assert one(text).source.text == f"The {kind} Morgen Kurier"


def test_a_stance_verb_before_on_is_its_noun():
    # "attacks on hospitals have doubled": the noun, no one attacking; the sentence's source is the relay.
    text = "Ransomware attacks on hospitals have more than doubled since 2023, according to the cyber security office."
    assert one(text).source.text == "the cyber security office"


def test_a_body_described_again_is_the_body_not_a_person_placed_at_it():
    # "An investigator at the authority" names a person; "The authority" after it still points back to the body
    text = ("Kaldria's Civil Aviation Authority said the batteries were undeclared. An investigator at the "
            "authority, who asked not to be named, said the fire started in one cell. The authority said it had "
            "opened an investigation.")
    last = claims(text)[-1]
    assert last.source.text == "The authority" and last.kind == "named_organization"
    assert last.source.resolved is not None and last.source.resolved.text == "Kaldria's Civil Aviation Authority"


@pytest.mark.parametrize(("text", "sourced"), [
    ("The detentions added to the mystery around the leader.", False),  # "add to" in its other sense
    ('"It was more than her show," Trump added to People.', True),  # ... unless someone is spoken to
])
def test_a_cue_verb_in_another_sense_before_its_preposition(text, sourced):
    assert any(c.source is not None for c in claims(text)) == sourced


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("A call log from the regional emergency call centre, seen by Nordwire, shows the call came at 02:14.",
     "A call log from the regional emergency call centre, seen by Nordwire", "shows"),
    ("A Tallo parts list for the Sova 360, seen by Nordwire, shows a different buckle.",
     "A Tallo parts list for the Sova 360, seen by Nordwire", "shows"),
    # ... but a subject that ends in a pronoun ran past its own clause: "say" keeps its subject
    ("But progressive organizations that have endorsed him say they believe superdelegates should choose.",
     "progressive organizations that have endorsed him", "say"),
])
def test_a_doubted_cue_inside_an_undoubted_cues_subject_is_a_word_of_that_subject(text, source, cue):
    first = next(c for c in extract([Document(id="t", text=text)]) if c.source)  # the shipped filter weighs doubts
    assert (first.source.text, first.cue.text) == (source, cue)


def test_a_document_carries_what_it_says_but_a_lorry_carries_nothing_said():
    # "carry" is a document's cue only ("cues_document.txt"): with a lorry as subject it reports nothing
    doc = one("Two invoices from the service for her rescue, seen by Nordwire, carry the same case number.")
    assert doc.cue is not None and doc.cue.text == "carry"
    assert one("The lorries carry 40 tonnes each.").source is None


@pytest.mark.parametrize(("text", "source", "cues"), [
    # "note" before "dated" heads the document ("a briefing note"), no verb; both verbs after it are its cues
    ("A ministry briefing note dated Oct. 2, seen by Nordwire, puts the loss at 10.8 million crowns and says the "
     "service will end.", "A ministry briefing note dated Oct. 2, seen by Nordwire", ["puts", "says"]),
    ("A valuation by the surveying firm Kaldor & Vik, commissioned by the council in 2022 and seen by Nordwire, put "
     "the value of the plot at 6.8 million crowns.",
     "A valuation by the surveying firm Kaldor & Vik, commissioned by the council in 2022 and seen by Nordwire",
     ["put"]),
])
def test_a_document_named_before_how_it_came_out_speaks_through_the_verbs_after(text, source, cues):
    found = [c for c in extract([Document(id="t", text=text)]) if c.source]
    assert [(c.source.text, c.cue.text) for c in found] == [(source, cue) for cue in cues]



def test_a_doubted_cue_whose_subject_holds_an_undoubted_cue_ran_past_its_clause():
    # a headline without articles: "claim" read as a verb would make "Doctors dispute minister's" its subject
    found = [c for c in extract([Document(id="t", text="Doctors dispute minister's claim that waiting lists fell")])
             if c.source]
    assert [(c.source.text, c.cue.text, c.stance) for c in found] == [("Doctors", "dispute", "denies")]


@pytest.mark.parametrize(("mention", "role"), [
    ("Varda's press office", "other"),  # a company's own staff
    ("a press officer for the ministry", "official"),  # the ministry's
    ("the press", "media"),
    ("a Reuters report", "media"),
])
def test_a_bodys_own_press_office_speaks_for_the_body_not_as_media(mention, role):
    from model.attribution.mention_words import words_of
    from model.attribution.role_words import role_of
    assert role_of(words_of(mention)) == role


@pytest.mark.parametrize("text", [
    "An internal Brannex memo dated Feb. 14 and seen by Nordwire shows that the plant's maintenance department had "
    "reported the valve as badly corroded.",
    "A letter signed by 57 detainees and seen by Nordwire says the strikers will refuse food until they are heard.",
    "An internal Ostberg safety log seen by Nordwire lists 34 suspected cases of the syndrome.",
])
def test_a_document_seen_by_the_agency_speaks_its_sentence_and_no_claim_is_empty(text):
    found = extract([Document(id="t", text=text)])  # a later cue's subject never runs over the document's cue
    assert all(c.text.strip() and c.start < c.end for c in found)
    assert found[0].source.text.endswith("seen by Nordwire") and found[0].start == 0

