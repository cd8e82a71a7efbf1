"""Dates: resolve time expressions against the publication date, never guessing without one.

A small rule set covers what news uses most ("over the weekend", "on Tuesday", "earlier
this month", "last year", "April 3", "3 April 2023", "2023-04-03", "March 2022"); dateparser
is a slow fallback tried only on DATE entities that look like calendar dates. Relative
expressions need the publication date: without it they stay unresolved (text kept, no
dates), while fully explicit dates ("3 April 2023") still resolve.

Precision is the unit of the expression: ``day`` (a day or a few named days such as a
weekend), ``week``, ``month`` or ``year``; ``publication`` marks the fallback to the
publication date when a sentence names no time at all (``source`` is then
``publication``; a date read from the text has ``source`` ``text``).

An event is dated from its own clause (:func:`sentence_date` with the event's word as
anchor): the time expression of that clause first, else one of a clause that governs it.
Some expressions never date an event: a deadline or target ("by 2049", "until next
year"), and a date inside a clause that describes a noun ("the group, founded in 1998",
"talks, which began in May") or tells a thing's origin ("was founded in 1998"), unless the
event is read from that very clause. A weekday or month in a future clause ("will meet on
Tuesday", "is scheduled to vote in March") lies ahead of the publication date.

Linear time: a sentence's entities are read from its own tokens, not through
``Span.ents`` (which walks the whole Doc's entities for every sentence).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicons import load_table, load_words
from ...nlp.lemma import lemma
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
    return EventDate(_iso(start), _iso(end), text, precision, "text")


def parse_published(published: str | None) -> date | None:
    """The publication date as a ``date`` (accepts ISO dates and datetimes), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _closest_year(pub: date, month: int, day: int | None, future: bool = False) -> int:
    """The year that puts month/day nearest the publication date (news looks back more).

    In a future clause, the first such day on or after the publication date (a month: the
    first month not yet over).
    """
    if future:
        last_day = day or calendar.monthrange(pub.year, month)[1]
        return pub.year if (month, last_day) >= (pub.month, pub.day) else pub.year + 1
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


def _explicit(text: str, pub: date | None, future: bool = False) -> EventDate | None:
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
                year = _closest_year(pub, month, day, future)
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
        year = int(m["year"]) if m["year"] else _closest_year(pub, month, None, future)  # type: ignore[arg-type]
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


def _weekend(pub: date, which: str, future: bool = False) -> tuple[date, date]:
    """Saturday–Sunday: the weekend holding pub, else the one just before it; 'next' looks ahead.

    In a future clause "the weekend" / "this weekend" is the coming one (or the one under way).
    """
    if future and which != "last" and pub.weekday() < 5:
        which = "next"
    if which == "next":
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        return sat, sat + timedelta(days=1)
    if pub.weekday() >= 5 and which != "last":
        sat = pub - timedelta(days=pub.weekday() - 5)
        return sat, sat + timedelta(days=1)
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
    return sat, sat + timedelta(days=1)


def _relative(text: str, pub: date, future: bool = False) -> EventDate | None:
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
        s, e = _weekend(pub, m["which"] or "the", future)
        return _result(text, s, e, "day")
    wd_re = "|".join(WEEKDAYS)
    m = re.search(rf"\b(?P<which>last|next|this|past)?\s*(?P<wd>{wd_re})\b", t)
    if m:
        wd = WEEKDAYS[m["wd"]]
        if m["which"] == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif m["which"] == "last":
            d = pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
        elif future:  # "will meet on Tuesday": the coming Tuesday, publication day included
            d = pub + timedelta(days=(wd - pub.weekday()) % 7)
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
        part = (m["part"] or "").strip()
        return _calendar_unit(text, pub, m["unit"], m["which"], part, future)
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


def _calendar_unit(
    text: str, pub: date, unit: str, which: str, part: str, future: bool = False
) -> EventDate:
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
    elif offset == 0 and not part and future:
        start = max(start, pub)  # "will meet this week": from publication on
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


def resolve_expression(
    text: str, published: str | None, *, future: bool = False
) -> EventDate | None:
    """The date range a time expression names, or None when it names none (or cannot be known).

    Relative expressions resolve only against a publication date; explicit dates with a
    year resolve without one. ``future`` says the expression sits in a future clause: a
    bare weekday, weekend, month or day of a month then lies ahead of publication.
    """
    if not text or not text.strip() or _NOT_A_TIME.search(text):
        return None
    pub = parse_published(published)
    if pub is not None:
        rel = _relative(text, pub, future)
        if rel is not None:
            return rel
    explicit = _explicit(text, pub, future)
    if explicit is not None:
        return explicit
    return _fallback(text, published)


_CANDIDATE_RE = re.compile(
    r"\b(?:(?:over|during|on|at|this|last|next|the)\s+)*(?:weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tonight|tomorrow|last night)\b|"
    r"\b(?:earlier|later|early|late)?\s*(?:this|last|next)\s+(?:week|month|year)\b",
    re.I,
)


# Clause heads: where a clause (or a reduced one) attaches to the word above it.
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"}
)
# Clauses that describe a noun ("the group, founded in 1998", "talks, which began in May").
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos"})
# Words that make the expression after them a deadline or target, not the event's time.
_DEADLINE_WORDS = frozenset({"by", "until", "till"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_NOT_IN_CLAUSE = 10_000  # rank of an expression outside the anchor's chain of clauses


def _time_entities(sent: SpacySpan) -> list[SpacySpan]:
    """DATE and TIME entities wholly inside ``sent``, read from the sentence's own tokens.

    ``Span.ents`` walks every entity of the Doc for each sentence, which makes an article's
    dating quadratic in its length; this reads only the sentence's tokens.
    """
    doc = sent.doc
    out: list[SpacySpan] = []
    i = sent.start
    while i < sent.end and doc[i].ent_iob_ == "I":  # an entity begun before the sentence
        i += 1
    start, label = -1, ""
    for j in range(i, sent.end):
        iob = doc[j].ent_iob_
        if iob == "I" and start >= 0:
            continue
        if start >= 0:
            out.append(SpacySpan(doc, start, j, label=label))
            start = -1
        if iob == "B" and doc[j].ent_type_:
            start, label = j, doc[j].ent_type_
    ends_inside = sent.end >= len(doc) or doc[sent.end].ent_iob_ != "I"
    if start >= 0 and ends_inside:
        out.append(SpacySpan(doc, start, sent.end, label=label))
    return [e for e in out if e.label_ in ("DATE", "TIME")]


def _clause_head(tok: Token) -> Token:
    """The head word of the clause ``tok`` belongs to (itself when it heads one)."""
    t = tok
    while t.head.i != t.i and not _heads_clause(t):
        t = t.head
    return t


def _heads_clause(t: Token) -> bool:
    # a conjunct heads a clause when it is a verb ("marched and clashed"), not a noun
    return t.dep_ in _CLAUSE_DEPS and (t.dep_ != "conj" or t.tag_.startswith(("VB", "MD")))


def _clause_chain(anchor: Token) -> list[Token]:
    """The anchor's clause head, then the heads of the clauses governing it, up to the root."""
    chain = [_clause_head(anchor)]
    while chain[-1].head.i != chain[-1].i and len(chain) < 50:
        chain.append(_clause_head(chain[-1].head))
    return chain


def _listed(t: Token, words: frozenset[str]) -> bool:
    """A word list entry matches the token as written or its lemma."""
    return t.lower_ in words or lemma(t) in words


def _is_deadline(sent: SpacySpan, start: int, text: str) -> bool:
    """'by 2049', 'until next year': the word before the expression (or its first word)."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    doc = sent.doc
    return first in _DEADLINE_WORDS or (
        start > sent.start and doc[start - 1].lower_ in _DEADLINE_WORDS
    )


def _is_future(expr_head: Token) -> bool:
    """Whether the expression's clause speaks of the future ("will meet on Tuesday").

    Read from the expression up to the head of its clause: a future auxiliary, or a plan
    word governing the clause ("is due to vote on Tuesday", "is going to visit in May").
    """
    future_words = load_words("date_future_words.txt")
    t = expr_head
    for _ in range(30):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in t.children):
            return True
        if _listed(t, future_words) and any(c.dep_ == "xcomp" for c in t.children):
            return True
        if t.head.i == t.i or _heads_clause(t):
            return False
        t = t.head
    return False


def _rank(expr_head: Token, chain: list[Token]) -> int | None:
    """How close an expression's clause is to the anchor's (0: its own; k: k clauses up).

    None when it must not date the event; a clause outside the anchor's chain ranks last.
    """
    clause = _clause_head(expr_head)
    if clause in chain:
        k = chain.index(clause)
        if k > 0 and _listed(clause, load_words("date_background_verbs.txt")):
            return None  # "was founded in 1998 and has protested since": origin, not news
        return k
    if clause.dep_ in _NOUN_CLAUSE_DEPS or _listed(clause, load_words("date_background_verbs.txt")):
        return None
    return _NOT_IN_CLAUSE


def _expressions(sent: SpacySpan) -> list[tuple[int, str, Token | None]]:
    """(token index, text, head token) of every time expression in the sentence, text order.

    DATE/TIME entities first, then common expressions the tagger missed.
    """
    ents = _time_entities(sent)
    found: list[tuple[int, str, Token | None]] = [(e.start, e.text, e.root) for e in ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    for m in _CANDIDATE_RE.finditer(sent.text):
        span = sent.doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        if span is None:
            found.append((sent.end, m.group(0), None))
        elif not any(t.i in taken for t in span):
            found.append((span.start, m.group(0), span.root))
    return found


def sentence_date(sent: SpacySpan, published: str | None, anchor: Token | None = None) -> EventDate:
    """When what a sentence (or the event read at ``anchor``) reports happened.

    The time expressions of the anchor's own clause are tried first, then those of the
    clauses governing it, then the rest of the sentence; deadlines ("by 2049") and dates of
    noun-describing or origin clauses ("founded in 1998") are never used. With no anchor the
    sentence's root is the anchor. With nothing found the publication date is used
    (precision and source ``publication``); with no publication date either, nothing is
    resolved (``EventDate(None, None, text, None)``).
    """
    parsed = sent.doc.has_annotation("DEP")
    chain = _clause_chain(anchor if anchor is not None else sent.root) if parsed else []
    ranked: list[tuple[int, int, str, Token | None]] = []
    for start, text, head in _expressions(sent):
        if _is_deadline(sent, start, text):
            continue
        rank = _rank(head, chain) if parsed and head is not None else 0
        if rank is not None:
            ranked.append((rank, start, text, head))
    ranked.sort(key=lambda r: (r[0], r[1]))
    first_text: str | None = None
    for _, _, text, head in ranked:
        first_text = first_text or text
        future = parsed and head is not None and _is_future(head)
        found = resolve_expression(text, published, future=future)
        if found is not None:
            return found
    pub = parse_published(published)
    if pub is None:
        return EventDate(None, None, first_text, None)
    return EventDate(_iso(pub), _iso(pub), first_text, "publication", "publication")


__all__ = ["parse_published", "resolve_expression", "sentence_date"]
