"""Keys beside each other on a QWERTY keyboard (qa.keyboard), and the slips they mend."""

from __future__ import annotations

from qa.keyboard import beside, no_wrong_key, struck_beside
from qa.spelling import question_word


def test_neighbouring_keys_in_a_row_and_across_the_staggered_rows() -> None:
    assert beside("o", "p") and beside("o", "i")  # the same row
    assert beside("o", "k") and beside("o", "l")  # the row below, staggered
    assert beside("e", "s") and beside("d", "x") and beside("a", "z")
    assert not beside("y", "p") and not beside("e", "f") and not beside("d", "z")
    assert not beside("o", "o") and not beside("o", "1")


def test_one_key_struck_beside_the_right_one() -> None:
    assert struck_beside("whp", "who")
    assert not struck_beside("whp", "why")  # y is far from p
    assert not struck_beside("hwo", "who")  # swapped, not struck
    assert not struck_beside("whpp", "who")


def test_a_question_word_struck_beside_its_key_wins_the_tie() -> None:
    # "who" and "why" are both one wrong key from "whp" and "whi"; o is beside p and i.
    assert question_word("whp", "was") == "who"
    assert question_word("whi", "was") == "who"
    # Letters swapped leave no key to tell by: still a tie ("how did", "who did").
    assert question_word("hwo", "did") is None


def test_a_letter_dropped_doubled_or_swapped_strikes_no_wrong_key() -> None:
    assert no_wrong_key("whoo", "who")  # doubled
    assert no_wrong_key("wh", "who") and no_wrong_key("hwo", "who")  # dropped, swapped
    assert not no_wrong_key("whoo", "whom")  # an "m" struck as an "o"
    assert not no_wrong_key("whay", "why")  # an "a" added that doubles nothing
    assert not no_wrong_key("whp", "who")


def test_a_doubled_letter_wins_the_tie_over_a_wrong_key() -> None:
    # "whoo": "who" with its "o" doubled, or "whom" with an "m" struck far from the "o".
    assert question_word("whoo", "was") == "who"
    # "whay": "what" with its "t" struck as the "y" beside it, not "why" with an "a" added.
    assert question_word("whay", "is") == "what"
