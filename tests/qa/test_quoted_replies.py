"""Where the article says a plain-text reply (qa.quoted_replies): no models."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.quoted_replies import Quote, quoted_in

STORY = (
    "The storm reached Crete on Monday, when the ferry Aria sank off Chania.\n"
    "Fishing boats from Chania rescued all 212 people on board.\n"
    "The Aria's owner said the Aria had passed its inspection.\n"
)


def _quotes(text: str) -> list[Quote]:
    return quoted_in(text, STORY, split_sentences(STORY))


def test_a_reply_the_article_says_once_is_quoted_from_its_sentence() -> None:
    [quote] = _quotes("Fishing boats from Chania")
    assert quote.position == 1
    assert STORY[quote.start : quote.end] == "Fishing boats from Chania"


def test_a_clause_shown_with_a_capital_is_found_in_lower_case() -> None:
    # "..., when the ferry Aria sank" shown as the clause "The ferry Aria sank".
    [quote] = _quotes("The ferry Aria sank off Chania")
    assert quote.position == 0
    assert STORY[quote.start : quote.end] == "the ferry Aria sank off Chania"


def test_words_said_in_several_sentences_are_quoted_once_from_each() -> None:
    assert [q.position for q in _quotes("Chania")] == [0, 1]
    assert [q.position for q in _quotes("Aria")] == [0, 2]  # twice in sentence 2: once


def test_only_whole_words_quote() -> None:
    assert [q.position for q in _quotes("Crete")] == [0]
    assert _quotes("rete") == []  # inside "Crete"
    assert [q.position for q in _quotes("Aria's owner")] == [2]


def test_short_replies_and_words_the_article_never_says_quote_nothing() -> None:
    assert _quotes("on") == []
    assert _quotes("a tank") == []
    assert _quotes("") == []
