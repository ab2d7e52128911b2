"""Whether "he" or "she" may stand for a noun phrase (qa.person_nouns)."""

from __future__ import annotations

import pytest

from qa.person_nouns import may_be_someone, names_a_role, owner_of


@pytest.mark.parametrize(
    ("phrase", "someone"),
    [
        ("the driver", True),
        ("a seismologist at the Geophysical Institute", True),
        ("the town's mayor", True),
        ("the 52-year-old", True),
        ("Dr. Amara Whitfield", True),
        ("Hezbollah", True),  # a name may be anyone
        ("Central Bank of Vestria", False),  # but not a body's
        ("Karbonia Energy Group", False),
        ("Brightwater Risk Analytics", False),  # a firm (stories h35-h38)
        ("Castellan Rovers", False),  # a club
        ("Tessaro Container Line", False),  # a shipping firm (story h41)
        ("Brannock Bulk Carriers", False),
        ("Dunmore City", False),
        ("the work", False),
        ("the new compound", False),
        ("Tomás Reyes’s role on the team", False),
        ("the people", False),
        # A thing with its title beside it is the thing; a role with a name, the person.
        ("a textbook, Principles of Mineral Analysis", False),
        ("the harbour master, Ilse Varga", True),
        ("Idris al-Manouri", True),  # a surname on a small joining word
        ("Commander Ilsa Varnow, 52", True),  # the age after the name (story h48)
        ("Royal Infirmary", False),  # a hospital ("she" after it: story h21)
        ("Varosk Coastguard", False),
        ("Corvane Security", False),  # a firm ("she" after it: story h30)
        ("Wexcombe Fields Festival", False),  # story h27
        ("the report, 1998", False),
        ("", False),
    ],
)
def test_someone_is_a_name_or_a_noun_for_a_person(phrase: str, someone: bool) -> None:
    assert may_be_someone(phrase) is someone


def test_the_owner_of_what_is_no_one() -> None:
    assert owner_of("Tomás Reyes’s role on the team") == "Tomás Reyes"
    assert owner_of("Dr. Amara Whitfield’s job") == "Dr. Amara Whitfield"
    assert owner_of("the work") is None


def test_a_role_in_the_plural_is_a_role() -> None:
    assert names_a_role("Harbourside's owners")
    assert names_a_role("the owner")
    assert not names_a_role("the business")  # "-ss" is no plural
    assert not names_a_role("the talks")
