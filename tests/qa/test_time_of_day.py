"""A time of day is no date (qa.time_of_day)."""

from __future__ import annotations

from qa.reading import ReadSpan
from qa.time_of_day import asks_time_of_day, fitting_the_day, of_the_date, of_the_day


def _span(text: str, margin: float = 1.0) -> ReadSpan:
    return ReadSpan(text, 0, len(text), 0, margin)


def test_a_time_of_day_is_asked_by_those_words_or_by_what_time_a_deed_was() -> None:
    assert asks_time_of_day("What time of day did the Beirut strike take place?")
    news = "The yacht sent a distress call at 3:12 a.m. on Saturday."
    assert asks_time_of_day("What time was the mayday call?", news)
    assert asks_time_of_day("At what time did the bombs fall?", news)
    assert asks_time_of_day("Roughly what time did the fire start?", news)  # story h45
    # Told at midnight or noon, not by the clock: a time of day too.
    vote = "The measure passed 6-5 shortly before midnight, after hours of public comment."
    assert asks_time_of_day("What time did it pass?", vote)
    # Of an article that tells no time by the clock, an era: "the Miocene".
    rhine = "By the time of the Miocene, a river system had developed in the Upper Rhine Graben."
    assert not asks_time_of_day("What time did a river system develop in the Graben?", rhine)
    assert not asks_time_of_day("What time is referred to as the Edo period?")  # an era
    assert not asks_time_of_day("What time period did technological advances lead to?")
    assert not asks_time_of_day("When did the strike take place?")


def test_only_spans_that_tell_a_time_of_day_answer_it() -> None:
    spans = [_span("November 23"), _span("the early hours of November 19"), _span("4:17 a.m.")]
    kept = of_the_day(spans, "What time of day was the strike?")
    assert [span.text for span in kept] == ["the early hours of November 19", "4:17 a.m."]
    assert of_the_day(spans[:1], "What time of day was it?") == []  # withheld: not said
    assert of_the_day(spans, "When was the strike?") == spans


def test_a_clock_time_alone_is_no_date() -> None:
    text = "The decision, announced at 2 p.m. on Thursday, October 9, surprised markets."
    start = text.index("2 p.m.")
    time = ReadSpan("2 p.m.", start, start + 6, 0, 3.0)
    day_at = text.index("Thursday")
    day = ReadSpan("Thursday, October 9", day_at, day_at + 19, 0, -1.0)
    timed = ReadSpan("2 p.m.", start, start + 6, 0, 3.0, runner_up=lambda: day)
    assert of_the_date([time], "On what date was the decision announced?") == []
    assert of_the_date([timed], "On what date was the decision announced?") == [day]
    # A day of the month is no clock time.
    day_of_month = ReadSpan("9", day_at + 18, day_at + 19, 0, 3.0)
    assert of_the_date([day_of_month], "On what date was it?") == [day_of_month]
    # "When ...?" may ask the time: kept.
    assert of_the_date([time], "When was the decision announced?") == [time]


def test_a_weekday_alone_is_no_date() -> None:
    thursday = _span("Thursday", 1.1)
    assert of_the_date([thursday], "On what date did the excavation get under way?") == []
    dated = [_span("Thursday, February 9")]
    assert of_the_date(dated, "On what date did the excavation get under way?") == dated
    # Asked which day, a weekday answers.
    assert of_the_date([thursday], "Which day did the excavation begin?") == [thursday]


def test_a_year_alone_is_no_date() -> None:
    year = _span("1978", 0.3)
    assert of_the_date([year], "On what date do the restrictions take effect?") == []
    dated = [_span("June 1, 1978")]
    assert of_the_date(dated, "On what date do the restrictions take effect?") == dated
    # Asked when, or in what year, a year answers.
    assert of_the_date([year], "When did the restrictions take effect?") == [year]
    assert of_the_date([year], "In what year did the drought strike?") == [year]


def test_a_clock_time_alone_is_no_speed() -> None:
    assert of_the_date([_span("2:40 a.m")], "How fast was the train going?") == []
    assert of_the_date([_span("2:40 a.m")], "At what speed was it going?") == []
    fast = [_span("40 miles per hour")]
    assert of_the_date(fast, "How fast was the train going?") == fast


def test_a_time_of_day_asked_fits_only_a_time_of_day() -> None:
    # A day fits a question asking when; asked the time of day, only a time does, so a
    # first passage reading "Sunday's crash" is no decisive answer (qa.reading.decisive).
    news = "Eleven of the train's 38 wagons left the tracks at about 3:40 a.m. on Sunday."
    question = "At what time did the wagons come off the rails?"
    fits = fitting_the_day(lambda answer: True, question, news)
    assert fits is not None
    assert fits("about 3:40 a.m.") and not fits("Sunday's crash")
    assert fitting_the_day(None, question, news) is not None
    # Asked no time of day, the fit is as it was.
    when = fitting_the_day(None, "When did the wagons come off the rails?", news)
    assert when is None


def test_a_time_of_day_asked_is_read_beside_the_day_the_reader_gave() -> None:
    # "At what time did the derailment happen?" / "March 4" of "left the tracks at about
    # 11:40 p.m. on Wednesday, March 4" (story h29): the runner-up there tells the time.
    text = "The cars left the tracks at about 11:40 p.m. on Wednesday, March 4."
    clock = text.index("11:40 p.m.")
    time = ReadSpan("11:40 p.m.", clock, clock + 10, 0, -1.0)
    day_at = text.index("March 4")
    day = ReadSpan("March 4", day_at, day_at + 7, 0, 2.4, runner_up=lambda: time)
    assert of_the_day([day], "At what time did the derailment happen?", text) == [time]


def test_the_sentences_telling_a_clock_time_are_found() -> None:
    from qa.time_of_day import by_the_clock

    told = ["The train derailed on Wednesday.", "It left the tracks at about 11:40 p.m.", "Noon."]
    assert by_the_clock(told) == {1, 2}


def test_a_day_of_the_week_asked_is_answered_by_a_weekday() -> None:
    from qa.time_of_day import of_the_weekday

    text = "The High Court on Thursday ruled for the Tuvari. The claim was filed in October."
    thursday_at = text.index("Thursday")
    thursday = ReadSpan("Thursday", thursday_at, thursday_at + 8, 0, -2.0)
    october_at = text.index("October")
    october = ReadSpan("October", october_at, october_at + 7, 1, 3.0)
    asked = "On what day of the week was the ruling handed down?"
    assert of_the_weekday([october, thursday], asked) == [thursday]
    assert of_the_weekday([october], "What weekday was it filed?") == []
    assert of_the_weekday([october], "When was the claim filed?") == [october]


def test_the_day_something_was_said_is_not_the_day_of_the_deed() -> None:
    from qa.time_of_day import not_when_said

    # "On which day of the week did the fire break out?" (story h45).
    text = "A fire tore through a warehouse late on Tuesday, officials said on Wednesday."
    wednesday_at = text.index("Wednesday")
    tuesday_at = text.index("Tuesday")
    tuesday = ReadSpan("Tuesday", tuesday_at, tuesday_at + 7, 0, 1.0)
    wednesday = ReadSpan(
        "Wednesday", wednesday_at, wednesday_at + 9, 0, 3.0, runner_up=lambda: tuesday
    )
    asked = "On which day of the week did the fire break out?"
    assert not_when_said([wednesday], asked, text) == [tuesday]
    assert not_when_said([tuesday], asked, text) == [tuesday]
    # Asked when it was said, or not asked a day at all: kept.
    assert not_when_said([wednesday], "On what day did officials say so?", text) == [wednesday]
    assert not_when_said([wednesday], "Who said so?", text) == [wednesday]
