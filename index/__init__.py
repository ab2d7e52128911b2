"""Turn article text into searchable sentences, and keep them: splitting, embedding, vector
stores (FAISS, pgvector), and all storage: the data folder (paths), saved indexes
(persist), the chat's article folders, collections of many articles (collection) and the
one PostgreSQL connection module (postgres). Imports neither qa nor ui."""

from index.embedder import Embedder, MiniLMEmbedder, default_embedder
from index.onnx_embedder import OnnxMiniLMEmbedder
from index.persist import StaleIndex, load_index, open_index, save_index
from index.sentence_index import SentenceIndex, article_checksum
from index.sentences import Sentence, split_sentences
from index.store import FaissStore, VectorStore

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
