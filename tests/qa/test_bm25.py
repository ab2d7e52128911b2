"""qa.bm25 scores as bm25s did (the library the runtime used before, kept as a test
dependency to check against): the same words, the same stems, the same scores."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.sentences import split_sentences
from qa.bm25 import BM25
from qa.lexical import _STEMMER, STOPWORDS, Lexicon, terms_of

REPO = Path(__file__).resolve().parents[2]


def library_terms(texts: list[str]) -> list[list[str]]:
    tokens = bm25s.tokenize(
        texts, stopwords=sorted(STOPWORDS), stemmer=_STEMMER, return_ids=False, show_progress=False
    )
    return [list(row) for row in tokens]


def library_scores(documents: list[list[str]], query: list[str]) -> np.ndarray:
    index = bm25s.BM25()
    index.index(documents, show_progress=False)
    return np.asarray(index.get_scores(query), dtype=np.float32)


def article_texts() -> list[list[str]]:
    """The bundled article's sentences and the README's (long, with numbers, commands,
    names and punctuation a news article lacks)."""
    texts = [(REPO / "qa" / "data" / "article.txt"), (REPO / "README.md")]
    return [[s.text for s in split_sentences(path.read_text(encoding="utf-8"))] for path in texts]


def test_words_and_stems_are_the_librarys() -> None:
    for texts in article_texts():
        assert terms_of(texts) == library_terms(texts)


def test_every_sentence_scores_as_the_library_scored_it() -> None:
    for texts in article_texts():
        documents = [row or ["\u2205"] for row in terms_of(texts)]
        index = BM25(documents)
        # Each sentence's own words as a query, and the words of a few sentences at once.
        queries = [row for row in documents[:40]] + [sum(documents[i : i + 3], []) for i in (0, 5)]
        for query in queries:
            np.testing.assert_allclose(
                index.scores(query), library_scores(documents, query), rtol=1e-5, atol=1e-6
            )


@settings(max_examples=60, deadline=None)
@given(
    documents=st.lists(
        st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=12), min_size=1, max_size=15
    ),
    query=st.lists(st.sampled_from("abcdefghxyz"), min_size=1, max_size=6),
)
def test_any_corpus_scores_as_the_library_scored_it(
    documents: list[list[str]], query: list[str]
) -> None:
    np.testing.assert_allclose(
        BM25(documents).scores(query), library_scores(documents, query), rtol=1e-5, atol=1e-6
    )


def test_a_repeated_query_word_counts_twice_and_an_unknown_one_not_at_all() -> None:
    index = BM25([["beirut", "strike"], ["talk"], ["strike"]])
    once = index.scores(["strike"])
    assert once[1] == 0 and once[0] > 0 and once[2] > once[0]  # the shorter sentence wins
    np.testing.assert_allclose(index.scores(["strike", "strike"]), 2 * once)
    np.testing.assert_array_equal(index.scores(["strike", "nowher"]), once)


@pytest.mark.parametrize("text", ["", "   ", "The a an of."])
def test_a_sentence_without_words_scores_zero_and_others_still_rank(text: str) -> None:
    sentences = split_sentences("The strike hit Beirut.\n" + text + "\nTalks were held.")
    lexicon = Lexicon(sentences)
    scores = lexicon.scores(terms_of(["strike"])[0])
    assert scores.max() == pytest.approx(1.0)
    assert int(np.argmax(scores)) == 0
