"""Training the QA reader (tools/reader/): windows, near misses, token labels, trainer smoke
run, evaluation. The shipped reader itself is tested in tests/qa/test_reader.py."""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.reader.squad import data_files, load_paragraphs
from tools.reader.windows import Window, build_windows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def paragraphs():  # type: ignore[no-untyped-def]
    # The first 300 questions of the bundled data: several articles, so the
    # "another article" negatives can be drawn too.
    return load_paragraphs(data_files(), limit=300)


def test_positive_windows_hold_the_exact_answer(paragraphs) -> None:  # type: ignore[no-untyped-def]
    gold = {q.qid: q.answer_text for p in paragraphs for q in p.questions}
    windows = build_windows(paragraphs, seed=3)
    positives = [w for w in windows if w.answer_start is not None]
    assert len(positives) >= 0.95 * len(gold)
    for w in positives:
        assert w.answer_end is not None
        assert w.passage[w.answer_start : w.answer_end] == w.answer_text == gold[w.qid]
        assert len(w.passage) <= 1300  # a window of 1-5 sentences, not a whole paragraph


def test_negative_windows_have_no_answer(paragraphs) -> None:  # type: ignore[no-untyped-def]
    answers = {q.qid: q.all_answers for p in paragraphs for q in p.questions}
    windows = build_windows(paragraphs, seed=3)
    negatives = [w for w in windows if w.answer_start is None]
    # About a third of all windows, of both kinds.
    assert 0.25 < len(negatives) / len(windows) < 0.40
    assert {w.kind for w in negatives} == {"neg-same", "neg-other"}
    for w in negatives:
        assert not any(a.lower() in w.passage.lower() for a in answers[w.qid])


@pytest.mark.parametrize("word_swap_share", [0.0, 0.5])
def test_near_miss_negatives_change_the_question_not_the_passage(  # type: ignore[no-untyped-def]
    paragraphs, word_swap_share: float
) -> None:
    windows = build_windows(paragraphs, seed=3, swap_fraction=0.4, word_swap_share=word_swap_share)
    positives = {w.qid: w for w in windows if w.kind == "pos"}
    swaps = [w for w in windows if w.kind == "neg-swap"]
    # Reviews name few things, so fewer than 40% of positives find a swap.
    assert 20 < len(swaps) <= 0.4 * len(positives)
    for w in swaps:
        twin = positives[w.qid]
        assert w.passage == twin.passage and w.answer_start is None
        assert w.question != twin.question
        # Negated, or a name/number or a word's opposite the passage lacks is now asked.
        if " not " not in w.question:
            added = set(w.question.split()) - set(twin.question.split())
            passage_words = set(re.findall(r"[\w'-]+", w.passage.lower()))
            assert added and not all(
                set(re.findall(r"[\w'-]+", word.lower())) <= passage_words for word in added
            )


def test_opposite_swaps_ask_what_the_passage_never_says() -> None:
    from tools.reader.near_miss import OPPOSITES, _opposite_swapped

    rng = random.Random(0)
    passage = "The Rhine is the longest river in the region, flowing north to the sea."
    question = "Which is the longest river in the region?"
    assert _opposite_swapped(question, passage, rng) == "Which is the shortest river in the region?"
    # "north" is not swapped for "south" if the passage also names the south.
    both = "It flows north and then south."
    assert _opposite_swapped("Where does it flow north?", both, rng) is None
    assert _opposite_swapped("First, what is it?", "It is a river.", rng) == "Last, what is it?"
    assert all(OPPOSITES[word] != word and OPPOSITES[word] in OPPOSITES for word in OPPOSITES)


def test_word_swaps_keep_the_kind_of_word() -> None:
    from tools.reader.near_miss import content_words, word_swapped

    passage = "The lagoon formed in 1932, when the dam closed the bay."
    words = content_words("Who discovered the islands? When was it finished?")
    assert words == [("discovered", "ed"), ("islands", "noun-s"), ("finished", "ed")]
    pool = {"ed": ["discovered", "finished"], "noun-s": ["islands"]}
    rng = random.Random(0)
    swapped = {word_swapped("When was the lagoon formed?", passage, pool, rng) for _ in range(20)}
    # "formed" becomes another past verb; "lagoon" has no singular noun to swap with.
    assert swapped == {"When was the lagoon discovered?", "When was the lagoon finished?"}
    # Nothing to swap in: every candidate of the kind is in the passage too.
    assert word_swapped("When was the lagoon formed?", passage, {"ed": ["closed"]}, rng) is None
    # A word before an apostrophe ("doesn't", "the bishop's") is not swapped whole.
    assert content_words("Where were the bishop's lands?") == [("lands", "s")]


def test_windows_without_word_swaps_are_the_ones_drawn_before(paragraphs) -> None:  # type: ignore[no-untyped-def]
    # The shipped reader's first two stages were trained before word swaps existed: with
    # share 0 the windows must be the very ones drawn then (this digest was taken from the
    # code before word swaps), or its training commands would no longer reproduce it.
    def digest(windows: list[Window]) -> str:
        rows = [(w.question, w.passage, w.answer_start, w.kind) for w in windows]
        return hashlib.sha256(repr(rows).encode()).hexdigest()

    before = build_windows(paragraphs, seed=5, swap_fraction=0.8)
    assert digest(before) == "7732eab83e066c204068ef050215b457eeaf8b558bb5d313827a7ca217b5dad1"
    assert build_windows(paragraphs, seed=5, swap_fraction=0.8, word_swap_share=0.5) != before


def test_swapped_question_keeps_the_kind_of_entity() -> None:
    from tools.reader.near_miss import swapped_question

    passage = "In 1066 the Normans under William crossed to England."
    swapped = swapped_question(
        "When did William cross to England?",
        passage,
        ["Harold", "1204", "Normandy"],
        random.Random(0),
    )
    assert swapped in {"When did Harold cross to England?", "When did William cross to Normandy?"}
    number = swapped_question(
        "What happened in 1066?", passage, ["Harold", "1204"], random.Random(0)
    )
    assert number == "What happened in 1204?"


def test_windows_are_deterministic_for_a_seed(paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert build_windows(paragraphs, seed=5) == build_windows(paragraphs, seed=5)
    assert build_windows(paragraphs, seed=5) != build_windows(paragraphs, seed=6)


def test_token_labels_cover_the_whole_answer(paragraphs) -> None:  # type: ignore[no-untyped-def]
    from qa.reader.onnx_reader import encode_pairs, load_tokenizer
    from tools.reader.train import base_model_path, token_labels

    tok = load_tokenizer(base_model_path() / "tokenizer.json")
    windows = [w for w in build_windows(paragraphs, seed=3) if w.answer_start is not None][:200]
    for w in windows:
        enc = encode_pairs(tok, w.question, [w.passage])[0]
        s, e, cut = token_labels(enc, w)
        assert not cut
        assert w.answer_start is not None and w.answer_end is not None
        assert enc.sequence_ids[s] == 1 and enc.sequence_ids[e] == 1 and s <= e
        covered = w.passage[enc.offsets[s][0] : enc.offsets[e][1]]
        assert w.answer_text in covered
        # No more than a word-piece of slack on either side.
        assert enc.offsets[s][0] <= w.answer_start < enc.offsets[s][1]
        assert enc.offsets[e][0] < w.answer_end <= enc.offsets[e][1]
    neg = Window("q", "Who?", "Nothing here.", None, "", "neg-other")
    assert token_labels(encode_pairs(tok, neg.question, [neg.passage])[0], neg) == (0, 0, False)


def test_train_smoke_and_resume(tmp_path: Path) -> None:
    import torch

    out = tmp_path / "ckpt"
    base = [
        sys.executable,
        "-m",
        "tools.reader.train",
        "--out",
        str(out),
        "--limit",
        "16",
        "--batch-size",
        "8",
        "--log-every",
        "1",
    ]
    first = subprocess.run(
        base + ["--max-steps", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0, first.stderr[-2000:]
    assert "loss" in first.stdout
    state_file = out / "checkpoint" / "trainer_state.pt"
    assert state_file.is_file() and (out / "checkpoint" / "model.safetensors").is_file()
    assert torch.load(state_file, weights_only=False)["step"] == 2

    second = subprocess.run(
        base + ["--max-steps", "3", "--resume"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr[-2000:]
    assert "resumed from" in second.stdout
    state = torch.load(state_file, weights_only=False)
    assert state["step"] == 3
    assert state["windows_seen"] > 0


def test_margin_auc_ranks_answerable_above_unanswerable() -> None:
    from tools.reader.evaluate import Result, margin_auc

    def results(margins: list[float], answerable: bool) -> list[Result]:
        return [Result(answerable, m, "x", 0.0, 0.0, 1, 1.0) for m in margins]

    assert margin_auc(results([3, 4], True), results([1, 2], False)) == 1.0
    assert margin_auc(results([1], True), results([2], False)) == 0.0
    assert margin_auc(results([2, 5], True), results([2, 3], False)) == 0.625  # a tie is half
    assert margin_auc([], results([1], False)) == 0.0


def test_in_passage_swaps_bring_in_a_word_the_passage_uses_away_from_the_answer() -> None:
    from tools.reader.near_miss import in_passage_swapped

    passage = (
        "In 1066 the Normans under William crossed to England. "
        "Later the Normans reached Sicily. The conquest ended in 1091."
    )
    answering = "In 1066 the Normans under William crossed to England."
    rng = random.Random(0)
    names = {
        in_passage_swapped("When did William cross to England?", passage, answering, rng)
        for _ in range(20)
    }
    # Only Sicily qualifies: "Later" and "The" open sentences, Normans is in the answering
    # sentence, and a swap never brings in what the question already has.
    assert names == {"When did William cross to Sicily?", "When did Sicily cross to England?"}
    # A number becomes a number the passage gives elsewhere.
    assert in_passage_swapped("What happened in 1066?", passage, answering, rng) == (
        "What happened in 1091?"
    )
    # Without a name, a content word of the same kind that the passage uses outside the
    # answering sentence: "crossed" becomes "reached" or "ended", never itself.
    words = {
        in_passage_swapped("Where had they crossed?", passage, answering, rng) for _ in range(20)
    }
    assert words == {"Where had they reached?", "Where had they ended?"}
    assert in_passage_swapped("Who is it?", passage, answering, rng) is None


def test_in_passage_share_zero_draws_the_windows_drawn_before(paragraphs) -> None:  # type: ignore[no-untyped-def]
    kwargs = {"seed": 5, "swap_fraction": 0.8, "word_swap_share": 0.5, "human_repeats": 3}
    before = build_windows(paragraphs, **kwargs)  # type: ignore[arg-type]
    assert build_windows(paragraphs, in_passage_share=0.0, **kwargs) == before  # type: ignore[arg-type]
    assert build_windows(paragraphs, in_passage_share=0.5, **kwargs) != before  # type: ignore[arg-type]


def test_detail_swaps_change_a_date_a_day_or_a_time_word_the_passage_never_states() -> None:
    from tools.reader.near_miss import detail_swapped

    passage = "In 1066 William crossed to England on a Thursday in September, early in the day."
    rng = random.Random(3)
    for _ in range(20):
        swapped = detail_swapped("What did William do in 1066?", passage, rng)
        assert swapped is not None
        year = re.search(r"\d{4}", swapped)
        assert year is not None and year.group() != "1066"
        assert abs(int(year.group()) - 1066) <= 10
    for _ in range(20):
        swapped = detail_swapped("Where did he land on Thursday?", passage, rng)
        assert swapped is not None and "Thursday" not in swapped
        assert re.search(r"(Mon|Tues|Wednes|Fri|Satur|Sun)day", swapped)
    assert detail_swapped("Why did he leave early?", passage, rng) == "Why did he leave late?"
    # A month inside a name is not a date: "the Funeral March" stays.
    assert (
        detail_swapped("Who wrote the Funeral March?", "Chopin wrote the Funeral March.", rng)
        is None
    )


def test_detail_swaps_reverse_two_names_only_across_words_that_set_their_roles() -> None:
    from tools.reader.near_miss import detail_swapped

    passage = "Yongle wanted to trade horses with Tibet. The Museum for African Art opened."
    rng = random.Random(3)
    assert detail_swapped("What did Yongle want to trade with Tibet?", passage, rng) == (
        "What did Tibet want to trade with Yongle?"
    )
    # "for" joins one name ("Museum for African Art"): reversing it makes no question.
    assert detail_swapped("When did the Museum for African Art open?", passage, rng) is None


def test_detail_share_zero_draws_the_windows_drawn_before(paragraphs) -> None:  # type: ignore[no-untyped-def]
    kwargs = {"seed": 5, "swap_fraction": 0.8, "word_swap_share": 0.5, "in_passage_share": 0.4}
    before = build_windows(paragraphs, **kwargs)  # type: ignore[arg-type]
    assert build_windows(paragraphs, detail_swap_share=0.0, **kwargs) == before  # type: ignore[arg-type]
    assert build_windows(paragraphs, detail_swap_share=0.5, **kwargs) != before  # type: ignore[arg-type]
