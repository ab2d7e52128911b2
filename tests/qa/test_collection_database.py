"""Database collections: many articles in one database, stable sentence ids, filters,
resumable adds.

The behavioural tests run against both storages: SQLite + FAISS in a temp folder, and
PostgreSQL + pgvector (a fresh collection, i.e. fresh tables, on the session's server).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from index.collection.postgres import PgCollectionStorage
from qa.collection import DatabaseCollection, UnknownArticle, open_collection
from qa.errors import ArticleQAError
from qa.ingest import ArticleRecord, Skipped, count_inputs, read_articles, stable_id

HARBOUR = (
    "Harbour reopens after storm\n\n"
    "The city harbour reopened on Monday after the storm. "
    "Ferries to the islands resumed at noon. "
    "The harbour master said the pier was repaired by divers."
)
MUSEUM = (
    "Museum buys a painting\n\n"
    "The national museum bought a landscape painting by Turner. "
    "It paid four million pounds for the work. "
    "The painting will hang in the east gallery."
)
ELECTION = (
    "Mayor re-elected\n\n"
    "The mayor won a third term with sixty percent of the vote. "
    "Turnout was lower than in the last election."
)
EDITED_MUSEUM = (
    MUSEUM.replace("It paid four million pounds", "It paid five million pounds")
    + " Visitors can see it from March."
)

Opener = Callable[..., DatabaseCollection]  # another on the same collection: open(embedder=...)


def record(key: str, text: str, day: str | None = None, source: str = "Daily") -> ArticleRecord:
    return ArticleRecord(stable_id(key), text, text.splitlines()[0], day, source)


def fresh_name() -> str:
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture(params=["sqlite", "postgres"])
def opener(request: pytest.FixtureRequest, tmp_path: Path, fake_embedder: Any) -> Iterator[Opener]:
    """Opens (another DatabaseCollection on) one empty collection, in SQLite or in PostgreSQL."""
    opened: list[DatabaseCollection] = []
    name = fresh_name()

    def open_(**options: Any) -> DatabaseCollection:
        options = {"embedder": fake_embedder, "reader": False, **options}
        if request.param == "sqlite":
            collection = DatabaseCollection(tmp_path / name, **options)
        else:
            dsn = request.getfixturevalue("pg_dsn")
            collection = open_collection(name, dsn, cache=tmp_path / "cache", **options)
        opened.append(collection)
        return collection

    yield open_
    for collection in opened:
        collection.close()
    if request.param == "postgres":
        storage = PgCollectionStorage(request.getfixturevalue("pg_dsn"), name)
        storage.drop()
        storage.close()


@pytest.fixture
def collection(opener: Opener) -> DatabaseCollection:
    collection = opener()
    collection.add_many(
        [
            record("harbour", HARBOUR, "2025-11-20"),
            record("museum", MUSEUM, "2025-11-22", "Gazette"),
            record("election", ELECTION),
        ]
    )
    return collection


def test_articles_are_listed_with_their_metadata(collection: DatabaseCollection) -> None:
    listed = {a.title: a for a in collection.articles()}
    assert set(listed) == {
        "Harbour reopens after storm",
        "Museum buys a painting",
        "Mayor re-elected",
    }
    museum = listed["Museum buys a painting"]
    assert (museum.date, museum.source, museum.sentences) == ("2025-11-22", "Gazette", 4)
    assert listed["Mayor re-elected"].date is None


def test_ask_cites_the_article_and_the_sentence(collection: DatabaseCollection) -> None:
    answer = collection.ask("How much was paid by the museum for the work?")
    top = answer.evidence[0]
    assert top.article == "Museum buys a painting" and top.article_date == "2025-11-22"
    assert top.source == "Gazette" and top.article_id == stable_id("museum")
    assert any("four million pounds" in e.text for e in answer.evidence)
    for cited in answer.evidence:  # each citation resolves back through its stable id
        assert cited.sentence_id is not None
        assert collection.sentence(cited.sentence_id) == (
            cited.article_id,
            cited.position,
            cited.text,
        )


def test_tell_me_more_and_where_does_it_say_that_stay_in_the_last_answers_article(
    collection: DatabaseCollection,
) -> None:
    question = "How much was paid by the museum for the work?"
    answer = collection.ask(question)
    assert answer.evidence[0].position == 2  # "It paid four million pounds ..." (title is 0)
    history = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer.text, "answer": answer.to_dict()},
    ]
    more = collection.ask("Tell me more", history)
    # Its words match no article better than another; the museum's next sentence follows.
    assert more.found and more.text == "The painting will hang in the east gallery."
    assert more.evidence[0].article_id == stable_id("museum")
    history += [
        {"role": "user", "content": "Tell me more"},
        {"role": "assistant", "content": more.text, "answer": more.to_dict()},
    ]
    source = collection.ask("where does it say that?", history)  # the last answer's own
    assert source.found and source.text == more.text
    assert source.evidence[0].article_id == stable_id("museum")


def test_when_was_that_dates_the_last_answer_in_its_own_article(
    collection: DatabaseCollection,
) -> None:
    question = "Who repaired the pier?"
    answer = collection.ask(question)
    assert answer.evidence[0].article_id == stable_id("harbour")
    history = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer.text, "answer": answer.to_dict()},
    ]
    # The divers' sentence states no day; "on Monday" two sentences before it does.
    when = collection.ask("When was that?", history)
    assert when.found and when.text == "Monday"
    assert when.evidence[0].article_id == stable_id("harbour")
    assert "reopened on Monday" in when.evidence[0].text


def test_filters_by_article_and_date(collection: DatabaseCollection) -> None:
    question = "When did the ferries resume?"
    assert collection.ask(question).evidence[0].article == "Harbour reopens after storm"
    only_museum = collection.ask(question, articles=[stable_id("museum")])
    assert {e.article for e in only_museum.evidence} == {"Museum buys a painting"}
    late = collection.ask(question, since="2025-11-21")
    assert {e.article_date for e in late.evidence} == {"2025-11-22"}
    nothing = collection.ask(question, until="2025-01-01")
    assert not nothing.found and nothing.evidence == []
    assert nothing.reading == "no article in the collection matches the filters"
    with pytest.raises(ArticleQAError, match="date '22/11' is not YYYY-MM-DD"):
        collection.ask(question, since="22/11")


def test_readding_a_changed_article_keeps_unchanged_sentence_ids(
    collection: DatabaseCollection,
) -> None:
    museum = stable_id("museum")
    before = collection.sentence_ids(museum)
    edited = EDITED_MUSEUM
    result = collection.add(record("museum", edited, "2025-11-22", "Gazette"))
    after = collection.sentence_ids(museum)
    assert (result.outcome, result.embedded, result.kept, result.removed) == ("updated", 2, 3, 1)
    assert after[:2] == before[:2] and after[3] == before[3]  # headline, first, last kept
    assert after[2] not in before  # the edited sentence is new
    assert collection.sentence(after[2])[2] == "It paid five million pounds for the work."
    again = collection.add(record("museum", edited, "2025-11-22", "Gazette"))
    assert again.outcome == "unchanged" and collection.sentence_ids(museum) == after


def test_remove_removes_exactly_that_article(collection: DatabaseCollection) -> None:
    harbour = stable_id("harbour")
    gone = collection.sentence_ids(harbour)
    others = {a.id: collection.sentence_ids(a.id) for a in collection.articles() if a.id != harbour}
    assert collection.remove(harbour) == len(gone) == 4
    assert {a.id for a in collection.articles()} == set(others)
    assert {a: collection.sentence_ids(a) for a in others} == others
    assert collection.sentence_count() == sum(len(ids) for ids in others.values())
    with pytest.raises(UnknownArticle, match="no article"):
        collection.remove(harbour)


def test_remove_drops_the_articles_cached_sentence_index(collection: DatabaseCollection) -> None:
    harbour = stable_id("harbour")
    collection.ask("When did the ferries resume?", articles=[harbour])  # builds its index
    cached = collection.folder / "indexes" / harbour
    assert cached.is_dir()
    collection.remove(harbour)
    assert not cached.exists()
    assert (collection.folder / "indexes" / stable_id("museum")).parent.is_dir()


def test_citation_dates_are_grounded_on_the_stored_article_date(
    collection: DatabaseCollection,
) -> None:
    # No dateline and no year in the text: only the stored date gives "November 23" its year.
    text = "Bridge closes\n\nOn November 23 the old bridge was closed to lorries."
    collection.add(record("bridge", text, "2025-11-24"))
    answer = collection.ask("When was the bridge closed?", articles=[stable_id("bridge")])
    assert answer.evidence[0].dates == ["2025-11-23"]


def test_another_instance_on_the_collection_sees_its_changes(
    collection: DatabaseCollection, opener: Opener
) -> None:
    other = opener()
    other.add(
        record("late", "Late news\n\nA late article about the harbour ferries.", "2025-11-23")
    )
    assert collection.sentence_count() == 11 + 2  # sees the other process's article
    assert collection.ask("late harbour ferries", since="2025-11-23").evidence[0].article == (
        "Late news"
    )


def test_faiss_index_is_rebuilt_from_stored_vectors_after_a_change_elsewhere(
    tmp_path: Path, fake_embedder: Any
) -> None:
    collection = DatabaseCollection(tmp_path / "news", embedder=fake_embedder, reader=False)
    collection.add_many([record("harbour", HARBOUR, "2025-11-20"), record("museum", MUSEUM)])
    assert len(collection.refresh_index()) == 8
    other = DatabaseCollection(tmp_path / "news", embedder=fake_embedder, reader=False)
    other.add(
        record("late", "Late news\n\nA late article about the harbour ferries.", "2025-11-23")
    )
    assert len(collection.refresh_index()) == 8 + 2  # rebuilt: the generation moved on
    assert collection.tier().kind == "flat" and collection.tier().vectors == 10


def test_a_collection_keeps_one_model(collection: DatabaseCollection, opener: Opener) -> None:
    class OtherModel:
        model_id = "someone/else"
        dimensions = 64

        def embed(self, texts):  # type: ignore[no-untyped-def]
            raise AssertionError("must not embed")

    with pytest.raises(ArticleQAError, match="was built with fake/hashed-bag-of-words"):
        opener(embedder=OtherModel())


def test_a_writer_that_changed_the_article_meanwhile_is_diffed_against(
    opener: Opener, fake_embedder: Any
) -> None:
    """Another writer commits the article while this one embeds: no duplicate sentences."""
    other = opener()
    museum = stable_id("museum")

    class Interfering:
        model_id, dimensions = fake_embedder.model_id, fake_embedder.dimensions
        interfered = False

        def embed(self, texts):  # type: ignore[no-untyped-def]
            if not self.interfered:
                self.interfered = True
                other.add(record("museum", MUSEUM, "2025-11-22", "Gazette"))
            return fake_embedder.embed(texts)

    collection = opener(embedder=Interfering())
    result = collection.add(record("museum", EDITED_MUSEUM, "2025-11-22", "Gazette"))
    assert (result.outcome, result.kept, result.removed) == ("updated", 3, 1)
    ids = collection.sentence_ids(museum)
    assert len(ids) == len(set(ids)) == 5 == collection.sentence_count()
    assert [collection.sentence(i)[1] for i in ids] == [0, 1, 2, 3, 4]
    assert other.sentence_ids(museum) == ids


def test_concurrent_adds_of_one_article_store_it_once(opener: Opener) -> None:
    servers = [opener() for _ in range(3)]
    results: list[str] = []

    def add(collection: DatabaseCollection) -> None:
        results.append(collection.add(record("museum", MUSEUM, "2025-11-22")).outcome)

    threads = [threading.Thread(target=add, args=(server,)) for server in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["added", "unchanged", "unchanged"]
    assert servers[0].sentence_count() == 4
    assert [a.id for a in servers[1].articles()] == [stable_id("museum")]


def test_two_app_servers_share_a_postgres_collection(
    pg_dsn: str, tmp_path: Path, fake_embedder: Any
) -> None:
    """Two DatabaseCollections on one PostgreSQL collection, each with its own local cache."""
    name = fresh_name()
    options: dict[str, Any] = {"embedder": fake_embedder, "reader": False}
    one = open_collection(name, pg_dsn, cache=tmp_path / "one", **options)
    two = open_collection(name, pg_dsn, cache=tmp_path / "two", **options)
    elsewhere = open_collection(fresh_name(), pg_dsn, cache=tmp_path / "three", **options)
    harbour, museum = stable_id("harbour"), stable_id("museum")
    question = "How much was paid by the museum for the work?"
    try:
        one.add(record("harbour", HARBOUR, "2025-11-20"))
        two.add(record("museum", MUSEUM, "2025-11-22", "Gazette"))
        titles = {"Harbour reopens after storm", "Museum buys a painting"}
        assert {a.title for a in one.articles()} == titles == {a.title for a in two.articles()}
        assert elsewhere.articles() == []  # another collection in the same database
        assert two.ask("When did the ferries resume?").evidence[0].article_id == harbour

        before = one.sentence_ids(museum)
        assert any("four million" in e.text for e in one.ask(question).evidence)
        edited = two.add(record("museum", EDITED_MUSEUM, "2025-11-22", "Gazette"))
        assert (edited.outcome, edited.kept, edited.embedded) == ("updated", 3, 2)
        after = one.sentence_ids(museum)
        assert after[:2] == before[:2] and after[3] == before[3] and after[2] not in before
        assert one.sentence(after[2]) == (museum, 2, "It paid five million pounds for the work.")
        answer = one.ask(question)  # one's cached pipeline for the museum is out of date
        assert any("five million" in e.text for e in answer.evidence)
        assert {e.sentence_id for e in answer.evidence} <= set(after)
        assert one.add(record("museum", EDITED_MUSEUM, "2025-11-22")).outcome == "unchanged"
        assert two.sentence_ids(museum) == after

        assert one.remove(harbour) == 4
        assert [a.id for a in two.articles()] == [museum]
        with pytest.raises(UnknownArticle, match="no article"):
            two.remove(harbour)
        assert two.ask("When did the ferries resume?").evidence[0].article_id == museum
        # Per-article indexes are each server's own cache.
        assert (tmp_path / "one" / "indexes" / museum).is_dir()
        assert (tmp_path / "two" / "indexes" / harbour).is_dir()
        with pytest.raises(ArticleQAError, match="no FAISS index"):
            one.refresh_index()
    finally:
        for collection in (one, two, elsewhere):
            collection.close()
        for collection in (name, elsewhere.name):
            with PgCollectionStorage(pg_dsn, collection) as storage:
                storage.drop()


def test_postgres_hnsw_search_keeps_the_filters(
    pg_dsn: str, tmp_path: Path, fake_embedder: Any
) -> None:
    name = fresh_name()
    collection = open_collection(
        name, pg_dsn, embedder=fake_embedder, reader=False, cache=tmp_path, index="hnsw"
    )
    try:
        collection.add_many(
            [
                record("harbour", HARBOUR, "2025-11-20"),
                record("museum", MUSEUM, "2025-11-22", "Gazette"),
                record("election", ELECTION),
            ]
        )
        question = "When did the ferries resume?"
        assert collection.ask(question).evidence[0].article == "Harbour reopens after storm"
        only = collection.ask(question, articles=[stable_id("election")])
        assert {e.article for e in only.evidence} == {"Mayor re-elected"}
        assert {e.article_date for e in collection.ask(question, since="2025-11-21").evidence} == {
            "2025-11-22"
        }
        with psycopg.connect(pg_dsn) as conn:
            indexes = conn.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s", (f"{name}_vectors",)
            ).fetchall()
        assert any("hnsw" in row[0] and "vector_ip_ops" in row[0] for row in indexes)
    finally:
        collection.close()
        with PgCollectionStorage(pg_dsn, name) as storage:
            storage.drop()


def test_ingest_reads_folders_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HARBOUR)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Museum\n\n" + MUSEUM)
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")  # not an article type: ignored
    lines = [
        {"text": ELECTION, "title": "Mayor", "date": "2025-11-21", "source": "Wire", "url": "u1"},
        {"text": ""},
        {"text": MUSEUM, "date": "21 Nov"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    assert count_inputs([tmp_path]) == 6
    items = list(read_articles([tmp_path, tmp_path / "missing"]))
    records = [i for i in items if isinstance(i, ArticleRecord)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [r.title for r in records] == ["Harbour reopens after storm", "Mayor", "Museum"]
    mayor = records[1]
    assert (mayor.date, mayor.source, mayor.url, mayor.id) == (
        "2025-11-21",
        "Wire",
        "u1",
        stable_id("u1"),
    )
    reasons = sorted(s.reason for s in skipped)
    assert any("no 'text'" in r for r in reasons)
    assert any("date '21 Nov' is not YYYY-MM-DD" in r for r in reasons)
    assert any("not JSON" in r for r in reasons)
    assert any("no such file or folder" in r for r in reasons)
    # Ids are stable: reading again gives the same ids.
    again = [i.id for i in read_articles([tmp_path]) if isinstance(i, ArticleRecord)]
    assert again == [r.id for r in records]


BRIDGE = (
    "Bridge opens to traffic\n\n"
    "The new river bridge opened on November 24. "
    "Work on it began on March 3, 2024, after years of delays."
)


def test_a_timeline_merges_every_articles_dates_in_calendar_order(
    collection: DatabaseCollection,
) -> None:
    collection.add_many([record("bridge", BRIDGE, "2025-11-25")])
    answer = collection.ask("give me a timeline")
    assert answer.found and answer.confident
    lines = answer.text.split("; ")
    assert [line.split(":")[0] for line in lines] == [
        "March 3, 2024",
        "November 17, 2025",  # "on Monday" in the harbour story of November 20
        "November 24, 2025",
    ]
    assert lines[1].endswith("(Harbour reopens after storm)")
    assert [e.article_id for e in answer.evidence] == [
        stable_id("bridge"),
        stable_id("harbour"),
        stable_id("bridge"),
    ]
    for cited in answer.evidence:  # each citation resolves back through its stable id
        assert cited.sentence_id is not None
        assert collection.sentence(cited.sentence_id)[2] == cited.text
    # The filters hold: only the harbour story, or only articles dated from November 21.
    harbour = collection.ask("give me a timeline", articles=[stable_id("harbour")])
    assert {e.article_id for e in harbour.evidence} == {stable_id("harbour")}
    later = collection.ask("give me a timeline", since="2025-11-21")
    assert {e.article_id for e in later.evidence} == {stable_id("bridge")}
    undated = collection.ask("give me a timeline", articles=[stable_id("election")])
    assert not undated.found


def test_a_filter_allows_what_a_search_would_return() -> None:
    from index.collection import ArticleFilter

    dated = ArticleFilter(since="2025-11-21", until="2025-11-30")
    assert dated.allows("a", "2025-11-21") and dated.allows("a", "2025-11-30")
    assert not dated.allows("a", "2025-11-20") and not dated.allows("a", None)
    assert ArticleFilter(articles=("a",)).allows("a", None)
    assert not ArticleFilter(articles=("a",)).allows("b", "2025-11-25")
    assert ArticleFilter().allows("b", None)
