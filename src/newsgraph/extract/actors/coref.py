"""Coreference for actors: the one place that decides who a title, pronoun or pair means.

What it resolves, all before actors are built (so every link is an actor mention, and
the other wings read it through ``Actor.mentions`` — they need not resolve again):

1. **Offices** ("The President of the United States left"): an office-holder mention with
   no name joins the one person named before it with that title (and no other country).
2. **Titles said alone** ("the president", "the defense minister") join a person only when
   exactly one person mentioned before holds that title; with several (Putin, Macron and Xi
   are all presidents) the mention stays unlinked and is dropped.
3. **He/she/him/her** outside quotation marks join the person who was the subject (else
   the only person) of the same sentence before the pronoun; a pronoun that opens its own
   sentence, with no person before it there, looks at the previous sentence instead
   ("Shangfu reportedly told Putin …: "…" He went on to note …" → Li Shangfu). Inside a
   quote "he" is whoever the speaker means: left alone. "They", "it", "we" are never
   resolved here.
4. **Split antecedents**: "both parties", "the two sides", "the neighboring countries"
   after a sentence about exactly two people (or two countries) is a mention of each.

Deliberately conservative: a wrong link puts words in someone's mouth, so when two
readings remain nothing is linked.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from .candidates import Cand
from .vocab import COUNTRY_NOUNS, PAIR_WORDS, PEOPLE_NOUNS

# Grammar, not vocabulary: the personal pronouns resolved, the subject relations, and the
# tokens that may stand before a pronoun that still "opens" its sentence (case-sensitive).
PERSONAL = frozenset({"he", "she", "him", "her"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OPENERS = frozenset({'"', "“", "'", "‘", "(", "—", "-", "But", "And", "However", ","})


def _sent_bounds(doc: Doc) -> list[tuple[int, int]]:
    try:
        return [(s.start, s.end) for s in doc.sents]
    except ValueError:  # no sentence boundaries on a hand-built Doc: one sentence
        return [(0, len(doc))]


def _sent_index(bounds: list[tuple[int, int]], i: int) -> int:
    """The sentence of token ``i`` (by bisection: per-token scans made long articles slow)."""
    n = bisect_right(bounds, (i, 1 << 62)) - 1
    if 0 <= n < len(bounds) and bounds[n][0] <= i < bounds[n][1]:
        return n
    return len(bounds) - 1


def _by_sentence(bounds: list[tuple[int, int]], cands: list[Cand]) -> dict[int, list[Cand]]:
    """Candidates grouped by the sentence they start in, each group in list order."""
    out: dict[int, list[Cand]] = {}
    for c in cands:
        out.setdefault(_sent_index(bounds, c.start), []).append(c)
    return out


def _inside_quotes(lower: list[str]) -> list[bool]:
    """Which tokens stand inside quotation marks (curly pairs, or straight ones toggling)."""
    out = []
    inside = False
    for t in lower:
        if t in ("“", "«"):
            inside = True
            out.append(False)
            continue
        if t in ("”", "»"):
            inside = False
            out.append(False)
            continue
        if t == '"':
            inside = not inside
            out.append(False)
            continue
        out.append(inside)
    return out


def _is_subject(doc: Doc, c: Cand) -> bool:
    tok = doc[c.head] if 0 <= c.head < len(doc) else doc[c.end - 1]
    while tok.dep_ in ("compound", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _pick(doc: Doc, people: list[Cand]) -> str | None:
    """The person these mentions point to: the subject, else the only one; None if unclear."""
    if not people:
        return None
    subjects = {c.key for c in people if _is_subject(doc, c)}
    if len(subjects) == 1:
        return subjects.pop()
    keys = {c.key for c in people}
    if len(keys) == 1:
        return keys.pop()
    return None


def resolve_references(doc: Doc, cands: list[Cand], lower: list[str] | None = None) -> None:
    """Turn resolvable offices, titles, pronouns and pairs into mentions of their actor (in place).

    ``cands`` are the clustered candidates of the actor rules (``key`` says which actor);
    ``lower`` the lower-cased token texts, if already read. Unresolved title refs keep
    ``kind == "ref"`` and are dropped when actors are built.
    """
    bounds = _sent_bounds(doc)
    people = sorted(
        (c for c in cands if c.kind == "person" and c.type == "person"), key=lambda c: c.start
    )
    if lower is None:
        lower = [t.lower_ for t in doc]
    _resolve_titles(cands, people)
    _resolve_pronouns(doc, cands, people, bounds, lower)
    _resolve_pairs(doc, cands, bounds, lower)
    cands.sort(key=lambda c: c.start)


def _resolve_titles(cands: list[Cand], people: list[Cand]) -> None:
    """Offices ("the President of the United States") and titles said alone ("the
    president") join the one person named before them who holds that title.

    One sweep in text order (``cands`` come sorted by start): the people before a mention
    are indexed as the sweep passes them, by role, each set of keys kept to two at most —
    all a "just one holder" test needs — so the time stays linear in the article.
    """
    by_role: dict[str, dict[str | None, set[str]]] = {}  # role → country → holder keys
    any_country: dict[str, set[str]] = {}  # role → holder keys, whatever their country
    # the holders of a title said alone: the keys of every role that holds the title's
    # words, read from the (role, key) pairs added since the title was last asked about
    added: list[tuple[str, str]] = []
    title_holders: dict[str, tuple[int, set[str]]] = {}
    passed = 0
    for c in cands:
        while passed < len(people) and people[passed].start < c.start:
            p = people[passed]
            passed += 1
            for r in {r.lower() for r in p.roles}:
                if _add_capped(any_country.setdefault(r, set()), p.key):
                    added.append((r, p.key))
                if not p.key.startswith("office:"):
                    _add_capped(by_role.setdefault(r, {}).setdefault(p.country, set()), p.key)
        if c.kind == "person" and c.key.startswith("office:") and c.roles:
            countries = by_role.get(c.roles[0].lower(), {})
            holders = countries.get(None, set()) | (
                countries.get(c.country, set()) if c.country is not None else set()
            )
            if len(holders) == 1:
                c.key = next(iter(holders))
                c.country_source = "office-mention"  # weaker than the person's own words
            continue
        if c.kind != "ref" or not c.title:
            continue
        title = c.title
        read, holders = title_holders.get(title, (0, set()))
        holders.update(key for role, key in added[read:] if title in role)
        title_holders[title] = (len(added), holders)
        if len(holders) == 1:
            c.key = next(iter(holders))
            c.kind = "coref"


def _add_capped(keys: set[str], key: str) -> bool:
    """Add ``key`` unless ``keys`` holds two already; whether it was new and added."""
    if len(keys) < 2 and key not in keys:
        keys.add(key)
        return True
    return False


def _resolve_pronouns(
    doc: Doc,
    cands: list[Cand],
    people: list[Cand],
    bounds: list[tuple[int, int]],
    lower: list[str],
) -> None:
    """He/she: the person of the same sentence before it, else of the previous sentence
    when the pronoun opens its own; a new ``coref`` mention for each one resolved."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    quoted = _inside_quotes(lower)
    in_sentence = _by_sentence(bounds, people)
    for i in [k for k, w in enumerate(lower) if w in PERSONAL and k not in covered]:
        tok = doc[i]
        if tok.tag_ not in ("PRP", "") or quoted[i]:
            continue  # inside a quote "she" is whoever the speaker means: left alone
        n = _sent_index(bounds, tok.i)
        s0, _e0 = bounds[n]
        before = [p for p in in_sentence.get(n, ()) if p.end <= tok.i]
        key = _pick(doc, before) if before else None
        opens = all(t.text in OPENERS for t in doc[s0 : tok.i])
        if key is None and opens and n > 0 and not before:
            ps, pe = bounds[n - 1]
            prev = [p for p in in_sentence.get(n - 1, ()) if p.end <= pe]
            key = _pick(doc, prev)
        if key is None:
            continue
        cands.append(
            Cand(tok.i, tok.i + 1, "coref", tok.text, "person", key=key, pronoun=True, head=tok.i)
        )


def _pair_phrase(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """'Both parties', 'the two sides', 'the neighboring countries' starting at token i."""
    tok = doc[i]
    j = i + 1
    if tok.lower_ not in PAIR_WORDS:
        return None
    while (
        j < len(doc)
        and j - i < 3
        and doc[j].tag_ in ("JJ", "VBG", "VBN")
        and doc[j].lower_ not in PEOPLE_NOUNS
    ):
        j += 1
    if j >= len(doc) or doc[j].lower_ not in PEOPLE_NOUNS | COUNTRY_NOUNS:
        return None
    start = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
    return start, j + 1, doc[j].lower_


def _resolve_pairs(
    doc: Doc, cands: list[Cand], bounds: list[tuple[int, int]], lower: list[str]
) -> None:
    """Split antecedents: 'Both parties' after a sentence about exactly two people (or countries)
    is a mention of each of them (Putin and Li met … Both parties expressed approval …)."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    in_sentence = _by_sentence(bounds, [c for c in cands if c.kind != "ref"])
    for i in [k for k, w in enumerate(lower) if w in PAIR_WORDS]:
        found = _pair_phrase(doc, i)
        if found is None or i in covered:
            continue
        start, end, noun = found
        n = _sent_index(bounds, start)
        windows = [(n, start)] + ([(n - 1, bounds[n - 1][1])] if n > 0 else [])
        chosen: list[str] = []
        for m, hi in windows:
            inside = [c for c in in_sentence.get(m, ()) if c.end <= hi]
            people = list(dict.fromkeys(c.key for c in inside if c.type == "person"))
            states = list(dict.fromkeys(c.key for c in inside if c.type == "country"))
            if noun in PEOPLE_NOUNS and len(people) == 2:
                chosen = people
            elif noun in COUNTRY_NOUNS and len(states) == 2:
                chosen = states
            if chosen:
                break
        for key in chosen:
            cands.append(
                Cand(start, end, "coref", doc[start:end].text, "group", key=key, head=end - 1)
            )
        covered.update(range(start, end))


__all__ = ["resolve_references"]
