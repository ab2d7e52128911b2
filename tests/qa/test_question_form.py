"""Questions typed as people type them take the clean question's form (qa.question_form)."""

from __future__ import annotations

import pytest

from qa.dates import find_dates
from qa.question_form import tidy

# Written the clean way: every rule must leave them exactly as they are.
CLEAN = [
    "What was targeted on November 23?",
    "Who is the president of Lebanon?",
    "Where did the November 23, 2025 air strike take place?",
    "What happened in September?",
    "How do Israeli officials see Hezbollah's armed presence?",
    "Why did the talks stall?",
    "Tell me about the strike.",
    "Which organization has been designated a terrorist organization?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_a_clean_question_is_unchanged(question: str) -> None:
    assert tidy(question) == question


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        # Contractions spelled out.
        ("who's the president", "Who is the president?"),
        ("when's the next round of talks", "When is the next round of talks?"),
        ("What's the target?", "What is the target?"),
        ("Where’s Ras EnNakoura?", "Where is Ras EnNakoura?"),
        ("who're the delegates", "Who are the delegates?"),
        ("whos in charge", "Who is in charge?"),
        ("whats the capital", "What is the capital?"),
        ("who's been targeted", "Who has been targeted?"),
        # Chat shorthand spelled out; "r" only where an auxiliary stands.
        ("why r prices higher", "Why are prices higher?"),
        ("how much r tickets", "How much are tickets?"),
        ("r there any casualties", "Are there any casualties?"),
        ("how many ppl came b4 noon", "How many people came before noon?"),
        ("how many jobs r being cut", "How many jobs are being cut?"),
        # "n" between two plurals is "and"; elsewhere it may be "in".
        ("how many planes n helicopters were used", "How many planes and helicopters were used?"),
        ("what happened n the battle", "What happened n the battle?"),
        # A weekday shortened, where a day is plainly meant; "sat", "sun", "wed" are words.
        ("how many trains ran mon", "How many trains ran on Monday?"),
        ("what happened wed afternoon", "What happened on Wednesday afternoon?"),
        ("who spoke on tues.", "Who spoke on Tuesday?"),
        ("who sat on the committee", "Who sat on the committee?"),
        ("how hot is the sun", "How hot is the sun?"),
        ("profit in q3?", "Profit in third quarter?"),
        ("How much does the Audi Q3 cost?", "How much does the Audi Q3 cost?"),
        ("njoku uni?", "Njoku university?"),
        ("what did u say", "What did you say?"),
        ("whos the mayor rn", "Who is the mayor right now?"),
        ("what did the pm say", "What did the prime minister say?"),
        # An embedded question (a request's words left off) in a question's order.
        ("can you tell me who the ref was", "Who was the ref?"),
        ("where the final was played", "Where was the final played?"),
        ("how old he is", "How old is he?"),
        ("how many people were evacuated", "How many people were evacuated?"),
        ("who the hell is he", "Who the hell is he?"),
        ("can you tell me who mara okonjo is", "Who is mara okonjo?"),
        ("who knows where it is", "Who knows where it is?"),
        # "no." and "#" before "of": the number of.
        ("no. of special trains for fans", "Number of special trains for fans?"),
        ("what was the no. of ships", "What was the number of ships?"),
        ("# of trains", "Number of trains?"),
        ("no of ships waiting", "Number of ships waiting?"),
        ("what happened at 3 pm", "What happened at 3 pm?"),
        ("who's the health min", "Who is the health minister?"),
        ("what min did castelmont score first", "What minute did castelmont score first?"),
        ("how long was the wait, 5 min", "How long was the wait, 5 min?"),
        ("whats the min price", "What is the min price?"),
        ("salvay dob", "Salvay date of birth?"),
        ("where is the company hq", "Where is the company headquarters?"),
        ("qarta lawsuit settlement amt", "Qarta lawsuit settlement amount?"),
        ("who went w/ him", "Who went with him?"),
        ("whats the plant gonna cost", "What is the plant going to cost?"),
        ("i wanna know who won", "Who won?"),
        # One question mark at the end (unless it ends as a sentence), a capital first.
        ("what was targeted", "What was targeted?"),
        ("What was targeted ??", "What was targeted?"),
        ("what was targeted?  ", "What was targeted?"),
        ("Describe the strike.", "Describe the strike."),
        ("Describe the strike!", "Describe the strike!"),
        ("‘radical elements’ means what", "‘radical elements’ means what?"),
        # Dates as "November 23", the day qa.dates reads from the typed form.
        ("What was targeted on nov. 23", "What was targeted on November 23?"),
        ("What was targeted on Nov 23?", "What was targeted on November 23?"),
        ("What happened on Sept 5?", "What happened on September 5?"),
        ("What happened on November 23rd?", "What happened on November 23?"),
        ("What happened on the 23rd of nov?", "What happened on November 23?"),
        ("What happened on 23 November?", "What happened on November 23?"),
        ("What happened on the 23rd november", "What happened on November 23?"),
        ("What happened on 23 Nov 2025?", "What happened on November 23, 2025?"),
        ("What happened in sept?", "What happened in September?"),
        # "may" and "mar" in lower case are months with a period or a year after them.
        ("How many were sold as of mar. 2011", "How many were sold as of March 2011?"),
        ("what happened in may 2024", "What happened in May 2024?"),
        ("What happened on mar. 23", "What happened on March 23?"),
        # Words around the question that ask nothing: a greeting, a request to tell it,
        # a "please".
        ("can you tell me what was targeted on nov 23", "What was targeted on November 23?"),
        ("Could you please tell me who hailed the talks?", "Who hailed the talks?"),
        ("do you know where the talks were held", "Where were the talks held?"),
        ("I want to know who condemned the strike", "Who condemned the strike?"),
        ("I'd like to know what the envoy said", "What did the envoy say?"),
        # A yes/no question asked of someone: its auxiliary opens it.
        ("could you tell me is there a ceasefire", "Is there a ceasefire?"),
        ("do you know did anyone die", "Did anyone die?"),
        # An embedded question with no auxiliary takes "did"; a subject not opened by a
        # determiner takes its auxiliary after "why", "when" or "where".
        ("can you tell me why tarrow paid for the bridge", "Why did tarrow pay for the bridge?"),
        ("can you tell me who he beat in the semis", "Who did he beat in the semis?"),
        ("can you tell me why game 3 was delayed", "Why was game 3 delayed?"),
        ("what they think caused the failure", "What do they think caused the failure?"),
        ("how long the siege lasted", "How long did the siege last?"),
        # Not a question's own subject, a quantity, an adjective or an opening clause.
        ("who called the talks a breakthrough", "Who called the talks a breakthrough?"),
        ("what percentage voted for it", "What percentage voted for it?"),
        ("how many people died", "How many people died?"),
        ("how quickly they arrived", "How quickly they arrived?"),
        ("how long til all the data is downloaded", "How long til all the data is downloaded?"),
        ("when r the tissue results expected", "When are the tissue results expected?"),
        ("How far away is that?", "How far away is that?"),
        (
            "Where on the trophy can two of the lions be seen?",
            "Where on the trophy can two of the lions be seen?",
        ),
        (
            "How the restrictions on bound variables to be seen?",
            "How the restrictions on bound variables to be seen?",
        ),
        (
            "When the game was released, in what hand did Link hold his sword?",
            "When the game was released, in what hand did Link hold his sword?",
        ),
        ("Tell me what happened on November 19.", "What happened on November 19?"),
        ("what was targeted on november 23, please", "What was targeted on November 23?"),
        ("Please, when's the next round?", "When is the next round?"),
        ("hi! who condemned the strike?", "Who condemned the strike?"),
        # A greeting set off by its mark, before a question opened any way.
        ("hi, the game was released in what year?", "The game was released in what year?"),
        ("ok, in the first round, who won?", "In the first round, who won?"),
        ("Hey! Hezbollah is backed by who", "Hezbollah is backed by who?"),
        ("so what was targeted?", "What was targeted?"),
        ("ok, where were the talks held", "Where were the talks held?"),
        ("Ok, and where did the strike happen?", "Where did the strike happen?"),
        ("alright, who condemned it", "Who condemned it?"),
        ("hey, can you tell me who won?", "Who won?"),
        ("ok, in what season was the save introduced?", "In what season was the save introduced?"),
        ("tell me to whom the award went", "To whom the award went?"),
        ("can u tell me who hailed the talks", "Who hailed the talks?"),
        ("who hailed the talks pls", "Who hailed the talks?"),
        # A contraction typed without its apostrophe still asks.
        ("pls whats the name of the hacker group", "What is the name of the hacker group?"),
        ("hey whos the union president", "Who is the union president?"),
        # A request to tell a thing is what it is; one to tell about a topic stays one.
        ("can u tell me the ballot result", "What is the ballot result?"),
        ("please tell me the ransom deadline", "What is the ransom deadline?"),
        ("can you tell me about the strike", "Can you tell me about the strike?"),
        ("Q: who hailed the talks?", "Who hailed the talks?"),
        ("Question: What was hit?", "What was hit?"),
        # The article named as the source, thanks after the question.
        ("according to the article, what was hit?", "What was hit?"),
        ("what was hit according to the article", "What was hit?"),
        ("In the text, the envoy said what?", "The envoy said what?"),
        ("who condemned the strike in the article?", "Who condemned the strike?"),
        ("what does the article say was targeted", "What was targeted?"),
        ("Who condemned the strike? Thanks", "Who condemned the strike?"),
        ("who condemned the strike thx :)", "Who condemned the strike?"),
        # Short follow-ups typed other ways: read as "Why?" and "Who said so?" are.
        ("y did Israel strike Beirut", "Why did Israel strike Beirut?"),
        ("how come?", "Why?"),
        ("How come", "Why?"),
        ("who said?", "Who said so?"),
        ("says who", "Who said so?"),
        ("According to whom?", "Who said so?"),
        # Who said so, of a claim: the claim said, its auxiliary dropped.
        (
            "According to whom did the ministry hail the talks?",
            "Who said the ministry hail the talks?",
        ),
        ("according to who is hezbollah a threat", "Who said hezbollah a threat?"),
        ("The target was a building, according to whom?", "Who said the target was a building?"),
        ("what was targeted, according to whom?", "What was targeted, according to whom?"),
        # "What went down" is what happened, unless something says what fell.
        ("what went down on nov 19", "What happened on November 19?"),
        ("What went down?", "What happened?"),
        ("what went down in price", "What went down in price?"),
    ],
)
def test_a_typed_question_takes_the_clean_form(typed: str, clean: str) -> None:
    assert tidy(typed) == clean
    assert find_dates(tidy(typed)) == find_dates(typed)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("what was targeted on 11/23", "What was targeted on November 23?"),
        ("what was targeted on 23/11", "What was targeted on November 23?"),
        ("what happened on 2025-11-23", "What happened on November 23, 2025?"),
        ("what happened on 23.11.2025", "What happened on November 23, 2025?"),
        ("what happened on 11/23/2025", "What happened on November 23, 2025?"),
        ("since 11/19, what happened", "Since November 19, what happened?"),
        ("where did the 11/23 strike happen", "Where did the November 23 strike happen?"),
        # Either figure could be the day, no preposition says it is a date, or no such day.
        ("what happened on 9/11", "What happened on 9/11?"),
        ("what happened on 5/6/2024", "What happened on 5/6/2024?"),
        ("is it open 24/7", "Is it open 24/7?"),
        ("who runs the 24/7 helpline", "Who runs the 24/7 helpline?"),  # after "the": month first
        ("what happened on 2025-02-30", "What happened on 2025-02-30?"),
    ],
)
def test_a_date_in_figures_reads_in_words_where_its_day_is_plain(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    "text",
    [
        "Tell me about the strike.",  # a request with no question inside: as typed
        "Well water?",  # "well" not before a question word
        "Who said so?",
        "Do you know if there were casualties?",  # no question word to keep
        "Can you tell me?",
        "Please",  # nothing but the wrapper: kept, not emptied
        "What is in the article?",  # asks about the article itself
        "What does the text say about the envoy?",
        "Who is Ty?",
        "How come Israel struck Beirut?",
        "Y chromosome?",
        "Who said Israel struck Beirut?",
    ],
)
def test_words_around_no_question_are_kept(text: str) -> None:
    assert tidy(text).rstrip("?") == text.rstrip("?")


@pytest.mark.parametrize(
    "question",
    [
        "Who led the U.S. team?",
        "What is Ur?",
        "Where is Block R?",
        "What is r&d spending?",
        "Who lives at No. 10 Downing Street?",
        "What is the no. 1 song?",
    ],
)
def test_names_and_letters_are_not_shorthand(question: str) -> None:
    assert tidy(question) == question


def test_possessives_and_plurals_are_not_contractions() -> None:
    assert tidy("Lebanon's president, its army and the IDF's statements?") == (
        "Lebanon's president, its army and the IDF's statements?"
    )


def test_the_before_a_day_first_date_stays_when_it_belongs_to_what_follows() -> None:
    assert tidy("where was the 23 nov air strike") == "Where was the November 23 air strike?"


@pytest.mark.parametrize(
    "question",
    [
        "What may 3 people have seen?",  # "may" in lower case is a verb, as qa.dates reads it
        "Who may march in march?",
        "What happened on Nov 31?",  # no such day
        "What did the 3rd round of talks agree?",  # an ordinal, not a date
    ],
)
def test_what_is_not_a_date_is_left_alone(question: str) -> None:
    assert tidy(question) == question


def test_a_shouted_question_is_lowered_first() -> None:
    assert tidy("WHO'S LEBANON'S PRESIDENT") == "Who is lebanon's president?"
    # One capitalised word is not shouting.
    assert tidy("what did the IDF say") == "What did the IDF say?"


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("what was targetted nov 23", "What was targetted on November 23?"),
        ("who was the target 23rd nov", "Who was the target on November 23?"),
        ("What happened tuesday", "What happened on tuesday?"),
    ],
)
def test_a_day_after_a_verb_or_noun_takes_on(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    "question",
    [
        "What was the November 23 target?",
        "November 23 target?",
        "What happened last Tuesday?",
        "Which Saturday afternoon match did they watch?",
        "What happened on Sunday, November 23?",
        "What was hit between November 19 and November 23?",
        "What may 3 people have seen?",
    ],
)
def test_a_day_already_led_or_opening_the_question_is_left_alone(question: str) -> None:
    assert tidy(question) == question


def test_pictographs_are_left_out_unless_they_are_all_there_is() -> None:
    assert tidy("how many died in valencia 😢") == "How many died in valencia?"
    assert tidy("❤️ who backs hezbollah 👍🏽") == "Who backs hezbollah?"
    assert tidy("what was the price in €") == "What was the price in €?"
    assert tidy("😢") == "😢?"


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("Mazón - who is he?", "Who is Mazón?"),
        ("Hezbollah: who backs them?", "Who backs Hezbollah?"),
        ("as for the A-7, when did it reopen", "When did the A-7 reopen?"),
        ("the ministry - what is its role", "What is the ministry's role?"),
        ("What about Hezbollah, is it backing down?", "Is Hezbollah backing down?"),
        ("and the strike before that, where was it", "Where was the strike before that?"),
        ("what about lebanon, what did its reps want", "What did lebanon's reps want?"),
    ],
)
def test_a_topic_named_first_takes_its_pronouns_place(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        # The correction names who was meant; the question's pronoun is them (story h46).
        (
            "No, I meant the diplomat who helped organise the meetings. Who is that?",
            "Who is the diplomat who helped organise the meetings?",
        ),
        ("no i meant the captain. how old is he", "How old is the captain?"),
        # Nothing points back: the correction alone, read as before (qa.referring).
        ("sorry, I meant Hezbollah", "Sorry, I meant Hezbollah?"),
        (
            "No, I meant the captain. Where was the ship built?",
            "No, I meant the captain. Where was the ship built?",
        ),
    ],
)
def test_the_one_meant_takes_the_pronouns_place(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        # What the one pointed at has, asked with no verb (story h46).
        ("And his age?", "What is his age?"),
        ("her role", "What is her role?"),
        ("and their names?", "What are their names?"),
        ("And his?", "And his?"),
    ],
)
def test_what_one_pointed_at_has_is_asked_as_a_question(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    "question",
    [
        "In Beirut, what was hit?",
        "When the talks ended, what did they agree?",
        "Israel, Lebanon: what happened?",
        "Over the last two years, what must a team average for them to get a permit?",
    ],
)
def test_a_setting_or_clause_before_a_question_is_left_alone(question: str) -> None:
    assert tidy(question) == question


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("where were the talks lol", "Where were the talks?"),
        ("Who won, haha?", "Who won?"),
        ("quick q: who hailed the talks?", "Who hailed the talks?"),
        ("hey quick q - who hailed the talks", "Who hailed the talks?"),
        ("one more question: where was it", "Where was it?"),
        ("so who condemned the strike then", "Who condemned the strike?"),
    ],
)
def test_chat_fillers_around_a_question_are_left_out(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


def test_then_is_kept_where_it_is_a_time() -> None:
    assert tidy("What happened then?") == "What happened then?"
    assert tidy("who was in charge then") == "Who was in charge then?"


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("what does that guy do", "What does he do?"),
        ("who is this woman", "Who is she?"),
        ("what did they say about that man", "What did they say about him?"),
        ("Who was the man in the building?", "Who was the man in the building?"),
    ],
)
def test_a_person_pointed_at_is_he_or_she(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("no, I meant what did they vote for", "What did they vote for?"),
        ("sorry, who is he", "Who is he?"),
        # A correction naming no question is a fragment for the follow-up to read.
        ("no, I meant the Beirut strike", "No, I meant the Beirut strike?"),
    ],
)
def test_a_corrected_question_is_the_question(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("nov 19 what happened", "What happened on November 19?"),
        ("November 23: what was targeted?", "What was targeted on November 23?"),
        ("what happened on nov 19", "What happened on November 19?"),
    ],
)
def test_a_day_typed_first_goes_after_the_question(typed: str, clean: str) -> None:
    assert tidy(typed) == clean


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("where'd they meet", "Where did they meet?"),
        ("why'd the canal decline", "Why did the canal decline?"),
        ("who'd have thought", "Who would have thought?"),
        ("whereabouts in the city", "Where in the city?"),
    ],
)
def test_more_contractions_and_question_words_as_typed(typed: str, clean: str) -> None:
    assert tidy(typed) == clean
