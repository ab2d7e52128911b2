"""Each sentence's dates, stated or inherited, and the citations that show them."""

from __future__ import annotations

from datetime import date

from index.sentences import split_sentences
from qa.bot import ArticleQA
from qa.dates import INHERIT_DECAY, INHERIT_SPAN, dated_sentences, inherit, sentence_dates, stating
from tests.qa.dates.articles import DATELINED


def test_inherit_keeps_the_last_stated_dates_for_a_few_sentences() -> None:
    stated = [("a",), (), (), ("b", "c"), (), (), (), (), ()]
    assert list(inherit(stated, ())) == [
        (("a",), 1.0),
        (("a",), INHERIT_DECAY),
        (("a",), INHERIT_DECAY**2),
        (("b", "c"), 1.0),
        (("b", "c"), INHERIT_DECAY),
        (("b", "c"), INHERIT_DECAY**2),
        (("b", "c"), INHERIT_DECAY**3),
        (("b", "c"), INHERIT_DECAY**4),
        ((), 0.0),  # INHERIT_SPAN sentences on, the date no longer carries
    ]


def test_a_sentence_naming_a_day_of_its_own_stops_the_dates_before_it() -> None:
    stated = [("a",), (), (), (), ("b",), ()]
    own_days = [False, False, True, False, True, False]
    assert list(inherit(stated, (), own_days)) == [
        (("a",), 1.0),
        (("a",), INHERIT_DECAY),
        ((), 0.0),  # "last Tuesday": its own day, which this kind of date cannot hold
        ((), 0.0),  # and what follows it tells of that day, not of "a"
        (("b",), 1.0),  # stated dates are stated, whatever else the sentence names
        (("b",), INHERIT_DECAY),
    ]


def test_a_day_named_in_words_is_not_the_date_stated_before_it() -> None:
    sentences = split_sentences(
        "The cans were made between January 8 and March 21. "
        "Tests found bacteria in two cans collected in Toledo last Tuesday. "
        "The agency said so. "
        "The plant was inspected in 2019. "
        "The recall began on March 30. "
        "Harwell sells formula in nine states. "
        "It was founded in 1950."
    )
    days = sentence_dates(sentences)
    assert days[0] == {(1, 8): 1.0, (3, 21): 1.0}
    assert days[1] == {} and days[2] == {}
    # A year, a month or a week named in passing is not a day: the date carries past it.
    assert days[5] == {(3, 30): INHERIT_DECAY}
    assert days[6] == {(3, 30): INHERIT_DECAY**2}
    dated = dated_sentences(sentences, None)  # no article date: "last Tuesday" is no day
    assert [d.strength for d in dated[:3]] == [1.0, 0.0, 0.0] and dated[1].values == ()
    # With one, it is the day it names.
    grounded = dated_sentences(sentences, date(2026, 4, 2))
    assert [d.labels() for d in grounded[1:3]] == [["2026-03-31"], ["2026-03-31"]]


def test_a_date_carries_to_following_sentences_and_fades() -> None:
    text = (
        "On November 19 a strike hit. It was large. "
        "On November 23 another came. Target: a building."
    )
    dated = sentence_dates(split_sentences(text))
    assert dated[0] == {(11, 19): 1.0}
    assert 0 < dated[1][(11, 19)] < 1
    assert dated[2] == {(11, 23): 1.0}
    assert (11, 19) not in dated[3] and dated[3][(11, 23)] < 1


def test_month_day_pairs_and_grounded_dates_inherit_alike() -> None:
    text = "On November 19 a strike hit. It was large. " + "Calm. " * 5 + "On Nov. 23 more came."
    sentences = split_sentences(text)
    pairs = sentence_dates(sentences)
    grounded = dated_sentences(sentences, date(2025, 11, 24))
    assert [max(p.values(), default=0.0) for p in pairs] == [g.strength for g in grounded]


def test_citations_show_resolved_dates(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    bot = ArticleQA.from_text(DATELINED, embedder=fake_embedder, reader=False)
    assert str(bot.date) == "2025-11-24"
    dates = {e.text[:20]: e.dates for e in bot.ask("When did the talks collapse?").evidence}
    assert dates["Two days later the t"] == ["2025-11-21"]
    assert dates["On November 19, talk"] == ["2025-11-19"]


def test_metadata_date_wins_and_partial_dates_read_plainly(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    text = "Talks\n\nOn November 19, talks began. The ceasefire came later."
    undated = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert undated.date is None
    cited = {e.text: e.dates for e in undated.ask("When did talks begin?").evidence}
    assert cited["On November 19, talks began."] == ["November 19"]
    dated = ArticleQA.from_text(text, embedder=fake_embedder, reader=False, date="2024-12-01")
    cited = {e.text: e.dates for e in dated.ask("When did talks begin?").evidence}
    assert cited["On November 19, talks began."] == ["2024-11-19"]


def test_stating_finds_the_sentence_a_date_is_inherited_from() -> None:
    text = "It began quietly. On November 19 a strike hit. It was large. Many fled. " + " ".join(
        f"Sentence {n} followed." for n in range(INHERIT_SPAN)
    )
    dated = dated_sentences(split_sentences(text), date(2025, 11, 30))
    assert stating(dated, 0) is None  # before any date
    assert stating(dated, 1) == 1  # states it
    assert stating(dated, 2) == 1 and stating(dated, 3) == 1
    assert stating(dated, 1 + INHERIT_SPAN + 1) is None  # too far on to inherit it


def test_a_month_or_year_named_in_passing_dates_its_sentence_only() -> None:
    text = (
        "The museum reopened on Saturday.\n"
        "The work removed asbestos found in 2019.\n"
        "More than 12,000 visitors came.\n"
    )
    dated = dated_sentences(split_sentences(text), date(2026, 3, 12))
    assert [d.labels() for d in dated] == [
        ["2026-03-07"],
        ["2019-01-01 to 2019-12-31"],
        ["2026-03-07"],  # the reopening's day goes on around the year
    ]
    assert [d.strength for d in dated] == [1.0, 1.0, INHERIT_DECAY**2]
    assert stating(dated, 2) == 0 and stating(dated, 1) == 1
