"""Opening a collection by name: local under the data folder, or in a PostgreSQL database.

collection = open_collection("news")                  # <data folder>/collections/news
collection = open_collection("news", "postgresql://user@host/db")  # shared by servers
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from index.embedder import Embedder
from index.paths import data_dir
from qa.collection.database import DatabaseCollection
from qa.errors import ArticleQAError
from qa.reading import SpanReader

DEFAULT_COLLECTION = "default"


class InvalidCollectionName(ArticleQAError, ValueError):
    """A collection name that cannot name a folder (or tables)."""


def collection_folder(name: str) -> Path:
    """Where a named local collection lives: <data folder>/collections/<name>."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise InvalidCollectionName(f"collection name {name!r} must be a plain name like 'news'")
    return data_dir() / "collections" / name


def open_collection(
    name: str = DEFAULT_COLLECTION,
    store: str | None = None,
    *,
    embedder: Embedder | None = None,
    reader: SpanReader | bool | None = True,
    cache: Path | None = None,
    index: Literal["exact", "hnsw"] = "exact",
) -> DatabaseCollection:
    """The collection `name`: local (SQLite + FAISS under the data folder) when `store` is
    None, else in the PostgreSQL database `store` ("postgresql://user@host:port/db"), in
    tables named after the collection.

    PostgreSQL only: `cache` is where this machine keeps per-article indexes (default
    under the data folder), `index="hnsw"` searches through an HNSW index.
    """
    if not store:
        return DatabaseCollection(collection_folder(name), embedder=embedder, reader=reader)
    from index.collection.postgres import PgCollectionStorage, check_name
    from index.postgres import is_postgres_dsn

    if not is_postgres_dsn(store):
        raise ArticleQAError(
            f"store {store!r} is not a PostgreSQL URL like postgresql://user@host:5432/db"
        )
    try:
        check_name(name)
    except ArticleQAError as error:
        raise InvalidCollectionName(str(error)) from None
    storage = PgCollectionStorage(store, name, index=index, cache=cache)
    try:
        return DatabaseCollection(storage=storage, embedder=embedder, reader=reader)
    except BaseException:
        storage.close()
        raise
