"""A count of what the question counts (qa.counted)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.counted import counted, counting
from qa.reading import ReadSpan

ARTICLE = (
    "An estimated 9,200 containers were stuck aboard vessels waiting at anchor. "
    "Port officials said 17 ships were anchored in the outer roads. "
    "Six people died and 21 were hurt. "
    "About 14,500 residents were evacuated. "
    "Of the 1,412 postponed operations, 219 were cancer procedures. "
    "The credit union has reimbursed 31 of the victims."
)
SENTENCES = split_sentences(ARTICLE)


def _span(text: str, position: int, margin: float, beside: ReadSpan | None = None) -> ReadSpan:
    sentence = SENTENCES[position]
    start = sentence.start + sentence.text.index(text)
    runner_up = None if beside is None else (lambda: beside)
    return ReadSpan(text, start, start + len(text), position, margin, runner_up=runner_up)


def _kept(question: str, spans: list[ReadSpan]) -> list[str]:
    return [span.text for span in counting(spans, question, SENTENCES)]


def test_what_a_question_counts() -> None:
    assert counted("How many ships were waiting at anchor?") == {"ship"}
    assert counted("What is the number of special trains?") == {"special", "train"}
    assert counted("When did the ships arrive?") == set()
    # "number of" inside a question asks no count; "once" counts times without the word.
    assert counted("How does the airport rank for number of passengers?") == set()
    assert counted("How many times has the club won the cup?") == set()


def test_a_count_of_what_is_counted_over_a_count_of_something_else() -> None:
    spans = [_span("9,200", 0, 4.2), _span("17", 1, 1.5)]
    assert _kept("How many ships were waiting at anchor?", spans) == ["17"]
    # A number word counts too ("Six people").
    died = [_span("21", 2, 3.0), _span("Six", 2, 1.0)]
    assert _kept("How many people were there?", died) == ["Six"]


def test_counts_of_people_by_their_fate_are_left_to_the_fate() -> None:
    # qa.casualties has judged each count by what befell those it counts ("21 were hurt"
    # is not the dead): a toll need not name people ("raising the death toll to 17").
    died = [_span("21", 2, 3.0), _span("Six", 2, 1.0)]
    assert _kept("How many people died?", died) == ["21", "Six"]
    assert _kept("How many were evacuated?", [_span("17", 1, 1.5)]) == ["17"]


def test_the_spans_stay_where_no_count_of_it_is_an_answer() -> None:
    # "17 ships" read as no answer (margin below 0): the reader's choice stands.
    spans = [_span("9,200", 0, 4.2), _span("17", 1, -2.9)]
    assert _kept("How many ships were waiting at anchor?", spans) == ["9,200", "17"]
    # The article counts them under another name ("residents" for "people").
    left = [_span("14,500", 3, 2.0)]
    assert _kept("How many people had to leave?", left) == ["14,500"]
    # Every word of what is counted: "people died" is not counted by "21 were hurt".
    hurt = [_span("21", 2, 3.0)]
    assert _kept("How many people died?", hurt) == ["21"]
    assert _kept("Where were the ships?", spans) == ["9,200", "17"]


def test_a_count_of_something_else_the_question_names_is_no_answer() -> None:
    # "17 ships" counts the ships the question names, not the sailors it asks about.
    spans = [_span("17", 1, 2.5), _span("14,500", 3, 1.0)]
    assert _kept("How many sailors did the anchored ships send ashore?", spans) == ["14,500"]
    # Unless it counts what is asked, or something the question does not name.
    assert _kept("How many ships were anchored?", spans) == ["17"]
    # What is asked, as far as its words go past the two counted() keeps.
    assert _kept("How many outer port ships were anchored?", spans) == ["17", "14,500"]


def test_what_a_number_counts_ends_at_a_mark_and_a_hyphen_binds_it() -> None:
    sentences = split_sentences(
        "He envisioned a full 50-person orchestra. "
        "There were 51 officers including three women, 101 Class II officers."
    )

    def kept(question: str, answer: str, position: int) -> list[str]:
        sentence = sentences[position]
        start = sentence.start + sentence.text.index(answer)
        span = ReadSpan(answer, start, start + len(answer), position, 2.0)
        return [s.text for s in counting([span], question, sentences)]

    # "50-person" counts persons, not the orchestra the question names.
    asked = "How many people would be in the orchestra?"
    assert kept(asked, "50", 0) == ["50"]
    # "three women" counts women, not the Class the words after the comma name.
    assert kept("What was the number of women in the 51 Class 1?", "three", 1) == ["three"]


def test_a_part_asked_is_not_answered_by_the_whole() -> None:
    part = _span("219", 4, -1.0)
    whole = _span("1,412", 4, 7.1, beside=part)
    other = _span("14,500", 3, -3.0)
    asked = "How many of the postponed operations were for cancer?"
    assert _kept(asked, [whole, other]) == ["219", "14,500"]
    # Nothing beside the whole, or no number: the whole is left out.
    assert _kept(asked, [_span("1,412", 4, 7.1), other]) == ["14,500"]
    worded = _span("cancer procedures", 4, -2.0)
    assert _kept(asked, [_span("1,412", 4, 7.1, beside=worded)]) == []
    # A count of a part is one: "31 of the victims".
    paid = _span("31", 5, 3.0, beside=_span("credit union", 5, -4.0))
    assert _kept("How many of the victims has it paid back?", [paid]) == ["31"]
    # The whole itself asked.
    assert _kept("How many operations were postponed?", [whole]) == ["1,412"]


def test_a_span_of_time_counts_no_things() -> None:
    sentences = split_sentences("Pickets gathered at 5 a.m. on Monday, and 38 trains ran.\n")
    text = sentences[0].text

    def span(answer: str, margin: float) -> ReadSpan:
        start = text.index(answer)
        return ReadSpan(answer, start, start + len(answer), 0, margin)

    early, trains = span("5 a.m.", 2.0), span("38", -1.0)
    asked = "How many people joined the picket line?"
    assert [s.text for s in counting([early, trains], asked, sentences)] == ["38"]
    # What a span of time may count: hours, times.
    assert counting([early], "How many hours did they picket?", sentences) == [early]


def test_an_amount_or_a_clause_with_no_number_counts_no_things() -> None:
    sentences = split_sentences(
        "The fleet landed 412,000 tonnes, and 40 vessels fish the stock. "
        "Many smaller boats would be tied up for months, costing $2 million.\n"
    )

    def span(answer: str, margin: float = 2.0) -> ReadSpan:
        sentence = next(s for s in sentences if answer in s.text)
        start = sentence.start + sentence.text.index(answer)
        return ReadSpan(answer, start, start + len(answer), sentence.position, margin)

    def kept(question: str, spans: list[ReadSpan]) -> list[str]:
        return [s.text for s in counting(spans, question, sentences)]

    tonnes, money, vessels = span("412,000 tonnes"), span("$2 million"), span("40", -1.0)
    clause = span("Many smaller boats would be tied up for months")
    asked = "How many Icelandic vessels fish the stock?"
    assert kept(asked, [tonnes, vessels]) == ["40"]
    assert kept("How many boats will be tied up?", [clause]) == []
    # An amount asked is counted by its unit; a number in the clause keeps it.
    assert kept("How many tonnes did the fleet land?", [tonnes]) == ["412,000 tonnes"]
    assert kept("How many sales will it cost?", [money]) == ["$2 million"]  # a sum may count
    assert kept("How many boats will be tied up?", [span("40 vessels fish the stock")]) == [
        "40 vessels fish the stock"
    ]


def test_a_population_is_no_count_of_customers() -> None:
    from qa.counted import of_the_population

    text = "Valley Crest serves about 41,000 customers. It is a town of 6,400."
    customers = ReadSpan("41,000", text.index("41,000"), text.index("41,000") + 6, 0, 3.0)
    town = ReadSpan("6,400", text.index("6,400"), text.index("6,400") + 5, 1, 1.0)
    asked = "What is the population of Marlow Springs?"
    assert of_the_population([customers, town], asked, text) == [town]
    asked = "How many customers does Valley Crest serve?"
    assert of_the_population([customers, town], asked, text) == [customers, town]


def test_a_total_asked_is_no_count_laid_off() -> None:
    from qa.counted import not_changes

    text = "The company laid off about 120 employees. It has 900 employees."
    laid = ReadSpan("120", text.index("120"), text.index("120") + 3, 0, 3.0)
    words = ReadSpan("employees", text.index("employees"), text.index("employees") + 9, 0, 1.0)
    laid_beside = ReadSpan("120", laid.start, laid.end, 0, 3.0, runner_up=lambda: words)
    total = ReadSpan("900", text.index("900"), text.index("900") + 3, 1, 1.0)
    asked = "How many employees does Halvern currently have?"
    assert not_changes([laid_beside, total], asked, text) == [total]
    assert not_changes([laid, total], "How many employees did Halvern lay off?", text) == [
        laid,
        total,
    ]
