"""Training on a lent GPU (tools/reader/sweep.py, train.py's --device, --init FILE.onnx and
--prepare-workers), checked on the CPU: the parts that must work the first time there."""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tools.reader import sweep, train

ROOT = Path(__file__).resolve().parents[2]


def _scores(f1: float, auc: float) -> dict[str, float]:
    return {"f1": f1, "no_answer_auc": auc}


def test_the_run_with_the_best_f1_is_chosen_unless_another_abstains_clearly_better() -> None:
    assert sweep.choose({"a": _scores(77.4, 0.848), "b": _scores(76.4, 0.855)}) == "a"
    # AUC 0.01 higher and F1 within 0.3: abstaining well wins.
    assert sweep.choose({"a": _scores(77.4, 0.840), "b": _scores(77.2, 0.851)}) == "b"
    # AUC 0.01 higher but F1 0.5 lower: the F1 stands.
    assert sweep.choose({"a": _scores(77.4, 0.840), "b": _scores(76.9, 0.860)}) == "a"


def test_a_run_overrides_the_v10_recipe_and_rejects_unknown_keys() -> None:
    name, recipe = sweep.parse_run("b:lr=5e-5,in_passage=0.6")
    assert name == "b" and recipe["lr"] == "5e-5" and recipe["in_passage"] == "0.6"
    assert recipe["human_repeats"] == sweep.RECIPE["human_repeats"]
    with pytest.raises(SystemExit, match="learning_rate"):
        sweep.parse_run("c:learning_rate=1e-4")


def test_weights_cut_into_parts_come_back_as_the_model_that_was_trained(
    tiny_checkpoint: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    from transformers import BertForQuestionAnswering

    trained = BertForQuestionAnswering.from_pretrained(tiny_checkpoint).eval()
    monkeypatch.setattr(sweep, "PART_BYTES", 10_000)  # several parts from a tiny model
    parts = sweep.split_weights(tiny_checkpoint, tmp_path / "out")
    assert len(parts) > 3 and all(p.stat().st_size <= 10_000 for p in parts)
    sweep.join_weights(tmp_path / "out", tmp_path / "joined", config=tiny_checkpoint)
    joined = BertForQuestionAnswering.from_pretrained(tmp_path / "joined").eval()
    ids = torch.randint(1, 120, (2, 20))
    with torch.no_grad():
        want, got = trained(input_ids=ids).start_logits, joined(input_ids=ids).start_logits
    # fp16 on the way: far under the int8 export's own rounding.
    assert float((want - got).abs().max()) < 1e-2
    assert torch.equal(want.argmax(-1), got.argmax(-1))


def test_an_epoch_built_in_a_worker_is_the_epoch_built_in_line() -> None:
    from index.sentences import split_sentences
    from tools.reader.squad import Paragraph, Question

    def paragraph(article: str, context: str, question: str, answer: str) -> Paragraph:
        start = context.index(answer)
        asked = Question(f"{article}-q", question, start, answer, (answer,))
        return Paragraph(article, context, tuple(split_sentences(context)), (asked,))

    paragraphs = [
        paragraph(
            "a/Lovelace",
            "Ada Lovelace wrote the first program in 1843. She worked with Charles Babbage.",
            "When did Ada Lovelace write the first program?",
            "1843",
        ),
        paragraph(
            "a/Rhine",
            "The Rhine rises in the Swiss Alps. It flows 1,230 kilometres to the North Sea.",
            "How long is the Rhine?",
            "1,230 kilometres",
        ),
    ]
    args = argparse.Namespace(
        neg_fraction=1 / 3,
        swap_fraction=0.8,
        word_swap_share=0.5,
        human_repeats=1,
        in_passage_share=0.4,
        detail_swap_share=0.3,
    )
    from qa.reader.onnx_reader import DEFAULT_TOKENIZER_PATH, load_tokenizer

    tokenizer = load_tokenizer(DEFAULT_TOKENIZER_PATH, train.MAX_LENGTH)
    train._EPOCH_INPUTS.update(args=args, paragraphs=paragraphs, tokenizer=tokenizer, seed=5)
    in_line = train.build_epoch(1)
    with concurrent.futures.ProcessPoolExecutor(
        1, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        ahead = pool.submit(train.build_epoch, 1).result()
    assert in_line[1:] == ahead[1:]
    assert [(e.start, e.end) for e in in_line[0]] == [(e.start, e.end) for e in ahead[0]]
    assert all(np.array_equal(a.ids, b.ids) for a, b in zip(in_line[0], ahead[0], strict=True))


def test_training_starts_from_the_shipped_int8_file_with_epochs_built_ahead(
    tmp_path: Path,
) -> None:
    config = Path(train.base_model_path())  # holds config.json, as .gpu/base does on a GPU
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.reader.train",
            "--init",
            str(ROOT / "qa" / "reader" / "model" / "reader.onnx"),
            "--config",
            str(config),
            "--prepare-workers",
            "1",
            "--epochs",
            "2",
            "--out",
            str(tmp_path / "ckpt"),
            "--limit",
            "16",
            "--batch-size",
            "8",
            "--max-steps",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "epoch 0:" in result.stdout and "finished (steps)" in result.stdout
    assert (tmp_path / "ckpt" / "checkpoint" / "model.safetensors").is_file()


def test_paragraphs_split_once_are_read_back_only_for_the_same_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tools.reader.squad import DEFAULT_DATA_DIR

    files = [DEFAULT_DATA_DIR / "squad" / "squad2_train_10articles.json.gz"]
    cache = tmp_path / "paragraphs.pickle.gz"
    loaded = train.cached_paragraphs(cache, files, 20, None)
    assert cache.is_file() and loaded
    assert train.cached_paragraphs(cache, files, 20, None) == loaded
    assert "paragraphs from" in capsys.readouterr().out
    fewer = train.cached_paragraphs(cache, files, 5, None)  # another limit: loaded afresh
    assert "other data" in capsys.readouterr().out
    assert sum(len(p.questions) for p in fewer) < sum(len(p.questions) for p in loaded)


def test_a_deadline_shrinks_the_schedule_so_it_anneals_before_it() -> None:
    assert train.time_budget(4, 0, now=1000, elapsed=0) == 240
    # Data took long: 130 s to the deadline leave 120 s of schedule, not 240.
    assert train.time_budget(4, 1130, now=1000, elapsed=0) == 120
    assert train.time_budget(0, 1130, now=1000, elapsed=30) == 150  # resumed after 30 s
    assert train.time_budget(4, 2000, now=1000, elapsed=0) == 240  # room: the minutes stand
