"""The PostgreSQL collection storage itself: its vectors live in a PgVectorStore table,
and a collection written before they had a table of their own is moved over on opening.

What a collection does (stable ids, filters, asking) is tested through
qa.collection.DatabaseCollection on both storages, tests/qa/test_collection_database.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import numpy as np
import psycopg
import pytest

from index.collection import ArticleFilter
from index.collection.postgres import PgCollectionStorage

DIMENSIONS = 4


@pytest.fixture
def name(pg_dsn: str) -> Iterator[str]:
    name = f"old{uuid.uuid4().hex[:12]}"
    yield name
    with PgCollectionStorage(pg_dsn, name) as storage:
        storage.drop()


def old_layout(dsn: str, name: str, vectors: np.ndarray) -> None:
    """A collection as it was stored before <name>_vectors: vectors in <name>_sentences."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute(f'CREATE TABLE "{name}_meta" (key text PRIMARY KEY, value text NOT NULL)')
        conn.execute(
            f"INSERT INTO \"{name}_meta\" VALUES ('generation', '1'), ('model_id', 'm'),"
            f" ('dimensions', '{DIMENSIONS}')"
        )
        conn.execute(
            f'CREATE TABLE "{name}_articles" (id text PRIMARY KEY, title text NOT NULL,'
            " date date, source text, url text, sha256 text NOT NULL, added text NOT NULL,"
            " text text NOT NULL)"
        )
        conn.execute(
            f'CREATE TABLE "{name}_sentences" (id bigint GENERATED ALWAYS AS IDENTITY'
            f' PRIMARY KEY, article text NOT NULL REFERENCES "{name}_articles" (id)'
            " ON DELETE CASCADE, position integer NOT NULL, text text NOT NULL,"
            f' start integer NOT NULL, "end" integer NOT NULL, embedding vector({DIMENSIONS})'
            " NOT NULL)"
        )
        conn.execute(
            f"INSERT INTO \"{name}_articles\" VALUES ('a1', 'Old', '2025-01-02', NULL, NULL,"
            " 'sha', '2025-01-02T00:00:00+00:00', 'One. Two. Three.')"
        )
        for position, vector in enumerate(vectors):
            literal = "[" + ",".join(str(float(x)) for x in vector) + "]"
            conn.execute(
                f'INSERT INTO "{name}_sentences" (article, position, text, start, "end",'
                " embedding) VALUES ('a1', %s, %s, 0, 1, %s::vector)",
                (position, f"Sentence {position}.", literal),
            )


def test_vectors_of_the_old_layout_are_moved_to_their_own_table(pg_dsn: str, name: str) -> None:
    vectors = np.eye(DIMENSIONS, dtype=np.float32)[:3]
    old_layout(pg_dsn, name, vectors)
    with PgCollectionStorage(pg_dsn, name) as storage:
        ids = [sid for sid, _ in storage.stored_sentences("a1")]
        assert len(ids) == 3 and storage.generation() == 1
        store = storage.vectors()
        assert store is not None and sorted(store.ids().tolist()) == sorted(ids)
        for position, sid in enumerate(ids):
            assert storage.search(vectors[position], 1, ArticleFilter()) == [(sid, "a1")]
        dated = ArticleFilter(since="2025-01-03")
        assert storage.search(vectors[0], 3, dated) == []
        assert storage.remove_article("a1") == 3 and len(store) == 0
    with psycopg.connect(pg_dsn) as conn:
        column = conn.execute(
            "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s)"
            " AND attname = 'embedding' AND NOT attisdropped",
            (f'"{name}_sentences"',),
        ).fetchone()
    assert column is None
