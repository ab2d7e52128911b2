"""A count is no age (qa.ages)."""

from __future__ import annotations

import pytest

from qa.ages import not_counts
from qa.reading import ReadSpan


def _kept(text: str, answer: str, question: str = "How old was the captain?") -> bool:
    start = text.index(answer)
    span = ReadSpan(answer, start, start + len(answer), 0, 1.0)
    return not_counts([span], question, text) == [span]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("He died at home, aged 68, and was buried there.", "68"),
        ("Baird, 68, said so.", "68"),
        ("She was 17 when she left.", "17"),
        ("At the age of 17 he left.", "17"),
        ("A 52-year-old man was arrested.", "52"),
        ("The bridge is 150 years old.", "150"),
        ("The bridge is 150 years old.", "150 years old"),  # not a bare number
    ],
)
def test_an_age_given_as_one_answers(text: str, answer: str) -> None:
    assert _kept(text, answer)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Of the 31 people on board, 23 died, including the captain.", "23"),
        ("In 1911, 23 people died.", "23"),
        ("The crew of twelve survived.", "twelve"),
        ("Reinholt won 15,846 votes to Brandauer's 15,434.", "15,434"),
    ],
)
def test_a_count_is_no_age(text: str, answer: str) -> None:
    assert not _kept(text, answer)
    assert _kept(text, answer, "How many died?")  # a count asked


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Prime Minister Halden spoke at 6 a.m. on Friday.", "Prime Minister"),
        ("Prime Minister Halden spoke at 6 a.m. on Friday.", "6 a.m."),
    ],
)
def test_how_old_is_answered_by_no_title_nor_clock_time(text: str, answer: str) -> None:
    assert not _kept(text, answer, "How old is he?")
    # "What age ...?" asks for an era as often: left to the reader.
    assert _kept(text, answer, "What age is named after him?")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Dunmere sold Okwell for a club-record fee of 68 million euros.", "68 million"),
        ("Dunmere sold Okwell for a club-record fee of 68 million euros.", "68 million euros"),
        ("Tickets cost $40 and sold out.", "$40"),
        ("Turnout was 64% on Sunday.", "64%"),
        ("A bearing on the 31st car overheated.", "31st"),  # a rank
    ],
)
def test_how_old_is_answered_by_no_money_share_or_millions_of_things(
    text: str, answer: str
) -> None:
    assert not _kept(text, answer, "How old is Jonah Okwell?")
    assert _kept(text, answer, "How much did they pay?")


def test_millions_of_years_are_an_age() -> None:
    assert _kept(
        "The fossils are 68 million years old.", "68 million years", "How old are the fossils?"
    )


def test_how_old_is_answered_by_a_span_of_time() -> None:
    assert _kept(
        "Some inns are several centuries old.", "several centuries", "How old are the inns?"
    )


def test_an_age_told_now_answers_and_a_count_joined_to_a_thing_does_not() -> None:
    # "who is now 71": the age told with "now" between.
    assert _kept("Varelas, who is now 71, said so.", "71", "How old is Varelas?")
    # "two-person" counts a crew; "a 2,100-year-old ship" is an age.
    assert not _kept("The two-person crew escaped.", "two-person", "How old is the engineer?")
    assert _kept("A 2,100-year-old ship sank.", "2,100-year-old", "How old is the ship?")


def test_a_persons_age_is_found_beside_the_name() -> None:
    from qa.ages import age_beside, person_aged

    assert person_aged("How old is Helmut Brandauer?") == "Helmut Brandauer"
    assert person_aged("How old's Halvorsen?") == "Halvorsen"
    assert person_aged("How old was Helmut Brandauer when he died?") is None
    assert person_aged("How old is the bridge?") is None
    text = "The premier, Helmut Brandauer, 61, lost his seat to Reinholt, a 34-year-old teacher."
    told = (("Helmut Brandauer", "61"), ("Brandauer", "61"), ("Tomas Reinholt", "34-year-old"))
    for name, age in told:
        found = age_beside(name, text)
        assert found is not None and text[found[0] : found[1]] == age
    assert age_beside("Frieda Molnar", text) is None
    danek = "A security guard, the 34-year-old Petar Danek, was killed."
    found = age_beside("Danek", danek)
    assert found is not None and danek[found[0] : found[1]] == "34-year-old"
    # At the sentence's end, as an attribution often ends: "..., Tamsin Vale, 52."
    vale = "The dead were counted, according to the deputy mayor, Tamsin Vale, 52."
    found = age_beside("Tamsin Vale", vale)
    assert found is not None and vale[found[0] : found[1]] == "52"
    assert age_beside("Vale", "They met in Vale, 52 miles away.") is None


def test_an_age_beside_another_name_is_not_the_one_asked() -> None:
    text = "Reinholt, 34, won the seat."
    assert not _kept(text, "34", "How old is Frieda Molnar?")
    assert _kept(text, "34", "How old is Reinholt?")
    assert _kept("Baird, 68, said so.", "68", "How old was Baird?")


def test_a_term_served_is_no_age() -> None:
    text = "He had asked for a sentence of no more than eight years."
    assert not _kept(text, "eight years", "How old is Halvorsen?")
    assert _kept("The bridge was built 150 years ago.", "150 years", "How old is the bridge?")


def test_a_surname_with_another_given_name_is_anothers_age() -> None:
    from qa.ages import age_beside

    text = "Tomas Reiner, 34, and his friend set out. Reiner, 34, was found."
    assert age_beside("Elena Reiner", "Tomas Reiner, 34, a teacher, set out.") is None
    found = age_beside("Tomas Reiner", text)
    assert found is not None and text[found[0] : found[1]] == "34"
    found = age_beside("Elena Reiner", "Her brother said so. Reiner, 34, was found.")
    assert found is not None


def test_an_age_beside_a_name_answers_no_other_question() -> None:
    text = "Marcus Oyelaran, 44, the group's security chief, joined in 2021."
    for question in (
        "How long has he been security chief?",
        "In what year did he join?",
        "How many people joined?",
    ):
        assert not _kept(text, "44", question)
    assert _kept(text, "44", "What is Marcus Oyelaran's age?")
    assert _kept("Of the 31 people on board, 23 died.", "23", "How many died?")


def test_the_age_of_a_roles_holder_is_asked() -> None:
    from qa.ages import role_aged
    from qa.bot import ArticleQA

    assert role_aged("How old is the prime minister?") == "the prime minister"
    assert role_aged("How old is Anton Kessler?") is None
    assert role_aged("How old was the prime minister when he won?") is None
    # With the capital of the article's title, as a typed word is mended; not a name.
    assert role_aged("How old is the Fire chief?") == "the fire chief"
    assert role_aged("How old is the Eiffel Tower?") is None
    text = (
        "Prime Minister Anton Kessler's government lost a vote on Wednesday.\n"
        "Kessler, 58, has governed since 2022.\n"
        "The motion was tabled by the opposition leader, Daniel Obradovic, 49, on Monday.\n"
    )
    bot = ArticleQA.from_text(text)  # the real models: the age is scored as found
    assert bot.ask("How old is the prime minister?").text == "58"
    assert bot.ask("How old is the opposition leader?").text == "49"


def test_an_age_beside_one_name_is_no_age_of_many() -> None:
    text = "Priya Anand, 34, a schoolteacher, had waited with her two children."
    assert not _kept(text, "34", "And how old are her kids?")
    assert not _kept(text, "34", "How old are they?")
    assert _kept(text, "34", "How old is she?")


def test_who_is_answered_by_the_name_not_its_age_and_role() -> None:
    from qa.ages import names_before_ages

    text = '"They won," said Denise Okafor, 52, president of Local 617.'
    answer = "Denise Okafor, 52, president of Local 617"
    start = text.index(answer)
    span = ReadSpan(answer, start, start + len(answer), 0, 5.6)
    (named,) = names_before_ages([span], "whos the union president", text)
    assert named.text == "Denise Okafor" and text[named.start : named.end] == "Denise Okafor"
    assert names_before_ages([span], "What did the union president say?", text) == [span]
    # The age ending the span: "Commander Ilsa Varnow, 52" (story h48).
    text = '"It is the worst spill," said Commander Ilsa Varnow, 52, who leads the response.'
    answer = "Commander Ilsa Varnow, 52"
    start = text.index(answer)
    span = ReadSpan(answer, start, start + len(answer), 0, 6.4)
    (named,) = names_before_ages([span], "Who is leading the response?", text)
    assert named.text == "Commander Ilsa Varnow"


def test_beside_an_age_the_runner_up_counting_what_is_asked_answers() -> None:
    text = (
        "Odile Marchand, 54, who farms 22 hectares near Pellerin, said so. "
        "She lives two blocks away."
    )
    start = text.index("54")
    hectares = ReadSpan("22 hectares", text.index("22"), text.index("22") + 11, 0, -1.0)
    blocks = ReadSpan("two", text.index("two"), text.index("two") + 3, 0, -1.0)

    def kept(question: str, beside: ReadSpan) -> list[str]:
        age = ReadSpan("54", start, start + 2, 0, 4.5, runner_up=lambda: beside)
        return [span.text for span in not_counts([age], question, text)]

    assert kept("How many hectares does Odile Marchand farm?", hectares) == ["22 hectares"]
    # Not a runner-up counting something else, nor one the reader did not believe.
    assert kept("How many grandchildren does Odile Marchand have?", blocks) == []


def test_a_span_opening_on_the_age_after_a_name_is_the_name() -> None:
    from qa.ages import names_before_ages

    # "Who led its mediation?" read "58, Qaldor's minister ..." (stories h35-h38).
    text = '"It is a day," said Idris al-Manouri, 58, Qaldor\'s minister of state, who led it.'
    answer = "58, Qaldor's minister of state"
    start = text.index(answer)
    span = ReadSpan(answer, start, start + len(answer), 0, 1.2)
    (named,) = names_before_ages([span], "Who led its mediation?", text)
    assert named.text == "Idris al-Manouri" == text[named.start : named.end]
    assert names_before_ages([span], "What is his job?", text) == [span]


def test_an_age_beside_another_given_name_is_not_the_one_asked() -> None:
    # "Marit Halden, 39, whose husband Pavel ..." gives no age of Pavel Halden.
    text = "Marit Halden, 39, whose husband Pavel is still held, spoke."
    assert not _kept(text, "39", "How old is Pavel Halden?")
    assert _kept(text, "39", "How old is Marit Halden?")
    assert _kept(text, "39", "How old is Halden?")
    assert _kept("Council President Halden, 50, spoke.", "50", "How old is Anna Halden?")


def test_a_measure_is_no_age() -> None:
    text = "The hole is 18 feet deep, said city engineer Raymond Tsai."
    start = text.index("18 feet")
    depth = ReadSpan("18 feet", start, start + 7, 0, 2.0)
    assert not_counts([depth], "How old is city engineer Raymond Tsai?", text) == []
