"""A share is no price, and a share to a count question does not end the reading."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from qa import ArticleQA
from qa.answerability import answer_fits
from qa.calibration import Calibration
from qa.reading import ReadSpan, decisive
from qa.shares import asks_amount, asks_price, is_share, not_levels, not_shares
from tests.conftest import FakeEmbedder
from tests.qa.test_reading import FakeSpan, PhraseReader

TEXT = (
    "The drug slowed decline by 27% over 18 months in a trial of 1,800 patients.\n"
    "About 3% of patients in the trial had brain swelling.\n"
    "It will cost $21,000 a year before insurance.\n"
)


@pytest.mark.parametrize(
    ("question", "amount", "price"),
    [
        ("How many patients were in the trial?", True, False),
        ("how many ppl affected", True, False),
        ("How much does it cost?", True, True),
        ("How much was the guitar sold for?", True, True),
        ("How much did the company pay?", True, True),
        # A share answers these.
        ("How many percent of patients had swelling?", False, False),
        ("How many points did the index lose?", False, False),
        ("How much did shares rise?", False, False),
        ("How much did the bank raise rates?", False, False),
        ("What does it cost?", False, False),
        ("By how much did the budget grow?", False, False),
        ("How much could the company be fined?", True, True),
        # A price that moved: by how much is a change, which a percentage answers.
        ("By how much did KEG's share price drop?", False, False),
        ("How much did the stock price rise?", False, False),
        # A price asked by "what".
        ("What price did they end the day at?", True, True),
    ],
)
def test_a_count_or_a_price_is_asked_by_the_question(
    question: str, amount: bool, price: bool
) -> None:
    assert asks_amount(question) is amount
    assert asks_price(question) is price


@pytest.mark.parametrize(
    ("answer", "share"),
    [
        ("About 3%", True),
        ("27% over 18 months", True),
        ("forty percent", True),
        ("6.2 per cent", True),
        ("$21,000 a year", False),
        ("3% of 1,800 patients", False),
        ("up to 4% of its annual revenue", False),
        ("1,800", False),
    ],
)
def test_a_share_is_a_percentage_with_no_amount_beside_it(answer: str, share: bool) -> None:
    assert is_share(answer) is share


def test_a_price_question_prefers_any_span_that_is_not_a_share() -> None:
    share = ReadSpan("27% over 18 months", 0, 18, 0, 6.6)
    price = ReadSpan("$21,000 a year", 0, 14, 2, 2.5)
    assert not_shares([share, price], "How much does it cost?") == [price]
    # Nothing else read: the spans as they are (the score decides).
    assert not_shares([share], "How much does it cost?") == [share]
    # A count may be a share ("how many graduates remain?" -> "80.5%").
    assert not_shares([share, price], "How many patients were there?") == [share, price]
    assert not_shares([share, price], "How much did it slow decline?") == [share, price]


def test_a_share_to_a_count_question_is_no_decisive_first_passage() -> None:
    fits = answer_fits("How many patients were in the trial?")
    assert fits is not None
    share = [ReadSpan("About 3%", 0, 8, 1, 6.2)]
    assert decisive(share, 2.0) and not decisive(share, 2.0, fits=fits)
    assert decisive([ReadSpan("1,800", 0, 5, 0, 6.2)], 2.0, fits=fits)
    shares = answer_fits("How many percent of patients had swelling?")
    assert shares is not None and decisive(share, 2.0, fits=shares)


class ScoredPhrases(PhraseReader):
    """A reader that scores each phrase it was given wherever a passage holds it."""

    def __init__(self, scores: dict[str, float]) -> None:
        super().__init__("")
        self.scores = scores

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        spans = []
        for number, passage in enumerate(passages):
            for phrase, score in self.scores.items():
                at = passage.find(phrase)
                if at >= 0:
                    spans.append(FakeSpan(number, at, at + len(phrase), phrase, score, 0.0))
        return sorted(spans, key=lambda s: -s.score)


def test_the_price_is_answered_where_the_reader_prefers_a_share(
    fake_embedder: FakeEmbedder,
) -> None:
    reader = ScoredPhrases({"27% over 18 months": 6.6, "$21,000 a year": 2.5})
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=reader, calibration=calibration)
    assert bot.ask("How much does lumenastat cost?").text == "$21,000 a year"
    assert bot.ask("How much did the drug slow decline?").text == "27% over 18 months"


def test_a_change_asked_is_not_the_level_it_reached() -> None:
    text = "Veltra's shares fell 4.1 percent to 35.60 dollars on Monday."
    start = text.index("35.60")
    level = ReadSpan("35.60 dollars", start, start + len("35.60 dollars"), 0, 3.0)
    asked = "How much did Veltra's shares fall?"
    assert not_levels([level], asked, text) == []
    # Not where the question asks a price: the level is one.
    assert not_levels([level], "How much did a share cost?", text) == [level]
    # A change that runs on to its level is the change.
    start = text.index("4.1")
    both = ReadSpan("4.1 percent to 35.60 dollars", start, start + 28, 0, 3.0)
    (change,) = not_levels([both], asked, text)
    assert change.text == "4.1 percent" == text[change.start : change.end]
    # A range from one figure to another is no change and its level.
    grew = "The number grew from 4,600 to 75,000."
    start = grew.index("4,600")
    both = ReadSpan("4,600 to 75,000", start, start + 15, 0, 3.0)
    assert not_levels([both], "How much did the number increase?", grew) == [both]


def test_a_price_asked_by_what_is_no_share() -> None:
    assert asks_price("What was Calder Holdings' share price before trading was suspended?")
    assert asks_price("what's the ticket price")
    assert not asks_price("What was the price rise in May?")
    assert not asks_price("What was the share of the vote?")


def test_the_level_a_change_started_from_is_not_the_level_now() -> None:
    from qa.shares import not_former_levels

    text = "A town of 6,400 people. Since then the population has fallen from about 8,100."
    start = text.index("8,100")
    former = ReadSpan("8,100", start, start + 5, 1, 4.0)
    assert not_former_levels([former], "What is the population of Vessford?", text) == []
    for asked in (
        "What was the population before the mill closed?",
        "How much has it fallen?",
        "How many grapes did they take in last year?",
    ):
        assert not_former_levels([former], asked, text) == [former]
    # "was increased from 18 to 24": the span runs to the new level.
    text = "This year the number of water stations was increased from 18 to 24."
    both = ReadSpan("18 to 24", text.index("18"), text.index("18") + 8, 0, 3.0)
    assert not_former_levels([both], "How many water stations are there now?", text) == [both]


def test_the_level_a_move_reached_is_the_amount_not_a_target() -> None:
    from qa.shares import levels_reached

    text = (
        "Shares of Halvern fell 38 percent to $21.40 in Monday trading, wiping roughly $3.1 "
        "billion from its value. He cut his price target on the stock to $18 from $46."
    )

    def span(words: str, margin: float = 2.0) -> ReadSpan:
        start = text.index(words)
        return ReadSpan(words, start, start + len(words), 0, margin)

    long = span("$21.40 in Monday trading, wiping roughly $3.1 billion from its value")
    target = span("$18 from $46")
    (level,) = levels_reached([target, long], "What price did the shares drop to?", text)
    assert level.text == "$21.40" == text[level.start : level.end]
    (level,) = levels_reached([long], "pls tell me what the shares fell to", text)
    assert level.text == "$21.40"
    # A target asked is one, cut to where it went; another question keeps the spans.
    (cut,) = levels_reached([target], "What did he cut his target to?", text)
    assert cut.text == "$18"
    assert levels_reached([target, long], "Why did the shares fall?", text) == [target, long]


def test_a_change_read_for_the_level_asked_is_the_level_after_it() -> None:
    from qa.shares import levels_reached

    # "To how much?" after "How much did steel imports rise last year?" (story h43).
    text = "Steel imports rose 38 percent last year to 4.2 million tonnes, while prices fell."
    start = text.index("38 percent")
    change = ReadSpan("38 percent", start, start + 10, 0, 4.4)
    asked = "To how much did steel imports rise last year?"
    (level,) = levels_reached([change], asked, text)
    assert level.text == "4.2 million tonnes" == text[level.start : level.end]
    assert levels_reached([change], "How much did steel imports rise last year?", text) == [change]


def test_a_percentage_asked_is_the_one_the_sentence_states() -> None:
    from index.sentences import split_sentences
    from qa.shares import of_shares

    # "By what percentage has enrolment fallen over the past decade?" / "9,800" (h45).
    sentences = split_sentences(
        "The district had lost 27 percent of its students in a decade, falling from 9,800 "
        "in 2014 to 7,150 this year. Pay rose 3% and prices 4%."
    )
    text = sentences[0].text
    start = text.index("9,800")
    count = ReadSpan("9,800", start, start + 5, 0, 3.5)
    (share,) = of_shares([count], "By what percentage has enrolment fallen?", sentences)
    assert share.text == "27 percent" and text[share.start : share.end] == "27 percent"
    assert of_shares([count], "How many students are there?", sentences) == [count]
    # Typed as a keyword; and a share named, not asked ("27 percent" of students).
    assert of_shares([count], "enrolment drop percent", sentences)[0].text == "27 percent"
    assert of_shares([count], "Where did the 27 percent go?", sentences) == [count]
    assert of_shares([count], "enrolment drop % last decade", sentences)[0].text == "27 percent"
    # A percentage point priced is no share asked (story h21).
    priced = "What would each additional percentage point of pay cost?"
    assert of_shares([count], priced, sentences) == [count]
    # A sentence stating two percentages, or a doubted span: the runner-up, else none.
    second = sentences[1]
    rose = ReadSpan("Pay", second.start, second.start + 3, 1, 2.0)
    assert of_shares([rose], "what % did pay rise", sentences) == []
    doubted = ReadSpan("9,800", start, start + 5, 0, -1.0)
    assert of_shares([doubted], "By what percentage has it fallen?", sentences) == []
    # A number read without its "percent" is completed, however surely read (h43).
    start = text.index("27")
    bare = ReadSpan("27", start, start + 2, 0, -0.5)
    (share,) = of_shares([bare], "By what percentage has enrolment fallen?", sentences)
    assert share.text == "27 percent"
