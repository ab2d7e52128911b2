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


ROLES = [
    "Its chief operating officer, Karen Liddell, said the line would reopen.",
    "Managing Director Simon Okafor of Harlow Crest declined to comment.",
    "The union's general secretary, Amandine Roux, called it a disgrace.",
]


def test_a_roles_initials_in_small_letters_are_read_as_the_role() -> None:
    roles = Acronyms(ROLES)
    assert roles.expand("who is the rail co coo") == "who is the rail co chief operating officer"
    # Capitalised in the article or not, the role is read in small letters.
    assert roles.expand("whats the md of harlow crest called") == (
        "whats the managing director of harlow crest called"
    )
    assert roles.role("gs") == "general secretary"
    # "its" is no part of the role: no "ico".
    assert roles.role("ico") is None


def test_common_words_written_words_and_shared_initials_are_no_roles() -> None:
    # "us" is English before it is an under-secretary; "gm" is the article's own word.
    roles = Acronyms([*ROLES, "The under secretary met the general manager.", "GM said so."])
    assert roles.expand("did the under secretary meet us") == "did the under secretary meet us"
    assert roles.role("gm") is None
    # "gs": the general secretary, or the general surgeon: neither.
    shared = Acronyms([*ROLES, "The general surgeon, Ian Moss, agreed."])
    assert shared.role("gs") is None
    assert shared.expand("who is the gs") == "who is the gs"


def test_a_typed_roles_initials_are_cleaned_into_the_question() -> None:
    words = ArticleWords(ROLES)
    assert "chief operating officer" in words.clean("whos the coo")


def test_a_hyphenated_roles_initials_are_read_as_the_role() -> None:
    # "can you tell me who the vc is" (story h48).
    roles = Acronyms(["The vice-chancellor, Professor Gerald Finchley, said the offer was fair."])
    assert roles.role("vc") == "vice-chancellor"
    assert roles.expand("who is the vc") == "who is the vice-chancellor"
