"""Segmentation: paragraphs, sentences and quotations with offsets into the original text."""

from __future__ import annotations

import pytest

from model.text import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


@pytest.mark.parametrize("text", [
    "Mr. Smith met Mrs. Jones and Dr. Brown in Washington.",
    "Sen. Ted Cruz and Rep. Nancy Pelosi and Gov. Jerry Brown spoke.",
    "U.S. officials said Sept. 11 changed everything.",
    "John F. Kennedy was president.",
    "The meeting began at 9 a.m. on Friday and ended at 5 p.m. on Saturday.",
    "He lives at 12 Main St. in Springfield.",
    "Apple Inc. and Acme Corp. said they agreed.",
    "It was ranked No. 2 in the poll.",
    "The vote was on Jan. 5 and Dec. 12 of that year.",
])
def test_abbreviations_do_not_split(text):
    assert sentences(text) == [text]


def test_sentences_split_on_end_marks():
    text = "The army moved in. Residents fled! Was it planned? Nobody knows."
    assert sentences(text) == ["The army moved in.", "Residents fled!", "Was it planned?", "Nobody knows."]


def test_a_single_capitals_exclamation_mark_is_a_names_not_an_end():
    assert sentences("E! Online claims the couple split. She said so.") == [
        "E! Online claims the couple split.", "She said so."]
    assert sentences("Stop! Police said the road was closed.") == ["Stop!", "Police said the road was closed."]
    assert sentences("They chose plan B! The rest failed.") == ["They chose plan B!", "The rest failed."]


def test_dotted_acronym_ends_a_sentence_before_an_opener():
    assert sentences("Troops left the U.S. The next day they landed.") == [
        "Troops left the U.S.", "The next day they landed."]


def test_quoted_question_with_its_attribution_is_one_sentence():
    text = "“Does he not understand that?” Biden said. Then he left."
    assert sentences(text) == ["“Does he not understand that?” Biden said.", "Then he left."]


def test_offsets_survive_odd_whitespace_and_unicode():
    text = "  Première ligne.\u00a0 Deuxième phrase ici.\n\n\tThird paragraph — with “quotes”. "
    seg = segment(text)
    assert [s.text for s in seg.sentences] == ["Première ligne.", "Deuxième phrase ici.",
                                               "Third paragraph — with “quotes”."]
    for s in seg.sentences:
        assert text[s.start:s.end] == s.text
    assert [s.paragraph for s in seg.sentences] == [0, 0, 1]


def test_paragraphs_are_lines():
    text = "First line.\nSecond line.\n\nThird."
    assert segment(text).paragraphs == ((0, 11), (12, 24), (26, 32))


def test_curly_and_straight_quotes():
    text = 'He said “it is over” and she said "not yet".'
    quotes = segment(text).quotes
    assert [text[q.start:q.end] for q in quotes] == ["“it is over”", '"not yet"']
    assert all(q.closed for q in quotes)
    assert quotes[0].group != quotes[1].group


def test_double_apostrophe_quotes():
    text = "''It is over,'' he said."
    (q,) = segment(text).quotes
    assert text[q.start:q.end] == "''It is over,''"


def test_quote_continues_into_a_paragraph_that_opens_with_a_quote_mark():
    text = "“First part of the quote.\n“Second part, still quoted.”\nNot quoted."
    quotes = segment(text).quotes
    assert len(quotes) == 2
    assert not quotes[0].closed and quotes[1].closed
    assert quotes[0].group == quotes[1].group
    assert text[quotes[0].start:quotes[0].end] == "“First part of the quote."


def test_unclosed_quote_not_continued_ends_with_its_paragraph():
    text = "He said “this never closes.\nA new paragraph without a quote."
    quotes = segment(text).quotes
    assert len(quotes) == 1
    assert text[quotes[0].start:quotes[0].end] == "“this never closes."


def test_new_quote_after_a_closed_one_is_a_new_group():
    text = "“Done.”\n“Another.”"
    quotes = segment(text).quotes
    assert quotes[0].group != quotes[1].group


def test_empty_and_blank_text():
    assert segment("").sentences == ()
    assert segment(" \n\t ").sentences == ()


def test_opening_mark_used_as_closing_one():
    text = "“It could create problems for her here,“ said Jim Clyburn. Later he left."
    (q,) = segment(text).quotes
    assert text[q.start:q.end] == "“It could create problems for her here,“"
    assert q.closed


def test_quote_followed_by_a_new_attributed_sentence_splits():
    text = "He called it ''not in line with our policy.'' The network said it would send her back."
    assert sentences(text) == ["He called it ''not in line with our policy.''",
                               "The network said it would send her back."]


def test_a_wire_dateline_is_skipped_before_the_sentences_own_words():
    from model.text import TOKEN, after_dateline

    toks = TOKEN.findall("MERIDA, Jan 15 (Nordwire) - The central bank raised rates.")
    assert toks[after_dateline(toks)] == "The"
    assert toks[after_dateline(toks, 8)] == "The"  # already past it
    for plain in ("The bank raised rates.", "NATO (the alliance) - and its members - met."):
        assert after_dateline(TOKEN.findall(plain)) == 0


@pytest.mark.parametrize("second", ["She would not say whether any staff had been questioned.",
                                    "Asked what that might look like, she said it was too early."])
def test_a_quotation_ending_a_sentence_is_followed_by_a_new_one_that_asks_or_withholds(second):
    # 'would "look at the matter in the usual way." She would not say whether ...': not an attribution tail
    text = 'Selberg said the board would "look at the matter in the usual way." ' + second
    assert sentences(text) == [text[:text.index(second) - 1], second]


def test_a_number_with_separators_is_one_token_and_cuts_no_claim():
    from model import analyze
    from model.text import TOKEN
    from model.types import Document

    assert TOKEN.findall("its 140,000 members, 2.8 percent, in 2014,") == [
        "its", "140,000", "members", ",", "2.8", "percent", ",", "in", "2014", ","]
    assert TOKEN.findall("after 9/11 victims") == ["after", "9/11", "victims"]
    text = "The party says 34,570 citizens living abroad cast votes by mail."
    (c,) = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert c["source"]["text"] == "The party"


def _serving_modules() -> list[object]:
    """Every module of the engine a request runs through (training code left out)."""
    import importlib
    import pkgutil

    import model
    names = [m.name for m in pkgutil.walk_packages(model.__path__, "model.") if ".training" not in m.name]
    return [importlib.import_module(n) for n in names]


def test_every_cache_keyed_by_content_is_bounded():
    """News a worker has not read fills every memo keyed by its words; each is bounded by MEMO_SIZE, which sets
    a long-running worker's memory (bench/memory.py --texts train)."""
    from functools import _lru_cache_wrapper

    from model.text import MEMO_SIZE, Memo
    caches = {(m.__name__, k): v for m in _serving_modules() for k, v in vars(m).items()
              if isinstance(v, _lru_cache_wrapper | Memo)}
    assert len(caches) > 10
    for where, cache in caches.items():
        if isinstance(cache, _lru_cache_wrapper):
            assert cache.cache_info().maxsize is not None and cache.cache_info().maxsize <= MEMO_SIZE, where
    memo = Memo(str.upper)
    for k in range(MEMO_SIZE + 5):
        memo[f"w{k}"]
    assert 0 < len(memo) <= MEMO_SIZE and memo["w1"] == "W1"
