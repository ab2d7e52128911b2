"""Fit the answerability model on the validation split: `python -m tools.calibrate --split`.

(`article-qa calibrate --split` runs this too, from the source checkout.)

Every question of the split (tools/validation.py: whole held-out articles, human and
near-miss unanswerables) is asked once, as ask() asks it, and what the features and the
answers need is kept in a cache file, so a refit is instant. Then, with the reader and
without it (qa/data/calibration.json and calibration-retrieval.json):

- for each retrieval weight (how much retrieval counts when choosing among the windows'
  spans), a logistic model learns P(answering is right) from the features of
  qa/answerability.py; "right" means the answer scores SQuAD F1 >= 0.5, and an
  unanswerable question is never right to answer;
- `threshold` is the cut that maximises mean SQuAD 2.0 F1 with abstention on the split,
  and the weight is the one whose fitted model scores best so;
- `confident_threshold` is the lowest cut at which the answers at or above it were right
  at least 90% of the time on the split;
- `decisive_margin` and `decisive_lead` (with the reader) are how far the first
  passage's best span must lead "no answer", and that passage the others in retrieval,
  for the other passages to go unread (qa/reading.py): every pair, with every weight, is
  replayed from the record, each with its own fitted model, and of those within 0.005
  split F1 of reading every passage the one that stops most often is kept.

Nothing is chosen on ../shared/eval: that is for reporting (`article-qa eval`).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from qa.calibration import CALIBRATION_FILES
from tools.calibration_fit import Fit, fit_mode, report
from tools.calibration_record import Recorded, record_set
from tools.validation import ValidationSet, load_validation, positive_int, print_counts

REPO = Path(__file__).resolve().parents[1]
# Bump when what is recorded per question changes shape.
CACHE_VERSION = 6


def default_cache_dir() -> Path:
    """$ARTICLE_QA_CACHE, else ~/.cache/article-qa: asked questions, by what they depend on."""
    given = os.environ.get("ARTICLE_QA_CACHE")
    return Path(given) if given else Path.home() / ".cache" / "article-qa"


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(REPO)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(validation: ValidationSet, embedder_id: str) -> str:
    """What the recorded answers depend on: the questions, the models, and the runtime
    code that retrieves, reads and words the answer (not the features or the fit, which
    are recomputed from the record at every refit)."""
    replayed = {"answerability.py", "calibration.py", "evaluation.py"}
    code = sorted(
        p
        for folder in ("qa", "index")
        for p in (REPO / folder).rglob("*.py")
        if p.name not in replayed or p.parent.name != "qa"
    )
    models = sorted((REPO / "qa" / "reader" / "model").glob("*.[ojt]*"))
    digest = hashlib.sha256(f"{CACHE_VERSION}|{embedder_id}|".encode())
    for question in validation.questions:
        digest.update(f"{question.id}|{question.question}|{question.article}\n".encode())
    digest.update(_digest(code).encode())
    digest.update(_digest(models).encode())
    return digest.hexdigest()[:16]


def recorded(
    validation: ValidationSet, cache: Path | None, refresh: bool
) -> tuple[list[Recorded], Path]:
    """The split's questions asked once: from the cache file when there is one."""
    from index.embedder import default_embedder

    if cache is not None and cache.is_file():  # a record named outright: trusted as it is
        print(f"reusing {cache} as given (not checked against the code or models)", flush=True)
        with cache.open("rb") as handle:
            return pickle.load(handle), cache
    embedder = default_embedder()
    folder = cache or default_cache_dir() / "calibrate"
    path = folder / f"validation-{cache_key(validation, embedder.model_id)}.pickle"
    if path.is_file() and not refresh:
        print(f"reusing the questions asked before: {path}", flush=True)
        with path.open("rb") as handle:
            return pickle.load(handle), path
    started = time.perf_counter()
    records = record_set(validation, embedder)
    print(f"asked {len(records):,} questions in {time.perf_counter() - started:.0f} s", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump(records, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    return records, path


def calibrate(
    limit: int | None, output_dir: Path, cache: Path | None = None, refresh: bool = False
) -> list[Fit]:
    """Ask the split (or a subset of about `limit` questions), fit both models, write
    them into `output_dir` and print what they score on the split."""
    validation = load_validation(limit)
    print_counts(validation)
    records, path = recorded(validation, cache, refresh)
    fits = []
    for with_reader in (True, False):
        fit = fit_mode(records, with_reader, validation)
        output = output_dir / CALIBRATION_FILES[with_reader].name
        output.parent.mkdir(parents=True, exist_ok=True)
        fit.calibration.save(output)
        print(report(fit, output), flush=True)
        fits.append(fit)
    return fits


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m tools.calibrate --split [--limit N] [--output-dir DIR] [--refresh]`."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.calibrate",
        description="Fit the answerability model and its thresholds on the validation split.",
    )
    parser.add_argument(
        "--split",
        action="store_true",
        required=True,
        help="fit on the reader's validation split (the only data it fits on)",
    )
    parser.add_argument(
        "--limit",
        type=positive_int,
        help="about this many split questions, whole articles stratified by source (faster)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=CALIBRATION_FILES[True].parent,
        help="where calibration.json and calibration-retrieval.json go (default: qa/data)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="folder of the asked questions (default: $ARTICLE_QA_CACHE or "
        "~/.cache/article-qa, then calibrate/), or one such file to reuse as it is",
    )
    parser.add_argument("--refresh", action="store_true", help="ask again, ignoring the cache")
    parser.add_argument(
        "--embedder", help="sentence embedder (default: $ARTICLE_QA_EMBEDDER, else int8-fast)"
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.embedder:
        from index.embedder import EMBEDDERS

        if args.embedder not in EMBEDDERS:
            parser.error(f"--embedder: choose one of {', '.join(EMBEDDERS)}, got {args.embedder!r}")
        os.environ["ARTICLE_QA_EMBEDDER"] = args.embedder
    calibrate(args.limit, args.output_dir, args.cache, args.refresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
