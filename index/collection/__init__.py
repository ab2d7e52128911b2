"""Where a collection of many articles keeps its articles, sentences and their vectors.

- rows: the contract (CollectionStorage), the rows it reads and writes, and the search
  both storages share: the article filter picks sentence ids, a VectorStore searches them.
- sqlite: SQLite + FAISS in a local folder (collections/<name>/ under the data folder).
- postgres, pg_tables: PostgreSQL + pgvector tables that several app servers share;
  imported on demand (`from index.collection.postgres import PgCollectionStorage`), so
  a local collection never loads the database driver.

What a collection does with them (stable sentence ids, asking) is qa.collection's.
"""

from index.collection.rows import (
    ArticleFilter,
    ArticleRow,
    ArticleWrite,
    CollectionStorage,
    KeptSentence,
    ModelMismatch,
    NewSentence,
    StaleArticle,
    StoredArticle,
)
from index.collection.sqlite import SqliteCollectionStorage

__all__ = [
    "ArticleFilter",
    "ArticleRow",
    "ArticleWrite",
    "CollectionStorage",
    "KeptSentence",
    "ModelMismatch",
    "NewSentence",
    "SqliteCollectionStorage",
    "StaleArticle",
    "StoredArticle",
]
