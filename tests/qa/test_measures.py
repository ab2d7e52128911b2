"""A length is no area (qa.measures)."""

from __future__ import annotations

from qa.measures import not_amounts, not_areas, not_times, of_the_dimension
from qa.reading import ReadSpan


def _span(text: str) -> ReadSpan:
    return ReadSpan(text, 0, len(text), 0, 1.0)


def test_a_length_asked_is_not_answered_by_an_area() -> None:
    spans = [_span("4.8 square kilometres"), _span("about 60 metres"), _span("61 km²")]
    assert [s.text for s in not_areas(spans, "How deep is Lake Sorna?")] == ["about 60 metres"]
    assert not_areas(spans, "How big is Lake Sorna?") == spans  # an area may answer it
    assert not_areas(spans[:1], "how far is it from the coast") == []


def test_a_length_asked_is_not_answered_by_a_depth() -> None:
    text = "The lake reaches a maximum depth of 268 metres. The pier is 30 metres long."
    depth = ReadSpan("268 metres", text.index("268"), text.index("268") + 10, 0, 1.0)
    pier = ReadSpan("30 metres", text.index("30 "), text.index("30 ") + 9, 1, 1.0)
    assert of_the_dimension([depth, pier], "How long is the lake?", text) == [pier]
    assert of_the_dimension([depth, pier], "How deep is the lake?", text) == [depth]
    assert of_the_dimension([depth, pier], "How far is it?", text) == [pier]
    assert of_the_dimension([depth, pier], "How big is the lake?", text) == [depth, pier]


def test_a_distance_asked_is_not_answered_by_a_time() -> None:
    miles = _span("about 1.5 miles")
    spans = [_span("7:30 a.m"), _span("six years"), _span("on Thursday"), miles]
    assert not_times(spans, "How far from the zoo had she travelled?") == [miles]
    assert not_times(spans, "how high was the tree") == [miles]
    # "How long" may ask a time; another question asks no distance.
    assert not_times(spans, "How long had he worked there?") == spans
    assert not_times(spans, "When was she found?") == spans
    # "How far into the flight", "how far apart" may ask a time; "light-years" is a distance.
    assert not_times(spans, "How far into the flight did it tumble?") == spans
    assert not_times(spans, "How far apart were the two doses given?") == spans
    assert not_times(spans, "How far were apart the two doses given?") == spans
    # A trip may be measured in time; a speed is no time.
    assert not_times(spans, "How far is the drive?") == spans
    speed = _span("65 kilometres per hour")
    assert not_times([speed], "How high did the gusts reach?") == [speed]
    assert not_times([speed], "How far from the line did it happen?") == []  # not a length
    far = [_span("1.2 billion light-years away")]
    assert not_times(far, "How far away is the galaxy cluster?") == far


def test_a_length_a_time_or_an_age_is_not_answered_by_a_share_or_a_sum() -> None:
    years = _span("about 12 years")
    spans = [_span("30 percent"), _span("$2.6 million"), _span("18%"), years]
    assert not_amounts(spans, "How long has she been there?") == [years]
    assert not_amounts(spans, "how old is he") == [years]
    assert not_amounts(spans, "How much did it cost?") == spans  # a sum is asked
    assert not_amounts(spans, "How far did the index drop?") == spans  # a share may say


def test_a_distance_asked_is_not_answered_by_a_speed() -> None:
    spans = [_span("148 kilometres per hour"), _span("about 20 kilometres")]
    far = "How far is Cape Tolley lighthouse from the town?"
    assert [s.text for s in not_times(spans, far)] == ["about 20 kilometres"]
    # "How high did the gusts reach?" may be a speed; "How fast?" is.
    assert not_times(spans, "How high did the gusts reach?") == spans
    assert not_times(spans, "How fast was the wind?") == spans


def test_how_long_is_not_the_stretch_a_superlative_compares_over() -> None:
    from qa.measures import not_compared_over

    # "How long did the hail last?" / "more than two decades" (story h41).
    text = "Farmers face their worst harvest in more than two decades. It lasted 20 minutes."
    start = text.index("more than")
    decades = ReadSpan("more than two decades", start, start + 21, 0, 0.5)
    start = text.index("20 minutes")
    minutes = ReadSpan("20 minutes", start, start + 10, 1, -1.7)
    asked = "How long did the hail last?"
    assert not_compared_over([decades, minutes], asked, text) == [minutes]
    assert not_compared_over([decades], "When was the last harvest this bad?", text) == [decades]


def test_how_long_is_not_the_stretch_a_count_compares_over() -> None:
    from qa.measures import not_compared_over

    # "How long is the walkout scheduled to run?" / "three years" (story h48).
    text = "It is the second walkout at Harrowfield in three years. It runs 15 days."
    start = text.index("three years")
    years = ReadSpan("three years", start, start + 11, 0, 6.8)
    start = text.index("15 days")
    days = ReadSpan("15 days", start, start + 7, 1, 1.0)
    assert not_compared_over([years, days], "How long is the walkout?", text) == [days]


def test_how_long_it_lasts_is_not_answered_by_a_length() -> None:
    from qa.measures import not_lengths

    # "How long will it last?" after "What's the quarantine radius?" (story h46).
    radius = _span("10 kilometres")
    days = _span("at least 21 days")
    assert not_lengths([radius, days], "How long will the quarantine last?") == [days]
    assert not_lengths([radius], "How long did the search take?") == []
    # "How long is the road?" asks a length.
    assert not_lengths([radius], "How long is the tunnel?") == [radius]


def test_how_long_is_not_answered_by_a_clock_time() -> None:
    from qa.measures import not_lengths

    # "how long to put fire out" / "10:40 p.m." (story h45).
    clock = _span("10:40 p.m.")
    hours = _span("nearly nine hours")
    assert not_lengths([clock, hours], "how long to put fire out") == [hours]
    assert not_lengths([clock], "How long was the tunnel closed?") == []
    assert not_lengths([clock], "When did the fire start?") == [clock]
