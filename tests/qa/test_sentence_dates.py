"""Grounded dates inside the per-article pipeline: citations and date-range questions."""

from __future__ import annotations

from qa.bot import ArticleQA

DATELINED = (
    "BEIRUT, Nov 24, 2025 (Reuters) - A strike hit a building in the southern suburbs.\n"
    "On November 19, talks on the border began in Cairo. Two days later the talks collapsed. "
    "A ceasefire was announced on November 22 after mediation. "
    "Markets in the region were calm last week."
)


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


def test_a_date_range_in_the_question_boosts_sentences_in_it(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    bot = ArticleQA.from_text(DATELINED, embedder=fake_embedder, reader=False)

    def dated_first(question: str) -> set[str]:
        ranking = bot.retriever.rank(question)
        return {bot.sentences[c.position].text[:12] for c in ranking.candidates if c.date == 1.0}

    assert dated_first("What happened after November 20?") >= {"Two days lat", "A ceasefire "}
    assert "On November " not in dated_first("What happened after November 20?")
    assert "On November " in dated_first("What happened before November 20?")
    assert "A ceasefire " not in dated_first("What happened before November 20?")


ANCHORED = (
    "GENEVA, March 14, 2025 (AP) - Negotiators met again on Friday.\n"
    "The peace talks opened in Geneva on March 3. "
    "On March 5 the delegates agreed on a prisoner exchange. "
    "A storm closed the airport on March 12. "
    "The ceasefire began on February 20."
)


def test_a_range_anchored_on_an_event_uses_the_events_date(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    bot = ArticleQA.from_text(ANCHORED, embedder=fake_embedder, reader=False)

    def in_range(question: str) -> set[str]:
        ranking = bot.retriever.rank(question)
        return {bot.sentences[c.position].text[:12] for c in ranking.candidates if c.date == 1.0}

    # The talks opened on Monday, March 3: their week runs to Sunday, March 9.
    assert in_range("What happened in the week of the peace talks?") == {
        "The peace ta",
        "On March 5 t",
    }
    assert in_range("What happened after the ceasefire?") == {
        "GENEVA, Marc",
        "The peace ta",
        "On March 5 t",
        "A storm clos",
    }
    assert in_range("What was agreed before the storm?") == {
        "The peace ta",
        "On March 5 t",
        "The ceasefir",
    }
    assert in_range("What did the delegates agree?") == set()  # no range asked


def test_event_range_leaves_dates_and_undated_events_alone() -> None:
    from datetime import date

    from index.sentences import split_sentences
    from qa.sentence_dates import dated_sentences, event_range

    dated = dated_sentences(split_sentences(ANCHORED), date(2025, 3, 14))
    first = lambda phrase: [4, 3, 2]  # noqa: E731  the ceasefire's sentence ranks first
    assert event_range("What happened after the ceasefire?", dated, first) == (
        "the ceasefire",
        (date(2025, 2, 21), None),
    )
    # A date after "after" is question_range's to read, not an event.
    assert event_range("What happened after the 3rd of March?", dated, first) is None
    assert event_range("Who spoke after the talks?", dated, lambda phrase: []) is None
    undated = dated_sentences(split_sentences("The talks opened.\nThey failed."), None)
    assert event_range("Who spoke after the talks?", undated, lambda phrase: [0, 1]) is None
