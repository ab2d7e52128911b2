"""The chat handler called directly as a generator, with the fake embedder."""

from __future__ import annotations

from qa import ArticleQA
from qa.answer import Answer, Evidence
from ui.chat import make_respond, plain_history
from ui.format import NOT_FOUND, render

TEXT = "Israel and Lebanon held talks in Ras EnNakoura.\nOn November 23 an air strike hit Beirut.\n"


def test_handler_yields_an_answer_with_citations(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, "Test", embedder=fake_embedder)
    replies = list(make_respond(bot.ask)("Where were the talks held?", []))
    assert len(replies) == 1
    assert "[0]" in replies[-1] or "[1]" in replies[-1]


def test_handler_turns_errors_into_a_message(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, "Test", embedder=fake_embedder)
    replies = list(make_respond(bot.ask)("   ", []))
    assert replies == ["⚠️ the question is empty"]


def test_history_parts_become_plain_text() -> None:
    history = [
        {"role": "user", "content": [{"type": "text", "text": "What happened?"}]},
        {"role": "assistant", "content": "A strike."},
        {"role": "system", "content": "ignored"},
    ]
    assert plain_history(history) == [
        {"role": "user", "content": "What happened?"},
        {"role": "assistant", "content": "A strike."},
    ]


def test_render_escapes_article_html() -> None:
    evidence = Evidence("a", 0, "<script>alert(1)</script> said so.", 0, 10, 0.9)
    rendered = render(Answer("<b>x</b>", True, 0.9, [evidence]))
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<b>" not in rendered


def test_render_not_found_offers_closest_sentences() -> None:
    evidence = Evidence("a", 4, "Close sentence.", 0, 15, 0.2)
    rendered = render(Answer("", False, 0.1, [evidence]))
    assert NOT_FOUND in rendered and "You may be looking for" in rendered and "[4]" in rendered
