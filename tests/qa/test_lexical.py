"""The word-matching layer's stop words."""

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from qa.lexical import ENGLISH_STOP_WORDS, STOPWORDS


def test_stop_words_file_is_scikit_learns_list() -> None:
    # The runtime reads a copy so that it never imports scikit-learn; the copy must not drift.
    assert ENGLISH_STOP_WORDS == frozenset(SKLEARN_STOP_WORDS)


def test_question_words_are_stop_words_too() -> None:
    assert {"what", "when", "did", "happened"} <= set(STOPWORDS)
