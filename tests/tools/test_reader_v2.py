"""Training the v2 reader: the shipped int8 reader dequantised to start from
(tools/reader/dequantise.py), training on the split's training side with human
unanswerables (`train-reader --split`)."""

from __future__ import annotations

import gzip
import json
import random

import numpy as np

from index.sentences import split_sentences
from tools.reader.split import side_keep, split_files
from tools.reader.squad import Keep, Paragraph, load_paragraphs
from tools.reader.windows import build_windows

SAMPLE = "squad2_train_10articles.json.gz"


def test_the_dequantised_reader_reads_as_the_int8_file_does() -> None:
    import onnxruntime as ort
    import torch

    from qa.reader.onnx_reader import DEFAULT_MODEL_PATH, load_tokenizer
    from tools.reader.dequantise import load_float_reader
    from tools.reader.train import base_model_path

    model = load_float_reader().eval()  # raises if a weight is missing or left over
    tokenizer = load_tokenizer(base_model_path() / "tokenizer.json", 192)
    encoding = tokenizer.encode(
        "Who rescued the passengers?",
        "The ferry sank off Crete. Fishing boats from Chania rescued all 212 passengers.",
    )
    feeds = {
        "input_ids": np.array([encoding.ids]),
        "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
        "token_type_ids": np.array([encoding.type_ids]),
    }
    start, end = ort.InferenceSession(str(DEFAULT_MODEL_PATH)).run(None, feeds)
    with torch.no_grad():
        out = model(**{k: torch.from_numpy(v) for k, v in feeds.items()})
    # Within quantisation noise of the int8 file, and the same answer start.
    assert np.abs(out.start_logits.numpy() - start).max() < 1.0
    assert out.start_logits.argmax().item() == int(start.argmax())


def test_training_reads_only_the_training_side_once_per_question() -> None:
    files = [f for f in split_files() if f.name in (SAMPLE, "squad11_train.json.gz")]
    # The sample's articles only, from both files: they are the ones SQuAD 1.1 repeats,
    # and splitting the sentences of all 1.1 paragraphs would take the suite 100 s.
    sample = next(f for f in files if f.name == SAMPLE)
    with gzip.open(sample, "rt", encoding="utf-8") as fh:
        titles = {article["title"] for article in json.load(fh)["data"]}

    def on(side: str) -> Keep:
        keep = side_keep(files, side)
        return lambda path, title, context, single: (
            title in titles and keep(path, title, context, single)
        )

    train = load_paragraphs(files, keep=on("train"))
    validation = load_paragraphs(files, keep=on("validation"))
    assert {p.article.split("/", 1)[0] for p in train} == {f.name for f in files}
    train_ids = {q.qid for p in train for q in p.questions} | {
        qid for p in train for qid, _ in p.unanswerable
    }
    validation_ids = {q.qid for p in validation for q in p.questions}
    assert train_ids and validation_ids and not train_ids & validation_ids
    # The sample repeats SQuAD 1.1's questions under the same ids: each is read once.
    all_ids = [q.qid for p in train for q in p.questions]
    assert len(all_ids) == len(set(all_ids))
    # Its human-written unanswerables come along, on both sides of the split.
    assert sum(len(p.unanswerable) for p in train) > 100
    assert any(p.unanswerable for p in validation)


def test_a_human_unanswerable_becomes_a_no_answer_window_of_its_paragraph() -> None:
    context = "The bridge opened in 1990. It was closed for repairs in 2020. Ferries ran instead."
    paragraph = Paragraph(
        "file/Bridge",
        context,
        tuple(split_sentences(context)),
        (),
        (("u1", "When did the bridge collapse?"),),
    )
    windows = build_windows([paragraph], seed=random.Random(3).randrange(100))
    assert [(w.qid, w.kind, w.answer_start) for w in windows] == [("u1", "neg-human", None)]
    assert windows[0].passage in context


def test_human_repeats_read_an_unanswerable_beside_other_sentences_of_its_paragraph() -> None:
    context = (
        "The bridge opened in 1990. It was closed for repairs in 2020. Ferries ran instead. "
        "The city paid for it. Engineers inspected it yearly. Traffic doubled by 2010."
    )
    paragraph = Paragraph(
        "file/Bridge",
        context,
        tuple(split_sentences(context)),
        (),
        (("u1", "When did the bridge collapse?"),),
    )
    once = build_windows([paragraph], seed=4)
    repeated = build_windows([paragraph], seed=4, human_repeats=6)
    assert [w.kind for w in repeated] == ["neg-human"] * 6
    assert {w.qid for w in repeated} == {"u1"} and all(w.answer_start is None for w in repeated)
    assert all(w.passage in context for w in repeated)
    assert len({w.passage for w in repeated}) > 1  # other windows, not one window six times
    assert repeated[0] == once[0]  # the first draw is the one a single window draws
