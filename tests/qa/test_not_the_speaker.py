"""Who said it is not what was said (qa.not_the_speaker)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.not_the_speaker import not_speakers
from qa.reading import ReadSpan

ARTICLE = (
    "It was made by monks at Wexmoor Abbey in about 1270. "
    "Detective Inspector Samuel Okafor of Wexmoor Police, who led the investigation, said "
    'the raid had been "carefully planned". '
    'Okafor said the manuscript had been recovered "largely intact". '
    "According to the curator Helena Marsh, the psalter was insured for two million pounds. "
    "According to Fred Bronson, author of books on the charts, no one has had as many hits. "
    "The museum was closed, and its director, Alan Greaves, said it would reopen soon. "
    '"We will not move," said Priya Raman, the shipping line operations director. '
    "The airport is the tenth-busiest in the United States for total passengers. "
    '"They won," said Denise Okafor, 52, president of the union local. '
    "Dr. Priya Anand, a marine biologist with the Coastal Research Institute, cautioned "
    "against blaming a single cause. "
    "Tomas Reyes, 39, a captain with the tug operator Sarna Harbour Services, said his crew "
    "had worked 16-hour shifts. "
    '"This is a day many families thought would never come," said Idris al-Manouri, 58, '
    "Qaldor's minister of state, who has led the mediation since January. "
    "A shift of 38 was on duty, according to Tobias Renner, 52, the plant manager. "
    "Kestrel's managing director, Gavin Oyelaran, said the company had suspended the barge. "
    "The National Aviation Safety Board said on Sunday it had sent six investigators. "
    "Abernathy said she had been asked to look at paintings linked to the consignor. "
    '"It is the worst spill," said Commander Ilsa Varnow, 52, who is leading the coastguard '
    "response from a command post in the fishing town of Port Hesket."
)
SENTENCES = split_sentences(ARTICLE)


def _span(
    text: str, position: int, margin: float = 1.0, beside: ReadSpan | None = None
) -> ReadSpan:
    sentence = SENTENCES[position]
    start = sentence.start + sentence.text.index(text)
    runner_up = None if beside is None else (lambda: beside)
    return ReadSpan(text, start, start + len(text), position, margin, runner_up=runner_up)


def _kept(question: str, spans: list[ReadSpan]) -> list[str]:
    return [span.text for span in not_speakers(spans, question, SENTENCES)]


def test_who_said_it_does_not_answer_what_was_said() -> None:
    spans = [_span("Okafor", 2, 4.5), _span("monks", 0, 3.5)]
    assert _kept("Who made the manuscript?", spans) == ["monks"]
    assert _kept("Where was the manuscript recovered?", [_span("Okafor", 2)]) == []
    # "According to X, ...": X is who says it, not what was insured.
    assert _kept("Who insured the psalter?", [_span("Helena Marsh", 3)]) == []


def test_what_was_said_beside_the_speaker_may_answer() -> None:
    insured = _span("two million pounds", 3, -0.5)
    marsh = _span("Helena Marsh", 3, 2.0, beside=insured)
    assert _kept("How much was the psalter insured for?", [marsh]) == ["two million pounds"]
    # Beside a speaker the reader did not believe, nothing is looked for.
    doubted = _span("Helena Marsh", 3, -2.0, beside=insured)
    assert _kept("How much was the psalter insured for?", [doubted]) == []


def test_a_question_about_the_speaker_or_the_saying_keeps_the_speaker() -> None:
    # The question's words are in the speaker's own description.
    led = [_span("Detective Inspector Samuel Okafor of Wexmoor Police", 1)]
    assert _kept("Who led the investigation?", led) == [led[0].text]
    # The question asks who said, believed or described something.
    okafor = [_span("Okafor", 2)]
    assert _kept("Who said the manuscript was recovered intact?", okafor) == ["Okafor"]
    assert _kept("Who believes the manuscript was recovered intact?", okafor) == ["Okafor"]
    # "States" of "the United States" is no verb of saying.
    busiest = [_span("tenth-busiest", 7)]
    assert _kept("How does the airport rank for passengers?", busiest) == ["tenth-busiest"]
    # A span that is not who speaks stays, whatever the question.
    intact = [_span("largely intact", 2)]
    assert _kept("In what state was the manuscript recovered?", intact) == ["largely intact"]
    # ... or in what the speaker is called, set off by commas.
    bronson = [_span("Fred Bronson", 4)]
    assert _kept("Who wrote books on the charts?", bronson) == ["Fred Bronson"]
    assert _kept("Who has had as many hits?", bronson) == []
    greaves = [_span("Alan Greaves", 5)]
    assert _kept("Who is the museum's director?", greaves) == ["Alan Greaves"]
    assert _kept("When will the museum reopen?", greaves) == []
    raman = [_span("Priya Raman", 6)]
    assert _kept("Who is the operations director?", raman) == ["Priya Raman"]
    # ... with the speaker's age first.
    president = [_span("Denise Okafor", 8)]
    assert _kept("Who is the union president?", president) == ["Denise Okafor"]
    assert _kept("Who won?", president) == []
    # The question names the speaker ("Okafor"): it asks about him.
    assert _kept("Who is Okafor?", okafor) == ["Okafor"]


def test_a_name_in_what_the_speaker_is_called_is_about_the_speaker() -> None:
    # The speaker is Dr. Anand, named before what she is called: the institute is hers.
    institute = [_span("Coastal Research Institute", 9)]
    asked = "Which organisation does Priya Anand work for?"
    assert _kept(asked, institute) == ["Coastal Research Institute"]


def test_a_body_named_in_an_aged_speakers_description_is_about_the_speaker() -> None:
    # "Tomas Reyes, 39, a captain with ...": the age does not hide who the speaker is.
    firm = _span("Sarna Harbour Services", 10)
    assert _kept("Which company does Tomas Reyes work for?", [firm]) == [firm.text]


def test_what_the_speaker_has_done_is_about_the_speaker() -> None:
    # "..., said Idris al-Manouri, 58, Qaldor's minister ..., who has led the mediation".
    assert _kept("Who led the mediation?", [_span("Idris al-Manouri", 11)]) == ["Idris al-Manouri"]
    assert _kept("Who would never come?", [_span("Idris al-Manouri", 11)]) == []


def test_a_source_closing_the_sentence_is_described_to_its_end() -> None:
    # "..., according to Tobias Renner, 52, the plant manager." (story h27).
    assert _kept("Who manages the plant?", [_span("Tobias Renner", 12)]) == ["Tobias Renner"]
    assert _kept("Who was on duty?", [_span("Tobias Renner", 12)]) == []


def test_a_speaker_called_by_the_role_asked_holds_it() -> None:
    # "Who heads the barge company?": a managing director is its head (story h23).
    oyelaran = [_span("Gavin Oyelaran", 13)]
    assert _kept("Who heads the barge company?", oyelaran) == ["Gavin Oyelaran"]
    assert _kept("Who suspended the barge?", oyelaran) == []


def test_a_speaker_telling_what_it_did_itself_did_it() -> None:
    # "The board said on Sunday it had sent six investigators": the board is investigating
    # (story h43); not so where what was said has another subject ("Okafor said the
    # manuscript had been recovered").
    board = [_span("National Aviation Safety Board", 14)]
    assert _kept("Which agency is investigating the crash?", board) == [board[0].text]
    assert _kept("Where was the manuscript recovered?", [_span("Okafor", 2)]) == []
    # Nor where the question asks who someone is, or a name, not who did something.
    abernathy = [_span("Abernathy", 15)]
    assert _kept("What is the name of the consignor?", abernathy) == []
    assert _kept("Who is the consignor?", abernathy) == []
    assert _kept("Who was asked to look at the paintings?", abernathy) == ["Abernathy"]


def test_a_speaker_whose_age_comes_before_what_they_do_is_who_does_it() -> None:
    # "Who is leading the coastguard operation?" (story h48): the clause after the age
    # says what the speaker does, which the question asks.
    varnow = _span("Commander Ilsa Varnow", len(SENTENCES) - 1, 6.4)
    asked = "Who is leading the coastguard operation?"
    assert _kept(asked, [varnow]) == ["Commander Ilsa Varnow"]
    assert _kept("Where is the worst spill?", [varnow]) == []
