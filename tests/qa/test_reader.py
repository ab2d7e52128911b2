"""The shipped extractive reader (qa/reader/): best spans, per-sentence spans, one shared
thread-safe instance. Its training is tested in tests/tools/test_reader.py."""

from __future__ import annotations

from qa.reader.onnx_reader import best_span


def test_best_span_stays_in_context_and_in_length() -> None:
    import numpy as np

    start = np.array([9.0, 8.0, 0.0, 1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    end = np.array([9.0, 0.0, 0.0, 0.0, 0.0, 5.0, 0.0], dtype=np.float32)
    context = np.array([False, False, False, True, True, True, False])
    i, j, score = best_span(start, end, context, max_answer_tokens=30)
    assert (i, j, score) == (3, 5, 6.0)
    i, j, _ = best_span(start, end, context, max_answer_tokens=2)
    assert j - i < 2 and context[i] and context[j]


def test_best_span_holds_a_word_where_told_which_tokens_are_words() -> None:
    import numpy as np

    # Token 3 is a lone quotation mark the logits like best; a span must hold a word.
    start = np.array([0.0, 0.0, 0.0, 9.0, 1.0, 0.0], dtype=np.float32)
    end = np.array([0.0, 0.0, 0.0, 9.0, 0.0, 2.0], dtype=np.float32)
    context = np.array([False, False, False, True, True, True])
    assert best_span(start, end, context, max_answer_tokens=30)[:2] == (3, 3)
    wordy = np.array([False, True, False, False, True, True])
    assert best_span(start, end, context, 30, wordy) == (3, 5, 11.0)
    assert best_span(start, end, context, 1, wordy) == (5, 5, 2.0)


def test_shipped_reader_finds_paris() -> None:
    from qa.reader import Span, load_reader

    reader = load_reader()
    relevant = "The Eiffel Tower is a wrought-iron lattice tower in Paris, France."
    unrelated = "Bananas are rich in potassium and are often eaten at breakfast."
    spans = reader.read("Where is the Eiffel Tower?", [unrelated, relevant])
    assert [s.passage for s in spans] == [1, 0]  # best first
    best = spans[0]
    assert isinstance(best, Span)
    assert "Paris" in best.text
    assert relevant[best.start : best.end] == best.text
    by_passage = {s.passage: s for s in spans}
    assert by_passage[0].score - by_passage[0].null_score < best.score - best.null_score
    assert reader.read("Where is the Eiffel Tower?", []) == []


def test_segments_give_one_span_per_sentence_inside_it() -> None:
    from qa.reader import load_reader

    reader = load_reader()
    first = "The Eiffel Tower opened in 1889. "
    second = "It stands in Paris, France, beside the Seine."
    passage = first + second
    whole = reader.read("Where is the Eiffel Tower?", [passage])
    per_sentence = reader.read("Where is the Eiffel Tower?", [passage], [[0, len(first)]])
    assert len(whole) == 1 and len(per_sentence) == 2
    inside = sorted((s.start >= len(first), s.text) for s in per_sentence)
    assert [side for side, _ in inside] == [False, True]  # one span in each sentence
    assert all(passage[s.start : s.end] == s.text for s in per_sentence)
    # The window's best span is still there, with the same scores (one reading of it).
    assert whole[0] in per_sentence
    assert "Paris" in per_sentence[0].text


def test_a_span_gives_the_best_span_beside_it_in_its_sentence() -> None:
    from qa.reader import load_reader

    reader = load_reader()
    passage = "Of the 1,412 postponed operations, 219 were cancer procedures."
    question = "How many of the postponed operations were for cancer?"
    (span,) = reader.read(question, [passage], [[0]])
    assert span.runner_up is not None
    beside = span.runner_up()
    assert beside is not None
    assert beside.end <= span.start or beside.start >= span.end  # no overlap
    assert passage[beside.start : beside.end] == beside.text
    assert beside.score <= span.score
    assert (beside.null_score, beside.log_norm) == (span.null_score, span.log_norm)
    assert {"1,412", "219"} <= {span.text, beside.text}


def test_a_runner_up_has_a_runner_up_of_its_own() -> None:
    from qa.reader import load_reader

    reader = load_reader()
    passage = (
        "Lebanon's foreign ministry has hailed the recent round of talks with Israel in "
        "Ras EnNakoura as a significant breakthrough."
    )
    (span,) = reader.read("Who hailed the talks as a breakthrough?", [passage], [[0]])
    assert span.runner_up is not None
    second = span.runner_up()
    assert second is not None and second.runner_up is not None
    third = second.runner_up()
    assert third is not None
    # Three spans, none overlapping another, each believed no more than the one before.
    found = sorted((s.start, s.end) for s in (span, second, third))
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))
    assert span.score >= second.score >= third.score
    assert all(passage[s.start : s.end] == s.text for s in (span, second, third))


def test_reader_is_cached_and_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from qa.reader import load_reader

    reader = load_reader()
    assert load_reader() is reader
    passage = ["Marie Curie was born in Warsaw in 1867."]
    want = reader.read("Where was Marie Curie born?", passage)
    with ThreadPoolExecutor(4) as pool:
        got = list(
            pool.map(lambda _: reader.read("Where was Marie Curie born?", passage), range(8))
        )
    assert all(g == want for g in got)


def test_passage_budget_leaves_room_for_the_question_and_its_markers() -> None:
    """A passage within the budget is read whole: question, passage and [CLS] [SEP] [SEP]
    fit the reader's max_length; a longer one would be truncated."""
    from qa.reader import load_reader

    reader = load_reader()
    question = "What was targeted on November 23?"
    budget = reader.passage_budget(question)
    assert budget == reader.max_length - reader.token_count(question) - 3
    words = ["strike"] * budget
    fitting = " ".join(words)
    assert reader.token_count(fitting) == budget
    encodings, _, _ = reader.logits(question, [fitting, fitting + " more"])
    assert [len(e.ids) for e in encodings] == [reader.max_length, reader.max_length]
    assert encodings[0].offsets[-2][1] == len(fitting)  # the whole passage, then [SEP]
    assert encodings[1].offsets[-2][1] < len(fitting) + len(" more")  # truncated
    # Counts are capped where the tokenizer truncates.
    assert reader.token_count(" ".join(["strike"] * 1000)) == reader.max_length


def test_curly_quotation_marks_read_as_straight_ones() -> None:
    # News sites write "Lebanon’s"; the reader learned "Lebanon's". The same sentence read
    # both ways gives the same span and scores, shown with the article's own marks.
    from qa.reader import load_reader

    reader = load_reader()
    curly = (
        "Lebanon’s foreign ministry has hailed the recent round of talks with Israel in "
        "Ras EnNakoura as a significant breakthrough, according to a source cited by LBCI TV."
    )
    straight = curly.replace("’", "'")
    question = "Who hailed the talks as a breakthrough?"
    (as_curly,) = reader.read(question, [curly])
    (as_straight,) = reader.read(question, [straight])
    assert as_curly.text == "Lebanon’s foreign ministry"
    assert as_straight.text == "Lebanon's foreign ministry"
    assert (as_curly.start, as_curly.end, as_curly.margin) == (
        as_straight.start,
        as_straight.end,
        as_straight.margin,
    )
