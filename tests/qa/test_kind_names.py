"""The one name of the kind a question asks for (qa.kind_names)."""

from __future__ import annotations

import pytest

from qa.kind_names import kind_asked, names_of_kind, of_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which dam released the water?", "dam"),
        ("which dam was it", "dam"),
        ("In which river did the fish die?", "river"),
        ("What court heard the case?", "court"),
        # Names of these kinds need not say so; a person is asked by role.
        ("Which party pulled out of the coalition?", None),
        ("Which company built the dam?", None),
        ("Which court official read the verdict?", None),
        ("Which local politician visited?", None),
        ("What year was it built?", None),
        # Street names end in "Lane", "Road", "Drive" as often.
        ("On which street was his house?", None),
        ("Who built the dam?", None),
    ],
)
def test_the_kind_asked(question: str, kind: str | None) -> None:
    assert kind_asked(question) == kind


def test_the_names_of_a_kind_are_capitalised_and_end_on_it() -> None:
    texts = [
        "The Kessel Ridge Dam opened its gates on Friday.",
        "Water poured from the dam into the Tamsin River; the Kessel Ridge Dam held.",
    ]
    assert names_of_kind("dam", texts) == ["Kessel Ridge Dam"]
    assert names_of_kind("river", texts) == ["Tamsin River"]
    assert names_of_kind("court", texts) == []
    # The kind first: two lakes, so no one lake.
    lakes = ["The Seerhein joins Lake Constance to the Upper Lake."]
    assert names_of_kind("lake", lakes) == ["Lake Constance", "Upper Lake"]
    assert of_kind("dam", "the dam") and not of_kind("dam", "Tamsin Valley Power")
    # What a name is of is its own: "the Calloway Regional Museum of Art", "the
    # University of Leeds" ("University" before "of" had named nothing).
    museum = ["Thieves broke into the Calloway Regional Museum of Art in Dunmere."]
    assert names_of_kind("museum", museum) == ["Calloway Regional Museum of Art"]
    studied = ["She studied at the University of Leeds, then at Harlow University."]
    assert names_of_kind("university", studied) == ["University of Leeds", "Harlow University"]
    # A sentence's opening word is not the name's.
    opening = ["At St. Aldric's General Hospital, staff worked by torchlight."]
    assert names_of_kind("hospital", opening) == ["St. Aldric's General Hospital"]


def test_a_name_of_the_kind_may_say_it_by_another_word() -> None:
    assert of_kind("hospital", "Fenby Royal Infirmary")
    assert of_kind("mountain", "Grauspitz Peak")
    assert not of_kind("hospital", "Fenby Town Council")


def test_which_dam_is_the_one_dam_the_article_names() -> None:
    from qa.bot import ArticleQA

    text = (
        "At least nine people were killed after operators of the Kessel Ridge Dam opened "
        "all six of its spillway gates early on Saturday, sending a surge of water down the "
        "Tamsin River into villages that had received little or no warning.\n\n"
        "Rescue crews were still searching on Monday for four people missing from the "
        "village of Orrin's Ford, where water rose by almost three metres in an hour.\n\n"
        "The dam's operator, Tamsin Valley Power, said the release was unavoidable. After "
        "five days of heavy rain, the reservoir had climbed to within 40 centimetres of the "
        "dam's crest, and engineers feared the structure could be overtopped.\n\n"
        "Almeda said the company had sent a warning to the provincial emergency management "
        "office at 11:40 p.m. on Friday, roughly three hours before the gates were opened.\n"
    )
    bot = ArticleQA.from_text(text)  # the real reader answered with the utility
    assert bot.ask("Which dam released the water?").text == "Kessel Ridge Dam"
