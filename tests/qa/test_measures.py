"""A length is no area (qa.measures)."""

from __future__ import annotations

from qa.measures import not_areas
from qa.reading import ReadSpan


def _span(text: str) -> ReadSpan:
    return ReadSpan(text, 0, len(text), 0, 1.0)


def test_a_length_asked_is_not_answered_by_an_area() -> None:
    spans = [_span("4.8 square kilometres"), _span("about 60 metres"), _span("61 km²")]
    assert [s.text for s in not_areas(spans, "How deep is Lake Sorna?")] == ["about 60 metres"]
    assert not_areas(spans, "How big is Lake Sorna?") == spans  # an area may answer it
    assert not_areas(spans[:1], "how far is it from the coast") == []
