"""Who someone is answers no why, how, when or where (qa.who_they_are)."""

from __future__ import annotations

from qa.reading import ReadSpan
from qa.who_they_are import not_who_they_are

TEXT = (
    "The bridge was paid for by a wool merchant, Edmund Tarrow, after his son drowned. "
    "Mayor Ines Roth, a former nurse, opened it in 1590, Roth said."
)


def _span(
    answer: str, margin: float = 2.0, beside: ReadSpan | None = None, text: str = TEXT
) -> ReadSpan:
    start = text.index(answer)
    runner_up = None if beside is None else (lambda: beside)
    return ReadSpan(answer, start, start + len(answer), 0, margin, runner_up=runner_up)


def _kept(question: str, spans: list[ReadSpan]) -> list[str]:
    return [span.text for span in not_who_they_are(spans, question, TEXT)]


def test_who_someone_is_gives_way_to_the_reason_beside_it() -> None:
    reason = _span("his son drowned", -0.5)
    merchant = _span("wool merchant", 9.0, beside=reason)
    assert _kept("Why did Edmund Tarrow pay for the bridge?", [merchant]) == ["his son drowned"]
    assert _kept("Why Tarrow paid for the bridge?", [merchant]) == ["his son drowned"]
    # After the name too.
    assert _kept("When did Ines Roth open it?", [_span("a former nurse")]) == []
    # Only a role or a kind of person describes: not a date before a name.
    assert _kept("When did Roth open the bridge?", [_span("1590")]) == ["1590"]


def test_who_someone_is_answers_who_and_what() -> None:
    merchant = _span("wool merchant", 9.0)
    assert _kept("What was Edmund Tarrow's job?", [merchant]) == ["wool merchant"]
    assert _kept("Who paid for the bridge?", [merchant]) == ["wool merchant"]
    # Beside a name the question does not hold.
    assert _kept("Why was the bridge built?", [merchant]) == ["wool merchant"]


def test_who_did_something_to_a_role_is_not_its_holder() -> None:
    from index.sentences import split_sentences
    from qa.who_they_are import not_the_role_named

    text = (
        "The biggest casualty was the regional premier, Helmut Brandauer, who lost his seat "
        "to Tomas Reinholt."
    )
    sentences = split_sentences(text)

    def kept(question: str, spans: list[ReadSpan]) -> list[str]:
        return [s.text for s in not_the_role_named(spans, question, sentences)]

    winner = _span("Tomas Reinholt", -1.0, text=text)
    premier = _span("Helmut Brandauer", 3.0, beside=winner, text=text)
    assert kept("Who beat the premier in Kestrel Ford?", [premier]) == ["Tomas Reinholt"]
    # Who holds the role, or became it: its holder answers.
    assert kept("Who is the premier?", [premier]) == ["Helmut Brandauer"]
    assert kept("Who became the premier?", [premier]) == ["Helmut Brandauer"]
    assert kept("Who will act as the premier?", [premier]) == ["Helmut Brandauer"]
    assert kept("Who will be the premier?", [premier]) == ["Helmut Brandauer"]
    # No role named.
    assert kept("Who lost his seat?", [premier]) == ["Helmut Brandauer"]
    # A role many hold: one of them may be the one asked for.
    judges = "Writing for the four dissenting judges, Justice Pavel Hruby, 71, said so."
    hruby = _span("Justice Pavel Hruby", 3.0, text=judges)
    for_them = not_the_role_named(
        [hruby], "Who wrote for the dissenting judges?", split_sentences(judges)
    )
    assert [s.text for s in for_them] == ["Justice Pavel Hruby"]


def test_a_role_read_for_who_is_the_name_beside_it() -> None:
    from index.sentences import split_sentences
    from qa.who_they_are import named_holders

    text = "The group's chairwoman, retired schoolteacher Margaret Olsen, said residents objected."
    sentences = split_sentences(text)
    start = text.index("chairwoman")
    role = ReadSpan("chairwoman", start, start + len("chairwoman"), 0, -4.3)
    (named,) = named_holders([role], "Who chairs the group?", sentences)
    assert named.text == "Margaret Olsen"
    assert text[named.start : named.end] == "Margaret Olsen" and named.margin == -4.3
    # Not asked who; or a name read already.
    assert named_holders([role], "What is her title?", sentences) == [role]
    olsen = ReadSpan("Margaret Olsen", named.start, named.end, 0, 1.0)
    assert named_holders([olsen], "Who chairs the group?", sentences) == [olsen]


def test_who_someone_named_is_is_their_role_not_their_name() -> None:
    from index.sentences import split_sentences
    from qa.who_they_are import named_holders

    text = '"Investors are worried," said Clara Mendt, chief economist at Hollis Capital.'
    sentences = split_sentences(text)
    start = text.index("chief economist")
    role = ReadSpan("chief economist", start, start + len("chief economist"), 0, 10.9)
    assert named_holders([role], "Who is Clara Mendt?", sentences) == [role]
    assert named_holders([role], "who's clara mendt", sentences) == [role]
    (named,) = named_holders([role], "Who is the chief economist?", sentences)
    assert named.text == "Clara Mendt"
    # Written with a title and an age beside her role; asked without the title.
    text = "So said Dr. Lena Okafor, 51, the lead meteorologist at the weather service."
    sentences = split_sentences(text)
    start = text.index("lead meteorologist")
    role = ReadSpan("lead meteorologist", start, start + len("lead meteorologist"), 0, 8.0)
    assert named_holders([role], "Who is Lena Okafor?", sentences) == [role]
    (named,) = named_holders([role], "Who is the lead meteorologist?", sentences)
    assert named.text == "Dr. Lena Okafor"


def test_someone_described_first_is_the_name_the_next_sentence_opens_with() -> None:
    from index.sentences import Sentence
    from qa.who_they_are import named_holders

    first = (
        "The former treasurer of the Harbour Lights Children's Fund was charged on Monday "
        "with embezzling more than $1.3 million."
    )
    second = (
        "Gerald Pemberton, 58, a retired bank manager who had served as the charity's "
        "volunteer treasurer since 2011, faces 14 counts of theft."
    )
    other = "Gerald Pemberton, 58, appeared in court on Wednesday."
    described = "The former treasurer of the Harbour Lights Children's Fund"

    def answer(next_sentence: str, question: str = "Who was charged on Monday?") -> str:
        sentences = [
            Sentence(0, first, 0, len(first)),
            Sentence(1, next_sentence, len(first) + 1, len(first) + 1 + len(next_sentence)),
        ]
        span = ReadSpan(described, 0, len(described), 0, 2.0)
        (kept,) = named_holders([span], question, sentences)
        text = first + " " + next_sentence
        assert text[kept.start : kept.end] == kept.text
        return kept.text

    assert answer(second) == "Gerald Pemberton"
    # Not where the next sentence names no treasurer, nor for a question not asking who.
    assert answer(other) == described
    assert answer(second, "What was charged on Monday?") == described


def test_a_bare_role_is_the_one_name_the_article_sets_beside_it_elsewhere() -> None:
    from index.sentences import split_sentences
    from qa.who_they_are import named_holders

    # "killing its pilot" names no one; "The pilot, Graham Ostler, 58," does (story h43).
    text = (
        "A vintage fighter plane crashed on Saturday, killing its pilot. "
        "Eleven spectators were hurt. "
        "The pilot, Graham Ostler, 58, was pronounced dead at the scene."
    )
    sentences = split_sentences(text)
    start = text.index("its pilot")
    role = ReadSpan("its pilot", start, start + len("its pilot"), 0, 2.0)
    (named,) = named_holders([role], "Who was flying the vintage fighter plane?", sentences)
    assert named.text == "Graham Ostler" and named.position == 2
    assert text[named.start : named.end] == "Graham Ostler"
    # Not where two names stand beside the role.
    text += " The pilot, Anna Berg, landed safely."
    sentences = split_sentences(text)
    assert named_holders([role], "Who was flying it?", sentences) == [role]


def test_a_role_of_something_described_is_no_bare_role() -> None:
    from index.sentences import split_sentences
    from qa.who_they_are import named_holders

    # "captain of the title winning team" describes whom the lion stands for; "the team,
    # Europe" elsewhere is no holder of it (the validation split).
    text = "The third lion is the captain of the title winning team. The team, Europe, won."
    sentences = split_sentences(text)
    role = "captain of the title winning team"
    span = ReadSpan(role, text.index(role), text.index(role) + len(role), 0, 2.0)
    assert named_holders([span], "Who symbolizes the third lion?", sentences) == [span]
