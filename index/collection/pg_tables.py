"""The PostgreSQL tables of one collection (index.collection.postgres): their names, how
they are made, moved on from an older layout and dropped, and the statements that write
an article's rows and pick sentences. The vectors are the storage's, not these tables'.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import psycopg
from psycopg import sql

from index.collection.rows import ArticleFilter, ArticleWrite
from index.postgres import SETUP_LOCK

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS {meta} (key text PRIMARY KEY, value text NOT NULL)",
    "INSERT INTO {meta} VALUES ('generation', '0') ON CONFLICT (key) DO NOTHING",
    "CREATE TABLE IF NOT EXISTS {articles} ("
    " id text PRIMARY KEY, title text NOT NULL, date date, source text, url text,"
    " sha256 text NOT NULL, added text NOT NULL, text text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS {articles_by_date} ON {articles} (date)",
    "CREATE TABLE IF NOT EXISTS {sentences} ("
    " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    " article text NOT NULL REFERENCES {articles} (id) ON DELETE CASCADE,"
    ' position integer NOT NULL, text text NOT NULL, start integer NOT NULL, "end"'
    " integer NOT NULL)",
    "CREATE INDEX IF NOT EXISTS {sentences_by_article} ON {sentences} (article, position)",
]

NEW_SENTENCE_COLUMNS = ("position", "text", "start", "end")


class CollectionTables:
    """<name>_meta, <name>_articles, <name>_sentences; <name>_vectors is a PgVectorStore's
    table (`vectors_table`), made by the store."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.meta = sql.Identifier(f"{name}_meta")
        self.articles = sql.Identifier(f"{name}_articles")
        self.sentences = sql.Identifier(f"{name}_sentences")
        self.vectors_table = f"{name}_vectors"

    def create(self, conn: psycopg.Connection[Any]) -> None:
        """Make the missing tables (and the `vector` extension)."""
        # App servers starting at once must not both create the extension or a table.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        names = {
            "meta": self.meta,
            "articles": self.articles,
            "sentences": self.sentences,
            "articles_by_date": sql.Identifier(f"{self.name}_articles_by_date"),
            "sentences_by_article": sql.Identifier(f"{self.name}_sentences_by_article"),
        }
        for statement in SCHEMA:
            conn.execute(sql.SQL(statement).format(**names))

    def has_old_vectors(self, conn: psycopg.Connection[Any]) -> bool:
        """Whether sentences keep their vectors themselves, as collections written before
        <name>_vectors existed do (an `embedding` column)."""
        found = conn.execute(
            "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s)"
            " AND attname = 'embedding' AND NOT attisdropped",
            (self.sentences.as_string(conn),),
        ).fetchone()
        return found is not None

    def move_old_vectors(self, conn: psycopg.Connection[Any], copy: bool) -> None:
        """Move the sentences' own vectors into <name>_vectors (`copy`: it exists), then
        drop their column. Under the setup lock, so one server moves them."""
        if copy:
            conn.execute(
                sql.SQL(
                    "INSERT INTO {} (id, embedding) SELECT id, embedding FROM {}"
                    " ON CONFLICT (id) DO NOTHING"
                ).format(sql.Identifier(self.vectors_table), self.sentences)
            )
        conn.execute(sql.SQL("ALTER TABLE {} DROP COLUMN embedding").format(self.sentences))

    def drop(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(
            sql.SQL("DROP TABLE IF EXISTS {}, {}, {}, {}").format(
                sql.Identifier(self.vectors_table), self.sentences, self.articles, self.meta
            )
        )

    def meta_value(self, conn: psycopg.Connection[Any], key: str) -> str | None:
        query = sql.SQL("SELECT value FROM {} WHERE key = %s").format(self.meta)
        row = conn.execute(query, (key,)).fetchone()
        return str(row[0]) if row else None

    def claim_meta(self, conn: psycopg.Connection[Any], key: str, value: str) -> tuple[str, bool]:
        """The stored value of `key`, storing `value` if it has none: (value, whether it was
        stored now). The first writer wins; a concurrent one waits on its insert."""
        first = conn.execute(
            sql.SQL(
                "INSERT INTO {} VALUES (%s, %s) ON CONFLICT (key) DO NOTHING RETURNING value"
            ).format(self.meta),
            (key, value),
        ).fetchone()
        if first is not None:
            return value, True
        return self.meta_value(conn, key) or value, False

    def bump(self, conn: psycopg.Connection[Any]) -> None:
        """Count one more committed change (the generation)."""
        conn.execute(
            sql.SQL(
                "UPDATE {} SET value = (value::bigint + 1)::text WHERE key = 'generation'"
            ).format(self.meta)
        )

    def lock_article(self, conn: psycopg.Connection[Any], article_id: str) -> None:
        """Writers of one article take turns (until their transaction ends)."""
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            (f"article-qa/{self.name}/{article_id}",),
        )

    def write_rows(self, conn: psycopg.Connection[Any], write: ArticleWrite) -> list[int]:
        """Store the article and its kept and fresh sentences (not `write.removed`: see
        `delete_sentences`); the ids of the fresh ones, in their order."""
        conn.execute(
            sql.SQL(
                "INSERT INTO {} (id, title, date, source, url, sha256, added, text)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET"
                " title = EXCLUDED.title, date = EXCLUDED.date, source = EXCLUDED.source,"
                " url = EXCLUDED.url, sha256 = EXCLUDED.sha256, added = EXCLUDED.added,"
                " text = EXCLUDED.text"
            ).format(self.articles),
            (
                write.id,
                write.title,
                date.fromisoformat(write.date) if write.date else None,
                write.source,
                write.url,
                write.sha256,
                write.added,
                write.text,
            ),
        )
        if write.kept:
            with conn.cursor() as cursor:
                cursor.executemany(
                    sql.SQL(
                        'UPDATE {} SET position = %s, start = %s, "end" = %s WHERE id = %s'
                    ).format(self.sentences),
                    [(k.position, k.start, k.end, k.id) for k in write.kept],
                )
        if not write.fresh:
            return []
        columns = [[getattr(s, name) for s in write.fresh] for name in NEW_SENTENCE_COLUMNS]
        rows = conn.execute(
            sql.SQL(
                'INSERT INTO {} (article, position, text, start, "end")'
                " SELECT %s, * FROM unnest(%s::int[], %s::text[], %s::int[], %s::int[])"
                " RETURNING position, id"
            ).format(self.sentences),
            (write.id, *columns),
        ).fetchall()
        id_at = {int(position): int(key) for position, key in rows}
        return [id_at[s.position] for s in write.fresh]

    def delete_sentences(
        self, conn: psycopg.Connection[Any], *, ids: list[int] | None = None, article: str = ""
    ) -> list[int]:
        """Delete these sentences, or else all of `article`'s; the ids deleted."""
        where, arg = (
            (sql.SQL("id = ANY(%s)"), ids)
            if ids is not None
            else (sql.SQL("article = %s"), article)
        )
        query = sql.SQL("DELETE FROM {} WHERE {} RETURNING id").format(self.sentences, where)
        return [int(row[0]) for row in conn.execute(query, (arg,)).fetchall()]

    def allowed(self, conn: psycopg.Connection[Any], where: ArticleFilter) -> list[int] | None:
        """The sentence ids of the articles `where` allows; None when it allows all."""
        if where.everything:
            return None
        conditions, args = ["true"], list[Any]()
        if where.articles is not None:
            conditions.append("a.id = ANY(%s)")
            args.append(list(where.articles))
        for bound, op in ((where.since, ">="), (where.until, "<=")):
            if bound is not None:
                conditions.append(f"a.date {op} %s")
                args.append(date.fromisoformat(bound))
        query = sql.SQL(
            "SELECT s.id FROM {} AS s JOIN {} AS a ON a.id = s.article WHERE "
            + " AND ".join(conditions)
        ).format(self.sentences, self.articles)
        return [int(row[0]) for row in conn.execute(query, args).fetchall()]

    def owners(self, conn: psycopg.Connection[Any], ids: list[int]) -> dict[int, str]:
        """The article of each of these sentence ids that is still stored."""
        query = sql.SQL("SELECT id, article FROM {} WHERE id = ANY(%s)").format(self.sentences)
        return {int(i): str(a) for i, a in conn.execute(query, (ids,)).fetchall()}
