"""Dates: resolve time expressions against the publication date, never guessing without one.

A small rule set covers what news uses most ("over the weekend", "on Tuesday", "earlier
this month", "last year", "April 3", "3 April 2023", "2023-04-03", "March 2022"); dateparser
is a slow fallback tried only on DATE entities that look like calendar dates. Relative
expressions need the publication date: without it they stay unresolved (text kept, no
dates), while fully explicit dates ("3 April 2023") still resolve.

Precision is the unit of the expression: ``day`` (a day or a few named days such as a
weekend), ``week``, ``month`` or ``year``; ``publication`` marks the fallback to the
publication date when a sentence names no time at all.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span as SpacySpan

from ...lexicons import load_table
from ...records import EventDate

# Month and weekday names are closed calendar sets, generated from the standard library
# (English under the default "C" time locale), so they stay in code. Number words carry
# editorial readings ("several" = 3) and live in lexicons/number_words.tsv.
MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], calendar.month_abbr[i] + ".")
}
MONTHS["sept"] = MONTHS["sept."] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBERS = {row["phrase"].lower(): int(row["value"]) for row in load_table("number_words.tsv")}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + ")"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM_RE = r"(?P<num>\d+|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True)) + ")"
_UNIT_RE = r"(?P<unit>day|week|month|year)s?"

# Age and duration phrases that spaCy labels DATE but that name no time of an event.
_NOT_A_TIME = re.compile(r"\b\d+-(?:year|month|week|day)s?-old\b|\b(?:year|month)s?-long\b", re.I)


_UNIT_PHRASE = re.compile(
    r"\b(?P<part>earlier|later|early|late|(?:the )?(?:end|beginning|start) of)?\s*"
    r"(?P<which>this|last|next|the previous|the past|the coming)\s+(?P<unit>week|month|year)\b"
)
_OFFSETS = {"this": 0, "last": -1, "the previous": -1, "the past": -1, "next": 1, "the coming": 1}


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _result(text: str, start: date, end: date, precision: str) -> EventDate:
    return EventDate(_iso(start), _iso(end), text, precision)


def parse_published(published: str | None) -> date | None:
    """The publication date as a ``date`` (accepts ISO dates and datetimes), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _closest_year(pub: date, month: int, day: int | None) -> int:
    """The year that puts month/day nearest the publication date (news looks back more)."""
    best = pub.year
    best_gap: float | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            continue
        gap = (d - pub).days
        # a date ahead of publication is less likely than one behind it
        score = abs(gap) * (2.0 if gap > 0 else 1.0)
        if best_gap is None or score < best_gap:
            best, best_gap = y, score
    return best


def _explicit(text: str, pub: date | None) -> EventDate | None:
    t = text.strip()
    m = re.search(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", t)
    if m:
        d = date(int(m["year"]), int(m["m"]), int(m["d"]))
        return _result(text, d, d, "day")
    patterns = (
        rf"\b{_MONTH_RE}\s+{_DAY_RE}(?:,?\s+{_YEAR_RE})?\b",
        rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR_RE})?\b",
    )
    for pat in patterns:
        m = re.search(pat, t, re.I)
        if m:
            month = MONTHS[m["month"].lower()]
            day = int(m["day"])
            if m["year"]:
                year = int(m["year"])
            elif pub:
                year = _closest_year(pub, month, day)
            else:
                return None
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            return _result(text, d, d, "day")
    part_re = r"(?P<part>early|mid|mid-|late|the end of|the beginning of|the start of)?"
    m = re.search(rf"\b{part_re}\s*-?{_MONTH_RE}(?:,?\s+{_YEAR_RE})?\b", t, re.I)
    if m and (m["year"] or pub):
        month = MONTHS[m["month"].lower()]
        # "may" alone is a verb far more often than a month: insist on a capital or a year
        if m["month"].lower() == "may" and not m["year"] and not m["month"][0].isupper():
            return None
        year = int(m["year"]) if m["year"] else _closest_year(pub, month, None)  # type: ignore[arg-type]
        start, end = date(year, month, 1), _month_end(year, month)
        part = (m["part"] or "").lower().strip("- ")
        if part == "early" or part.endswith("beginning of") or part.endswith("start of"):
            end = date(year, month, 10)
        elif part == "mid":
            start, end = date(year, month, 11), date(year, month, 20)
        elif part in ("late", "the end of"):
            start = date(year, month, 21)
        return _result(text, start, end, "month")
    m = re.search(r"\b(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)'?s\b", t)
    if m:
        y = int(m["decade"])
        return _result(text, date(y, 1, 1), date(y + 9, 12, 31), "year")
    m = re.fullmatch(rf"(?:in\s+|during\s+|since\s+|by\s+)?(?:the\s+year\s+)?{_YEAR_RE}", t, re.I)
    if m:
        y = int(m["year"])
        return _result(text, date(y, 1, 1), date(y, 12, 31), "year")
    return None


def _weekend(pub: date, which: str) -> tuple[date, date]:
    """Saturday–Sunday: the weekend holding pub, else the one just before it; 'next' looks ahead."""
    if which == "next":
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        return sat, sat + timedelta(days=1)
    if pub.weekday() >= 5 and which != "last":
        sat = pub - timedelta(days=pub.weekday() - 5)
        return sat, sat + timedelta(days=1)
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
    return sat, sat + timedelta(days=1)


def _relative(text: str, pub: date) -> EventDate | None:
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(?:on|in|at|during|over|since|from|by|until)\s+", "", t)
    if re.search(
        r"\b(?:today|this (?:morning|afternoon|evening)|tonight|(?:earlier|later) today)\b", t
    ):
        return _result(text, pub, pub, "day")
    if re.search(r"\b(?:the )?day before yesterday\b", t):
        d = pub - timedelta(days=2)
        return _result(text, d, d, "day")
    if re.search(r"\b(?:yesterday|last night)\b", t):
        d = pub - timedelta(days=1)
        return _result(text, d, d, "day")
    if re.search(r"\btomorrow\b", t):
        d = pub + timedelta(days=1)
        return _result(text, d, d, "day")
    m = re.search(r"\b(?P<which>this|last|next|the|past)?\s*weekend\b", t)
    if m:
        s, e = _weekend(pub, m["which"] or "the")
        return _result(text, s, e, "day")
    wd_re = "|".join(WEEKDAYS)
    m = re.search(rf"\b(?P<which>last|next|this|past)?\s*(?P<wd>{wd_re})\b", t)
    if m:
        wd = WEEKDAYS[m["wd"]]
        if m["which"] == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif m["which"] == "last":
            d = pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
        else:  # "on Tuesday": the most recent Tuesday, publication day included
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return _result(text, d, d, "day")
    m = re.search(rf"\b{_NUM_RE}\s+{_UNIT_RE}\s+(?:ago|earlier|before)\b", t)
    if m:
        n = int(m["num"]) if m["num"].isdigit() else NUMBERS[m["num"]]
        return _ago(text, pub, n, m["unit"])
    m = re.search(rf"\b(?:in\s+)?the\s+(?:past|last)\s+(?:{_NUM_RE}\s+)?{_UNIT_RE}\b", t)
    if m:
        n = (int(m["num"]) if m["num"].isdigit() else NUMBERS[m["num"]]) if m["num"] else 1
        start = _ago(text, pub, n, m["unit"])
        if start and start.start:
            return EventDate(start.start, _iso(pub), text, start.precision)
    m = _UNIT_PHRASE.search(t)
    if m:
        return _calendar_unit(text, pub, m["unit"], m["which"], (m["part"] or "").strip())
    if re.search(r"\brecently\b|\bin recent (?:days|weeks)\b", t):
        return None
    return None


def _ago(text: str, pub: date, n: int, unit: str) -> EventDate | None:
    if unit == "day":
        d = pub - timedelta(days=n)
        return _result(text, d, d, "day")
    if unit == "week":
        d = pub - timedelta(weeks=n)
        monday = d - timedelta(days=d.weekday())
        return _result(text, monday, monday + timedelta(days=6), "week")
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, -n)
        return _result(text, date(y, mo, 1), _month_end(y, mo), "month")
    y = pub.year - n
    return _result(text, date(y, 1, 1), date(y, 12, 31), "year")


def _calendar_unit(text: str, pub: date, unit: str, which: str, part: str) -> EventDate:
    offset = _OFFSETS[which]
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        start, end = monday, monday + timedelta(days=6)
    elif unit == "month":
        y, mo = _shift_month(pub.year, pub.month, offset)
        start, end = date(y, mo, 1), _month_end(y, mo)
    else:
        y = pub.year + offset
        start, end = date(y, 1, 1), date(y, 12, 31)
    if offset == 0 and part == "earlier":
        end = pub  # "earlier this month": from the 1st up to publication
    elif offset == 0 and part == "later":
        start = pub
    elif offset == 0 and end > pub and not part:
        end = pub  # "this week/month/year" in past-tense news: up to publication
    elif part == "early" or part.endswith("beginning of") or part.endswith("start of"):
        end = start + (end - start) / 3
    elif part == "late" or part.endswith("end of"):
        start = end - (end - start) / 3
    return _result(text, start, end, unit)


def _looks_like_calendar_date(text: str) -> bool:
    t = text.lower()
    return bool(re.search(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}", t)) or any(
        re.search(rf"\b{re.escape(m)}\b", t) for m in MONTHS if len(m) > 3
    )


@cache
def _dateparser_settings(published: str) -> dict[str, object]:
    from datetime import datetime

    base = parse_published(published) or date.today()
    return {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }


def _fallback(text: str, published: str | None) -> EventDate | None:
    """dateparser on a text that names a calendar date the rules did not read."""
    if not _looks_like_calendar_date(text):
        return None
    if published is None and not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = _dateparser_settings(published or "")
    found = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if found is None:
        return None
    d = found.date()
    return _result(text, d, d, "day")


def resolve_expression(text: str, published: str | None) -> EventDate | None:
    """The date range a time expression names, or None when it names none (or cannot be known).

    Relative expressions resolve only against a publication date; explicit dates with a
    year resolve without one.
    """
    if not text or not text.strip() or _NOT_A_TIME.search(text):
        return None
    pub = parse_published(published)
    if pub is not None:
        rel = _relative(text, pub)
        if rel is not None:
            return rel
    explicit = _explicit(text, pub)
    if explicit is not None:
        return explicit
    return _fallback(text, published)


_CANDIDATE_RE = re.compile(
    r"\b(?:(?:over|during|on|at|this|last|next|the)\s+)*(?:weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tonight|tomorrow|last night)\b|"
    r"\b(?:earlier|later|early|late)?\s*(?:this|last|next)\s+(?:week|month|year)\b",
    re.I,
)


def sentence_date(sent: SpacySpan, published: str | None) -> EventDate:
    """When what a sentence reports happened: its own time expression, else the publication date.

    DATE/TIME entities are tried first, then common expressions the tagger missed. With
    nothing found the publication date is used with precision ``publication``; with no
    publication date either, nothing is resolved (``EventDate(None, None, text, None)``).
    """
    first_text: str | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        first_text = first_text or ent.text
        found = resolve_expression(ent.text, published)
        if found is not None:
            return found
    for m in _CANDIDATE_RE.finditer(sent.text):
        first_text = first_text or m.group(0)
        found = resolve_expression(m.group(0), published)
        if found is not None:
            return found
    pub = parse_published(published)
    if pub is None:
        return EventDate(None, None, first_text, None)
    return EventDate(_iso(pub), _iso(pub), first_text, "publication")


__all__ = ["parse_published", "resolve_expression", "sentence_date"]
