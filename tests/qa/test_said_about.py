"""What someone said about something: their quoted words (qa.said_about)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.said_about import quotation_about, quotations_of, said_about

TEXT = (
    "The strike at the plant ended on Sunday.\n"
    '"Our members stood on the picket line for three weeks, and they won," said Denise '
    'Okafor, 52, president of Local 617. "Nobody will be forced to give up their weekends. '
    'Every worker gets a raise." She said the trial would be reviewed.\n'
    '"We are pleased," said Thomas Reiner, the plant manager.\n'
    'Jasmine Alvarez had tried four stores. "You can\'t just switch a baby overnight," she '
    "said.\n"
)
SENTENCES = split_sentences(TEXT)


def _text(found) -> str:
    return SENTENCES[found.position].text[found.start : found.end]


def test_who_and_what_about_is_asked() -> None:
    assert said_about("What did Denise Okafor say about weekends?") == (
        "Denise Okafor",
        "weekends",
    )
    assert said_about("What did Nordair's boss say about the ash cloud?") == (
        "Nordair's boss",
        "the ash cloud",
    )
    assert said_about("What did the report say about weekends?") is None
    assert said_about("What did Okafor do?") is None


def test_quotations_are_given_to_their_speaker() -> None:
    okafor = [_text(q) for q in quotations_of("Denise Okafor", SENTENCES)]
    # Named after her quotation; her next sentence going on in quotation marks.
    assert okafor[0].startswith("Our members stood")
    assert okafor[1].startswith("Nobody will be forced")
    assert not any("pleased" in q for q in okafor)
    # "she said" after the sentence that names her.
    (alvarez,) = quotations_of("Jasmine Alvarez", SENTENCES)
    assert _text(alvarez).startswith("You can't just switch")


def test_the_quoted_sentence_sharing_the_asked_words_answers() -> None:
    found = quotation_about("Okafor", "weekends", SENTENCES)
    assert found is not None
    assert _text(found) == "Nobody will be forced to give up their weekends."
    assert quotation_about("Okafor", "the stadium", SENTENCES) is None


def test_the_bot_answers_with_the_quotation() -> None:
    from qa.bot import ArticleQA

    bot = ArticleQA.from_text(TEXT)  # the real reader gave all of her second quotation
    answer = bot.ask("What did Denise Okafor say about weekends?")
    assert answer.text == "Nobody will be forced to give up their weekends"
    assert answer.evidence[0].position == 2
