"""Reading a name and what follows it: the run of name tokens, a role apposition, and
the words that make a capitalised run an organisation or a site instead of a person.

Helpers of :mod:`.people`; token-level tests shared by every actor rule are in
:mod:`.candidates`.
"""

from __future__ import annotations

from .candidates import State, is_name_token, strip_possessive
from .vocab import NAME_PARTICLES, ORG_SECTOR_WORDS, PLACE_WORDS


def orgish(st: State, s: int, e: int) -> bool:
    """Words that make a capitalised run an organisation, not a person ("… Party", "… Court")."""
    lower = st.lower
    return any(
        lower[k] in ORG_SECTOR_WORDS or lower[k] in st.g.groups or lower[k] in PLACE_WORDS
        for k in range(s, e)
    )


def name_run(st: State, start: int, sent_end: int) -> int:
    """End of the run of capitalised name tokens starting at ``start`` (start if none)."""
    doc = st.doc
    if start >= sent_end or not is_name_token(doc[start]):
        return start
    i = start
    while i < sent_end and i - start < 5:
        tok = doc[i]
        if (
            tok.lower_ in NAME_PARTICLES
            and i + 1 < sent_end
            and is_name_token(doc[i + 1])
            and i > start
        ):
            i += 1
            continue
        if (
            not is_name_token(tok)
            or tok.ent_type_ in ("DATE", "TIME", "GPE", "NORP")
            and tok.ent_iob_ == "B"
            and i > start
        ):
            break
        if st.country_word_starts_at(i) and not tok.ent_type_ == "PERSON":
            break
        i += 1
    # a PERSON entity that starts here decides where the name ends
    if start in st.person_ent_end:
        return strip_possessive(doc, start, st.person_ent_end[start])
    return strip_possessive(doc, start, i) if i > start else start


def apposition(st: State, end: int) -> tuple[str | None, tuple[str, ...], str | None, str | None]:
    """Role words after a name: ", the <…title…>," or ", who <verb> … <title> …,".

    Returns (role text, sectors, country, igo name) read from that phrase.
    """
    doc = st.doc
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None, (), None, None
    stop = end + 1
    limit = min(len(doc), end + 18)
    while stop < limit and doc[stop].text not in (",", ".", ";", ":", "(", ")", '"', "“", "”"):
        stop += 1
    first = doc[end + 1]
    if (
        first.lower_ not in ("the", "a", "an", "who", "whose")
        and not first.text[:1].isupper()
        and not any(s0 == end + 1 for _lab, s0, _e in st.titles_containing(end + 1, end + 2))
    ):
        return None, (), None, None
    if st.person_starts_between(end + 1, stop):
        return None, (), None, None  # "X, the president's son-in-law Jared Kushner, …": a list
    titles = [(s, e) for _lab, s, e in st.titles_within(end + 1, stop)]
    if not titles:
        return None, (), None, None
    s0, e0 = titles[-1]
    sectors = st.g.titles.get(doc[s0:e0].text.lower(), ())
    country = next((iso for _s, _e, iso in st.country_words_within(end + 1, stop)), None)
    igo = next(
        (
            c
            for c in st.igo_cands().overlapping(end + 1, stop)
            if end + 1 <= c.start and c.end <= stop
        ),
        None,
    )
    # else an IGO named inside an ORG entity, so not an actor of its own
    igo_name = igo.name if igo else st.igo_match_within(end + 1, stop)
    start_role = end + 2 if first.lower_ in ("who", "whose") else end + 1
    role = doc[start_role:stop].text
    return role, sectors, country, igo_name


__all__ = ["apposition", "name_run", "orgish"]
