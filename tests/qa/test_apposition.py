""" "What is X?" answered by the phrase the article sets beside X (qa.apposition)."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.apposition import (
    apposition,
    called_before,
    described_role,
    held_elsewhere,
    holds_other_role,
    kind_head,
    kind_named,
    name_beside,
    of_the_role,
    role_asked,
    role_name_asked,
    thing_described,
    whole_title,
    word_described,
    written_role,
)
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("topic", "sentence", "phrase"),
    [
        (
            "Hezbollah",
            "the disarmament of Hezbollah, the Iran-backed Shi’ite militia that has been a focus.",
            "the Iran-backed Shi’ite militia",
        ),
        (
            "Beirut",
            "another air strike in Beirut, the capital of Lebanon.",
            "the capital of Lebanon",
        ),
        ("the ferry", "The ferry, a 40-year-old vessel, sank.", "a 40-year-old vessel"),
        (
            "midna",
            "Midna, a small imp-like creature who gives him hints, helps.",
            "a small imp-like creature",
        ),
        (
            "Nordwind Air",
            "Nordwind Air, Scandinavia's second-largest airline, said on Thursday ...",
            "Scandinavia's second-largest airline",
        ),
        # Where none follows the name, a title before it ...
        (
            "MVRDV",
            "The depot, designed by the architecture firm MVRDV, drew 400,000 visitors.",
            "the architecture firm",
        ),
        ("Nordwind", "Talks on the deal with the airline Nordwind ended.", "the airline"),
        # ... of content words only: no "of", no verb.
        ("Hezbollah", "the disarmament of Hezbollah was discussed.", None),
        ("Hezbollah", "The army struck Hezbollah.", None),  # no title in subject position
        ("alpine valley", "It flows through a wide alpine valley.", None),  # no name
        ("Hezbollah", "Talks with the militias backing Hezbollah failed.", None),
        ("Hezbollah", "It came after the army struck Hezbollah.", None),
        # A list is no apposition; nor is a clause after the comma.
        ("Israel", "Israel, the US and France agreed.", None),
        ("Hezbollah", "Hezbollah, said the envoy, would not disarm.", None),
        ("Hezbollah", "Hezbollah’s armed presence, the envoy said.", None),
        # A name quoted whole, its closing mark either side of the comma; a name the
        # quotation only ends is not set apart.
        (
            "the chief of staff of Hezbollah",
            "It housed the ‘chief of staff of Hezbollah,’ a high-ranking official.",
            "a high-ranking official",
        ),
        (
            "Hezbollah",
            "It housed the ‘chief of staff of Hezbollah,’ a high-ranking official.",
            None,
        ),
        # An owner's noun in either form.
        (
            "Hezbollah's chief of staff",
            "It housed the ‘chief of staff of Hezbollah,’ a high-ranking official.",
            "a high-ranking official",
        ),
    ],
)
def test_the_phrase_beside_a_name(topic: str, sentence: str, phrase: str | None) -> None:
    found = apposition(topic, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == phrase


def test_what_is_x_is_answered_with_the_phrase_beside_it(fake_embedder: FakeEmbedder) -> None:
    text = (
        "The Aurora sank off Crete on Monday.\n"
        "Rescuers reached the Aurora within an hour.\n"
        "The Aurora, a 40-year-old car ferry built in Norway, carried 212 people.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("What is the Aurora?")
    assert answer.found and answer.text == "a 40-year-old car ferry built in Norway"
    cited = answer.evidence[0]
    assert cited.position == 2
    assert bot.text[cited.answer_start : cited.answer_end] == answer.text
    # Not a question about what something is, or nothing set beside it: read as before.
    assert bot.ask("Where did the Aurora sink?").text != "a 40-year-old car ferry built in Norway"
    assert bot.by_apposition("What is Crete?") is None


@pytest.mark.parametrize(
    ("topic", "sentence", "phrase"),
    [
        ("lumenastat", "The drug, called lumenastat, slowed decline.", "The drug"),
        ("Midna", "He is helped by a mysterious creature named Midna.", "a mysterious creature"),
        ("ShadowNet", "A group calling itself ShadowNet claimed it.", "A group"),
        ("ShadowNet", "Hackers calling on ShadowNet claimed it.", None),
        ("Tellaro", "The hackers named in the report attacked Tellaro.", None),
    ],
)
def test_the_description_before_the_name_it_goes_by(
    topic: str, sentence: str, phrase: str | None
) -> None:
    found = called_before(topic, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == phrase


def test_a_phrase_after_the_name_is_preferred_to_one_before_it(
    fake_embedder: FakeEmbedder,
) -> None:
    # "Who is Midna?" had been answered "a mysterious creature" from the sentence ranked
    # first, where another sentence sets "a small imp-like creature" after the name.
    text = (
        "Link is helped by a mysterious creature named Midna.\n"
        "The game was released in 2006.\n"
        "Midna, a small imp-like creature, guides Link.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert bot.ask("Who is Midna?").text == "a small imp-like creature"


def test_a_word_written_in_lower_case_is_described_by_what_it_is_called(
    fake_embedder: FakeEmbedder,
) -> None:
    # "What is lumenastat?" was answered with what the drug did.
    text = (
        "The FDA approved a new pill on Monday.\n"
        "The drug, called lumenastat, slowed decline by 27% over 18 months.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("what's lumenastat")
    assert answer.found and answer.text == "The drug"
    assert answer.evidence[0].position == 1
    assert word_described("What is lumenastat?") == "lumenastat"
    # What was done, or what a pointing word stands for, is no word to describe.
    assert word_described("What is included?") is None
    assert word_described("What is it?") is None
    assert word_described("What is the drug?") is None  # a noun phrase: described_thing


@pytest.mark.parametrize(
    ("topic", "sentence", "span", "title"),
    [
        (
            "Mazón",
            "Regional president Carlos Mazón declared mourning.",
            "president",
            "Regional president",
        ),
        ("Mei Lin Cho", "Chief executive Mei Lin Cho said so.", "executive", "Chief executive"),
    ],
)
def test_a_title_cut_short_before_the_name_starts_with_the_sentence(
    topic: str, sentence: str, span: str, title: str
) -> None:
    start = sentence.index(span)
    assert (
        sentence[whole_title(topic, sentence, start, start + len(span)) : start + len(span)]
        == title
    )


@pytest.mark.parametrize(
    ("topic", "sentence", "span"),
    [
        ("Smith", "Police said Smith was arrested.", "Police"),  # at the start already
        ("Smith", "Officers later arrested Smith.", "arrested"),  # a verb before the name
        ("Smith", "The police officer Smith left.", "officer"),  # "The": not a title's word
        ("Jones", "Regional president Carlos Mazón met Jones.", "president"),  # not the name
    ],
)
def test_no_title_is_made_of_verbs_function_words_or_another_name(
    topic: str, sentence: str, span: str
) -> None:
    start = sentence.index(span)
    assert whole_title(topic, sentence, start, start + len(span)) == start


@pytest.mark.parametrize(
    ("kind", "sentence", "name"),
    [
        (
            "the company",
            "Two executives of the company, Levante Obras, were fined.",
            "Levante Obras",
        ),
        (
            "the militia",
            "It named Hezbollah, the Iran-backed Shi’ite militia that fights.",
            "Hezbollah",
        ),
        ("the capital", "A strike hit Beirut, the capital of Lebanon.", "Beirut"),
        ("the official", "After a former city official, Marta Gil, spoke.", "Marta Gil"),
        ("the referee", "He criticised the referee, Paul Hendry, for it.", "Paul Hendry"),
        ("the mayor", "Helen Okafor, the town's mayor, said so.", None),  # loosely only
        # No name beside it, a list, or only a sentence's first word.
        ("the company", "The company was fined 3 million euros.", None),
        ("the allies", "It met Israel, the US and France, the allies of old.", None),
        ("the company", "Meanwhile, the company said nothing.", None),
    ],
)
def test_the_name_set_beside_a_kind_of_thing(kind: str, sentence: str, name: str | None) -> None:
    found = name_beside(kind, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == name


@pytest.mark.parametrize(
    ("kind", "sentence", "name"),
    [
        # A title in small letters before the name; a name opening the sentence.
        ("the manager", "United manager Ingrid Halvorsen made two changes.", "Ingrid Halvorsen"),
        ("the goalkeeper", "A ball from goalkeeper Tomás Ferreira and a lob.", "Tomás Ferreira"),
        # Capitalised, as titles are written.
        ("the judge", "Judge Mirela Ostrava of the court fined him.", "Mirela Ostrava"),
        ("the fire commissioner", "Fire Commissioner Renata Solberg said.", "Renata Solberg"),
        (
            "the lead scientist",
            "So said lead scientist Dr. Halina Veskovar.",
            "Dr. Halina Veskovar",
        ),
        ("the mayor", "Helen Okafor, the town's mayor, said so.", "Helen Okafor"),
        # A role asked by its initials, written out.
        ("the ceo", "The trust's chief executive, Dr Miriam Okafor, said.", "Dr Miriam Okafor"),
        # The name after its own description in small letters.
        ("the chair", "Its chair, retired teacher Alan Whitcombe, said so.", "Alan Whitcombe"),
        ("the chair", "The chair, a retired teacher, said so.", None),
        ("the capital", "In Beirut, the capital, people fled.", None),
        ("the union", "Maria Lopez, the union's regional secretary, spoke.", None),
        # An owner's role either way round; not another owner's.
        ("the chief executive", "Priya Raman, Veridian's chief executive, said.", "Priya Raman"),
        (
            "the chief executive of Veridian",
            "Priya Raman, Veridian's chief executive, said.",
            "Priya Raman",
        ),
        ("the chief executive of Solvik", "Priya Raman, Veridian's chief executive, said.", None),
        # An age between the name and its role, as news writes them.
        (
            "the chief information security officer of Northvale",
            "So said Marcus Oyelaran, 44, Northvale's chief information security officer.",
            "Marcus Oyelaran",
        ),
        ("the president", "Denise Okafor, 52, president of Local 617, said.", "Denise Okafor"),
        # A firm's name shortened to its first word after the first mention; never to a
        # common word ("New" of New Harbour Ferries).
        (
            "the managing director of Kestrel Inland Freight",
            "Kestrel's managing director, Gavin Oyelaran, said so.",
            "Gavin Oyelaran",
        ),
        (
            "the managing director of New Harbour Ferries",
            "New's managing director, Gavin Oyelaran, said so.",
            None,
        ),
        # A role after a hyphen is another role (story h48).
        ("the chancellor", "The vice-chancellor, Professor Gerald Finchley, said so.", None),
        (
            "the vice-chancellor",
            "The vice-chancellor, Professor Gerald Finchley, said so.",
            "Professor Gerald Finchley",
        ),
    ],
)
def test_the_name_beside_a_role_read_loosely(kind: str, sentence: str, name: str | None) -> None:
    # Who holds a role, asked where the reader found no one (ArticleQA.decide).
    found = name_beside(kind, sentence, loose=True)
    assert (sentence[found[0] : found[1]] if found else None) == name


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the company called?", "the company"),
        ("What was the name of the militia?", "the militia"),
        ("What is the rocket's name?", "the rocket"),
        ("What is Hezbollah called?", None),  # a name: what it is, not its name
        ("What is the company?", None),
        ("Who is the chief of the Hezbollah militia called?", None),
    ],
)
def test_the_kind_of_thing_whose_name_is_asked(question: str, kind: str | None) -> None:
    assert kind_named(question) == kind


@pytest.mark.parametrize(
    ("question", "role"),
    [
        # An event the role is of left out, an owner kept.
        ("Who was the referee of the final?", "the referee"),
        ("Who is the transport minister?", "the transport minister"),
        ("Who is the chief executive of Solvik?", "the chief executive of Solvik"),
        ("Who is the head of emergency operations?", "the head of emergency operations"),
        ("Who is Helen Okafor?", None),
        ("Who is Solvik's chief executive?", "the chief executive of Solvik"),
        ("Who is the lead scientist on Seraphine-2?", "the lead scientist on Seraphine-2"),
        # At, in or for a named owner: its role ("the chief engineer at Meridian").
        ("Who is the chief engineer at Meridian?", "the chief engineer of Meridian"),
        ("Who was the spokesman for Aster Group?", "the spokesman of Aster Group"),
        ("Who is the Aster spokesperson?", "the spokesperson of Aster"),
        # A role of four words.
        (
            "Who is Northvale's chief information security officer?",
            "the chief information security officer of Northvale",
        ),
        (
            "Who is the chief information security officer?",
            "the chief information security officer",
        ),
        # Initials as typed, and an owner before its role without "the".
        ("Who is the CEO of Northvale?", "the ceo of Northvale"),
        ("Who is Meridian ceo?", "the ceo of Meridian"),
        ("Who is Anton smith?", None),
        # A role without "the" (story h41).
        ("Who was captain of the Hallen Trader?", "the captain of the Hallen Trader"),
        ("Who is CEO of Halvern?", "the ceo of Halvern"),
        ("Who is Marta of the coalition?", None),
        ("Who was born of the union?", None),
        # A verb naming the role: its holder; a head is of whatever the question names.
        (
            "Who leads the group that took over the embassy?",
            "the leader of the group that took over the embassy",
        ),
        ("Who heads Aster?", "the head of Aster"),
        ("Who refereed the final?", "the referee"),
        ("Who captains Harbourside?", "the captain of Harbourside"),
        ("Who runs Golden Acre Foods?", "the head of Golden Acre Foods"),
        ("Who was the judge at the sentencing?", "the judge"),
        ("Who is in charge of the trust?", "the head of the trust"),
        # As it goes on: "Who is leading ...?", "Who's running ...?".
        ("Who is leading the investigation?", "the leader of the investigation"),
        ("Who's running Golden Acre Foods?", "the head of Golden Acre Foods"),
        ("Who was coaching Harbourside?", "the coach of Harbourside"),
        ("Who is the chief of the Hezbollah militia called?", None),
        ("What is the company called?", None),
        # An owner named by its kind: the role alone, as typed mending may capitalise it.
        ("Who is the town's fire chief?", "the fire chief"),
        ("Who is the town's Fire chief?", "the fire chief"),
        ("Who was the club's manager?", "the manager"),
        ("Who is the town's newest bakery?", None),
    ],
)
def test_the_role_whose_holder_is_asked(question: str, role: str | None) -> None:
    assert role_asked(question) == role


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What is the name of the Russian ambassador?", "the ambassador of Russian"),
        ("What is the name of Hezbollah's chief of staff?", "the chief of staff of Hezbollah"),
        ("What was the name of the bishop who crowned Aldric I?", "the bishop"),
        ("What's that Hezbollah official's name?", "the official of Hezbollah"),
        ("What was the name of the Helena Mara's captain?", "the captain of Helena Mara"),
        # Things, not people: their names are asked as kinds (kind_named).
        ("What is the name of the river?", None),
        ("What was the name of the Proclamation?", None),
        ("What is the name of the company's drug?", None),
    ],
)
def test_the_role_whose_holder_is_asked_by_name(question: str, role: str | None) -> None:
    assert role_name_asked(question) == role


@pytest.mark.parametrize(
    ("sentence", "answer", "role", "of_it"),
    [
        ("Russia’s ambassador to Lebanon issued a warning.", "Russia’s", "the ambassador", True),
        ("Russia’s ambassador to Lebanon issued a warning.", "Lebanon", "the ambassador", True),
        ("He was crowned as Aldric I by the bishop of Kelmora.", "Kelmora", "the bishop", True),
        ("He was crowned as Aldric I by the bishop of Kelmora.", "Aldric I", "the bishop", False),
        # The whole phrase describes the holder; a name beside the role is the holder.
        (
            "Russia’s ambassador to Lebanon issued a warning.",
            "Russia’s ambassador to Lebanon",
            "the ambassador",
            False,
        ),
        ("The ambassador, Ivan Petrov, spoke.", "Ivan Petrov", "the ambassador", False),
    ],
)
def test_what_a_role_is_of_is_not_its_holder(
    sentence: str, answer: str, role: str, of_it: bool
) -> None:
    start = sentence.index(answer)
    assert of_the_role(role, sentence, start, start + len(answer)) is of_it


def test_what_is_a_kind_called_is_the_name_beside_it(fake_embedder: FakeEmbedder) -> None:
    text = (
        "The company was fined 3 million euros.\n"
        "Two executives of the company, Levante Obras, received suspended sentences.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("What is the company called?")
    assert answer.found and answer.text == "Levante Obras"
    assert answer.evidence[0].position == 1


_HERON = 'The sculpture, "The Heron Dancer," a 94-centimetre figure cast in 1931, was taken.'


def test_a_quoted_name_beside_a_kind_opening_the_sentence() -> None:
    at = name_beside("the sculpture", _HERON)
    assert at is not None and _HERON[at[0] : at[1]] == "The Heron Dancer"
    # "head of sculpture" describes a head: no sculpture is named there.
    head = "The company's head of sculpture, Corinne Adeyemi, said so."
    assert name_beside("the sculpture", head) is None


@pytest.mark.parametrize(
    ("kind", "head"),
    [
        ("the stolen sculpture", "the sculpture"),
        ("the sculpture stolen from the museum", "the sculpture"),
        ("the sculpture", None),
        ("the head of sculpture", None),
        ("Aster's spokesperson", None),
    ],
)
def test_a_kinds_noun_alone(kind: str, head: str | None) -> None:
    assert kind_head(kind) == head


def test_a_kind_described_is_named_where_the_article_names_one_of_its_noun(
    fake_embedder: FakeEmbedder,
) -> None:
    text = f"A bronze was returned to the museum on Wednesday.\n{_HERON}\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert bot.ask("What is the stolen sculpture called?").text == "The Heron Dancer"
    # Where two sculptures are named, "stolen" may tell them apart: not read as either.
    two = f'{text}The sculpture, "Morning Tide," stayed in the gallery.\n'
    bot = ArticleQA.from_text(two, embedder=fake_embedder, reader=False)
    assert bot.ask("What is the stolen sculpture called?").text not in ("Morning Tide",)


def test_who_holds_a_role_is_the_name_beside_it(fake_embedder: FakeEmbedder) -> None:
    text = (
        "Ravenport won the cup on Saturday.\n"
        "Their coach also criticised the referee, Paul Hendry, for a penalty decision.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("Who was the referee of the final?")
    assert answer.found and answer.text == "Paul Hendry"
    assert answer.evidence[0].position == 1


def test_a_role_held_for_another_owner_is_no_answer() -> None:
    sentence = "Priya Raman, Veridian's chief executive, said the deal would close."
    raman = (0, len("Priya Raman"))
    assert held_elsewhere("the chief executive of Solvik", sentence, *raman)
    assert not held_elsewhere("the chief executive of Veridian", sentence, *raman)
    assert not held_elsewhere("the chief executive", sentence, *raman)
    # Not the name beside the role: the reader's own business.
    assert not held_elsewhere("the chief executive of Solvik", sentence, 50, 55)


_RUZIC = "Velmoran Foreign Minister Anton Ruzic, 58, rejected the accusation."
_GARSIDE = "Brennan's assistant, Phil Garside, also left the club on Monday."
_TENNANT = "Solvane's chief executive, Marcus Tennant-Ibe, 49, said it would file."


@pytest.mark.parametrize(
    ("role", "sentence", "name", "elsewhere"),
    [
        # The owner's people as a title: another country's minister, or the one asked.
        ("the foreign minister of Astrania", _RUZIC, "Anton Ruzic", True),
        ("the foreign minister of Velmora", _RUZIC, "Anton Ruzic", False),
        # A title that is no people's.
        (
            "the prime minister of Sweden",
            "Former Prime Minister Anna Berg spoke.",
            "Anna Berg",
            False,
        ),
        # The owner by the surname the article calls him by.
        ("the assistant of Tomas Brennan", _GARSIDE, "Phil Garside", False),
        # A company by the first word of its name, as news shortens it after the first
        # mention; another company's first word is still another's.
        ("the chief executive of Solvane Biotherapeutics", _TENNANT, "Marcus Tennant-Ibe", False),
        ("the chief executive of Merriton Biotherapeutics", _TENNANT, "Marcus Tennant-Ibe", True),
    ],
)
def test_a_role_held_for_another_owner_by_title_or_surname(
    role: str, sentence: str, name: str, elsewhere: bool
) -> None:
    start = sentence.index(name)
    assert held_elsewhere(role, sentence, start, start + len(name)) is elsewhere


def test_a_role_s_holder_for_another_owner_is_passed_over() -> None:
    text = (
        "The foreign ministers of Velmora and Astrania met in Port Halden on Monday.\n"
        "Velmoran Foreign Minister Anton Ruzic, 58, rejected the accusation.\n"
        "Astrania wants an apology. Its foreign minister, Leyla Marand, 49, said so.\n"
    )
    # Without the reader the answer is the name the article sets beside the role.
    bot = ArticleQA.from_text(text, embedder=FakeEmbedder(), reader=False)
    answer = bot.ask("Who is Astrania's foreign minister?")
    assert answer.text == "Leyla Marand"


def test_an_owner_is_also_known_by_its_initials() -> None:
    sentence = "KEG's chief executive, Marek Sadowski, said the company would cooperate."
    sadowski = (sentence.index("Marek"), sentence.index(", said"))
    asked = "the chief executive of Karbonia Energy Group"
    assert not held_elsewhere(asked, sentence, *sadowski)
    assert name_beside(asked, sentence, loose=True) == sadowski
    assert held_elsewhere("the chief executive of Solvik", sentence, *sadowski)


def test_a_role_in_another_form_for_a_man_or_a_woman_is_the_same_role() -> None:
    sentence = "“We apologise,” Aster spokeswoman Dana Whitfield said in a statement."
    whitfield = (sentence.index("Dana"), sentence.index(" said"))
    assert name_beside("the spokesperson of Aster", sentence, loose=True) == whitfield
    assert written_role("the spokesperson of Aster", sentence) == "the spokeswoman of Aster"
    assert written_role("the referee", sentence) == "the referee"


def test_a_name_beside_another_role_holds_that_one() -> None:
    sentence = "Aster's chief executive, Laura Brennan, told investors last month."
    brennan = (sentence.index("Laura"), sentence.index(", told"))
    assert holds_other_role("the spokesperson of Aster", sentence, *brennan)
    assert not holds_other_role("the chief executive of Aster", sentence, *brennan)
    assert not holds_other_role("the spokesperson", "Laura Brennan told investors.", 0, 13)
    # A title in small letters right before the name.
    sentence = "It is the worst case since former prime minister Gustav Rennel was convicted."
    rennel = (sentence.index("Gustav"), sentence.index(" was"))
    assert holds_other_role("the judge", sentence, *rennel)
    assert not holds_other_role("the prime minister", sentence, *rennel)
    sentence = "Harbourside's owners, the Calloway Maritime Group, approved it."
    group = (sentence.index("Calloway"), sentence.index(", approved"))
    assert holds_other_role("the manager of Harbourside", sentence, *group)
    sentence = "The talks saw Gustav Rennel speak."  # no role: "talks saw" names none
    assert not holds_other_role("the judge", sentence, 14, 27)
    # A role owned by "its" (the company the sentence before names).
    sentence = "Its chief operating officer, Karen Liddell, apologised to residents."
    liddell = (sentence.index("Karen"), sentence.index(", apologised"))
    assert holds_other_role("the fire chief", sentence, *liddell)
    assert not holds_other_role("the chief operating officer", sentence, *liddell)
    # A title in capitals right before the name, as news writes one.
    sentence = "Council President Raymond Tully, 67, cast the deciding vote."
    tully = (sentence.index("Raymond"), sentence.index(", 67"))
    assert holds_other_role("the mayor of Port Adair", sentence, *tully)
    assert not holds_other_role("the council president", sentence, *tully)
    sentence = "Mayor Denise Okafor, 52, called the vote painful."
    okafor = (sentence.index("Denise"), sentence.index(", 52"))
    assert not holds_other_role("the mayor of Port Adair", sentence, *okafor)


def test_a_role_held_somewhere_is_set_beside_its_holder() -> None:
    sentence = "Ostrevia's ambassador in Aldersund, Radu Velkan, welcomed the ruling."
    found = name_beside("the ambassador of Ostrevia", sentence, loose=True)
    assert found is not None and sentence[found[0] : found[1]] == "Radu Velkan"
    # After a place, a one-word name is where the place is, not who.
    sentence = "Jasmine Alvarez, 33, a mother of twins in El Paso, Texas, said so."
    found = name_beside("the twins", sentence, loose=True)
    assert found is None or sentence[found[0] : found[1]] != "Texas"
    assert name_beside("the twins", sentence.replace("Jasmine Alvarez, 33, ", ""), True) is None


def test_asked_for_a_spokesperson_the_reader_s_chief_executive_gives_way(
    fake_embedder: FakeEmbedder,
) -> None:
    text = (
        "Aster's chief executive, Laura Brennan, said quality was the first priority.\n"
        "“We apologise,” Aster spokeswoman Dana Whitfield said in a statement.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("Who is Aster's spokesperson?")
    assert answer.found and answer.text == "Dana Whitfield"
    assert answer.evidence[0].position == 1


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How does the article describe Hezbollah?", "Hezbollah"),
        ("How is Hamas described in the article?", "Hamas"),
        ("How does the story characterize the talks?", "the talks"),
        ("How is it described?", None),
        ("How did Israel describe the strike?", None),  # what someone said: the reader's
    ],
)
def test_how_the_article_describes_a_thing_asks_what_it_is(
    question: str, thing: str | None
) -> None:
    assert thing_described(question) == thing


def test_how_the_article_describes_a_name_is_the_phrase_beside_it(
    fake_embedder: FakeEmbedder,
) -> None:
    text = (
        "The talks touched on Hezbollah, the Iran-backed Shi’ite militia, and its arms.\n"
        "Israel struck Beirut on November 23.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("How does the article describe Hezbollah?")
    assert answer.text == "the Iran-backed Shi’ite militia"


def test_a_body_read_for_a_persons_role_gives_way_to_the_name_beside_it(
    fake_embedder: FakeEmbedder,
) -> None:
    from qa.calibration import Calibration
    from tests.qa.test_shares import ScoredPhrases

    text = (
        "Halvorsen was sentenced at Marlow County Superior Court on Friday.\n"
        "Judge Patricia Oyelaran said he had shown no remorse.\n"
    )
    reader = ScoredPhrases({"Marlow County Superior Court": 6.0})
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=reader, calibration=calibration)
    answer = bot.ask("Who was the judge at the sentencing?")
    assert answer.found and answer.text == "Patricia Oyelaran"
    # A person read stands: the reader's answer is given.
    named = ScoredPhrases({"Halvorsen": 6.0})
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=named, calibration=calibration)
    assert bot.ask("Who was the judge at the sentencing?").text == "Halvorsen"


def test_a_role_after_a_name_and_its_age_holds_its_owner() -> None:
    # "Dorian Kestrel, 47, the founder and chief executive of Meridian Ascent" is not its
    # chief financial officer (stories h35-h38).
    sentence = (
        '"We own it," said Dorian Kestrel, 47, the founder and chief executive of Meridian Ascent.'
    )
    kestrel = (sentence.index("Dorian"), sentence.index(", 47"))
    assert described_role(sentence, *kestrel) == (
        "the founder and chief executive of Meridian Ascent",
        False,
    )
    assert holds_other_role("the chief financial officer of Meridian Ascent", sentence, *kestrel)
    assert not holds_other_role("the chief executive of Meridian Ascent", sentence, *kestrel)


def test_a_role_after_its_owners_name_is_the_one_the_name_holds() -> None:
    # "Valley Crest spokeswoman Angela Moreno" is no chief executive (story h40).
    sentence = "Valley Crest spokeswoman Angela Moreno said the company would pay for repairs."
    moreno = (sentence.index("Angela"), sentence.index(" said"))
    assert described_role(sentence, *moreno) == ("Valley Crest spokeswoman", False)
    assert holds_other_role("the chief executive of Valley Crest", sentence, *moreno)
    assert not holds_other_role("the spokeswoman of Valley Crest", sentence, *moreno)


def test_a_role_in_small_letters_of_an_owner_named_after_the_name_describes_it() -> None:
    # "Who is the state's education commissioner?" / "Gwen Albright" (story h45).
    sentence = (
        "Gwen Albright, president of the Halvern Valley Education Association, said no "
        "teachers would be laid off."
    )
    end = len("Gwen Albright")
    assert described_role(sentence, 0, end) == (
        "president of the Halvern Valley Education Association",
        False,
    )
    assert holds_other_role("the education commissioner", sentence, 0, end)
    # Words in small letters that name no role describe no one: "said ..." is a deed.
    assert described_role("Gwen Albright, speaking of the Council, said so.", 0, end) is None
