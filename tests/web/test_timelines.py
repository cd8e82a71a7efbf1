"""Timelines scaled to the data: implausible and coarse dates off the axis, strays clipped."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.web.timelines import axis, judge, judge_rows, payload

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("day", "end", "verdict"),
    [
        ("2023-04-16", None, "ok"),
        ("2023-04-15", "2023-04-16", "ok"),  # "over the weekend"
        ("0001-01-01", None, "unknown"),  # a page-parsing accident
        ("0001-11-30", None, "unknown"),
        ("1753-01-01", None, "unknown"),
        ("2999-05-01", None, "unknown"),  # far future
        ("2027-06-01", None, "ok"),  # next year: announced, plausible
        (None, None, "unknown"),
        ("last week", None, "unknown"),
        ("1935-01-01", "1935-12-31", "coarse"),  # "in 1935"
        ("2023-03-01", "2023-03-31", "ok"),  # a month is 30 days: still on a day axis
        ("2022-01-01", "2022-06-30", "coarse"),
    ],
)
def test_timelines_judge_dates(day, end, verdict):
    assert judge(day, end, TODAY) == verdict


def rows(*pairs):
    return [{"day": d, "n": n} for d, n in pairs]


def test_timelines_year_one_does_not_squeeze_the_axis():
    data = rows(("0001-11-30", 1), *((f"2023-04-{d:02d}", 10) for d in range(1, 29)))
    chart = payload(judge_rows(data, "articles", today=TODAY))
    assert chart["first"] == "2023-04-01" and chart["last"] == "2023-04-28"
    assert chart["grain"] == "day" and len(chart["x"]) == 28
    assert sum(chart["series"][0]["values"]) == 280
    assert any("0001-11-30" in n and "implausible" in n for n in chart["notes"])


def test_timelines_year_only_event_dates_stay_off_the_day_axis():
    data = [{"day": "1935-01-01", "date_end": "1935-12-31", "plover": "AGREE", "n": 3}] + [
        {"day": f"2023-05-{d:02d}", "date_end": f"2023-05-{d:02d}", "plover": "CONSULT", "n": 2}
        for d in range(1, 11)
    ]
    chart = payload(judge_rows(data, "events", today=TODAY))
    assert chart["first"] == "2023-05-01" and chart["last"] == "2023-05-10"
    assert [s["label"] for s in chart["series"]] == ["CONSULT"]
    assert any("3 events dated only to a month or year (1935)" in n for n in chart["notes"])


def test_timelines_a_far_stray_is_clipped_and_named():
    bulk = [(f"2023-{m:02d}-15", 40) for m in range(1, 13)]
    data = rows(("2011-03-02", 1), *bulk)
    chart = payload(judge_rows(data, "articles", today=TODAY))
    assert chart["first"] >= "2022-01-01"
    assert sum(chart["series"][0]["values"]) == 480  # the stray is not in a bin
    clipped = [n for n in chart["notes"] if n.startswith("Clipped")]
    assert clipped and "1 article before" in clipped[0] and "2011-03-02" in clipped[0]


def test_timelines_a_near_date_is_kept_not_clipped():
    # Two dense months and one article a few weeks earlier: part of the story, on the axis.
    data = rows(("2023-02-20", 1), *((f"2023-04-{d:02d}", 5) for d in range(1, 29)))
    chart = payload(judge_rows(data, "articles", today=TODAY))
    assert chart["first"] == "2023-02-20"
    assert not any(n.startswith("Clipped") for n in chart["notes"])


def test_timelines_selection_cuts_the_axis_and_counts_what_is_outside():
    data = rows(*((f"2023-04-{d:02d}", 1) for d in range(1, 31)))
    judged = judge_rows(
        data, "articles", since=dt.date(2023, 4, 10), until=dt.date(2023, 4, 19), today=TODAY
    )
    chart = payload(judged)
    assert (chart["first"], chart["last"]) == ("2023-04-10", "2023-04-19")
    assert "20 articles outside the selected dates" in chart["notes"]


@pytest.mark.parametrize(
    ("days", "grain"),
    [(30, "day"), (200, "week"), (1500, "month"), (9000, "year")],
)
def test_timelines_grain_follows_the_span(days, grain):
    start = dt.date(2000, 1, 3)
    data = rows((start.isoformat(), 5), ((start + dt.timedelta(days=days)).isoformat(), 5))
    chart = payload(judge_rows(data, "articles", today=TODAY))
    assert chart["grain"] == grain
    assert sum(chart["series"][0]["values"]) == 10
    assert chart["x"] == sorted(chart["x"])


def test_timelines_empty_and_all_bad():
    assert axis({}) is None
    chart = payload(judge_rows(rows(("0001-01-01", 4)), "articles", today=TODAY))
    assert chart["x"] == [] and chart["total"] == 0 and chart["notes"]
