"""Collections of articles: what the chat has loaded, and many articles searched at once.

One concept, two kinds by where the articles are kept (qa.collection.entries.Collection):

- folders: FolderCollection, the chat's articles, a folder each (the bundled one and
  uploads), each answered on its own.
- database: DatabaseCollection, many dated articles in SQLite + FAISS or PostgreSQL
  (index.collection), added from files and feeds with stable sentence ids, and asked
  as a whole (answering, changes); opening: open a named one.
- view: a whole DatabaseCollection as one more entry of the chat (ServedCollection).
"""

from qa.collection.answering import check_day
from qa.collection.changes import Added
from qa.collection.database import DatabaseCollection
from qa.collection.entries import Answerer, ArticleEntry, Collection, UnknownArticle
from qa.collection.folders import BUNDLED_ID, FolderCollection, Progress
from qa.collection.opening import (
    DEFAULT_COLLECTION,
    InvalidCollectionName,
    collection_folder,
    open_collection,
)
from qa.collection.view import ServedCollection, WholeCollection

__all__ = [
    "BUNDLED_ID",
    "DEFAULT_COLLECTION",
    "Added",
    "Answerer",
    "ArticleEntry",
    "Collection",
    "DatabaseCollection",
    "FolderCollection",
    "InvalidCollectionName",
    "Progress",
    "ServedCollection",
    "UnknownArticle",
    "WholeCollection",
    "check_day",
    "collection_folder",
    "open_collection",
]
