"""Initials the article writes out (qa.acronyms), as the question's clean form reads them."""

from __future__ import annotations

from qa.acronyms import Acronyms, initials_of
from qa.spelling import ArticleWords

STORY = [
    "The United Nations released $6 million from its Central Emergency Response Fund.",
    "The European Union pledged €4.5 million, while Japan sent a medical team.",
    "In the United States, the Federal Trade Commission declined to comment.",
    "The Bank of England held rates; the IDF confirmed a strike.",
    "Chile and Colombia sent teams, and the European Commission will examine the deal.",
]


def test_initials_are_read_as_the_names_the_article_writes_out() -> None:
    names = Acronyms(STORY)
    assert names.name("UN") == "United Nations"
    assert names.name("U.N.") == "United Nations"
    assert names.name("FTC") == "Federal Trade Commission"
    assert names.name("CERF") == "Central Emergency Response Fund"
    # A joining "of" counts or not: "BoE", "BE".
    assert names.name("BOE") == names.name("BE") == "Bank of England"
    assert names.expand("What did the FTC say about the EU?") == (
        "What did the Federal Trade Commission say about the European Union?"
    )


def test_words_in_small_letters_the_articles_own_initials_and_shared_ones_stay() -> None:
    names = Acronyms([*STORY, "The Emergency Council met; the European Council did not."])
    assert names.expand("did the un help us") == "did the un help us"
    assert names.expand("What did the IDF confirm?") == "What did the IDF confirm?"
    # "EC": the European Commission, the Emergency Council or the European Council.
    assert names.name("EC") is None
    assert names.expand("What will the EC examine?") == "What will the EC examine?"
    assert len(Acronyms(["Nothing is named here."])) == 0


def test_a_question_is_cleaned_with_the_names_written_out() -> None:
    words = ArticleWords(STORY)
    assert words.clean("How much did the UN give?") == "How much did the United Nations give?"
    assert words.clean("what about the EU") == "What about the European Union?"


def test_a_sentences_first_word_and_a_hyphenated_name_are_no_initials() -> None:
    names = Acronyms(["Much of the Imperial Army fled.", "Station WPVI-TV aired it."])
    assert names.name("MIA") is None and names.name("IA") == "Imperial Army"
    assert names.expand("What did WPVI-TV air?") == "What did WPVI-TV air?"


def test_a_name_of_capitalised_words_goes_by_its_initials() -> None:
    assert initials_of("Karbonia Energy Group") == "KEG"
    assert initials_of("National Institute of Civil Defence") == "NICD"
    assert initials_of("Hezbollah") is None
    assert initials_of("the chief executive") is None
