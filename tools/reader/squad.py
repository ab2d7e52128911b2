"""Reader training data: SQuAD-format files read into paragraphs, split into sentences,
with each question's answer located in its paragraph.

Everything is deterministic: files are read in sorted order.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from index.sentences import Sentence, split_sentences

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "qa-train"


@dataclass(frozen=True)
class Paragraph:
    """One context paragraph, already split into sentences."""

    article: str  # "<file>/<title>": negatives from "another article" must differ here
    context: str
    sentences: tuple[Sentence, ...]
    questions: tuple[Question, ...]
    # Questions written to have no answer here (SQuAD 2.0's): (qid, text).
    unanswerable: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Question:
    """A question with its (first) gold answer located in the paragraph context."""

    qid: str
    text: str
    answer_start: int
    answer_text: str
    all_answers: tuple[str, ...]


def _open_json(path: Path) -> dict:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(path.read_text(encoding="utf-8"))


def data_files(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Path]:
    """The SQuAD JSON files (plain or gzipped) in data_dir, sorted for determinism."""
    d = Path(data_dir)
    files = sorted(list(d.glob("*.json")) + list(d.glob("*.json.gz")))
    if not files:
        raise FileNotFoundError(f"no *.json or *.json.gz SQuAD files in {d}")
    return files


def _locate_answer(context: str, text: str, start: int) -> tuple[int, str] | None:
    """Return a (start, text) that matches the context exactly, trimmed of outer spaces.

    A few crowd-sourced offsets are off by some characters; search near the given
    offset rather than trust it, and drop the answer if it cannot be found.
    """
    text = text.strip()
    if not text:
        return None
    if context[start : start + len(text)] == text:
        return start, text
    # The raw offset may point at leading whitespace that strip() removed.
    candidates = [i for i in range(max(0, start - 40), start + 40) if context.startswith(text, i)]
    if candidates:
        best = min(candidates, key=lambda i: abs(i - start))
        return best, text
    found = context.find(text)
    return (found, text) if found >= 0 else None


# Which paragraphs to read: (file, article title, context, whether the file is one article).
Keep = Callable[[Path, str, str, bool], bool]


def load_paragraphs(
    files: Iterable[Path], limit: int | None = None, keep: Keep | None = None
) -> list[Paragraph]:
    """Parse SQuAD files into paragraphs with sentences and located answers.

    `keep` selects paragraphs (the training side of tools.reader.split). A question id
    seen in an earlier file is skipped: the SQuAD 2.0 sample repeats SQuAD 1.1 articles.
    Unanswerable questions are kept on their paragraph (`Paragraph.unanswerable`).

    ``limit`` caps the number of questions (for smoke tests); paragraphs are read in
    file order so the cap is deterministic.
    """
    paragraphs: list[Paragraph] = []
    n_questions = 0
    seen: set[str] = set()
    for path in files:
        articles = _open_json(path)["data"]
        for article in articles:
            title = f"{path.name}/{article.get('title', '')}"
            for para in article["paragraphs"]:
                context = para["context"]
                if keep is not None and not keep(
                    path, article.get("title", ""), context, len(articles) == 1
                ):
                    continue
                questions: list[Question] = []
                unanswerable: list[tuple[str, str]] = []
                for qa in para["qas"]:
                    if qa["id"] in seen:
                        continue
                    seen.add(qa["id"])
                    if qa.get("is_impossible"):
                        unanswerable.append((qa["id"], qa["question"].strip()))
                        continue
                    if not qa.get("answers"):
                        continue
                    first = qa["answers"][0]
                    located = _locate_answer(context, first["text"], int(first["answer_start"]))
                    if located is None:
                        continue
                    answers = tuple(a["text"].strip() for a in qa["answers"] if a["text"].strip())
                    questions.append(
                        Question(qa["id"], qa["question"].strip(), located[0], located[1], answers)
                    )
                if not questions and not unanswerable:
                    continue
                if limit is not None and n_questions >= limit:
                    return paragraphs
                if limit is not None:
                    questions = questions[: limit - n_questions]
                n_questions += len(questions)
                sentences = tuple(split_sentences(context))
                paragraphs.append(
                    Paragraph(title, context, sentences, tuple(questions), tuple(unanswerable))
                )
    return paragraphs
