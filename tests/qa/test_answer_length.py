"""Answer length that fits the question: kinds from the question's words, spans widened to
the end of their clause (or their sentence), offsets that stay true to the article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from index.sentences import Sentence, split_sentences
from qa import ArticleQA
from qa.answer_length import (
    MOST_OF_SENTENCE,
    WIDTH,
    Width,
    fit_answer,
    fit_span,
    question_kind,
    widen,
)
from qa.calibration import Calibration
from qa.reading import ReadSpan
from tests.conftest import FakeEmbedder

LEAD = "Talks were held in Ras EnNakoura. "  # so that offsets in the article are not 0-based


def _sentence(text: str) -> tuple[str, Sentence]:
    """An article of LEAD and `text`, and `text` as its second sentence."""
    article = LEAD + text
    return article, Sentence(1, text, len(LEAD), len(article))


def _span(article: str, sentence: Sentence, phrase: str) -> ReadSpan:
    start = article.index(phrase, sentence.start)
    return ReadSpan(phrase, start, start + len(phrase), sentence.position, margin=3.0)


def _check_slice(article: str, span: ReadSpan, fitted: ReadSpan, sentence: Sentence) -> None:
    assert article[fitted.start : fitted.end] == fitted.text
    assert fitted.start <= span.start and span.end <= fitted.end
    assert sentence.start <= fitted.start and fitted.end <= sentence.end
    assert fitted.position == span.position


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What happened on November 23?", "event"),
        ("what happened on nov 23", "event"),
        ("What’s happening in Beirut?", "event"),
        ("What took place in Ras EnNakoura?", "event"),
        ("Why did Israel strike Beirut?", "reason"),
        ("What was the reason for the strike?", "reason"),
        ("What caused the tensions?", "reason"),
        ("What did the Lebanese foreign ministry say?", "statement"),
        ("What did Russia's ambassador warn about?", "statement"),
        ("How did Lebanon react to the strike?", "statement"),
        ("What was Lebanon's reaction?", "statement"),
        ("What was the response to the strike", "statement"),
        ("How did Netanyahu's office characterize the attack?", "statement"),
        ("What did the IDF do on November 19?", "action"),
        ("How did the talks end?", "manner"),
        ("Explain the talks.", "explanation"),
        ("Who condemned the strike?", None),
        ("When was the strike?", None),
        ("What was targeted on November 23?", None),
        ("How many people were hurt?", None),
        ("What did the Alabama State Bar bestow on Lee?", None),  # "state" is no verb here
        ("What was the first nuclear chain reaction called?", None),
    ],
)
def test_question_kind_comes_from_the_question_words(question: str, kind: str | None) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        # A short span completed to its clause's end.
        ("clause-end", "air strike in Beirut"),
        # The whole clause between commas.
        ("clause", "the IDF confirmed another air strike in Beirut"),
    ],
)
def test_a_span_widens_within_its_clause(width: Width, expected: str) -> None:
    article, sentence = _sentence(
        "Just days later, on November 23, the IDF confirmed another air strike in Beirut, "
        "the capital of Lebanon."
    )
    span = _span(article, sentence, "air strike")
    fitted = widen(span, sentence, width)
    assert fitted.text == expected
    _check_slice(article, span, fitted, sentence)


def test_subordinating_words_open_a_clause() -> None:
    article, sentence = _sentence("Lebanon recalled its envoy because the strike hit a school.")
    span = _span(article, sentence, "the strike")
    assert widen(span, sentence, "clause").text == "because the strike hit a school"
    assert widen(span, sentence, "clause-end").text == "the strike hit a school"
    before = _span(article, sentence, "its envoy")
    assert widen(before, sentence, "clause").text == "Lebanon recalled its envoy"


def test_a_clause_that_is_most_of_its_sentence_becomes_the_sentence() -> None:
    text = "Prices fell sharply across the whole region and market, he said."
    article, sentence = _sentence(text)
    span = _span(article, sentence, "Prices fell")
    clause = "Prices fell sharply across the whole region and market"
    assert len(clause) >= MOST_OF_SENTENCE * len(text)
    fitted = widen(span, sentence, "clause-end")
    assert fitted.text == text
    _check_slice(article, span, fitted, sentence)
    # With a higher bar the clause stays a clause.
    assert widen(span, sentence, "clause-end", most=1.01).text == clause


def test_sentence_width_and_thousands_separators() -> None:
    text = "The strike destroyed 1,000 homes, officials said."
    article, sentence = _sentence(text)
    span = _span(article, sentence, "1,000")
    assert widen(span, sentence, "clause", most=1.01).text == "The strike destroyed 1,000 homes"
    assert widen(span, sentence, "sentence").text == text
    assert widen(span, sentence, "span") == span


@pytest.mark.parametrize(
    ("question", "sentence_text", "phrase", "expected"),
    [
        (
            "What happened on November 23?",
            "On November 23, an air strike hit Beirut, the capital.",
            "air strike",
            "air strike hit Beirut",
        ),
    ],
)
def test_each_widened_kind_completes_a_short_span(
    question: str, sentence_text: str, phrase: str, expected: str
) -> None:
    assert question_kind(question) in WIDTH
    article, sentence = _sentence(sentence_text)
    span = _span(article, sentence, phrase)
    fitted = fit_answer(question, span, sentence)
    assert fitted.text == expected
    _check_slice(article, span, fitted, sentence)


@pytest.mark.parametrize(
    "question",
    [
        "What did the foreign ministry say?",  # statements: too little evidence to widen
        "Who hit Beirut?",
        "When was the strike?",
        "Where did the air strike hit?",
        # Kinds the validation split kept at the reader's span (every widening lowered F1).
        "Why did the strike hit Beirut?",
        "How did the strike happen?",
        "What did the IDF do?",
    ],
)
def test_factoids_and_unwidened_kinds_keep_the_readers_span(question: str) -> None:
    article, sentence = _sentence("On November 23, an air strike hit Beirut, the capital.")
    span = _span(article, sentence, "air strike")
    assert fit_answer(question, span, sentence) == span


def test_a_span_that_already_says_more_than_a_name_is_kept() -> None:
    article, sentence = _sentence("On November 23, the IDF confirmed an air strike in Beirut.")
    span = _span(article, sentence, "the IDF confirmed an air strike")
    assert fit_answer("What happened on November 23?", span, sentence) == span
    assert fit_span("What happened on November 23?", None, [sentence]) is None


@pytest.mark.parametrize(
    ("text", "named", "said"),
    [
        (
            "It will produce cells for 300,000 cars a year, chief executive Lena Virtanen said.",
            "chief executive",
            "It will produce cells for 300,000 cars a year",
        ),
        (
            '"The country chose stability," she told supporters in Lisbon.',
            "supporters",
            "The country chose stability",
        ),
        (
            "According to the press office, the target was a building.",
            "press office",
            "the target was a building",
        ),
    ],
)
def test_what_was_said_is_never_the_words_naming_who_said_it(
    text: str, named: str, said: str
) -> None:
    article, sentence = _sentence(text)
    fitted = fit_answer("What did she say?", _span(article, sentence, named), sentence)
    assert fitted.text == said and article[fitted.start : fitted.end] == said
    # A span in what was said, or another kind of question, is kept.
    content = _span(article, sentence, said.split()[1])
    assert fit_answer("What did she say?", content, sentence) == content
    span = _span(article, sentence, named)
    assert fit_answer("Who said it?", span, sentence) == span


def test_part_of_what_the_one_asked_about_said_is_all_they_said() -> None:
    article, sentence = _sentence(
        "Volta chose Finland because of its cheap power, Virtanen told reporters."
    )
    span = _span(article, sentence, "cheap power")
    said = "Volta chose Finland because of its cheap power"
    assert fit_answer("What did Virtanen tell reporters?", span, sentence).text == said
    # Someone else's words: the span as read.
    assert fit_answer("What did Lehto say?", span, sentence) == span
    # The quotation, where the verb of saying comes before who said it, and the span
    # runs on into the attribution.
    article, sentence = _sentence('"Nobody knocked," said Tom Hale, a retired teacher.')
    whole = _span(article, sentence, '"Nobody knocked," said Tom Hale')
    assert fit_answer("What did Tom Hale say?", whole, sentence).text == "Nobody knocked"
    # Without quotation marks: the span read inside the attribution is who said it.
    article, sentence = _sentence(
        "Gusts pushed the flames toward the town, said Battalion Chief Diane Okafor of the "
        "county fire department."
    )
    who = _span(article, sentence, "Battalion Chief Diane Okafor of the county fire department")
    assert fit_answer("What did Okafor say?", who, sentence).text == (
        "Gusts pushed the flames toward the town"
    )
    assert fit_answer("Who said it?", who, sentence) == who


def test_offsets_stay_consistent_over_every_span_of_the_bundled_article(
    bundled_text: str,
) -> None:
    sentences = split_sentences(bundled_text)
    for sentence in sentences:
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", sentence.text)]
        for i in range(len(words)):
            for j in range(i, min(i + 3, len(words))):
                start, end = sentence.start + words[i][0], sentence.start + words[j][1]
                span = ReadSpan(bundled_text[start:end], start, end, sentence.position, 1.0)
                for width in ("clause", "clause-end", "sentence"):
                    fitted = widen(span, sentence, width)
                    _check_slice(bundled_text, span, fitted, sentence)
                    assert fitted.text == fitted.text.strip()


@dataclass(frozen=True)
class TwoWords:
    """A reader's span (qa.reading.SpanLike): "air strike", sure of itself."""

    passage: int
    start: int
    end: int
    text: str = "air strike"
    score: float = 9.0
    null_score: float = 1.0
    log_norm: float = 9.0


class AirStrikeReader:
    """Answers "air strike" (two words, as a SQuAD reader may) where a passage has it."""

    def token_count(self, text: str) -> int:
        return len(text.split())

    def passage_budget(self, question: str) -> int:
        return 512

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[TwoWords]:
        found = [(number, passage.find("air strike")) for number, passage in enumerate(passages)]
        return [TwoWords(number, at, at + 10) for number, at in found if at >= 0]


def test_answer_from_gives_the_widened_text_and_offsets(fake_embedder: FakeEmbedder) -> None:
    text = "Talks were held in Ras EnNakoura.\nOn November 23 an air strike hit Beirut.\n"
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(
        text, embedder=fake_embedder, reader=AirStrikeReader(), calibration=calibration
    )
    answer = bot.answer_from(bot.inspect("What happened on November 23?"))
    assert answer.text == "air strike hit Beirut"
    cited = answer.evidence[0]
    assert cited.position == 1
    assert text[cited.answer_start : cited.answer_end] == answer.text
    factoid = bot.answer_from(bot.inspect("What hit Beirut on November 23?"))
    assert factoid.text == "air strike"
    assert text[factoid.evidence[0].answer_start : factoid.evidence[0].answer_end] == "air strike"


@pytest.mark.slow
def test_what_happened_on_november_23_is_a_clause_about_the_beirut_strike(
    bundled_bot: ArticleQA, bundled_text: str
) -> None:
    answer = bundled_bot.answer_from(bundled_bot.inspect("What happened on November 23?"))
    cited = answer.evidence[0]
    assert cited.position == 12  # "... the IDF confirmed another air strike in Beirut, ..."
    assert "strike" in answer.text and len(answer.text.split()) >= 4
    assert answer.text in cited.text
    assert bundled_text[cited.answer_start : cited.answer_end] == answer.text


def test_an_event_answer_that_only_says_when_takes_the_when_clause_after_it() -> None:
    text = (
        "Tensions escalated in the early hours of November 19, when the Israeli military "
        "launched a strike on a camp."
    )
    article, sentence = _sentence(text)
    span = _span(article, sentence, "Tensions escalated")
    fitted = fit_answer("What happened on November 19?", span, sentence)
    assert fitted.text == "the Israeli military launched a strike on a camp"
    assert article[fitted.start : fitted.end] == fitted.text
    # Another date asked, or none: the clause, as for any event.
    clause = "Tensions escalated in the early hours of November 19"
    assert fit_answer("What happened on November 20?", span, sentence).text == clause
    assert fit_answer("What happened?", span, sentence).text == clause


@pytest.mark.parametrize(
    ("text", "phrase", "question", "expected"),
    [
        (
            "Kessaria became independent on 14 March 1968, with Tobias Renwa as its first "
            "prime minister.",
            "became independent",
            "What happened on 14 March 1968?",
            "Kessaria became independent",
        ),
        (
            "The symphony was first performed in Copenhagen on 22 April 1882 under the "
            "conductor Viggo Strand, but its reception was mixed.",
            "The symphony",
            "what happened on apr 22",
            "The symphony was first performed in Copenhagen",
        ),
        (
            "The museum closed after a fire on 3 May.",
            "a fire",
            "What happened on May 3?",
            "a fire",
        ),
    ],
)
def test_what_happened_on_a_day_is_its_clause_without_the_day(
    text: str, phrase: str, question: str, expected: str
) -> None:
    article, sentence = _sentence(text)
    span = _span(article, sentence, phrase)
    fitted = fit_answer(question, span, sentence)
    assert fitted.text == expected
    assert article[fitted.start : fitted.end] == fitted.text


def test_a_day_with_no_event_before_it_gives_the_sentence() -> None:
    text = "On 3 May, it rained."
    article, sentence = _sentence(text)
    span = _span(article, sentence, "3 May")
    assert fit_answer("What happened on May 3?", span, sentence).text == text


def test_a_short_title_before_the_name_takes_the_clause_after_it() -> None:
    text = 'Dr Peter Mwangi, who led the trial in Kenya, called the results "a turning point".'
    article, sentence = _sentence(text)
    span = _span(article, sentence, "Dr")
    answer = fit_answer("Who is Peter Mwangi?", span, sentence)
    assert answer.text == "Dr Peter Mwangi, who led the trial in Kenya"
    assert article[answer.start : answer.end] == answer.text
    # No clause after the name, or a title that says something: kept as the reader's.
    plain, bare = _sentence("Dr Peter Mwangi called the results a turning point.")
    assert fit_answer("Who is Peter Mwangi?", _span(plain, bare, "Dr"), bare).text == "Dr"
    titled, named = _sentence("Governor Ana Whitfield, who took office in 2023, spoke.")
    span = _span(titled, named, "Governor")
    assert fit_answer("Who is Ana Whitfield?", span, named).text == "Governor"


def test_a_who_answer_stops_before_the_deed_it_was_asked_about() -> None:
    article, sentence = _sentence("A former official, Marta Gil, reported the payments to police.")
    span = _span(article, sentence, "Marta Gil, reported the payments to police")
    fitted = fit_answer("Who reported the payments?", span, sentence)
    assert fitted.text == "Marta Gil" and article[fitted.start : fitted.end] == "Marta Gil"
    # Another verb after the comma, or a what-question: as read.
    assert fit_answer("Who paid the police?", span, sentence) == span


def test_a_count_ends_before_another_deed_joined_with_and() -> None:
    article, sentence = _sentence("A methane explosion in 2018 killed six miners and injured 11.")
    span = _span(article, sentence, "six miners and injured 11")
    fitted = fit_answer("How many were killed in the 2018 explosion?", span, sentence)
    assert fitted.text == "six miners" and article[fitted.start : fitted.end] == "six miners"
    # Two counts listed, or another kind of question, are kept.
    listed = _span(article, sentence, "six miners and injured 11")
    assert fit_answer("What did the explosion do?", listed, sentence) == listed
    article, sentence = _sentence("Aster knew of 23 crashes and nine injuries.")
    both = _span(article, sentence, "23 crashes and nine injuries")
    assert fit_answer("How many crashes were there?", both, sentence) == both


def test_how_long_since_is_answered_with_its_since() -> None:
    article, sentence = _sentence("Stoev has coached Arkova since she was 14.")
    span = _span(article, sentence, "14")
    fitted = fit_answer("How long has Stoev been her coach?", span, sentence)
    assert fitted.text == "since she was 14"
    assert article[fitted.start : fitted.end] == "since she was 14"
    assert fit_answer("how long has stoev coached her", span, sentence).text == "since she was 14"
    # Asked when, or "since" out of reach: as read.
    assert fit_answer("When did Stoev start coaching Arkova?", span, sentence) == span
    article, sentence = _sentence("She has lived there since the floods of the spring of 2011.")
    year = _span(article, sentence, "2011")
    assert fit_answer("How long has she lived there?", year, sentence) == year


def test_how_something_was_described_is_what_follows_as() -> None:
    article, sentence = _sentence(
        "The ministry hailed the talks with Israel as a significant breakthrough."
    )
    span = _span(article, sentence, "hailed the talks with Israel as a significant breakthrough")
    question = "How did the ministry describe the talks?"
    fitted = fit_answer(question, span, sentence)
    assert fitted.text == "a significant breakthrough"
    assert article[fitted.start : fitted.end] == fitted.text  # offsets true to the article
    # Asked how it was done, the deed stays whole.
    assert fit_answer("How did the ministry react?", span, sentence) == span


def test_a_name_cut_at_a_plural_owners_mark_is_completed() -> None:
    article, sentence = _sentence(
        "She will open talks with the Green Left Union and Farmers' Voice."
    )
    span = _span(article, sentence, "Green Left Union and Farmers")
    fitted = fit_answer("Which parties will she talk to?", span, sentence)
    assert fitted.text == "Green Left Union and Farmers' Voice"
    _check_slice(article, span, fitted, sentence)


def test_an_amount_asked_is_given_without_the_day_it_runs_on_to() -> None:
    text = "The bank raised rates by half a percentage point on Thursday, October 9, to 6.25%."
    article, sentence = _sentence(text)
    span = _span(article, sentence, "half a percentage point on Thursday, October 9, to 6.25%")
    fitted = fit_answer("By how much did the bank raise rates?", span, sentence)
    assert fitted.text == "half a percentage point"
    assert article[fitted.start : fitted.end] == fitted.text
    # A question that names the day, or asks no amount, keeps it.
    assert fit_answer("How much did it raise rates on October 9?", span, sentence) == span
    assert fit_answer("When did the bank act?", span, sentence) == span


def test_a_day_asked_for_comes_with_the_words_that_say_which() -> None:
    from qa.answer_length import fit_answer

    (sentence,) = split_sentences(
        "The utility warned the province at 11:40 p.m. on Friday, and the volcano had "
        "started erupting last Tuesday.\n"
    )

    def answered(question: str, day: str, occurrence: int = 0) -> str:
        start = [m.start() for m in re.finditer(day, sentence.text)][occurrence]
        span = ReadSpan(day, start, start + len(day), 0, 3.0)
        return fit_answer(question, span, sentence).text

    assert answered("When did the utility warn the province?", "Friday") == (
        "at 11:40 p.m. on Friday"
    )
    assert answered("When did it start erupting?", "Tuesday") == "last Tuesday"
    # Not a time asked: the day as read.
    assert answered("What did the utility do on Friday?", "Friday") == "Friday"


def test_how_often_is_answered_by_the_frequency() -> None:
    article, sentence = _sentence(
        "Crews are now visiting 37 pumping stations and 12 storage tanks twice a day."
    )
    span = _span(article, sentence, "37 pumping stations and 12 storage tanks twice a day")
    fitted = fit_answer("How often are crews visiting the pumping stations now?", span, sentence)
    assert fitted.text == "twice a day"
    assert article[fitted.start : fitted.end] == fitted.text
    assert fit_answer("how frequently do crews visit", span, sentence).text == "twice a day"
    # Asked something else, or with no frequency in the span: as read.
    assert fit_answer("What are crews visiting?", span, sentence) == span
    stations = _span(article, sentence, "37 pumping stations")
    assert fit_answer("How often are they visited?", stations, sentence) == stations
    for said in ("1-2 times", "bi-weekly"):
        written, said_in = _sentence(f"I use it {said}, mostly on weekends.")
        used = _span(written, said_in, f"{said}, mostly on weekends")
        assert fit_answer("How often do you use it?", used, said_in).text == said


def test_a_describing_word_is_said_with_the_thing_asked() -> None:
    article, sentence = _sentence("Iceland had pushed for a deeper cut of 25 percent.")
    span = _span(article, sentence, "deeper")
    fitted = fit_answer("What cut did Iceland want?", span, sentence)
    assert fitted.text == "deeper cut of 25 percent"
    assert article[fitted.start : fitted.end] == fitted.text
    # The word after is not what the question asks about, or the span is a name: as read.
    assert fit_answer("What did Iceland push for?", span, sentence) == span
    iceland = _span(article, sentence, "Iceland")
    assert fit_answer("Who had pushed for a cut?", iceland, sentence) == iceland
    # A count asked, or no noun after the word: as read.
    article, sentence = _sentence("Six tank cars derailed, and three of them ruptured.")
    three = _span(article, sentence, "three")
    assert fit_answer("How many of the tank cars ruptured?", three, sentence) == three
    article, sentence = _sentence("She is a nurse who lives on Elm Road.")
    nurse = _span(article, sentence, "nurse")
    assert fit_answer("What does the nurse who found her do?", nurse, sentence) == nurse
    article, sentence = _sentence("It was carrying ammonia ruptured on the bridge.")
    ammonia = _span(article, sentence, "ammonia")
    assert (
        fit_answer("What chemical leaked from the ruptured tanker?", ammonia, sentence) == ammonia
    )


def test_a_name_then_said_and_a_clause_is_no_inverted_attribution() -> None:
    # 'Captain Rolf Anders, ..., said Reiner was "one of ..."': Anders speaks, about Reiner;
    # what he said is not the words naming him (story h41).
    article, sentence = _sentence(
        "Captain Rolf Anders, 61, chairman of the association, said Reiner was "
        '"one of the most experienced pilots we have" and that the suspension was routine.'
    )
    quoted = _span(article, sentence, "one of the most experienced pilots we have")
    assert fit_answer("What did Rolf Anders say about Reiner?", quoted, sentence) == quoted
    # Where the name closes the sentence, the words before it are what was said.
    article, sentence = _sentence(
        "Gusts pushed the flames toward the town, said Battalion Chief Diane Okafor."
    )
    named = _span(article, sentence, "Battalion Chief")
    fitted = fit_answer("What did Diane Okafor say?", named, sentence)
    assert fitted.text == "Gusts pushed the flames toward the town"


def test_a_deed_alone_read_for_what_happened_takes_its_doer() -> None:
    # "What happened at the Karrow Ridge mine?" / "collapsed" (story h10).
    article, sentence = _sentence(
        "Rescue teams drilled through the night to reach 17 miners trapped underground "
        "after part of the Karrow Ridge gold mine collapsed early on Wednesday, officials said."
    )
    span = _span(article, sentence, "collapsed")
    fitted = fit_answer("What happened at the Karrow Ridge mine?", span, sentence)
    assert fitted.text == "part of the Karrow Ridge gold mine collapsed early on Wednesday"
    _check_slice(article, span, fitted, sentence)
    # A relative word opens no doer: "who drowned" is "drowned" (story h04).
    article2, sentence2 = _sentence("The crew found the captain, who drowned in the storm.")
    span2 = _span(article2, sentence2, "drowned")
    assert fit_answer("What happened to the captain?", span2, sentence2).text == (
        "drowned in the storm"
    )
    # A deed with its doer read already is completed to its clause's end only.
    span = _span(article, sentence, "Rescue teams drilled")
    fitted = fit_answer("What happened at the mine?", span, sentence)
    assert fitted.text.startswith("Rescue teams drilled")


def test_an_occupation_asked_is_the_noun_without_the_clause_after_it() -> None:
    # "What does she do?" / "a nursing student who was sitting on the upper deck" (h47).
    article, sentence = _sentence(
        "Mirela Danescu, 22, a nursing student who was sitting on the upper deck, survived."
    )
    span = _span(article, sentence, "a nursing student who was sitting on the upper deck")
    fitted = fit_answer("What does Mirela Danescu do?", span, sentence)
    assert fitted.text == "a nursing student"
    assert article[fitted.start : fitted.end] == fitted.text  # cut short, not widened
    assert fit_answer("Who was sitting on the upper deck?", span, sentence) == span
