"""Tests for kursklib.dates.tagger: tag_dates on the seeds and on phrases of every TimeML class."""

from __future__ import annotations

import time
import tracemalloc

import pandas as pd
import pytest
from hypothesis import given, settings

from kursklib import KursklibError, read_corpus, tag_dates
from kursklib.dates import DATE_COLUMNS
from tests.conftest import arbitrary_corpora, assert_rows_index_text

SEED_DATES = [
    # doc, surface, type, value, granularity, mod, kind, anchor
    ("000", "recently", "DATE", "PAST_REF", "", "", "relative", "none"),
    ("000", "August 20", "DATE", "2025-08-20", "day", "", "date", "published"),
    ("000", "April 26", "DATE", "2025-04-26", "day", "", "date", "published"),
    ("000", "recently", "DATE", "PAST_REF", "", "", "relative", "none"),
    ("000", "recent months", "DATE", "PAST_REF", "", "", "relative", "none"),
    ("000", "fourth year", "DURATION", "P4Y", "year", "", "duration", "none"),
    ("001", "Saturday", "DATE", "2025-04-26", "day", "", "date", "published"),
    ("001", "Monday morning", "TIME", "2025-04-28TMO", "day", "", "date", "published"),
    ("001", "April 28", "DATE", "2025-04-28", "day", "", "date", "published"),
    ("001", "the future", "DATE", "FUTURE_REF", "", "", "relative", "none"),
    ("001", "December 2024", "DATE", "2024-12", "month", "", "date", "explicit"),
    ("001", "late 2024", "DATE", "2024", "year", "END", "date", "explicit"),
    ("001", "now", "DATE", "PRESENT_REF", "", "", "relative", "none"),
    ("001", "December 2024", "DATE", "2024-12", "month", "", "date", "explicit"),
    ("001", "now", "DATE", "PRESENT_REF", "", "", "relative", "none"),
    ("001", "five years ago", "DATE", "2020", "year", "", "relative", "published"),
    ("001", "fifteen", "DATE", "2010", "year", "", "relative", "published"),
    ("001", "twenty years ago", "DATE", "2005", "year", "", "relative", "published"),
    ("002", "October 1st", "DATE", "2025-10-01", "day", "", "date", "published"),
    ("002", "September 4th", "DATE", "2025-09-04", "day", "", "date", "published"),
    ("002", "current", "DATE", "PRESENT_REF", "", "", "relative", "none"),
    ("002", "recently", "DATE", "PAST_REF", "", "", "relative", "none"),
    ("002", "years", "DURATION", "PXY", "year", "", "duration", "none"),
    ("002", "the 21st century", "DATE", "20", "century", "", "date", "explicit"),
    ("003", "December 12th", "DATE", "2025-12-12", "day", "", "date", "published"),
    ("003", "May", "DATE", "2025-05", "month", "", "date", "published"),
    ("003", "decades", "DURATION", "PXDE", "decade", "", "duration", "none"),
    ("003", "the beginning of August", "DATE", "2025-08", "month", "START", "date", "published"),
    ("003", "three months", "DURATION", "P3M", "month", "", "duration", "none"),
    ("003", "November", "DATE", "2025-11", "month", "", "date", "published"),
    ("003", "decades", "DURATION", "PXDE", "decade", "", "duration", "none"),
    ("003", "recent years", "DATE", "PAST_REF", "", "", "relative", "none"),
    ("004", "Earlier this week", "DATE", "2025-W27", "week", "START", "relative", "published"),
    ("004", "July", "DATE", "2025-07", "month", "", "date", "published"),
    ("004", "August this year", "DATE", "2025-08", "month", "", "date", "published"),
    ("004", "soon", "DATE", "FUTURE_REF", "", "", "relative", "none"),
    ("004", "now", "DATE", "PRESENT_REF", "", "", "relative", "none"),
]


def tag_one(make_corpus, text: str, published: str | None, **options) -> pd.DataFrame:
    metadata = f"doc_id,published\na,{published or ''}\n"
    return tag_dates(read_corpus(make_corpus({"a.txt": text}, metadata)), **options)


def values(dates: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(dates["surface"], dates["type"], dates["value"], strict=True))


def test_tag_dates_seed_expressions_are_exact(seeds):
    dates = tag_dates(seeds)
    assert list(dates.columns) == DATE_COLUMNS
    rows = [(row.doc_id[:3], row.surface, row.type, row.value, row.granularity, row.mod,
             row.kind, row.anchor) for row in dates.itertuples()]
    assert rows == SEED_DATES


def test_tag_dates_offsets_index_document_text(seeds):
    assert_rows_index_text(seeds, tag_dates(seeds))


@pytest.mark.parametrize("phrase, published, expected", [
    ("It happened on August 20.", "2025-08-22", ("August 20", "DATE", "2025-08-20")),
    ("It happened on 20 August 2025.", "2026-01-01", ("20 August 2025", "DATE", "2025-08-20")),
    ("They met on Sept. 4, 2024 in Beijing.", None, ("Sept. 4, 2024", "DATE", "2024-09-04")),
    ("The ceremony was on the 12th of December.", "2025-12-13",
     ("the 12th of December", "DATE", "2025-12-12")),
    ("The treaty was signed in December 2024.", "2025-04-28",
     ("December 2024", "DATE", "2024-12")),
    ("The report came out on 2024-12-04.", "2025-01-01", ("2024-12-04", "DATE", "2024-12-04")),
    ("The report came out on 04.12.2024.", "2025-01-01", ("04.12.2024", "DATE", "2024-12-04")),
    ("The report came out on 12/4/24.", "2025-01-01", ("12/4/24", "DATE", "2024-12-04")),
    ("It grew this year.", "2025-06-30", ("this year", "DATE", "2025")),
    ("They met last week.", "2025-06-30", ("last week", "DATE", "2025-W26")),
    ("Profit rose in the third quarter.", "1989-10-26", ("the third quarter", "DATE", "1989-Q3")),
    ("It set a third-quarter record.", "1989-10-26", ("third-quarter", "DATE", "1989-Q3")),
    ("It happened last fall.", "1999-04-10", ("last fall", "DATE", "1998-FA")),
    ("Protests are planned this summer.", "1998-03-22", ("this summer", "DATE", "1998-SU")),
    ("It began in the 1990s.", "2025-01-01", ("the 1990s", "DATE", "199")),
    ("It began in the nineties.", "2025-01-01", ("the nineties", "DATE", "199")),
    ("She was born in nineteen ninety-six.", "2025-01-01",
     ("nineteen ninety-six", "DATE", "1996")),
    ("Elian was found on Thanksgiving Day.", "2000-01-07",
     ("Thanksgiving Day", "DATE", "1999-11-25")),
    ("Atlanta again: January nineteen ninety-seven.", "1998-02-27",
     ("January nineteen ninety-seven", "DATE", "1997-01")),
    ("A hearing is set for the week of March 6.", "2000-02-24",
     ("the week of March 6", "DATE", "2000-W10")),
    ("Earnings fell in the last quarter of 1989.", "1990-03-01",
     ("the last quarter of 1989", "DATE", "1989-Q4")),
    ("Profit will rise in the last half of the year.", "1989-10-26",
     ("the last half of the year", "DATE", "1989-H2")),
    ("Investors shrugged off yesterday's report.", "1989-10-26",
     ("yesterday", "DATE", "1989-10-25")),
])
def test_tag_dates_resolves_calendar_dates(make_corpus, phrase, published, expected):
    assert values(tag_one(make_corpus, phrase, published)) == [expected]


@pytest.mark.parametrize("phrase, published, expected", [
    ("Fighting began at 8 PM.", "2013-03-22", ("8 PM", "TIME", "2013-03-22T20:00")),
    ("He left at 10:35 a.m. on the day.", "1998-08-08",
     ("10:35 a.m.", "TIME", "1998-08-08T10:35")),
    ("It ended at 10 p.m. Wednesday, police said.", "1998-02-13",
     ("10 p.m. Wednesday", "TIME", "1998-02-11T22:00")),
    ("Talks broke off at noon Thursday.", "1998-02-13",
     ("noon Thursday", "TIME", "1998-02-12T12:00")),
    ("The shot came at 15:00 GMT.", "1998-02-13", ("15:00 GMT", "TIME", "1998-02-13T15:00")),
    ("They met on Friday afternoon.", "2013-03-23", ("Friday afternoon", "TIME", "2013-03-22TAF")),
    ("He spoke this evening.", "1998-01-20", ("this evening", "TIME", "1998-01-20TEV")),
    ("They left last night.", "1998-01-20", ("last night", "TIME", "1998-01-19TNI")),
    ("He will speak tonight.", "1998-01-20", ("tonight", "TIME", "1998-01-20TNI")),
    ("Shelling resumed yesterday afternoon.", "1998-01-20",
     ("yesterday afternoon", "TIME", "1998-01-19TAF")),
    ("The bonds were weaker at mid-afternoon yesterday in Paris.", "2001-05-10",
     ("mid-afternoon yesterday", "TIME", "2001-05-09TAF")),
    ("Shots rang out on the morning of March 5.", "2013-03-22",
     ("the morning of March 5", "TIME", "2013-03-05TMO")),
    ("It hit at 3:30 p.m. (1930 GMT).", "2013-03-22", ("3:30 p.m.", "TIME", "2013-03-22T15:30")),
])
def test_tag_dates_reads_times_of_day(make_corpus, phrase, published, expected):
    assert values(tag_one(make_corpus, phrase, published)) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("The summit is on April 24 and 25.", [("April 24", "DATE", "1999-04-24"),
                                          ("25", "DATE", "1999-04-25")]),
    ("Talks ran May 5 and 6, 1999.", [("May 5", "DATE", "1999-05-05"),
                                      ("6", "DATE", "1999-05-06")]),
    # A count after "and" is no day.
    ("On May 5 and 20 soldiers died.", [("May 5", "DATE", "1999-05-05")]),
])
def test_tag_dates_reads_two_days_of_one_month(make_corpus, phrase, expected):
    assert values(tag_one(make_corpus, phrase, "1999-03-01")) == expected


def test_tag_dates_puts_a_bare_clock_time_on_the_day_last_named(make_corpus):
    dates = tag_one(make_corpus, "The blast came on Friday. It hit at 10:35 a.m.", "1998-08-08")
    assert values(dates) == [("Friday", "DATE", "1998-08-07"),
                             ("10:35 a.m.", "TIME", "1998-08-07T10:35")]
    assert dates["anchor_id"].tolist()[-1] == dates["timex_id"].tolist()[0]


@pytest.mark.parametrize("phrase, expected", [
    ("The agency gives a daily tally.", ("daily", "SET", "P1D", "", "")),
    ("The fee is paid annually.", ("annually", "SET", "P1Y", "", "")),
    ("He runs every morning.", ("every morning", "SET", "XXXX-XX-XXTMO", "EVERY", "")),
    ("A flight leaves each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4", "EACH", "")),
    ("The board meets every two years.", ("every two years", "SET", "P2Y", "EVERY", "")),
    ("They meet twice a month.", ("twice a month", "SET", "P1M", "", "2X")),
    ("Flights leave on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI", "", "")),
])
def test_tag_dates_reads_sets_with_quant_and_freq(make_corpus, phrase, expected):
    dates = tag_one(make_corpus, phrase, "1998-02-13")
    assert list(zip(dates["surface"], dates["type"], dates["value"], dates["quant"],
                    dates["freq"], strict=True)) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("It lasted three months.", ("three months", "DURATION", "P3M")),
    ("It lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("They stayed for 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("The crisis lasted two decades.", ("two decades", "DURATION", "P20Y")),
    ("He made a four-week visit.", ("four-week", "DURATION", "P4W")),
    ("Stocks hit a five year low.", ("five year", "DURATION", "P5Y")),
    ("After a 16-hour flight, she landed.", ("16-hour", "DURATION", "PT16H")),
    ("It would take decades.", ("decades", "DURATION", "PXDE")),
    ("It took several days.", ("several days", "DURATION", "PXD")),
    ("Over the past two years, ties grew.", ("the past two years", "DURATION", "P2Y")),
    ("In the last twenty four hours it fell.", ("the last twenty four hours", "DURATION",
                                                "PT24H")),
    ("It sold a three-year period of rights.", ("a three-year period", "DURATION", "P3Y")),
    ("It took two to three weeks.", ("two to three weeks", "DURATION", "P2W")),
])
def test_tag_dates_reads_durations(make_corpus, phrase, expected):
    assert values(tag_one(make_corpus, phrase, "2025-01-01")) == [expected]


@pytest.mark.parametrize("phrase, published, expected", [
    # Anaphoric expressions count from the date the text last named.
    ("In 1995 he was promoted. The following year he left.", "1998-04-18",
     [("1995", "DATE", "1995"), ("The following year", "DATE", "1996")]),
    ("Profit fell in the third quarter, from $5 a share a year earlier.", "1989-10-26",
     [("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]),
    ("Sales rose in the third quarter. The year-ago quarter was weak.", "1989-10-26",
     [("the third quarter", "DATE", "1989-Q3"), ("The year-ago quarter", "DATE", "1988-Q3")]),
    # "the quarter" counts from the last quarter named, not from a month named since;
    # "the 1988 period" is a comparison, which later expressions do not count from.
    ("It earned $5 in the fiscal first quarter. Earlier this month it said it would break "
     "even for the quarter.", "1989-10-26",
     [("the fiscal first quarter", "DATE", "1989-Q1"), ("Earlier this month", "DATE", "1989-10"),
      ("the quarter", "DATE", "1989-Q1")]),
    ("Sales rose in the fiscal first quarter. In the 1988 period, it earned less. It shipped "
     "more in the quarter.", "1989-10-26",
     [("the fiscal first quarter", "DATE", "1989-Q1"), ("the 1988 period", "DATE", "1988-Q1"),
      ("the quarter", "DATE", "1989-Q1")]),
    # "a year ago" beside results compares with the quarter named, past its closing day.
    ("It earned $5 for the fiscal first quarter ended Sept. 30, from $2 a year ago.",
     "1989-10-26", [("the fiscal first quarter", "DATE", "1989-Q1"),
                    ("Sept. 30", "DATE", "1989-09-30"), ("a year ago", "DATE", "1988-Q1")]),
    # A part of the year with a comparison after it is that part a year before, counted
    # from the last quarter named even when a year was named since.
    ("Net fell in the third quarter, from $2 in the corresponding period last year and $1 "
     "for the quarter a year ago.", "1989-10-26",
     [("the third quarter", "DATE", "1989-Q3"),
      ("the corresponding period last year", "DATE", "1988-Q3"),
      ("the quarter a year ago", "DATE", "1988-Q3")]),
    ("Sales for this year's third quarter fell, hurt by the current year's prices. Sales for "
     "last year's quarter were higher.", "1989-11-01",
     [("this year's third quarter", "DATE", "1989-Q3"), ("the current year", "DATE", "1989"),
      ("last year's quarter", "DATE", "1988-Q3")]),
    # A comparison is with a period already begun, not with one forecast.
    ("Losses may last through the third quarter of 1990. In the year-ago period, it earned "
     "$1. Sales fell from a year ago.", "1989-10-26",
     [("the third quarter of 1990", "DATE", "1990-Q3"), ("the year-ago period", "DATE", "1988-Q3"),
      ("a year ago", "DATE", "1988")]),
    ("It was crossed out on Oct. 5. They left that day.", "1998-11-01",
     [("Oct. 5", "DATE", "1998-10-05"), ("that day", "DATE", "1998-10-05")]),
    ("He arrived on Jan. 3. He left the next day.", "2000-01-07",
     [("Jan. 3", "DATE", "2000-01-03"), ("the next day", "DATE", "2000-01-04")]),
    ("He arrived in October 1998. He left that same day.", "1999-02-06",
     [("October 1998", "DATE", "1998-10"), ("that same day", "DATE", "1998-10-XX")]),
    ("Stocks fell on Oct. 13. They were down from the previous Friday.", "1989-10-23",
     [("Oct. 13", "DATE", "1989-10-13"), ("the previous Friday", "DATE", "1989-10-06")]),
    # Deictic expressions count from the publication date.
    ("A decade ago, it was different.", "1999-03-12", [("A decade ago", "DATE", "1989")]),
    ("It began five years ago.", "2025-04-28", [("five years ago", "DATE", "2020")]),
    ("He saw it two weeks ago.", "1998-03-22", [("two weeks ago", "DATE", "1998-W10")]),
])
def test_tag_dates_anchors_deictic_and_anaphoric_expressions(make_corpus, phrase, published,
                                                              expected):
    assert values(tag_one(make_corpus, phrase, published)) == expected


def test_tag_dates_names_the_anchor_of_each_value(make_corpus):
    dates = tag_one(make_corpus, "In 1995 he came. The next year he left, as he said yesterday.",
                    "1998-04-18")
    assert list(zip(dates["surface"], dates["timex_id"], dates["anchor"], dates["anchor_id"],
                    strict=True)) == [("1995", "t1", "explicit", ""),
                                      ("The next year", "t2", "previous", "t1"),
                                      ("yesterday", "t3", "published", "t0")]


@pytest.mark.parametrize("phrase, expected", [
    ("Now, the talks resume.", ("Now", "PRESENT_REF")),
    ("It is now far reaching.", ("now", "PRESENT_REF")),
    ("It happened in the past.", ("the past", "PAST_REF")),
    ("Ties will grow in the future.", ("the future", "FUTURE_REF")),
    ("They recently met.", ("recently", "PAST_REF")),
    ("It will happen soon.", ("soon", "FUTURE_REF")),
    ("Up from the current four flights.", ("current", "PRESENT_REF")),
    ("Nowadays it is common.", ("Nowadays", "PRESENT_REF")),
    ("Kidnappings rose in recent years.", ("recent years", "PAST_REF")),
    ("Rates may fall in coming weeks.", ("coming weeks", "FUTURE_REF")),
    ("It was calm at the time.", ("the time", "PAST_REF")),
    ("They worry about the future.", ("the future", "FUTURE_REF")),
    ("He left several years ago.", ("several years ago", "PAST_REF")),
    ("The board wants the plant sold as soon as possible.",
     ("as soon as possible", "FUTURE_REF")),
    ("The shares may be offered at a later date.", ("a later date", "FUTURE_REF")),
])
def test_tag_dates_reads_vague_references_in_any_case(make_corpus, phrase, expected):
    dates = tag_one(make_corpus, phrase, "2025-06-30")
    assert list(zip(dates["surface"], dates["value"], strict=True)) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("Troops may stay for some time.", ("some time", "DURATION", "PXM")),
    ("The town will be without power for a while.", ("a while", "DURATION", "PXX")),
    ("Net for the year-earlier nine months rose.",
     ("the year-earlier nine months", "DURATION", "P9M")),
])
def test_tag_dates_reads_open_counts_of_units_as_durations(make_corpus, phrase, expected):
    dates = tag_one(make_corpus, phrase, "2025-06-30")
    assert list(zip(dates["surface"], dates["type"], dates["value"], strict=True)) == [expected]


@pytest.mark.parametrize("phrase", [
    "It is important to the future of our peoples.",  # a noun: its prospects
    "He was killed soon after his capture.",  # "soon after" is a signal
    "She called as soon as she could, and a while later he came.",
    "It matters in today's world and to today's youth.",  # the present in general
    "He spoke to the leaders of tomorrow.",
    "For the city, high noon has come.",  # a showdown
    "It makes 10,000 units annually.",  # a rate, as "$5 million a year"
    "Revenue will rise by 20% annually.",
    "A picture from the film High Noon.",  # a title
    'He said on the programme "This Week" that it was over.',  # a title, not a week
    "Our guide to Next Week's Fashions is out.",
])
def test_tag_dates_leaves_out_what_is_not_an_expression(make_corpus, phrase):
    assert tag_one(make_corpus, phrase, "2025-06-30").empty


def test_bare_year_earlier_compares_with_the_quarter_last_named(make_corpus):
    dates = tag_one(make_corpus, "Net rose in the third quarter, compared with year-earlier "
                    "profit of $3 million.", "1989-10-30")
    assert list(zip(dates["surface"], dates["value"], strict=True)) == [
        ("the third quarter", "1989-Q3"), ("year-earlier", "1988-Q3")]


@pytest.mark.parametrize("phrase, published, expected", [
    ("Troops arrived in late 2024.", "2025-04-28", ("late 2024", "2024", "END")),
    ("Talks resume in mid-2025.", "2025-01-10", ("mid-2025", "2025", "MID")),
    ("Work began at the beginning of August.", "2025-12-13",
     ("the beginning of August", "2025-08", "START")),
    ("They left around March.", "2025-12-13", ("around March", "2025-03", "APPROX")),
    ("It ended last May.", "2025-12-13", ("last May", "2025-05", "")),
    ("It grew early this year.", "2025-06-30", ("early this year", "2025", "START")),
    ("It will end the next decade.", "2025-06-30", ("the next decade", "203", "")),
    ("It began in the late 1970s.", "2025-06-30", ("the late 1970s", "197", "END")),
    ("It lasted almost seven years.", "2025-06-30", ("almost seven years", "P7Y", "LESS_THAN")),
    ("Bush may call them up for up to 180 days.", "1990-08-15",
     ("up to 180 days", "P180D", "EQUAL_OR_LESS")),
    ("It takes at least 72 hours.", "2025-06-30", ("at least 72 hours", "PT72H", "EQUAL_OR_MORE")),
    ("It happened about two years ago.", "2025-06-30", ("about two years ago", "2023", "APPROX")),
    ("Earlier this week, they met.", "2025-06-30", ("Earlier this week", "2025-W27", "START")),
])
def test_tag_dates_keeps_modifiers_inside_the_extent(make_corpus, phrase, published, expected):
    dates = tag_one(make_corpus, phrase, published)
    assert list(zip(dates["surface"], dates["value"], dates["mod"], strict=True)) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    # A calendar unit named by a shift is a date; counted, it is a duration.
    ("They met last week.", ("last week", "DATE", "2025-W26")),
    ("Sales fell in the past two weeks.", ("the past two weeks", "DURATION", "P2W")),
    ("The past year was hard.", ("The past year", "DATE", "2024")),
    ("It lasted a year.", ("a year", "DURATION", "P1Y")),
    ("A year ago, it began.", ("A year ago", "DATE", "2024")),
    ("Results for the year ended March 31 were weak.", ("the year", "DURATION", "P1Y")),
    ("Prices fell ahead of the weekend.", ("the weekend", "DATE", "2025-W27-WE")),
    ("Sales rose over the weekend.", ("the weekend", "DATE", "2025-W26-WE")),
])
def test_tag_dates_tells_durations_from_dates(make_corpus, phrase, expected):
    assert values(tag_one(make_corpus, phrase, "2025-06-30"))[:1] == [expected]


@pytest.mark.parametrize("phrase, published, expected", [
    # A past event dated after publication belongs to the previous year, and vice versa.
    ("The treaty was signed on December 20.", "2025-01-05", "2024-12-20"),
    ("Leaders will meet in January.", "2025-12-05", "2026-01"),
    ("The dividend is payable Jan. 2.", "1989-10-27", "1990-01-02"),
    ("He resigned as chief executive in March.", "1989-11-01", "1989-03"),
    # A modal or a plan reads a month forward (issue 19).
    ("Talks could open in Geneva in August.", "2024-03-20", "2024-08"),
    ("Talks would open in Geneva in August.", "2024-03-20", "2024-08"),
    ("The summit may be held in August.", "2024-03-20", "2024-08"),
    ("Officials said talks might open in August.", "2024-03-20", "2024-08"),
    ("The vote is expected to take place in August.", "2024-03-20", "2024-08"),
    ("Kyiv plans to open the talks in August.", "2024-03-20", "2024-08"),
    ("He aims to sign it in August.", "2024-03-20", "2024-08"),
    ("Talks would resume in February, Zelensky said.", "2024-03-20", "2025-02"),
    ("The vote is set to take place in February.", "2024-03-20", "2025-02"),
    ("The treaty is due to expire in February.", "2024-03-20", "2025-02"),
    ("Talks are scheduled to open in February.", "2024-03-20", "2025-02"),
    ("He intends to visit in February.", "2024-03-20", "2025-02"),
    ("Putin will visit in February.", "2024-03-20", "2025-02"),
    ("Exports fell in February.", "2024-03-20", "2024-02"),
    ("Talks opened in Geneva in August.", "2024-03-20", "2023-08"),
    # A weekday on the publication date's own weekday is that day, whatever the tense.
    ("The minister will speak Friday.", "1998-03-06", "1998-03-06"),
    ("A spokesman said Thursday that troops will stay.", "1998-03-06", "1998-03-05"),
    ("Putin will visit on Friday.", "2025-04-28", "2025-05-02"),
    ("On Saturday, Gerasimov reported.", "2025-04-28", "2025-04-26"),
    ("Negotiations were postponed until Tuesday.", "2000-04-03", "2000-04-04"),
    # A past tense in -ed of the sentence is a cue like "was" ("issued ... will").
    ("They issued a joint statement Friday saying the three countries' entry into NATO will bring"
     " peace.", "1999-03-13", "1999-03-12"),
    ("Its announcement Friday of a loss surprised analysts, who will revise estimates.",
     "1989-10-30", "1989-10-27"),
    ("Saturday, April 25 was rainy.", "1998-04-24", "1998-04-25"),
    # A plan told in the pluperfect is past; "were planning to" looks ahead.
    ("The offer had been due to expire Friday.", "1989-10-30", "1989-10-27"),
    ("The team planned to leave Nairobi on Thursday.", "1998-09-30", "1998-10-01"),
    ("They planned a rally on Saturday and were planning to march.", "2000-01-07", "2000-01-08"),
    ("Ministers are preparing for the summit in April.", "1998-12-05", "1999-04"),
    # A capitalised word in -ed inside a sentence is a name, not a past tense.
    ("Delegates will gather in the United States on Thursday.", "2000-04-05", "2000-04-06"),
    ("She said she would be flying to Havana on Friday.", "2000-04-05", "2000-04-07"),
])
def test_tag_dates_reads_tense_for_dates_without_a_year(make_corpus, phrase, published, expected):
    assert tag_one(make_corpus, phrase, published)["value"].tolist()[-1] == expected


@pytest.mark.parametrize("sentence", [
    "North Korea may send more troops.",
    "Troops march towards the border.",
    "The Saturnine mood of Sundance and Monsoon.",
    "Soldiers of the 528th regiment returned.",
    "Out of the 95 North Korean battalions, only two were captured.",
    "It marked the first anniversary of the treaty.",
    "The unit counted 2000 soldiers at 52.7 N, 35.1 E.",
    "Russia Today reported it as soon as it could.",
    "Former prime minister Paul Keating spoke.",
    "The 6-year-old boy and a 37 years old man arrived.",
    "It costs $1998 and 2,000 rubles, up 12.5%.",
    "He set a quarterly dividend for developing the future relations.",
    "It was the fall of the Berlin Wall.",
    "It will be a second betrayal.",
    "Iraq imports about three-quarters of its food.",
])
def test_tag_dates_ignores_look_alikes(make_corpus, sentence):
    assert tag_one(make_corpus, sentence, "2025-06-30").empty


def test_tag_dates_reads_bare_years_before_verbs_but_not_before_counts(make_corpus):
    dates = tag_one(make_corpus, "Sales volume in 1989 is rising; 2000 troops came; a 2009 "
                    "analysis has it.", "2025-06-30")
    assert dates["surface"].tolist() == ["1989", "2009"]


def test_tag_dates_without_publication_date_infers_from_document(make_corpus):
    text = "The treaty was signed in June 2024. Troops arrived on August 20."
    dates = tag_one(make_corpus, text, None)
    assert list(zip(dates["value"], dates["anchor"], strict=True)) == [
        ("2024-06", "explicit"), ("2024-08-20", "inferred")]


def test_tag_dates_never_falls_back_to_today(make_corpus):
    text = "Troops arrived on August 20. They left yesterday."
    dates = tag_one(make_corpus, text, None)
    assert list(zip(dates["value"], dates["anchor"], strict=True)) == [
        ("XXXX-08-20", "none"), ("XXXX-XX-XX", "none")]
    dated = tag_one(make_corpus, text, None, reference_date="2025-09-01")
    assert list(zip(dated["value"], dated["anchor"], strict=True)) == [
        ("2025-08-20", "inferred"), ("2025-08-31", "inferred")]


@pytest.mark.parametrize("options, problem", [
    ({"reference_date": "not a date"}, "reference_date must be a date"),
    ({"language": "xx"}, "no language resources for 'xx'"),
])
def test_tag_dates_rejects_bad_arguments(make_corpus, options, problem):
    with pytest.raises(KursklibError, match=problem):
        tag_one(make_corpus, "It happened on August 20.", "2025-08-22", **options)


def test_tag_dates_survives_a_zeroth_century(make_corpus):
    dates = tag_one(make_corpus, "In the 0th century and the 1st century.", "2025-06-30")
    assert values(dates) == [("the 1st century", "DATE", "00")]


def _tagged_seconds_and_peak(piece: str, repeats: int, *, memory: bool = False
                             ) -> tuple[float, int]:
    """Wall-clock seconds (best of two) and, if asked, peak traced bytes of tag_dates on
    ``piece * repeats`` as one sentence."""
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "published": ["2024-03-20"],
                                       "text": [piece * repeats]}))
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        found = len(tag_dates(corpus))
        best = min(best, time.perf_counter() - start)
    # Sentences longer than MAX_SEGMENT_CHARS are cut, which may split one expression.
    assert repeats - 2 <= found <= repeats
    if not memory:
        return best, 0
    tracemalloc.start()
    try:
        tag_dates(corpus)
        return best, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("piece", ["2024-01-01 ", "in August ", "a year earlier "])
def test_tag_dates_stays_linear_in_one_long_sentence(piece):
    _tagged_seconds_and_peak(piece, 100)  # compile outside the timing
    (small, small_peak), (large, large_peak) = (
        _tagged_seconds_and_peak(piece, repeats, memory=True) for repeats in (1_000, 8_000))
    assert large < 16 * small + 0.3
    assert large_peak < 16 * small_peak


@pytest.mark.slow
def test_tag_dates_stays_linear_in_fifty_thousand_dates_in_one_sentence():
    _tagged_seconds_and_peak("2024-01-01 ", 100)
    (small, small_peak), (large, large_peak) = (
        _tagged_seconds_and_peak("2024-01-01 ", repeats, memory=True)
        for repeats in (5_000, 50_000))
    assert large < 20 * small + 0.5
    assert large_peak < 20 * small_peak


@settings(max_examples=60, deadline=None)
@given(corpus=arbitrary_corpora())
def test_tag_dates_never_raises_and_keeps_offsets(corpus):
    assert_rows_index_text(corpus, tag_dates(corpus, reference_date="2025-06-30"))
