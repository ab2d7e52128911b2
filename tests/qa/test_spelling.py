"""Typed words spelled as the article spells them (qa.spelling), and where ArticleQA uses it."""

from __future__ import annotations

from typing import Any

import pytest

from qa.bot import ArticleQA
from qa.errors import InvalidQuestion
from qa.limits import MAX_HISTORY_MESSAGES, MAX_MESSAGE_CHARS
from qa.spelling import ArticleWords, english_words, max_edits, shortens
from tests.conftest import FakeEmbedder

SENTENCES = [
    "Lebanon's foreign ministry hailed the talks with Israel in Ras EnNakoura.",
    "The negotiations covered the disarmament of Hezbollah, the Iran-backed militia.",
    "Israeli officials said Hezbollah's armed presence poses an existential threat.",
    "On November 23 the IDF confirmed an Israeli air strike in Beirut.",
    "Witnesses reported explosions near a commercial district.",
    "Delegates met for the A320 talks at the border.",
    "Meanwhile the envoy left.",
    "Later, the envoy called for restraint and the meanwhile of peace.",
]


@pytest.fixture(scope="module")
def words() -> ArticleWords:
    return ArticleWords(SENTENCES)


def test_a_typo_becomes_the_article_word(words: ArticleWords) -> None:
    assert words.spell("how do officals see it") == "how do officials see it"
    assert words.spell("who backs hezbolah") == "who backs Hezbollah"


def test_a_swap_of_two_letters_is_one_edit(words: ArticleWords) -> None:
    assert words.spell("where is beriut") == "where is Beirut"


def test_a_capital_typed_on_a_typo_stays(words: ArticleWords) -> None:
    assert words.spell("Offcials said") == "Officials said"


def test_a_correct_english_word_not_in_the_article_is_left_alone(words: ArticleWords) -> None:
    assert "president" not in words and "president" in english_words()
    assert words.spell("who is the president") == "who is the president"
    # Within reach of "officials" and "ministry", but words in their own right.
    assert words.spell("the official ministers") == "the official ministers"


def test_a_negative_contraction_is_left_as_typed(words: ArticleWords) -> None:
    # "wouldn" and "didn" are no words of English: mended, they became "would't", "din't".
    for typed in ("wouldn't", "didn’t", "hasn't", "aren't", "wasn't", "hadn't"):
        assert words.spell(f"why {typed} they agree") == f"why {typed} they agree"
    assert words.spell("why didn't hezbolah agree") == "why didn't Hezbollah agree"


def test_a_question_word_typed_wrong_may_end_the_question(words: ArticleWords) -> None:
    assert words.spell("the envoy called for wat") == "the envoy called for what"
    assert words.spell("strike in beirut wen") == "strike in Beirut when"
    # Not in a question that has its question word, nor a word of its own ("war").
    assert words.spell("what did it lead to wat") == "what did it lead to wat"
    assert words.spell("it could lead to war") == "it could lead to war"


def test_a_plural_owner_gets_its_mark_back() -> None:
    words = ArticleWords(
        ["The party said Farmers' Voice would join.", "Many farmers want subsidies."]
    )
    assert words.spell("who heads farmers voice") == "who heads Farmers' Voice"
    assert words.spell("what do farmers want") == "what do farmers want"  # no name follows


def test_a_word_near_no_article_word_is_left_alone(words: ArticleWords) -> None:
    assert words.spell("what about Qwertzuiop") == "what about Qwertzuiop"


def test_a_typo_near_no_article_word_becomes_the_english_word(words: ArticleWords) -> None:
    # "country" is not in the article: the reader is better served by it than by "contry".
    assert words.spell("which contry backs") == "which country backs"
    assert words.spell("the goverment said") == "the government said"
    # More than one edit from any English word: left as typed.
    assert words.spell("what about Qwertzuiop") == "what about Qwertzuiop"


def test_a_word_typed_without_its_vowels_gets_them_back(words: ArticleWords) -> None:
    # Chat spellings, more than the edit bound from the word: the article's, else English.
    assert words.spell("what did hzbllh do") == "what did Hezbollah do"
    assert words.spell("what happnd in beirut") == "what happened in Beirut"
    assert words.spell("what hapend") == "what happened"
    # Consonants are never dropped or changed, nor the first letter; too few letters
    # say nothing.
    assert words.spell("what about xzbllh") == "what about xzbllh"
    assert words.spell("whr were they") == "whr were they"


def test_the_edit_bound_grows_with_the_word(words: ArticleWords) -> None:
    assert [max_edits("talk"), max_edits("hezbolah"), max_edits("negotiationss")] == [1, 2, 3]
    # Five letters, two edits from "talks": too far. Nine letters, two edits: near enough.
    assert words.spell("tlkas") == "tlkas"
    assert words.spell("hezbolahh") == "Hezbollah"


def test_words_outside_the_english_alphabet_are_never_mended() -> None:
    # The English word list cannot say whether "ливан" is a word; the article's capitals
    # still come back, and an English typo one edit off is mended.
    words = ArticleWords(["Officials in Beyrut and Ливана met."])
    assert words.spell("ливан") == "ливан"
    assert words.spell("ливана beyrot") == "Ливана Beyrut"


def test_short_words_and_numbers_are_never_changed(words: ArticleWords) -> None:
    # "teh" is one swap from "the", "A321" one edit from "A320", "23th" is a number.
    assert words.spell("teh A321 talks on 23th") == "teh A321 talks on 23th"


def test_a_name_cut_short_is_the_name(words: ArticleWords) -> None:
    # "isr": the name the article writes most that begins so (Israel, then Israeli).
    assert words.spell("where did isr strike") == "where did Israel strike"
    assert words.spell("who backs hezb") == "who backs Hezbollah"
    # Not a word of the article's, nor English, nor a name in capitals ("IDF"), nor
    # shorter than three letters.
    assert words.spell("the is talks") == "the is talks"
    assert words.spell("what did id say") == "what did id say"


def test_an_apostrophe_left_out_is_put_back(words: ArticleWords) -> None:
    assert words.spell("what is hezbollahs aim") == "what is Hezbollah's aim"
    # A plural that is a word keeps its "s".
    assert words.spell("the officials") == "the officials"


def test_the_article_capitals_come_back(words: ArticleWords) -> None:
    assert words.spell("did israel and the idf meet in ras ennakoura") == (
        "did Israel and the IDF meet in Ras EnNakoura"
    )
    # "Meanwhile" is capitalised only where it starts a sentence: no capitals to restore.
    assert words.spell("and meanwhile") == "and meanwhile"


def test_a_short_english_word_opening_a_name_the_article_writes_gets_its_capital() -> None:
    words = ArticleWords(["Officials and Tom Hale met the US envoy.", "Rain fell on us."])
    assert words.spell("who is tom hale") == "who is Tom Hale"
    # Alone, or before a word the article does not capitalise, a short English word
    # stays as typed ("us" the pronoun, not "US").
    assert words.spell("what did tom say") == "what did tom say"
    assert words.spell("what fell on us") == "what fell on us"
    assert words.spell("who met the us envoy") == "who met the us envoy"


def test_the_same_article_always_mends_alike() -> None:
    typed = "wich ofical hailed the tlaks in beirit"
    assert ArticleWords(SENTENCES).spell(typed) == ArticleWords(list(SENTENCES)).spell(typed)


def test_among_equally_near_words_the_same_first_letter_then_the_most_used_wins() -> None:
    # "zorblax" is one edit from each; "korblax" is the most used, but typos rarely hit
    # the first letter.
    article = ["A korblax, a korblax, a zorblat and a zorblam came."]
    assert ArticleWords(article).spell("zorblax") == "zorblam"  # alphabetical on a tie
    article = ["A korblax, a zorblat, a zorblat and a zorblam came."]
    assert ArticleWords(article).spell("zorblax") == "zorblat"  # the most used


def test_among_equally_near_words_one_holding_every_typed_letter_wins() -> None:
    # "besat" is one edit from both; "best" is the most used, but "beast" is what a
    # swap of two letters leaves, while "best" needs a letter lost and one added.
    article = ["The best of the best met the beast at best."]
    assert ArticleWords(article).spell("besat") == "beast"
    # No article word near: the English word list, by the same rule ("mph" is commoner).
    assert ArticleWords(article).spell("moph") == "morph"


def test_a_question_word_typed_wrong_is_mended_before_the_article_words() -> None:
    # "were" and "with" are the article's most used words one edit away; a question
    # opens with a question word.
    article = ["They were with the envoy, and were with him when he spoke with them."]
    words = ArticleWords(article)
    assert words.spell("Whre did they meet") == "Where did they meet"
    assert words.spell("wehre did they meet") == "where did they meet"
    assert words.spell("wich envoy spoke") == "which envoy spoke"
    # Two question words as near ("hwo": "who", "how"), both holding every letter typed:
    # left as typed, unless the next word tells (a past tense agrees with "who").
    assert words.spell("hwo is it") == "hwo is it"
    assert words.spell("hwo spoke") == "who spoke"
    # Of two as near, the one a dropped letter leaves ("when" needs a wrong key struck),
    # though the article uses "when" and not "where".
    assert words.spell("wher did they meet") == "where did they meet"
    assert words.spell("whe did they meet") == "when did they meet"
    # A real word first is not a typo; a typo further on is any other word's.
    assert words.spell("were they with him") == "were they with him"
    assert words.spell("they whre with him") == "they were with him"


def test_an_english_word_a_slip_from_a_question_word_opens_a_question_without_one() -> None:
    words = ArticleWords(["They were with the envoy when he spoke."])
    # "wat" and "wen" are English words, but a letter dropped from "what" and "when".
    assert words.spell("Wat was targeted") == "What was targeted"
    assert words.spell("wen was the camp hit") == "when was the camp hit"
    assert words.spell("Whoo spoke") == "Who spoke"
    # Not where the question has its question word, or the word opens questions itself.
    assert words.spell("Wat did the envoy say where") == "Wat did the envoy say where"
    assert words.spell("Were they with him") == "Were they with him"
    # A wrong key only where the next word says "how": "hoe many".
    assert words.spell("Hoe many were there") == "How many were there"
    assert words.spell("Hoe was it") == "Hoe was it"
    # Not a wrong key or a lost first letter ("hot": "how", "hat": "what"), nor a name.
    assert words.spell("Hot topics") == "Hot topics"
    assert words.spell("Hat size") == "Hat size"
    assert words.spell("Wen Jiabao spoke") == "Wen Jiabao spoke"


def test_an_auxiliary_before_another_is_a_question_word_a_letter_short() -> None:
    words = ArticleWords(["They were with the envoy where he spoke."])
    # "were" is a word, and the article's, but no question opens "were were".
    assert words.spell("Were were the talks held") == "Where were the talks held"
    assert words.spell("were is the camp") == "where is the camp"
    # One auxiliary opens a yes/no question; a question word elsewhere keeps it.
    assert words.spell("Were the talks held in Beirut") == "Were the talks held in Beirut"
    assert words.spell("was was it where") == "was was it where"


def test_a_tie_between_question_words_is_broken_by_the_next_word() -> None:
    words = ArticleWords(["Zelda saves Midna when the village is attacked."])
    # "hwo", "ho": "who" or "how"; a degree after it says "how".
    assert words.spell("Hwo many weeks") == "How many weeks"
    assert words.spell("Ho much was paid") == "How much was paid"
    # "wh", "whi": "who" or "why"; a verb agreeing with its subject says "who".
    assert words.spell("Wh attacks the village") == "Who attacks the village"
    assert words.spell("Whi proposed it") == "Who proposed it"
    # Nothing to tell them apart: as typed.
    assert words.spell("Hwo is Midna") == "Hwo is Midna"
    assert words.spell("Wh does it rain") == "Wh does it rain"
    # A wrong key tells them apart where the next word does not (qa.keyboard): i is
    # beside o, not y.
    assert words.spell("Whi does it rain") == "Who does it rain"
    # A verb's irregular past agrees with its subject too: "won", "said".
    assert words.spell("Wh won the race") == "Who won the race"
    assert words.spell("wh said it") == "who said it"


def test_question_words_as_likely_as_each_other_are_each_read() -> None:
    words = ArticleWords(["Zelda saves Midna when the village is attacked."])
    assert words.openings("Wh does it rain?") == ["Who does it rain?", "Why does it rain?"]
    assert words.openings("hwo is Midna") == ["who is Midna", "how is Midna"]
    # One likeliest, a question word already, or a name: nothing to choose between.
    assert words.openings("Whp does it rain?") == []
    assert words.openings("Who is Midna?") == []
    assert words.openings("Wh is who?") == []
    assert words.openings("Wen Jiabao visited?") == []


def test_clean_runs_form_then_spelling(words: ArticleWords) -> None:
    assert words.clean("how do israeli officals see hezbollahs armed presence") == (
        "How do Israeli officials see Hezbollah's armed presence?"
    )
    assert words.clean("what did the idf confirm on nov. 23") == (
        "What did the IDF confirm on November 23?"
    )
    # A month mended by spelling still reads as a date.
    assert words.clean("what happened on novmber 23") == "What happened on November 23?"
    # A month shortened to an English word ("mar", "dec") before a day is the month.
    assert words.clean("what was hit on mar 11") == "What was hit on March 11?"
    assert words.clean("what was hit on dec. 3rd") == "What was hit on December 3?"
    assert words.clean("did the strike mar the talks") == "Did the strike mar the talks?"


@pytest.mark.parametrize(
    "question",
    [
        "What did the IDF confirm on November 23?",
        "Who is the president of Lebanon?",
        "How do Israeli officials see Hezbollah's armed presence?",
        "Which country backs Hezbollah?",
    ],
)
def test_a_clean_question_is_unchanged(words: ArticleWords, question: str) -> None:
    assert words.clean(question) == question


def test_history_user_turns_are_cleaned_and_the_rest_kept(words: ArticleWords) -> None:
    answer = {"text": "Beirut", "found": True}
    history: list[Any] = [
        {"role": "user", "content": "where was the strike on nov 23"},
        {"role": "assistant", "content": "Beirut", "answer": answer},
        {"role": "user", "content": 7},
        "not a message",
    ]
    cleaned = words.clean_history(history)
    assert cleaned[0] == {"role": "user", "content": "Where was the strike on November 23?"}
    assert cleaned[1:] == history[1:]
    assert history[0]["content"] == "where was the strike on nov 23"  # the caller's is kept
    assert words.clean_history(None) is None


def test_history_over_the_limit_is_refused_before_it_is_read(words: ArticleWords) -> None:
    history = [{"role": "user", "content": "hi"}] * (MAX_HISTORY_MESSAGES + 1)
    with pytest.raises(InvalidQuestion, match="messages; the limit is"):
        words.clean_history(history)


def test_a_history_the_cleaning_would_take_over_a_limit_is_read_as_typed(
    words: ArticleWords,
) -> None:
    at_limit = "where was the strike" + " " * (MAX_MESSAGE_CHARS - 21) + "x"
    history = [{"role": "user", "content": at_limit}]
    assert words.clean(at_limit).endswith("x?")  # one character more than the limit
    assert words.clean_history(history) == history


def test_article_qa_reads_the_clean_question(fake_embedder: FakeEmbedder) -> None:
    bot = ArticleQA.from_text(" ".join(SENTENCES), "Talks", embedder=fake_embedder, reader=False)
    reading = bot.read("which oficials hailed the talks on nov 23")
    assert reading.question == reading.query == "Which officials hailed the talks on November 23?"
    follow = bot.read("where was that", [{"role": "user", "content": "who struck on nov 23"}])
    assert follow.context == "Who struck on November 23?"


def test_the_english_set_holds_the_ranked_listings_words() -> None:
    # english_words() reads the file straight; the ranked listing sorts it by frequency.
    from qa.english import english_listing

    assert english_words() == frozenset(english_listing())
    assert english_listing()[:3] == ["the", "of", "and"]


def test_a_day_typed_without_its_month_takes_the_articles_month(words: ArticleWords) -> None:
    assert words.clean("what was hit on the 23rd") == "What was hit on November 23?"
    assert words.clean("What was hit on the 24th?") == "What was hit on the 24th?"


def test_a_names_apostrophe_typed_away_comes_back() -> None:
    words = ArticleWords(
        [
            "Talks in Beirut involved Israel and Lebanon.",
            "Officials of Israel and the Kennedys met.",
        ]
    )
    assert words.clean("whats israels view") == "What is Israel's view?"
    assert words.clean("what about lebanons army") == "What about Lebanon's army?"
    # A people's plural, or a family's after "the": as typed.
    assert words.clean("what did the israelis say") == "What did the israelis say?"
    assert words.clean("who are the kennedys") == "Who are the Kennedys?"


def test_a_question_writes_its_apostrophes_as_the_article_does() -> None:
    # News sites write "Redfield’s"; people type "Redfield's" (and phones the other way):
    # a rule looking for the question's words in the article finds them either way.
    curly = ArticleWords(["Redfield’s campaign manager, Diane Koh, asked the miners’ families."])
    assert curly.clean("Who manages Redfield's campaign?") == "Who manages Redfield’s campaign?"
    assert curly.clean("What did the miners' families say?") == (
        "What did the miners’ families say?"
    )
    straight = ArticleWords(["Redfield's campaign manager, Diane Koh, spoke."])
    assert straight.clean("Who manages Redfield’s campaign?") == "Who manages Redfield's campaign?"
    # A quotation mark is no apostrophe: as typed.
    assert curly.clean("Who called it 'a disgrace'?") == "Who called it 'a disgrace'?"


def test_a_names_plural_or_a_slip_is_no_possessive() -> None:
    words = ArticleWords(
        [
            "Later the Viking chief met Robert and a World Heritage board against the odds.",
            "Then Robert sailed again with a Viking fleet of the North.",
        ]
    )
    # Before a verb, a name or the end; inside a name; a word that is no name.
    assert "'s" not in words.clean("when robert and vikings attacked")
    assert "'s" not in words.clean("who did robert lead agains Dyrrachium")
    assert "'s" not in words.clean("what did the World Heritage boards list")
    assert words.clean("what pope opposed roberts campaign") == (
        "What pope opposed Robert's campaign?"
    )


def test_a_plural_before_what_the_article_says_it_owns_is_its_possessive() -> None:
    # The article writes "the region's precarious situation" and "border regions".
    owned = ArticleWords(
        [
            "Fighting in the border regions went on.",
            "The envoy warned about the region's precarious situation.",
            "Half the contestants sang.",
            "The contestant's mother on stage cheered.",
        ]
    )
    assert owned.spell("who warned about the regions situation") == (
        "who warned about the region's situation"
    )
    # As the article writes them, or before a word no noun owns: left as typed.
    assert owned.spell("where are the border regions") == "where are the border regions"
    assert owned.spell("how many contestants on the show") == "how many contestants on the show"


def test_the_head_spells_typed_words_but_is_no_phrase_of_the_story() -> None:
    words = ArticleWords(["The bridge reopened on Monday."], head=["Morag Campbell"])
    # "morag" is one edit from the English "moral": the byline's name is the article's.
    assert words.spell("who is morag campbell").lower() == "who is morag campbell"
    assert not words.has_phrase("Morag Campbell")  # the story never names her


def test_a_possessive_typed_wrong_and_without_its_apostrophe_is_mended_whole() -> None:
    words = ArticleWords(["Prime Minister Benjamin Netanyahu’s office characterized the attack."])
    assert words.spell("what did netanyahoos office say") == "what did Netanyahu's office say"


SHORTENED = [
    "The evacuation order was issued at 9:40 p.m. after the river rose.",
    "Ruth Okafor, director of the Regional Emergency Management Agency, said people left.",
    "Residents who evacuated were taken to a school, and the evacuees were counted.",
    "The government grant covers most of the cost, officials said, and the manager agreed.",
    "Rescuers carried the injured to a sports hall, and officials gave estimates.",
    "Incentives were offered to those who left, the transport minister said.",
    "Officials who described the flood thanked the rescuers.",
    "About 14,000 people had to leave, and the department opened shelters.",
    "The river peaked at 6.3 metres and fell within hours.",
]


@pytest.fixture(scope="module")
def shortened() -> ArticleWords:
    return ArticleWords(SHORTENED)


def test_a_word_shortened_is_read_as_the_article_word(shortened: ArticleWords) -> None:
    # Its first letters, before the word the article writes after it ("evacuation order",
    # not the commoner "evacuees"); its letters in order ("mgmt"); "ppl", three letters.
    assert shortened.spell("when was the evac order issued") == (
        "when was the evacuation order issued"
    )
    assert shortened.spell("emergency mgmt agency") == "Emergency Management Agency"
    assert shortened.spell("how many ppl left") == "how many people left"
    # In the English word list, but without a vowel: shortened all the same.
    assert shortened.spell("who is the mgr") == "who is the manager"
    # "hrs" is "hours", which drops two letters; "hers" would drop one.
    assert shortened.spell("how many hrs did it rise") == "how many hours did it rise"


def test_an_english_word_shortens_one_the_article_writes_after_the_word_before(
    shortened: ArticleWords,
) -> None:
    # "min" is English, and three letters: read as "minister" only after "transport",
    # which the article writes before it; not after "the", before any noun.
    assert shortened.spell("what did the transport min say") == (
        "what did the transport minister say"
    )
    assert shortened.spell("what did the min say") == "what did the min say"
    assert shortened.spell("the health min") == "the health min"
    # A common word is a word in its own right, wherever the article writes a longer one.
    assert shortened.spell("who did the minister thank") == "who did the minister thank"


def test_an_english_word_is_no_shortening_of_a_word_that_opens_otherwise() -> None:
    # "died" has the letters of "derailed" in order, and the article writes "people
    # derailed" ("412 people derailed" of a train): a shortening keeps a word's opening.
    words = ArticleWords(["A train carrying 412 people derailed, killing 9 people."])
    assert words.spell("how many people died") == "how many people died"


def test_a_shortened_word_needs_the_article_to_write_it(shortened: ArticleWords) -> None:
    # No word of the article starts so: as typed, or the nearest English word as before.
    assert shortened.spell("the hq said") == "the hq said"
    # A word of English in its own right is no shortening ("cared" of "carried"); nor is
    # a slip of one that holds every letter typed ("etats": "eats", not "estimates").
    assert shortened.spell("who cared for the injured") == "who cared for the injured"
    assert shortened.spell("where did it hit its school") == "where did it hit its school"
    assert "estimates" not in shortened.spell("coup d'etats")
    # A word typed with its capital is a name, never read as a word it might shorten.
    assert "evacuation" not in shortened.spell("Where is Evac?").lower()
    # A word one slip from the article's keeps that word: "ofice" of "officials" is no
    # shortening (the article's "official(s)" holds every letter typed).
    assert shortened.spell("the oficials said") == "the officials said"
    # Two letters are too few to tell what they shorten.
    assert shortened.spell("who is dr okafor") == "who is dr Okafor"


def test_shortens() -> None:
    assert shortens("evac", "evacuation") and shortens("mgmt", "management")
    assert shortens("govt", "government") and shortens("ppl", "people")
    assert not shortens("hrs", "hers")  # one letter dropped: a slip, not a shortening
    assert not shortens("vac", "evacuation")  # not from the first letter
    assert not shortens("mgtm", "management")  # letters out of order
    assert not shortens("citta", "constitutional")  # not its last consonant
    assert not shortens("ren", "renewal")  # three first letters are too few to tell


def test_a_year_typed_by_its_last_two_digits_is_read_as_the_article_s() -> None:
    words = ArticleWords(["The Kutiah Glacier advanced 12 kilometres in 1953."])
    assert words.clean("how far did kutiah advance in '53") == (
        "How far did Kutiah advance in 1953?"
    )


def test_a_verb_after_an_auxiliary_keeps_its_small_letter() -> None:
    # The article writes "building" only in a name; "is building" is the verb.
    words = ArticleWords(["The Lorran Valley Building Trades Council signed the deal."])
    assert words.spell("who is building the plant") == "who is building the plant"
    assert words.spell("lorran valley building trades council") == (
        "Lorran Valley Building Trades Council"
    )


def test_a_rare_english_word_begins_the_one_the_article_writes_before_the_next() -> None:
    # "prelim" is in the English list: "prelim report" is the article's "preliminary
    # report" (stories h41, h43); not before another word, nor a common word ("pre").
    words = ArticleWords(["A preliminary report was expected within 30 days, the board said."])
    assert words.spell("when is the prelim report due") == "when is the preliminary report due"
    assert words.spell("when is the prelim hearing") == "when is the prelim hearing"
    assert words.spell("who said the board was late") == "who said the board was late"
    words_too = ArticleWords(["Bookmakers had made him the favourite for Winters by the sea."])
    assert words_too.spell("who was tipped to win by the bookmakers") == (
        "who was tipped to win by the bookmakers"
    )
    # Nor a word's own form: "partner with" is not "partnered with" (the validation split).
    words = ArticleWords(["19 partnered with BMG, and lines beginning in Houston expected it."])
    asked = "Who did 19 initially partner with to distribute the recordings?"
    assert words.spell(asked) == asked
    assert words.spell("What lines begin in Houston?") == "What lines begin in Houston?"


def test_a_rare_english_word_that_shortens_an_article_word_is_that_word() -> None:
    # "whos the supt" (story h45): "supt" is in the English list, and rare.
    words = ArticleWords(["The plan would save money, the superintendent said."])
    assert words.spell("who is the supt") == "who is the superintendent"
    # A common word stays: "sup" is one; and a pronoun, "hers" of "headquarters" (h21).
    assert words.spell("who is the sup") == "who is the sup"
    words = ArticleWords(["Police searched the headquarters, the superintendent said."])
    assert words.spell("what operation of hers was cancelled") == (
        "what operation of hers was cancelled"
    )
    # Only a title: "sect" is no "security" (the validation split).
    words = ArticleWords(["Lee commanded the army; security was tight, the superintendent said."])
    assert words.spell("what sect did lee control") == "what sect did lee control"


def test_a_role_typed_in_small_letters_keeps_them() -> None:
    # "Who is Meridale's chief executive?" of an article writing only "Fire Chief ..."
    # (story h45): the role asked, not the title's capital.
    words = ArticleWords(["The blaze was out by noon, Fire Chief Dolores Hart said."])
    assert words.spell("who is the chief executive") == "who is the chief executive"
    # A name keeps the article's capitals, and so does a title before one.
    assert words.spell("who is dolores hart") == "who is Dolores Hart"
    assert words.spell("how old is chief hart") == "how old is Chief Hart"
    # A name ending as nouns for people do is a name ("Meridian", story h38).
    words = ArticleWords(["Fire Chief Dolores Hart of Meridian Ascent said so."])
    assert words.spell("who is the chief at meridian") == "who is the chief at Meridian"
