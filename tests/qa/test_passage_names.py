"""A question naming something in full, read beside a passage that names it shorter
(qa.passage_names)."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa.passage_names import as_worded, passage_names


@pytest.mark.parametrize(
    ("question", "passage", "read"),
    [
        (
            "When did Commander Ingrid Solvang call off the search?",
            "Solvang called off the active search on the evening of March 18.",
            "When did Solvang call off the search?",
        ),
        (
            "Who announced the inquiry into the Helena Mara disaster?",
            "Amara Quist announced that an independent inquiry would examine the disaster.",
            "Who announced the inquiry into the disaster?",
        ),
        # The passage writes the whole name: the question as asked.
        (
            "When did Ingrid Solvang call off the search?",
            "Ingrid Solvang called off the search on March 18.",
            "When did Ingrid Solvang call off the search?",
        ),
        # A name the passage never writes (a swapped one) keeps the question whole.
        (
            "When did Amara Quist call off the search?",
            "Solvang called off the active search on the evening of March 18.",
            "When did Amara Quist call off the search?",
        ),
        # A noun the passage does not write after "the" keeps its name.
        (
            "Who announced the inquiry into the Helena Mara disaster?",
            "Quist announced an inquiry on March 16.",
            "Who announced the inquiry into the Helena Mara disaster?",
        ),
        # A question's capitalised opening is no part of a name.
        ("What Solvang said?", "Solvang said so.", "What Solvang said?"),
        # The name's first word, where the rest is English (the kind of thing it is).
        (
            "Who founded Westerly Ferries?",
            "Fintan Rowe, who founded Westerly in 1988, sold it.",
            "Who founded Westerly?",
        ),
        # ... nor a common English word ("American" is no name of its own).
        (
            "What did Simon join after leaving American Idol?",
            "He joined The X Factor after American television dropped him.",
            "What did Simon join after leaving American Idol?",
        ),
        # ... nor a first word written inside another name.
        (
            "Who founded Westerly Ferries?",
            "Fintan Rowe founded Westerly Isles Airways in 1988.",
            "Who founded Westerly Ferries?",
        ),
    ],
)
def test_a_name_is_read_as_the_passage_words_it(question: str, passage: str, read: str) -> None:
    opening = "The ferry Helena Mara capsized, Commander Ingrid Solvang said."
    article = f"{opening} Amara Quist spoke. Westerly Ferries sailed. American Idol. {passage}"
    assert as_worded(question, passage, article, opening) == read


def test_only_a_name_the_article_writes_is_worded_shorter() -> None:
    passage = "Twilight Princess was released in 2006. Princess won awards."
    opening = "Twilight Princess is an action-adventure game."
    # One word of the name swapped (SQuAD's unanswerable questions): asked as written.
    swapped = "When was Radar Princess released?"
    assert as_worded(swapped, passage, f"{opening} {passage}", opening) == swapped
    # A last word in English is a kind, not the name: "Glacier" of another glacier.
    glacier = "How high is it on the Great Aletsch Glacier?"
    passage = "The Unteraar Glacier moved 100 metres a year."
    article = f"The Great Aletsch Glacier is long. {passage}"
    assert as_worded(glacier, passage, article, article) == glacier
    # A name before a noun is left out only where the opening sentence names it.
    asked = "Who announced the inquiry into the Helena Mara disaster?"
    passage = "Quist announced an inquiry into the disaster."
    article = f"The ferry sank. The Helena Mara was old. {passage}"
    assert as_worded(asked, passage, article, "The ferry sank.") == asked


def test_each_passage_reads_its_own_wording_after_the_dates() -> None:
    text = (
        "Commander Ingrid Solvang directed the rescue.\n"
        "Solvang called off the search on March 18.\n"
    )
    sentences = split_sentences(text)
    asked = "When did Commander Ingrid Solvang call off the search?"
    read_as = passage_names(asked, text, sentences, None)
    assert read_as is not None
    assert read_as(0, 1) == asked
    assert read_as(1, 1) == "When did Solvang call off the search?"
    # After another per-passage wording (qa.dates.unstated's), on its result.
    dated = passage_names(
        asked, text, sentences, lambda first, last: asked.replace("When did ", "Did ")
    )
    assert dated is not None
    assert dated(1, 1) == "Did Solvang call off the search?"
    # Nothing to word shorter: the other wording as it is.
    assert passage_names("When was the search called off?", text, sentences, None) is None
