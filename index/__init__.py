"""Turn article text into searchable sentences, and keep them: splitting, embedding, vector
stores (FAISS, pgvector), and all storage: the data folder (paths), saved indexes
(persist), the chat's article folders, collections of many articles (collection) and the
one PostgreSQL connection module (postgres). Imports neither qa nor ui."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.lazy import lazy_attributes

if TYPE_CHECKING:
    from index.embedder import Embedder, MiniLMEmbedder, default_embedder
    from index.onnx_embedder import OnnxMiniLMEmbedder
    from index.persist import StaleIndex, load_index, open_index, save_index
    from index.sentence_index import SentenceIndex, article_checksum
    from index.sentences import Sentence, split_sentences
    from index.store import FaissStore, VectorStore

# Each name's module, imported on first use: importing any submodule (index.errors for
# the CLI's error type, say) must not pull in FAISS, numpy or onnxruntime.
_LAZY = {
    "Embedder": "index.embedder",
    "FaissStore": "index.store",
    "MiniLMEmbedder": "index.embedder",
    "OnnxMiniLMEmbedder": "index.onnx_embedder",
    "Sentence": "index.sentences",
    "SentenceIndex": "index.sentence_index",
    "StaleIndex": "index.persist",
    "VectorStore": "index.store",
    "article_checksum": "index.sentence_index",
    "default_embedder": "index.embedder",
    "load_index": "index.persist",
    "open_index": "index.persist",
    "save_index": "index.persist",
    "split_sentences": "index.sentences",
}
__all__ = [
    "Embedder",
    "FaissStore",
    "MiniLMEmbedder",
    "OnnxMiniLMEmbedder",
    "Sentence",
    "SentenceIndex",
    "StaleIndex",
    "VectorStore",
    "article_checksum",
    "default_embedder",
    "load_index",
    "open_index",
    "save_index",
    "split_sentences",
]


__getattr__ = lazy_attributes("index", _LAZY, globals())
