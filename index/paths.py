"""Where everything is saved: the data folder, which the user can set.

Layout under the data folder::

    indexes/bundled/         the bundled article's saved index (index.persist)
    articles/<id>/           the chat's articles, a folder each (index.article_folders)
    collections/<name>/      local collections, SQLite + FAISS (index.collection.sqlite)
    cache/collections/...    this machine's per-article indexes of PostgreSQL collections
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "ARTICLE_QA_DATA_DIR"


def data_dir() -> Path:
    """$ARTICLE_QA_DATA_DIR, else the platform's user data folder for article-qa."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else Path(platformdirs.user_data_dir("article-qa"))


def bundled_index_dir() -> Path:
    """The saved index of the bundled article."""
    return data_dir() / "indexes" / "bundled"
