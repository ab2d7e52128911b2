"""The role asked and who holds it, over an article's sentences (qa.role_holder)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa import ArticleQA
from qa.apposition import role_asked
from qa.calibration import Calibration
from qa.reading import ReadSpan
from qa.role_holder import (
    holder,
    holds_another,
    names_beside,
    naming,
    owns_the_role,
    someone_for_the_role,
)
from tests.conftest import FakeEmbedder
from tests.qa.test_reading import PhraseReader

RECALL = split_sentences(
    "Aster's chief executive, Laura Brennan, said quality was the first priority.\n"
    "“We apologise,” Aster spokeswoman Dana Whitfield said in a statement.\n"
    "Priya Raman, Veridian's chief executive, said the deal was fair.\n"
)


def test_naming_finds_the_roles_noun_in_any_form() -> None:
    # "spokesperson" asked, "spokeswoman" written
    assert [s.position for s in naming("the spokesperson of Aster", RECALL)] == [1]
    assert [s.position for s in naming("the chief executive", RECALL)] == [0, 2]
    assert naming("the referee", RECALL) == []


def test_names_beside_needs_a_name_set_beside_the_role() -> None:
    sentences = split_sentences("The referee was criticised.\nThe referee, Paul Hendry, left.\n")
    assert [s.position for s in names_beside("the referee", sentences)] == [1]


def test_holder_finds_the_name_in_the_articles_wording() -> None:
    found = holder("the spokesperson of Aster", RECALL)
    assert found is not None
    assert found.role == "the spokeswoman of Aster"
    start, end = found.locate(RECALL[1].text) or (0, 0)
    assert RECALL[1].text[start:end] == "Dana Whitfield"
    assert holder("the referee", RECALL) is None


def test_an_answer_holding_another_role_is_told_apart() -> None:
    brennan = RECALL[0].text.index("Laura Brennan")
    span = (brennan, brennan + len("Laura Brennan"))
    # Aster's spokesperson is named elsewhere: Brennan, its chief executive, is not her.
    assert holds_another("the spokesperson of Aster", RECALL, RECALL[0], *span)
    assert not holds_another("the chief executive of Aster", RECALL, RECALL[0], *span)
    raman = RECALL[2].text.index("Priya Raman")
    span = (raman, raman + len("Priya Raman"))
    assert holds_another("the chief executive of Solvik", RECALL, RECALL[2], *span)
    # No spokesperson named anywhere: the chief executive is still not the spokesperson
    # (stories h01-h32 asked such roles of no one eight times and got the other holder).
    alone = split_sentences("Aster's chief executive, Laura Brennan, spoke.\n")
    brennan = alone[0].text.index("Laura Brennan")
    span = (brennan, brennan + len("Laura Brennan"))
    assert holds_another("the spokesperson of Aster", alone, alone[0], *span)
    # But the same kind of role worded otherwise is no other ("the head of hydrology"
    # for the hydrology chief), nor a rank in capitals ("Assistant Attorney General").
    head = split_sentences("Marek Lindqvist, Ardenvale's head of hydrology, spoke.\n")
    span = (0, len("Marek Lindqvist"))
    assert not holds_another("the hydrology chief of Ardenvale", head, head[0], *span)
    rank = split_sentences("Assistant Attorney General Rachel Lindqvist told the court.\n")
    start = rank[0].text.index("Rachel")
    span = (start, start + len("Rachel Lindqvist"))
    assert not holds_another("the prosecutor", rank, rank[0], *span)


def test_the_holder_is_named_in_full_where_the_article_does() -> None:
    sentences = split_sentences(
        "Judge Ostrava said the ledger proved it.\nJudge Mirela Ostrava of the court fined him.\n"
    )
    found = holder("the judge", sentences)
    assert found is not None
    assert found.locate(sentences[0].text) is None  # the surname alone: passed over
    start, end = found.locate(sentences[1].text) or (0, 0)
    assert sentences[1].text[start:end] == "Mirela Ostrava"


def test_a_role_at_a_place_or_work_falls_back_to_the_role() -> None:
    sentences = split_sentences(
        "Seraphine-2 reached the asteroid on Monday.\n"
        "“We are home,” lead scientist Dr. Halina Veskovar said.\n"
    )
    found = holder("the lead scientist on Seraphine-2", sentences)
    assert found is not None and found.role == "the lead scientist"
    start, end = found.locate(sentences[1].text) or (0, 0)
    assert sentences[1].text[start:end] == "Dr. Halina Veskovar"
    # A place or work the article never names: no role it tells of.
    assert holder("the lead scientist on Seraphine-3", sentences) is None
    assert holder("the lead scientist in 1873", sentences) is None


def test_an_owned_role_falls_back_to_the_one_holder_the_article_names() -> None:
    club = split_sentences(
        "“He is the one,” manager Ines Haldvik said.\n"
        "Haldvik was appointed Harbourside manager in October 2023.\n"
    )
    found = holder("the manager of Harbourside", club)
    assert found is not None and found.role == "the manager"
    # Not where the article never writes the owner's role, or names two managers.
    assert holder("the manager of Castellan", club) is None
    two = split_sentences(
        "Manager Ines Haldvik said so.\n"
        "Manager Piet Morrant said no.\n"
        "The Harbourside manager left.\n"
    )
    assert holder("the manager of Harbourside", two) is None


def test_a_head_asked_is_found_by_whatever_title_the_article_gives() -> None:
    recall = split_sentences(
        "Golden Acre Foods recalled its peanut butter.\n"
        "The company's chief executive, Margaret Ashby, said a sensor failed.\n"
        "The market leader, Stellan Telecom, said nothing.\n"
    )
    found = holder("the head of Golden Acre Foods", recall)
    assert found is not None
    start, end = found.locate(recall[1].text) or (0, 0)
    assert recall[1].text[start:end] == "Margaret Ashby"
    # Only the article's subject is "the company"; nor is the owner itself its head ("the
    # market leader, Stellan Telecom").
    assert holder("the head of Stellan Telecom", recall) is None
    rival = split_sentences("The market leader, Stellan Telecom, said nothing.\n")
    assert holder("the head of Stellan Telecom", rival) is None
    # A holder of any head's title holds the role asked.
    text = recall[1].text
    start = text.index("Margaret Ashby")
    assert not holds_another(
        "the head of Golden Acre Foods", recall, recall[1], start, start + len("Margaret Ashby")
    )


def test_a_head_asked_is_not_one_of_another_title() -> None:
    museum = split_sentences(
        "Five paintings were stolen from the Brandt Museum.\n"
        "The museum's director, Dr. Felix Aurach, apologised.\n"
        "The museum was founded by the shipping merchant Carl Brandt.\n"
    )
    text = museum[2].text
    start = text.index("shipping merchant")
    end = start + len("shipping merchant Carl Brandt")
    # Its founder is no head of it, where the article names its director ...
    assert holds_another("the head of the Brandt Museum", museum, museum[2], start, end)
    # ... nor can an owner-less head be told apart: anyone's head.
    assert not holds_another("the head", museum, museum[2], start, end)
    director = museum[1].text.index("Dr. Felix Aurach")
    span = (director, director + len("Dr. Felix Aurach"))
    assert not holds_another("the head of the Brandt Museum", museum, museum[1], *span)


def test_a_title_in_capitals_is_another_title() -> None:
    town = split_sentences(
        "The train was run by Northline Rail Freight.\n"
        "Its chief executive, Margaret Lindqvist, 61, visited the town.\n"
        "Mayor Carl Huang, 47, said the town had asked Northline to upgrade the bridge.\n"
    )
    text = town[2].text
    span = (0, len("Mayor Carl Huang"))
    # The town's mayor is no head of the firm, where the article names its chief executive.
    assert holds_another("the head of Northline", town, town[2], *span)
    chief = town[1].text.index("Margaret Lindqvist")
    named = (chief, chief + len("Margaret Lindqvist"))
    assert not holds_another("the head of Northline", town, town[1], *named)
    assert text.startswith("Mayor")
    # An owner in small letters may be anyone's: a title in capitals is not told apart.
    heist = split_sentences(
        "Detective Inspector Helen Castavet, 47, who is leading the investigation, spoke.\n"
        "The store's general manager, Oliver Penhallow, 58, said staff were shaken.\n"
    )
    inspector = (0, len("Detective Inspector Helen Castavet"))
    assert not holds_another("the leader of the investigation", heist, heist[0], *inspector)


def test_a_head_asked_is_not_one_described_by_another_role() -> None:
    zoo = split_sentences(
        "The zoo's director, Helen Marchetti, 58, said keepers found the enclosure empty.\n"
        "The review will be led by Dr. Anton Fischer, a retired zoo inspector.\n"
    )
    text = zoo[1].text
    start = text.index("Dr. Anton Fischer")
    span = (start, start + len("Dr. Anton Fischer"))
    assert holds_another("the head of the zoo", zoo, zoo[1], *span)
    director = zoo[0].text.index("Helen Marchetti")
    named = (director, director + len("Helen Marchetti"))
    assert not holds_another("the head of the zoo", zoo, zoo[0], *named)


def test_a_head_asked_of_a_company_called_by_its_first_word() -> None:
    sentences = split_sentences(
        "The rocket was built by Kestrel Launch Systems, a private company.\n"
        "Kestrel's chief executive, Marcus Delane, told reporters the board would meet.\n"
    )
    found = holder("the head of Kestrel Launch Systems", sentences)
    assert found is not None
    start, end = found.locate(sentences[1].text) or (0, 0)
    assert sentences[1].text[start:end] == "Marcus Delane"
    # No company of that first word: no holder.
    assert holder("the head of Orrin Aerospace Group", sentences) is None


def _holder_name(role: str, sentences: list) -> str | None:
    found = holder(role, sentences)
    if found is None:
        return None
    for sentence in sentences:
        at = found.locate(sentence.text)
        if at is not None:
            return sentence.text[at[0] : at[1]]
    return None


def test_a_role_called_its_right_after_the_owner_is_the_owners() -> None:
    sentences = split_sentences(
        "The National Cyber Security Centre said it was working with police.\n"
        "Its director, Anders Bloom, said a password had been stolen.\n"
        "The union, which represents 1,400 teachers, objected; its president, Sam Odom, spoke.\n"
    )
    assert _holder_name("the director of National Cyber Security Centre", sentences) == (
        "Anders Bloom"
    )
    assert _holder_name("the head of the National Cyber Security Centre", sentences) == (
        "Anders Bloom"
    )
    assert _holder_name("the president of the union", sentences) == "Sam Odom"
    # "Its" after another owner is that one's.
    assert _holder_name("the director of Halvik Port", sentences) is None


def test_a_body_called_by_its_kind_holds_the_role() -> None:
    sentences = split_sentences(
        "The Veldrian Civil Aviation Authority closed the airspace.\n"
        '"Nobody flies," said Helena Marsk, 54, director-general of the aviation authority.\n'
    )
    assert _holder_name(
        "the director-general of the Veldrian Civil Aviation Authority", sentences
    ) == ("Helena Marsk")
    # Two capitalised words name no kind apart from the body.
    assert _holder_name("the director-general of Civil Authority", sentences) is None


def test_who_runs_a_body_is_not_the_body_itself() -> None:
    from qa.bot import ArticleQA

    text = (
        "Ransomware shut the terminals of Halvik Container Terminals (HCT), the operator "
        "of the container port of Halvik, on Monday.\n"
        "HCT runs the port under a 30-year concession from the city.\n"
        '"We will not pay criminals," said Marit Ekholm, HCT\'s chief executive.\n'
    )
    bot = ArticleQA.from_text(text)  # the real reader gave the body for its initials
    for question in ("Who runs HCT?", "Who runs Halvik Container Terminals?"):
        assert bot.ask(question).text == "Marit Ekholm"


def test_a_role_of_the_articles_subject_is_its_one_holder_of_that_role() -> None:
    sentences = split_sentences(
        "Hackers stole the records of patients of Northvale Health Partners.\n"
        '"We are sorry," said Dr. Helen Marsh, 58, the group\'s chief executive.\n'
        "Her coach, Luca Ferrante, said so.\n"
    )
    assert _holder_name("the ceo of Northvale", sentences) == "Dr. Helen Marsh"
    # A role written as a person's ("her coach") is not the subject's.
    assert _holder_name("the coach of Northvale", sentences) is None


def test_the_owner_is_known_by_its_name_or_initials_not_by_shared_initials() -> None:
    from qa.role_holder import is_the_owner

    assert is_the_owner("Halvik Container Terminals", "the head of HCT")
    assert is_the_owner("HCT)", "the head of Halvik Container Terminals")
    # Another name with the owner's initials is no owner.
    assert not is_the_owner("Jessica Sanchez", "the recipient of the Judges' Save")
    assert not is_the_owner("Marit Ekholm", "the head of HCT")


def test_the_role_described_again_is_not_who_holds_it() -> None:
    from qa.role_holder import restates_role

    # Where the article names no ambassador, the reader read what the role is to.
    assert restates_role("ambassador to Lebanon", "the ambassador of Russian")
    assert restates_role("Russia’s ambassador to Lebanon", "the ambassador of Russian")
    assert restates_role("the spokeswoman", "the spokesperson of Aster")  # its other form
    # A name, a title before one, and a name beside the noun are who holds it.
    assert not restates_role("Sergei Ivanov", "the ambassador of Russian")
    assert not restates_role("Ambassador Ivanov", "the ambassador of Russian")
    assert not restates_role("the spokeswoman Jo Lee", "the spokesperson of Aster")


def test_a_head_asked_of_a_thing_in_small_letters_is_that_things() -> None:
    club = split_sentences(
        "Club chairman Geoffrey Pellow announced the decision.\n"
        "The march was organised by the Albion Supporters' Trust.\n"
        "Karen Oduya, 39, who chairs the trust, spoke.\n"
    )
    # "Who leads the group?": not the one chairman the article names, the club's.
    assert holder(role_asked("Who leads the group?") or "", club) is None
    museum = split_sentences(
        "Five paintings were stolen from the Brandt Museum.\n"
        "The museum's director, Dr. Felix Aurach, apologised.\n"
    )
    found = holder(role_asked("Who heads the museum?") or "", museum)
    assert found is not None
    start, end = found.locate(museum[1].text) or (0, 0)
    assert museum[1].text[start:end] == "Dr. Felix Aurach"


def test_a_head_asked_of_a_noun_is_one_titled_beside_that_noun() -> None:
    union = split_sentences(
        "Workers at the plant went on strike.\n"
        '"They won," said Denise Okafor, 52, president of Local 617.\n'
        "Club chairman Geoffrey Pellow said nothing.\n"
    )
    found = holder(role_asked("Who leads the union local?") or "", union)
    assert found is not None
    start, end = found.locate(union[1].text) or (0, 0)
    assert union[1].text[start:end] == "Denise Okafor"
    found = holder(role_asked("Who runs the club?") or "", union)
    assert found is not None
    start, end = found.locate(union[2].text) or (0, 0)
    assert union[2].text[start:end] == "Geoffrey Pellow"
    # A noun no sentence with a title uses: nobody's head is known.
    assert holder(role_asked("Who leads the group?") or "", union) is None
    # Nor where the noun is another clause's: "the team's form" is no title's owner.
    club = split_sentences(
        "Harwick Albion sacked their manager on Monday.\n"
        "Results had fallen short for months.\n"
        "Club chairman Geoffrey Pellow, 67, announced the decision in a short statement, "
        "thanking the manager for his work but saying the team's form was poor.\n"
    )
    assert holder(role_asked("Who is running the team?") or "", club) is None


def test_the_owner_written_before_the_role_does_not_hold_it() -> None:
    rescue = split_sentences(
        "The 42-foot yacht Silver Petrel sent a distress call at 3:12 a.m.\n"
        "The Silver Petrel's skipper, Graham Tully, 61, said the boat hit something.\n"
    )
    assert owns_the_role("Silver Petrel", "the skipper", rescue)
    assert not owns_the_role("Graham Tully", "the skipper", rescue)
    assert not owns_the_role("Silver Petrel", "the navigator", rescue)
    assert not owns_the_role("", "the skipper", rescue)


def test_a_body_before_a_role_is_whose_it_is() -> None:
    union = split_sentences(
        "Workers at the plant went on strike.\n"
        '"They won," said Denise Okafor, 52, president of Local 617.\n'
    )
    found = holder("the union president", union)
    assert found is not None
    start, end = found.locate(union[1].text) or (0, 0)
    assert union[1].text[start:end] == "Denise Okafor"
    # A rank before the role is no owner: the deputy is another.
    assert holder("the deputy president", union) is None


def test_a_body_read_for_a_persons_role_gives_way_to_the_name_beside_it() -> None:
    name = ReadSpan("Dr. Liesbeth Vermaat", 10, 30, 3, -1.0)
    body = ReadSpan("University of Leiden", 70, 90, 3, 6.7, runner_up=lambda: name)
    assert someone_for_the_role([body], "Who led the project?") == [name]
    # Not where the reader did not believe the body, nor for a question of no role.
    unsure = ReadSpan("University of Leiden", 70, 90, 3, -0.5, runner_up=lambda: name)
    assert someone_for_the_role([unsure], "Who led the project?") == [unsure]
    assert someone_for_the_role([body], "Who paid for the dig?") == [body]
    # A runner-up that is no one either leaves the span to be withheld.
    place = ReadSpan("the museum", 5, 15, 3, -2.0)
    no_one = ReadSpan("University of Leiden", 70, 90, 3, 6.7, runner_up=lambda: place)
    assert someone_for_the_role([no_one], "Who led the project?") == [no_one]


def test_a_head_asked_is_found_by_what_the_article_says_they_do() -> None:
    # "a former bus driver who chairs the coalition" heads the Fair Fuel Coalition (story
    # h42), whether the owner is asked by its name, as typed, or by its kind.
    sentences = split_sentences(
        "The march was organised by the Fair Fuel Coalition.\n"
        '"We will be back," said Marta Illesen, 44, a former bus driver who chairs the '
        "coalition.\n"
    )
    for role in (
        "the head of the Fair Fuel Coalition",
        "the leader of the Fair fuel coalition",
        "the head of the coalition",
    ):
        found = holder(role, sentences)
        assert found is not None, role
        at = found.locate(sentences[1].text)
        assert at is not None and sentences[1].text[at[0] : at[1]] == "Marta Illesen"
    # Not a head of something else, nor where two names are said to head it.
    assert holder("the head of the Halvik Port Authority", sentences) is None
    two = split_sentences(
        "Marta Illesen, 44, who chairs the coalition, spoke. Jon Berg, who leads the coalition, "
        "spoke too."
    )
    assert holder("the head of the coalition", two) is None


def test_a_name_the_article_writes_in_small_letters_heads_nothing(
    fake_embedder: FakeEmbedder,
) -> None:
    # "Who runs Halvern?" read "Tavorenib", a drug the article writes "tavorenib" too:
    # withheld, and the chief executive named instead (story h40).
    text = (
        "Halvern halted the trial of its heart drug on Monday.\n"
        "Tavorenib was Halvern's most advanced product.\n"
        "Without tavorenib, investors see little else, said chief executive Miriam Dunstable."
    )
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(
        text, embedder=fake_embedder, reader=PhraseReader("Tavorenib"), calibration=calibration
    )
    assert bot.ask("Who runs Halvern?").text != "Tavorenib"
    assert bot.ask("Which drug did Halvern test?").text == "Tavorenib"


def test_a_title_qualified_otherwise_is_another_office() -> None:
    # "Finance Minister Adrian Kolvek" is no prime minister (story h42), though no prime
    # minister is named; he is the finance minister.
    sentences = split_sentences("The protest targets a plan by Finance Minister Adrian Kolvek.")
    sentence = sentences[0]
    start = sentence.text.index("Adrian")
    end = start + len("Adrian Kolvek")
    assert holds_another("the prime minister", sentences, sentence, start, end)
    assert not holds_another("the finance minister", sentences, sentence, start, end)
    assert not holds_another("the minister", sentences, sentence, start, end)


def test_a_name_the_article_writes_after_the_is_a_things(fake_embedder: FakeEmbedder) -> None:
    # "Who was the pilot?" read "Kestrel", the plane of "The Kestrel was built by ..."
    # (story h43); not a name used as a noun's ("the Dalton administration").
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    text = (
        "A Kestrel crashed at the air show on Saturday.\n"
        "The Kestrel was built by the Dornell Aircraft Company.\n"
        "The pilot, Graham Ostler, 58, died at the scene."
    )
    bot = ArticleQA.from_text(
        text, embedder=fake_embedder, reader=PhraseReader("Kestrel"), calibration=calibration
    )
    assert bot.ask("Who was the pilot?").text != "Kestrel"
    text = (
        "Dalton crashed the meeting on Saturday.\n"
        "The Dalton administration was blamed.\n"
        "The pilot was Dalton, officials said."
    )
    bot = ArticleQA.from_text(
        text, embedder=fake_embedder, reader=PhraseReader("Dalton"), calibration=calibration
    )
    assert bot.ask("Who was the pilot?").text == "Dalton"


def test_an_answer_said_to_do_the_roles_deed_holds_it_whatever_its_title() -> None:
    # "Who chaired the talks?" (story h46), "Who is leading the coastguard operation?" (h48).
    talks = split_sentences(
        "The statement was read out by Lusetta's foreign secretary, Amara Delcourt, 49, "
        "who chaired the talks.\n"
    )
    at = talks[0].text.index("Amara Delcourt")
    span = (at, at + len("Amara Delcourt"))
    assert not holds_another(role_asked("Who chaired the talks?") or "", talks, talks[0], *span)
    coast = split_sentences(
        "The port's harbour master, Ilsa Varnow, 52, who is leading the coastguard "
        "response, spoke.\n"
    )
    at = coast[0].text.index("Ilsa Varnow")
    span = (at, at + len("Ilsa Varnow"))
    role = role_asked("Who is leading the coastguard response?") or ""
    assert not holds_another(role, coast, coast[0], *span)
    # Said to do another deed, the other title holds.
    other = split_sentences(
        "Lusetta's foreign secretary, Amara Delcourt, 49, who attended the talks, spoke.\n"
    )
    at = other[0].text.index("Amara Delcourt")
    span = (at, at + len("Amara Delcourt"))
    assert holds_another(role_asked("Who chaired the talks?") or "", other, other[0], *span)


def test_a_role_asked_after_its_body_is_the_bodys_titled_holder() -> None:
    # "How old is the coastguard commander?" (story h48): "Commander Ilsa Varnow".
    sentences = split_sentences(
        '"It is the worst spill," said Commander Ilsa Varnow, 52, who is leading the '
        "coastguard response.\n"
    )
    found = holder("the coastguard commander", sentences)
    assert found is not None
    start, end = found.locate(sentences[0].text) or (0, 0)
    assert sentences[0].text[start:end].endswith("Ilsa Varnow")


def test_a_head_described_is_the_head_teacher_asked() -> None:
    # "pls who is the head teacher" / "The school's head, Jonathan Carrow" (story h34).
    sentences = split_sentences(
        "The school's head, Jonathan Carrow, 56, closed St Aldric's to all pupils.\n"
    )
    at = sentences[0].text.index("Jonathan Carrow")
    span = (at, at + len("Jonathan Carrow"))
    assert not holds_another("the head teacher", sentences, sentences[0], *span)
    assert holds_another("the science teacher", sentences, sentences[0], *span)
    # The noun described, not its owner's word: no health commissioner (story h15).
    sentences = split_sentences(
        "Fines may follow, said Carl Jennings, the department's director of environmental health.\n"
    )
    at = sentences[0].text.index("Carl Jennings")
    span = (at, at + len("Carl Jennings"))
    assert holds_another("the health commissioner", sentences, sentences[0], *span)
