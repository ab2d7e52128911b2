"""Collections: many articles in one archive, stable sentence ids, filters, resumable adds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.archive import Archive, UnknownCollectionArticle
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


def record(key: str, text: str, day: str | None = None, source: str = "Daily") -> ArticleRecord:
    return ArticleRecord(stable_id(key), text, text.splitlines()[0], day, source)


@pytest.fixture
def archive(tmp_path: Path, fake_embedder) -> Archive:  # type: ignore[no-untyped-def]
    archive = Archive(tmp_path / "news", embedder=fake_embedder, reader=False)
    archive.add_many(
        [
            record("harbour", HARBOUR, "2025-11-20"),
            record("museum", MUSEUM, "2025-11-22", "Gazette"),
            record("election", ELECTION),
        ]
    )
    return archive


def test_articles_are_listed_with_their_metadata(archive: Archive) -> None:
    listed = {a.title: a for a in archive.articles()}
    assert set(listed) == {
        "Harbour reopens after storm",
        "Museum buys a painting",
        "Mayor re-elected",
    }
    museum = listed["Museum buys a painting"]
    assert (museum.date, museum.source, museum.sentences) == ("2025-11-22", "Gazette", 4)
    assert listed["Mayor re-elected"].date is None


def test_ask_cites_the_article_and_the_sentence(archive: Archive) -> None:
    answer = archive.ask("How much was paid by the museum for the work?")
    top = answer.evidence[0]
    assert top.article == "Museum buys a painting" and top.article_date == "2025-11-22"
    assert top.source == "Gazette" and top.article_id == stable_id("museum")
    assert any("four million pounds" in e.text for e in answer.evidence)
    for cited in answer.evidence:  # each citation resolves back through its stable id
        assert cited.sentence_id is not None
        assert archive.sentence(cited.sentence_id) == (cited.article_id, cited.position, cited.text)


def test_filters_by_article_and_date(archive: Archive) -> None:
    question = "When did the ferries resume?"
    assert archive.ask(question).evidence[0].article == "Harbour reopens after storm"
    only_museum = archive.ask(question, articles=[stable_id("museum")])
    assert {e.article for e in only_museum.evidence} == {"Museum buys a painting"}
    late = archive.ask(question, since="2025-11-21")
    assert {e.article_date for e in late.evidence} == {"2025-11-22"}
    nothing = archive.ask(question, until="2025-01-01")
    assert not nothing.found and nothing.evidence == []
    assert nothing.reading == "no article in the collection matches the filters"
    with pytest.raises(ArticleQAError, match="date '22/11' is not YYYY-MM-DD"):
        archive.ask(question, since="22/11")


def test_readding_a_changed_article_keeps_unchanged_sentence_ids(archive: Archive) -> None:
    museum = stable_id("museum")
    before = archive.sentence_ids(museum)
    edited = MUSEUM.replace("It paid four million pounds", "It paid five million pounds")
    edited += " Visitors can see it from March."
    result = archive.add(record("museum", edited, "2025-11-22", "Gazette"))
    after = archive.sentence_ids(museum)
    assert (result.outcome, result.embedded, result.kept, result.removed) == ("updated", 2, 3, 1)
    assert after[:2] == before[:2] and after[3] == before[3]  # headline, first, last kept
    assert after[2] not in before  # the edited sentence is new
    assert archive.sentence(after[2])[2] == "It paid five million pounds for the work."
    again = archive.add(record("museum", edited, "2025-11-22", "Gazette"))
    assert again.outcome == "unchanged" and archive.sentence_ids(museum) == after


def test_remove_removes_exactly_that_article(archive: Archive) -> None:
    harbour = stable_id("harbour")
    gone = archive.sentence_ids(harbour)
    others = {a.id: archive.sentence_ids(a.id) for a in archive.articles() if a.id != harbour}
    assert archive.remove(harbour) == len(gone) == 4
    assert {a.id for a in archive.articles()} == set(others)
    assert {a: archive.sentence_ids(a) for a in others} == others
    assert len(archive.refresh_index()) == sum(len(ids) for ids in others.values())
    with pytest.raises(UnknownCollectionArticle, match="no article"):
        archive.remove(harbour)


def test_index_is_rebuilt_from_stored_vectors_after_a_change_elsewhere(
    archive: Archive, tmp_path: Path, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    other = Archive(tmp_path / "news", embedder=fake_embedder, reader=False)
    other.add(
        record("late", "Late news\n\nA late article about the harbour ferries.", "2025-11-23")
    )
    assert len(archive.refresh_index()) == 11 + 2  # sees the other process's article
    assert archive.tier().kind == "flat" and archive.tier().vectors == 13


def test_a_collection_keeps_one_model(archive: Archive, tmp_path: Path) -> None:
    class OtherModel:
        model_id = "someone/else"
        dimensions = 64

        def embed(self, texts):  # type: ignore[no-untyped-def]
            raise AssertionError("must not embed")

    with pytest.raises(ArticleQAError, match="was built with fake/hashed-bag-of-words"):
        Archive(tmp_path / "news", embedder=OtherModel())


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
