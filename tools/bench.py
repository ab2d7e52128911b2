"""`python -m tools.bench` (or `article-qa bench` in the source checkout): build and query
vector stores at archive sizes, and say how it went.

For each corpus (synthetic, real) and size (10k, 100k, 1M by default), for each store
and tier, it prints build throughput, single-thread query p50/p95, recall@10 against
exact search and index bytes per sentence, and appends a Markdown table to
`--output` (benchmarks/RESULTS.md) with the command and the machine.

The real corpus is the int8 MiniLM vectors of every sentence in the bundled reader
training data and the eval sets, queried with their real questions. Sizes past the
real sentence count are topped up with vectors sampled around real ones (a real
vector plus Gaussian noise, renormalised, about 0.85 cosine to its source, like a
paraphrase); the output says how many are sampled. Nothing is embedded twice: the
real vectors are cached in the data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

import faiss
import numpy as np

from index.store import FaissStore
from index.tiers import RECALL_K, build_store, recall_at_k

SIZES = (10_000, 100_000, 1_000_000)
QUERIES = 1000
# pgvector rows: a database answers over a connection, so fewer queries are timed, and
# sizes stop where loading a 2-core machine's database takes minutes, not hours.
PG_MAX_SIZE = 100_000
PG_QUERIES = 200
PG_BATCH = 10_000
DIMENSIONS = 384
ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Corpus:
    """Vectors to index and queries to ask, with how many of the vectors are real.

    `tuning` is a held-out query sample (no query of `queries` in it) that the tier
    chooses its nprobe on.
    """

    name: str
    vectors: np.ndarray
    queries: np.ndarray
    real: int
    tuning: np.ndarray | None = None


@dataclass(frozen=True)
class Result:
    corpus: str
    size: int
    real: int
    store: str
    build_per_s: float
    p50_ms: float
    p95_ms: float
    recall_at_10: float
    bytes_per_sentence: float
    note: str = ""


def normalise(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def synthetic(size: int, seed: int = 0) -> Corpus:
    """Clustered unit vectors (topics), and queries drawn the same way."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(16, size // 500), DIMENSIONS))

    def draw(count: int) -> np.ndarray:
        return normalise(
            centres[rng.integers(0, len(centres), count)]
            + rng.normal(size=(count, DIMENSIONS)) * 0.8
        )

    return Corpus("synthetic", draw(size), draw(QUERIES), 0, draw(QUERIES // 2))


def real_texts() -> tuple[list[str], list[str]]:
    """Every sentence and question of the reader training data and the eval sets."""
    from index.sentences import split_sentences
    from tools.reader.squad import data_files, load_paragraphs

    sentences, questions = [], []
    for paragraph in load_paragraphs(data_files()):
        sentences += [s.text for s in paragraph.sentences]
        questions += [q.text for q in paragraph.questions]
    article = EVAL_DIR / "article.txt"
    if article.is_file():
        sentences += [line for line in article.read_text("utf-8").splitlines() if line.strip()]
    squad = EVAL_DIR / "squad2_dev_normans_rhine.json"
    if squad.is_file():
        for entry in json.loads(squad.read_text("utf-8"))["data"]:
            for paragraph in entry["paragraphs"]:
                sentences += [s.text for s in split_sentences(paragraph["context"])]
                questions += [q["question"] for q in paragraph["qas"]]
    return sentences, questions


def real_vectors(cache: Path, kind: str = "int8-fast") -> tuple[np.ndarray, np.ndarray, float]:
    """(sentence vectors, question vectors, embedding sentences/s or 0 when cached)."""
    from index.embedder import default_embedder

    cache = cache / kind
    cache.mkdir(parents=True, exist_ok=True)
    sentences_file, questions_file = cache / "sentences.npy", cache / "questions.npy"
    if sentences_file.is_file() and questions_file.is_file():
        return np.load(sentences_file), np.load(questions_file), 0.0
    sentences, questions = real_texts()
    embedder = default_embedder(kind)
    started = time.perf_counter()
    vectors = embedder.embed(sentences)
    rate = len(sentences) / (time.perf_counter() - started)
    asked = embedder.embed(questions)
    np.save(sentences_file, vectors)
    np.save(questions_file, asked)
    return vectors, asked, rate


def topped_up(vectors: np.ndarray, size: int, seed: int = 0) -> np.ndarray:
    """`size` vectors: the real ones first, then noisy copies of random real ones."""
    if size <= len(vectors):
        return vectors[:size]
    rng = np.random.default_rng(seed)
    missing = size - len(vectors)
    parts = [vectors]
    for first in range(0, missing, 100_000):
        count = min(100_000, missing - first)
        source = vectors[rng.integers(0, len(vectors), count)]
        # Per-dimension noise of 0.035 on 384 unit-vector dimensions: cosine ~0.85.
        parts.append(normalise(source + rng.normal(scale=0.035, size=source.shape)))
    return np.vstack(parts)


def nbytes_in_memory(store: FaissStore) -> int:
    """Bytes the index keeps in RAM when fully loaded (vectors, ids, list heads)."""
    writer = faiss.VectorIOWriter()
    faiss.write_index(store.index, writer)
    return int(writer.data.size())


def query_latencies(search: Callable[[np.ndarray], object], queries: np.ndarray) -> list[float]:
    """Seconds per query, one query at a time (a user's question is one query)."""
    times = []
    for row in queries:
        started = time.perf_counter()
        search(row.reshape(1, -1))
        times.append(time.perf_counter() - started)
    return times


def exact_neighbours(corpus: Corpus) -> np.ndarray:
    """The true top-k of every query: what recall is measured against."""
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    exact = faiss.IndexFlatIP(DIMENSIONS)
    exact.add(corpus.vectors)
    _, truth = exact.search(corpus.queries, RECALL_K)
    return truth


def bench_faiss(corpus: Corpus, exact_limit: int, truth: np.ndarray) -> list[Result]:
    """The tier build_store picks (and exact search, when that is not it)."""
    results = []
    for limit, label in ((exact_limit, "faiss (tier)"), (len(corpus.vectors) + 1, "faiss exact")):
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        started = time.perf_counter()
        store, tier = build_store(corpus.vectors, exact_limit=limit, queries=corpus.tuning)
        build = len(corpus.vectors) / (time.perf_counter() - started)
        faiss.omp_set_num_threads(1)  # the target: one thread per query
        times = query_latencies(partial(store.search, k=RECALL_K), corpus.queries)
        _, found = store.search(corpus.queries, RECALL_K)
        note = f"{tier.kind}" + (
            f", {tier.lists} lists, nprobe {tier.nprobe} (tuned: recall {tier.recall_at_10:.3f} on "
            f"{tier.query_sample} held-out queries)"
            if tier.kind == "ivf"
            else ""
        )
        results.append(
            Result(
                corpus.name,
                len(corpus.vectors),
                corpus.real,
                label,
                build,
                1000 * statistics.median(times),
                1000 * float(np.percentile(times, 95)),
                recall_at_k(found, truth),
                nbytes_in_memory(store) / len(corpus.vectors),
                note,
            )
        )
        if tier.kind == "flat":
            break  # the tier was exact search already
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    return results


def bench_pgvector(corpus: Corpus, dsn: str, truth: np.ndarray) -> list[Result]:
    """pgvector tables, exact (sequential scan) and HNSW, on the server at `dsn`.

    Build throughput includes the inserts (and the HNSW graph, built as rows arrive);
    queries are single questions over one connection; bytes are the table's total
    size on disk (heap, TOAST and indexes) per sentence.
    """
    import psycopg

    from index.pg_store import PgVectorStore

    results = []
    queries = corpus.queries[:PG_QUERIES]
    indexes: tuple[Literal["exact", "hnsw"], ...] = ("exact", "hnsw")
    for index in indexes:
        table = f"bench_{corpus.name}_{len(corpus.vectors)}_{index}"
        store = PgVectorStore(dsn, table, DIMENSIONS, index=index)
        try:
            store.drop()
            store = PgVectorStore(dsn, table, DIMENSIONS, index=index)
            started = time.perf_counter()
            for first in range(0, len(corpus.vectors), PG_BATCH):
                rows = corpus.vectors[first : first + PG_BATCH]
                store.add(rows, np.arange(first, first + len(rows)))
            build = len(corpus.vectors) / (time.perf_counter() - started)
            times = query_latencies(partial(store.search, k=RECALL_K), queries)
            _, found = store.search(queries, RECALL_K)
            with psycopg.connect(dsn) as conn:
                row = conn.execute("SELECT pg_total_relation_size(%s)", (table,)).fetchone()
            size = float(row[0]) if row else 0.0
            results.append(
                Result(
                    corpus.name,
                    len(corpus.vectors),
                    corpus.real,
                    f"pgvector {index}",
                    build,
                    1000 * statistics.median(times),
                    1000 * float(np.percentile(times, 95)),
                    recall_at_k(found, truth[:PG_QUERIES]),
                    size / len(corpus.vectors),
                    f"{len(queries)} queries" + (", ef_search 100" if index == "hnsw" else ""),
                )
            )
        finally:
            store.drop()
            store.close()
    return results


def markdown(results: Sequence[Result], command: str, extra: Sequence[str]) -> str:
    cpu = platform.processor() or platform.platform()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {cpu}"
    lines = [
        f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `{command}`  ",
        f"Machine: {machine}",
        "",
        *extra,
        "",
        "| corpus | sentences (real) | store | build/s | query p50 ms | p95 ms | recall@10 "
        "| bytes/sentence | note |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.corpus} | {r.size:,} ({r.real:,}) | {r.store} | {r.build_per_s:,.0f} | "
            f"{r.p50_ms:.3f} | {r.p95_ms:.3f} | {r.recall_at_10:.3f} | "
            f"{r.bytes_per_sentence:,.0f} | {r.note} |"
        )
    return "\n".join(lines) + "\n"


_server: list[Any] = []  # the throwaway PostgreSQL server, started on first use


def pg_dsn() -> str:
    """$ARTICLE_QA_PG_DSN, else a throwaway local server (tools.pg_server) for this run."""
    from tools.pg_server import DSN_ENV, LocalPostgres

    if os.environ.get(DSN_ENV):
        return os.environ[DSN_ENV]
    if not _server:
        _server.append(LocalPostgres())
        _server[0].start()
    return str(_server[0].dsn)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="article-qa bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--corpus", choices=("synthetic", "real", "both"), default="both")
    parser.add_argument(
        "--exact-limit", type=int, default=None, help="override the exact tier's limit"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--cache", type=Path, default=None, help="where real vectors are cached")
    parser.add_argument(
        "--embedder",
        choices=("int8-fast", "int8", "fp32"),
        default="int8-fast",
        help="embeds the real corpus; its bulk rate is reported (default: int8-fast)",
    )
    parser.add_argument(
        "--pg-max-size",
        type=int,
        default=PG_MAX_SIZE,
        help="pgvector rows up to this size, on a throwaway local server (0: none)",
    )
    args = parser.parse_args(argv)
    from index.paths import data_dir
    from index.tiers import EXACT_LIMIT

    exact_limit = args.exact_limit or EXACT_LIMIT
    extra: list[str] = []
    results: list[Result] = []
    real: tuple[np.ndarray, np.ndarray] | None = None
    if args.corpus in ("real", "both"):
        sentences, questions, rate = real_vectors(args.cache or data_dir() / "bench", args.embedder)
        real = (sentences, questions)
        line = (
            f"Real corpus: {len(sentences):,} sentences, {len(questions):,} questions "
            f"(MiniLM, {args.embedder} embedder)"
        )
        line += f"; embedded at {rate:,.0f} sentences/s." if rate else " (vectors from the cache)."
        extra.append(line)
        print(line, flush=True)
    for size in args.sizes:
        corpora = []
        if args.corpus in ("synthetic", "both"):
            corpora.append(synthetic(size))
        if real is not None:
            rng = np.random.default_rng(1)
            # Disjoint samples of the real questions: one measured, one to tune nprobe on.
            order = rng.permutation(len(real[1]))
            queries, tuning = real[1][order[:QUERIES]], real[1][order[QUERIES : QUERIES * 3 // 2]]
            corpora.append(
                Corpus("real", topped_up(real[0], size), queries, min(size, len(real[0])), tuning)
            )
        for corpus in corpora:
            truth = exact_neighbours(corpus)
            found = bench_faiss(corpus, exact_limit, truth)
            if len(corpus.vectors) <= args.pg_max_size:
                found += bench_pgvector(corpus, pg_dsn(), truth)
            for result in found:
                results.append(result)
                print(
                    f"{result.corpus:>9} {result.size:>9,} ({result.real:,} real) "
                    f"{result.store:<13} "
                    f"build {result.build_per_s:>9,.0f}/s  p50 {result.p50_ms:.3f} ms  "
                    f"p95 {result.p95_ms:.3f} ms  recall@10 {result.recall_at_10:.3f}  "
                    f"{result.bytes_per_sentence:,.0f} B/sentence  {result.note}",
                    flush=True,
                )
    if _server:
        _server[0].stop()
    if args.pg_max_size and any(size > args.pg_max_size for size in args.sizes):
        extra.append(f"pgvector rows only up to {args.pg_max_size:,} sentences (--pg-max-size).")
    command = "article-qa bench " + " ".join(argv if argv is not None else sys.argv[1:])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("a", encoding="utf-8") as out:
        out.write("\n" + markdown(results, command.strip(), extra))
    print(f"appended to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
