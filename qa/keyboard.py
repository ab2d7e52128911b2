"""Keys beside each other on a QWERTY keyboard: the wrong key a hurried typist strikes.

A slip of the finger lands on a neighbouring key far more often than on any other, so of
two question words one wrong key away from what was typed, the one whose right key is
beside the one struck is the likelier meant: "whp" is "who" (p is beside o), not "why"
(qa.spelling.question_word). Only there: ranking other words so too changed which English
word a name the article never writes was taken for ("Qing" became "Wing", not "King"),
which no typed question gained by (docs/measurements.md).
"""

from __future__ import annotations

import functools

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# How far each row sits to the right of the one above, in keys: the rows are staggered.
_STAGGER = (0.0, 0.25, 0.75)


@functools.cache
def _place(letter: str) -> tuple[int, float] | None:
    for row, keys in enumerate(_ROWS):
        column = keys.find(letter)
        if column >= 0:
            return row, column + _STAGGER[row]
    return None


def beside(a: str, b: str) -> bool:
    """Whether letters `a` and `b` are neighbouring keys (the same row, one apart, or the
    rows above and below, within three quarters of a key)."""
    first, second = _place(a.lower()), _place(b.lower())
    if first is None or second is None or first == second:
        return False
    rows, across = abs(first[0] - second[0]), abs(first[1] - second[1])
    return (rows == 0 and across == 1) or (rows == 1 and across <= 0.75)


def struck_beside(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one letter struck as the key beside it."""
    if len(typed) != len(word):
        return False
    wrong = [(t, w) for t, w in zip(typed.lower(), word.lower(), strict=True) if t != w]
    return len(wrong) == 1 and beside(*wrong[0])


def no_wrong_key(typed: str, word: str) -> bool:
    """Whether `typed` is `word` (one edit away) with a letter dropped, doubled or two
    swapped, and so with no wrong key struck: "whoo" is "who" with its "o" doubled, where
    "whom" would need an "m" struck as an "o", two keys apart. A letter added that
    doubles none is no such slip ("whay" is no "why")."""
    typed, word = typed.lower(), word.lower()
    if len(typed) == len(word) + 1:
        return any(
            typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == word
            for i in range(len(typed) - 1)
        )
    if len(typed) + 1 == len(word):
        return True
    return sorted(typed) == sorted(word)
