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
