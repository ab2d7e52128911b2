"""The English word list that symspellpy ships (about 83,000 words with their counts in
a large corpus): what typed words are mended towards (qa.spelling) and what verb forms are
checked against (qa.verbs). Read from its file, once per process, only when needed."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def _fields() -> list[str]:
    """The English word list's file, split: word, count, word, count, ... Found without
    importing symspellpy (the list is all this module uses of it; the import cost ~30 ms
    of a cold start)."""
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("symspellpy is not installed: its English word list is needed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").split()


@functools.cache
def english_listing() -> list[str]:
    """The English word list's words, most frequent first (the file's own order is by
    frequency); loaded once per process, only when a typed word needs mending."""
    fields = _fields()
    pairs = zip(fields[::2], (int(n) for n in fields[1::2]), strict=True)
    return [word for word, _ in sorted(pairs, key=lambda pair: -pair[1])]


@functools.cache
def english_words() -> frozenset[str]:
    """The English word list (about 83,000 lower-case words): a set straight from the file,
    without ranking it, since most questions only ask whether a word is English."""
    return frozenset(_fields()[::2])


# Past this many of the most used English words, a capitalised word is as likely a name
# ("Orison" 73,728th, "Westerly" 23,967th, "Harrow" 18,738th) as the word ("American"
# 283rd, "Royal" 1,727th, "Twilight" 9,255th).
COMMON_WORDS = 10_000


@functools.cache
def common_words() -> frozenset[str]:
    """The COMMON_WORDS most used English words, lower case."""
    return frozenset(english_listing()[:COMMON_WORDS])
