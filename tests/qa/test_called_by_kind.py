"""A name the article goes on to call by its kind (qa.called_by_kind)."""

from __future__ import annotations

from qa.called_by_kind import asks_a_name, by_kind, named

ARTICLE = " ".join(
    [
        "The drug was made by Halvorsen Therapeutics, a biotechnology company founded in 2011.",
        "Mount Orsena, a 3,412-metre volcano overlooking the village, erupted in March.",
        "The Serrano Volcano Observatory raised its alert to red.",
        "The company has set a list price of 86,000 euros per patient per year.",
        "The observatory lowered the alert on 17 March.",
        "Tern Holdings, a shipping company based in Leith, bought the ferry MV Corran Star.",
        "The company sold the ferry in 2015.",
    ]
)


def _passage(sentence: str) -> tuple[int, int]:
    start = ARTICLE.index(sentence)
    return start, start + len(sentence)


def test_the_kinds_come_from_the_article_s_own_words() -> None:
    kinds = {entry.name: entry.kinds for entry in named(ARTICLE)}
    assert kinds["Halvorsen Therapeutics"] >= {"company"}  # an apposition
    assert kinds["Mount Orsena"] == {"volcano"}  # "a 3,412-metre volcano overlooking ..."
    assert kinds["Serrano Volcano Observatory"] == {"observatory"}  # its head word
    assert "ferry" in kinds["MV Corran Star"]  # a noun set before it


def test_a_name_the_passage_calls_by_its_kind_is_read_so() -> None:
    start, end = _passage("The company has set a list price of 86,000 euros per patient per year.")
    assert by_kind("What price has Halvorsen set?", ARTICLE, start, end) == (
        "What price has the company set?"
    )
    start, end = _passage("The observatory lowered the alert on 17 March.")
    assert by_kind(
        "When did the Serrano Volcano Observatory lower the alert?", ARTICLE, start, end
    ) == ("When did the observatory lower the alert?")


def test_only_the_last_name_of_that_kind_mentioned_before() -> None:
    # Tern Holdings is the company named last before "The company sold the ferry".
    start, end = _passage("The company sold the ferry in 2015.")
    assert by_kind("When did Halvorsen sell the ferry?", ARTICLE, start, end) == (
        "When did Halvorsen sell the ferry?"
    )
    assert by_kind("When did Tern Holdings sell the ferry?", ARTICLE, start, end) == (
        "When did the company sell the ferry?"
    )


def test_a_passage_that_writes_the_name_or_never_calls_it_keeps_the_question() -> None:
    start, end = _passage(
        "Mount Orsena, a 3,412-metre volcano overlooking the village, erupted in March."
    )
    assert by_kind("When did Mount Orsena erupt?", ARTICLE, start, end) == (
        "When did Mount Orsena erupt?"
    )
    start, end = _passage("The Serrano Volcano Observatory raised its alert to red.")
    assert by_kind("What price has Halvorsen set?", ARTICLE, start, end) == (
        "What price has Halvorsen set?"
    )
    # A name the article never writes is no name it calls by a kind.
    start, end = _passage("The company has set a list price of 86,000 euros per patient per year.")
    assert by_kind("What price has Pfizer set?", ARTICLE, start, end) == (
        "What price has Pfizer set?"
    )


def test_a_plural_is_no_kind_of_one_name() -> None:
    kinds = {entry.name: entry.kinds for entry in named("Westerly Isles Ferries sailed.")}
    assert "Westerly Isles Ferries" not in kinds  # "the ferries" are not this company


def test_asks_a_name() -> None:
    assert asks_a_name("What price has Halvorsen set?")
    # A name that says which one of the noun after it is not the thing asked about.
    assert not asks_a_name("Which Halvorsen drug was approved?")
    assert not asks_a_name("What price has the company set?")
    assert not asks_a_name("When did it erupt?")


def test_a_question_spaced_oddly_is_read_without_error() -> None:
    start, end = _passage("The company has set a list price of 86,000 euros per patient per year.")
    for asked in ("What did  The   Halvorsen\nTherapeutics set?", "Which  Halvorsen set it?", "  "):
        assert by_kind(asked, ARTICLE, start, end) == asked


def test_a_noun_with_a_word_before_it_is_a_kind_too() -> None:
    article = (
        "The container ship Marisol Crown ran aground last Monday. "
        "The ship is owned by Brannock Maritime, a family-run company."
    )
    assert "ship" in {k for e in named(article) if e.name == "Marisol Crown" for k in e.kinds}
    start = article.index("The ship")
    assert by_kind("Who owns the Marisol Crown?", article, start, len(article)) == (
        "Who owns the ship?"
    )
