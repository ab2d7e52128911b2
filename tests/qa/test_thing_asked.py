"""A thing asked is no person (qa.thing_asked)."""

from __future__ import annotations

from qa.reading import ReadSpan
from qa.thing_asked import not_persons

TEXT = (
    "The Marisol Dawn was carrying a local pilot, Tomas Reiner, 58, who had boarded at the "
    "entrance of the strait. The firm hired salvage company Orwell Marine."
)


def _span(words: str, margin: float = 3.0) -> ReadSpan:
    start = TEXT.index(words)
    return ReadSpan(words, start, start + len(words), 0, margin)


def test_a_person_by_name_and_age_or_by_noun_is_no_thing_asked() -> None:
    asked = "What cargo was the Marisol Dawn carrying?"
    assert not_persons([_span("Tomas Reiner, 58")], asked, TEXT) == []
    assert not_persons([_span("Tomas Reiner")], asked, TEXT) == []  # the age after it
    assert not_persons([_span("a local pilot")], asked, TEXT) == []
    # A firm named after its kind in small letters is no person.
    firm = _span("salvage company Orwell Marine")
    assert not_persons([firm], "Which firm was hired?", TEXT) == [firm]


def test_a_person_asked_or_no_noun_asked_keeps_the_spans() -> None:
    reiner = [_span("Tomas Reiner, 58")]
    assert not_persons(reiner, "Which pilot was the ship carrying?", TEXT) == reiner
    assert not_persons(reiner, "What was the Marisol Dawn carrying?", TEXT) == reiner


def test_a_role_asked_is_answered_by_a_noun_for_a_person() -> None:
    # "What job does Marcus Delgado do?" / "paint shop technician" (story h03).
    text = "Marcus Delgado, 41, a paint shop technician, said the line stopped."
    start = text.index("paint shop technician")
    role = ReadSpan("paint shop technician", start, start + 21, 0, 3.0)
    assert not_persons([role], "What job does Marcus Delgado do?", text) == [role]
    assert not_persons([role], "What position does Delgado hold?", text) == [role]


def test_a_noun_ending_as_nouns_for_people_do_may_ask_a_person() -> None:
    # "Which commuter was quoted?" / "Tomasz Bielecki, 34" (story h13).
    text = "Tomasz Bielecki, 34, said the trip took an hour."
    bielecki = [ReadSpan("Tomasz Bielecki", 0, 15, 0, 3.0)]
    assert not_persons(bielecki, "Which commuter was quoted in the story?", text) == bielecki
    assert not_persons(bielecki, "Which drug was tested?", text) == []


def test_a_person_asked_by_a_noun_for_one_is_no_body() -> None:
    from qa.thing_asked import not_bodies

    # "Which company director was arrested?" / "Brightwater Import Ltd" (story h42).
    text = "Police arrested the director of Brightwater Import Ltd. He is Oskar Brannick."
    start = text.index("Brightwater")
    firm = ReadSpan("Brightwater Import Ltd", start, start + 22, 0, 7.5)
    assert not_bodies([firm], "Which company director was arrested?") == []
    assert not_bodies([firm], "Which company was named?") == [firm]
    start = text.index("Oskar")
    brannick = ReadSpan("Oskar Brannick", start, start + 14, 1, 1.0)
    assert not_bodies([brannick], "Which company director was arrested?") == [brannick]


def test_a_firm_asked_is_no_place_named_whole_or_cut_short() -> None:
    from qa.thing_asked import not_places_for_firms

    # "Which company built the rocket?" / "Saltmere" of "the Saltmere Launch Complex"
    # (story h38).
    text = "It lifted off from the Saltmere Launch Complex. It was built by Meridian Ascent."
    start = text.index("Saltmere")
    cut = ReadSpan("Saltmere", start, start + 8, 0, 1.0)
    start = text.index("Meridian")
    firm = ReadSpan("Meridian Ascent", start, start + 15, 1, 1.0)
    asked = "Which company built the rocket?"
    assert not_places_for_firms([cut, firm], asked, text) == [firm]
    assert not_places_for_firms([cut, firm], "Where did it lift off?", text) == [cut, firm]
    # Nor a place someone comes from ("Which airline did Ostler work for?", story h43).
    text = "Graham Ostler, a retired airline captain from Fennick, died."
    start = text.index("Fennick")
    town = ReadSpan("Fennick", start, start + 7, 0, 1.0)
    assert not_places_for_firms([town], "Which airline did Ostler work for?", text) == []


def test_a_surname_the_article_gives_an_age_beside_is_no_firm_asked() -> None:
    # "Which company ran the coach that crashed?" / "Helbreck" (story h47).
    text = (
        "The driver, 58-year-old Tomas Helbreck, survived. The firm said Helbreck had "
        "driven for Brennmoor Express for 19 years."
    )
    start = text.index("Helbreck had")
    helbreck = ReadSpan("Helbreck", start, start + 8, 1, 1.5)
    start = text.index("Brennmoor Express")
    firm = ReadSpan("Brennmoor Express", start, start + 17, 1, -1.9)
    asked = "Which company ran the coach that crashed?"
    assert not_persons([helbreck, firm], asked, text) == [firm]
    # Asked who, the driver stays.
    assert not_persons([helbreck], "Who was driving the coach?", text) == [helbreck]


def test_the_name_of_the_thing_asked_about_is_no_answer_about_it() -> None:
    from qa.thing_asked import not_the_thing_named

    # "Where was the strain identified?" / "H5" (story h46).
    text = "Tests at the laboratory in Callowford had identified the H5 strain on Thursday."
    start = text.index("H5")
    strain = ReadSpan("H5", start, start + 2, 0, 2.3)
    start = text.index("Callowford")
    town = ReadSpan("Callowford", start, start + 10, 0, -1.0)
    asked = "Where was the strain identified?"
    assert not_the_thing_named([strain, town], asked, text) == [town]
    # "Which strain was identified?" asks its name.
    assert not_the_thing_named([strain], "Which strain was identified?", text) == [strain]
    assert not_the_thing_named([strain], "Where was the virus identified?", text) == [strain]
    # "How much was the civil penalty?" / "$450,000" of "a $450,000 civil penalty" (h05).
    text = "The company paid a $450,000 civil penalty the following year."
    start = text.index("$450,000")
    penalty = ReadSpan("$450,000", start, start + 8, 0, 3.0)
    assert not_the_thing_named([penalty], "How much was the civil penalty?", text) == [penalty]


def test_the_thing_asked_about_is_not_who_did_it() -> None:
    from qa.thing_asked import not_the_thing_itself

    # "Who organises the festival?" / "Wexcombe Fields Festival" (story h27).
    festival = ReadSpan("Wexcombe Fields Festival", 0, 24, 0, 5.0)
    organiser = ReadSpan("Fenna Lockridge", 30, 45, 1, -1.5)
    asked = "Who organises the festival?"
    assert not_the_thing_itself([festival, organiser], asked) == [organiser]
    assert not_the_thing_itself([festival], "What was cancelled?") == [festival]
    assert not_the_thing_itself([festival], "Who organises the fair?") == [festival]
