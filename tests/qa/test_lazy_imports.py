"""Load less: `import qa` pulls in nothing heavy, and `article-qa ask` never loads the web
stack. Each check runs in a fresh interpreter, whose sys.modules is the evidence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# What `import qa` must leave alone: the web stack, torch and its model wrappers,
# scikit-learn, and even the numeric and model libraries that answering needs later.
NOT_ON_IMPORT = [
    "gradio",
    "fastapi",
    "uvicorn",
    "torch",
    "transformers",
    "sentence_transformers",
    "sklearn",
    "numpy",
    "scipy",
    "faiss",
    "bm25s",
    "onnxruntime",
    "tokenizers",
]
# Answering one question from the command line needs the models, never the web app, nor
# SciPy (bm25s brought its sparse matrices, a fifth of a cold answer; qa/bm25.py does not);
# about the bundled article, nor what reads uploads and links or keeps collections.
NOT_FOR_ASK = [
    "ui.uploads",
    "trafilatura",
    "pypdf",
    "qa.collection",
    "gradio",
    "fastapi",
    "uvicorn",
    "torch",
    "sentence_transformers",
    "sklearn",
    "scipy",
    "bm25s",
]


def loaded_after(code: str, data_dir: Path) -> dict[str, object]:
    """Run `code` in a fresh interpreter; its printed JSON, plus the heavy modules loaded."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps({{'loaded': sorted(m for m in {NOT_ON_IMPORT!r} if m in sys.modules),"
        " 'result': globals().get('result')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**os.environ, "ARTICLE_QA_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_import_qa_loads_nothing_heavy(tmp_path: Path) -> None:
    report = loaded_after("import qa", tmp_path)
    assert report["loaded"] == []


def test_the_lazy_names_still_resolve(tmp_path: Path) -> None:
    code = (
        "import qa, index, qa.bot, index.store\n"
        "from qa import ArticleQA, ask\n"
        "every = all(getattr(p, n) is not None for p in (qa, index) for n in p.__all__)\n"
        "result = [every, ArticleQA is qa.bot.ArticleQA, ask is qa.bot.ask,\n"
        "          index.FaissStore is index.store.FaissStore]"
    )
    assert loaded_after(code, tmp_path)["result"] == [True] * 4


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    import index
    import qa

    for package in (qa, index):
        with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
            package.nonexistent  # noqa: B018 - the lookup is the test


@pytest.mark.integration
def test_article_qa_ask_does_not_load_the_web_app(tmp_path: Path) -> None:
    code = (
        "import contextlib, io, json, sys\n"
        "from ui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    status = main(['ask', 'What was targeted on November 23?', '--json'])\n"
        "found = json.loads(out.getvalue())['found'] if status == 0 else None\n"
        f"result = [status, found, sorted(m for m in {NOT_FOR_ASK!r} if m in sys.modules)]"
    )
    assert loaded_after(code, tmp_path)["result"] == [0, True, []]
