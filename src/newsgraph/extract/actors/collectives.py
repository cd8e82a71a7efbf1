"""Countries, capitals, groups, named institutions and other organisations.

A country acts when it is a subject, object or recipient ("China has denied"), not where
something happens ("the war in Ukraine"); a capital stands for its government only as a
subject/possessor/recipient ("Beijing supplying weapons"). A country word before a group
noun makes a group ("Ukrainian soldiers" → UKR MIL); named institutions, media and IGOs
come from the lexicons.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Token

from ..index import SpanIndex
from ..syntax import dep_of, span_head
from .candidates import (
    ORG_LABELS,
    Cand,
    State,
    country_before,
    is_locative,
    longest_first,
    non_overlapping,
    strip_possessive,
)
from .gazetteer import us_state_reading
from .vocab import MEDIA_WORDS, MOTION_VERBS, ORG_SECTOR_WORDS, US_STATE_HOMONYMS


def collect_country_words(st: State, name_matches: list[tuple[str, int, int]]) -> None:
    """Country names, demonyms and capitals in the Doc (longest at each place)."""
    g = st.g
    capitals: list[tuple[int, int, str]] = []
    for label, s, e in name_matches:
        text = st.doc[s:e].text
        if label in ("COUNTRY", "DEMONYM") and (iso := g.country_of_word(text)):
            st.country_words.append((s, e, iso))
        elif label == "CAPITAL" and (iso := g.capitals.get(text.lower())):
            capitals.append((s, e, iso))
    # Many capitals share their name with towns and universities elsewhere ("Georgetown
    # University" is in Washington, not Guyana): inside a longer organisation name a capital
    # names its country only when the article names that country too.
    named = {iso for _s, _e, iso in st.country_words}
    in_org = {
        i for ent in st.ents if ent.label_ in ORG_LABELS and len(ent) > 1
        for i in range(ent.start, ent.end)
    }  # fmt: skip
    st.country_words += [(s, e, iso) for s, e, iso in capitals if iso in named or s not in in_org]
    # keep the longest word at each place ("South Korea" over "Korea")
    # (sorted by start, longest first: a word is inside a kept one exactly when it ends
    # before the furthest end kept so far — one pass, not a scan per word)
    best: dict[int, tuple[int, int, str]] = {}
    furthest = -1
    for s, e, iso in sorted(st.country_words, key=lambda x: (x[0], -(x[1] - x[0]))):
        if best and e <= furthest:
            continue
        best[s] = (s, e, iso)
        furthest = max(furthest, e)
    st.country_words = sorted(best.values())


def add_named(
    st: State, named: list[tuple[str, int, int]], user: list[tuple[str, int, int]]
) -> None:
    """Named institutions, media outlets, IGOs and user-dictionary names."""
    doc, g = st.doc, st.g
    ents = SpanIndex([e for e in st.ents if e.label_ in ORG_LABELS], lambda x: (x.start, x.end))
    for label, s, e in longest_first(user + named):
        if not st.free(s, e):
            continue
        text = doc[s:e].text
        key = text.replace("’", "'").lower()
        key = key[4:] if key.startswith("the ") else key
        entry = g.named.get(key)
        if entry is None:
            continue
        # "Congress" inside "Indian National Congress": the longer organisation wins
        if label == "NAMED" and any(
            x.start <= s
            and e <= x.end
            and (x.end - x.start) > (e - s) + (doc[x.start].lower_ == "the")
            for x in ents.overlapping(s, e)
        ):
            continue
        if any(te - ts > e - s for _l, ts, te in st.titles_containing(s, e)):
            continue  # "House" in "House Speaker": part of a title
        if entry.type == "person" and label == "USER":
            continue  # user-dictionary people join through the person rules below
        if entry.type == "organization" and entry.country:
            # "Ivory Coast's Supreme Court", "the Russian Senate": not the American ones
            other, pre = country_before(st, s, limit=3)
            if other and other != entry.country:
                st.take(pre, e)
                name = doc[pre:e].text
                st.cands.append(
                    Cand(pre, e, "org", name, "organization", other, entry.sectors,
                         key="org:" + name.lower(), head=span_head(doc, pre, e))
                )  # fmt: skip
                continue
        st.take(s, e)
        st.cands.append(
            Cand(s, e, "named", entry.name, entry.type, entry.country, entry.sectors,
                 code=entry.code, key="named:" + entry.name, head=span_head(doc, s, e))
        )  # fmt: skip
    _join_media_short_forms(st)


def _join_media_short_forms(st: State) -> None:
    """ "the Times" after "The New York Times" is that paper, not The Times of London.

    Each media mention takes the outlet of the first media mention (in list order) with
    another key whose name ends in what it says. Mentions are grouped by (key, name), as
    the names change while the mentions are read: a lookup reads the outlets, not every
    mention (the article has few outlets and many mentions).
    """
    media = [c for c in st.cands if c.kind == "named" and c.type == "media"]
    holders: dict[tuple[str, str], list[int]] = {}  # (key, name) → mentions, in list order
    for k, c in enumerate(media):
        holders.setdefault((c.key, c.name), []).append(k)
    for k, c in enumerate(media):
        said = st.doc[c.start : c.end].text.lower().removeprefix("the ")
        firsts = [
            ks[0] for (key, name), ks in holders.items()
            if ks and key != c.key and name.lower().endswith(" " + said)
        ]  # fmt: skip
        if not firsts:
            continue
        longer = media[min(firsts)]
        held = holders[(c.key, c.name)]
        del held[bisect_left(held, k)]
        c.name, c.country, c.sectors, c.key = (
            longer.name,
            longer.country,
            longer.sectors,
            longer.key,
        )
        c.code = longer.code
        insort(holders.setdefault((c.key, c.name), []), k)


def is_governmental_use(tok: Token) -> bool:
    """A capital standing for its government: subject, possessor, recipient, not a destination."""
    head = tok
    while dep_of(head) in ("conj", "compound", "appos") and head.head.i != head.i:
        head = head.head
    dep = dep_of(head)
    if not dep:
        return False
    if dep in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if dep == "dobj":
        return head.head.lower_ not in MOTION_VERBS
    if dep == "pobj":
        prep = head.head
        if prep.lower_ in ("with", "against", "by", "on", "of", "between"):
            return True
        if prep.lower_ == "to":
            return prep.head.lower_ not in MOTION_VERBS
    return False


def modifies_following_noun(st: State, s: int, e: int) -> bool:
    """'U.S. official', 'Chinese Defense Minister', 'Pentagon papers': a modifier, not an actor."""
    doc = st.doc
    if e >= len(doc):
        return False
    nxt = doc[e]
    if doc[e - 1].text in ("'s", "’s"):
        return False
    head = doc[span_head(doc, s, e)]
    if dep_of(head) in ("compound", "amod", "nmod", "npadvmod") and head.head.i >= e:
        return True
    # unparsed: a country word directly before a common or proper noun
    return not dep_of(head) and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS") and nxt.text[:1].isalpha()


def add_countries(st: State, group_matches: list[tuple[str, int, int]]) -> None:
    """Countries and capitals that act, groups named by nationality, peoples.

    Each free country word is, in this order: part of a longer name (skipped), a US state
    in an American story (skipped), the nationality of a group noun after it ("Ukrainian
    soldiers"), or else a country word on its own (see :func:`_add_country_word`).
    """
    group_starts: dict[int, tuple[int, str]] = {}
    for _lab, s, e in longest_first(group_matches):
        group_starts.setdefault(s, (e, st.doc[s:e].text))
    in_longer = _inside_longer_names(st)
    # countries the article names, not counting names that may be US states ("Georgia")
    evidence = {iso for cs, _ce, iso in st.country_words if st.lower[cs] not in US_STATE_HOMONYMS}
    for s, e, iso in st.country_words:
        if not st.free(s, e) or s in in_longer:
            continue
        if us_state_reading(st.lower[s], evidence) and e - s == 1:
            continue  # "Georgia" in an American story: the state, a place
        if _add_national_group(st, s, e, iso, group_starts):
            continue
        _add_country_word(st, s, e, iso)


def _inside_longer_names(st: State) -> set[int]:
    """Starts of country words inside a longer entity name ("Jersey" in "New Jersey",
    "Washington" in "George Washington"); an entity of nothing but country words
    ("Bosnian Serbs") does not count."""
    in_longer = set()
    covered = {k for cs, ce, _ in st.country_words for k in range(cs, ce)}
    starts: dict[int, list[tuple[int, int, str]]] = {}
    for word in st.country_words:
        starts.setdefault(word[0], []).append(word)
    for ent in st.ents:
        start = ent.start + (st.lower[ent.start] == "the")
        if ent.label_ in ("PERSON", "GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW"):
            if all(k in covered for k in range(start, ent.end)):
                continue
            for k in range(start, ent.end):  # words starting inside the entity, by index
                for cs, ce, _iso in starts.get(k, ()):
                    if ce <= ent.end and (ce - cs) < (ent.end - start):
                        in_longer.add(cs)
    return in_longer


def _add_national_group(
    st: State, s: int, e: int, iso: str, group_starts: dict[int, tuple[int, str]]
) -> bool:
    """Country word + group noun ("Ukrainian soldiers", "the Turkish government",
    "Khartoum government"): a group of that country. False when no group noun follows."""
    doc, g = st.doc, st.g
    j = e
    if j < len(doc) and doc[j].text in ("'s", "’s"):
        j += 1  # "Ukraine's military"
    elif j + 1 < len(doc) and doc[j].text == "-" and st.lower[j + 1] == "led":
        j += 2  # "Vietnamese-led forces" (not "-backed": those are someone else's)
    while j < len(doc) and j - e < 3 and doc[j].tag_ in ("JJ", "VBN") and j not in group_starts:
        j += 1
    if j not in group_starts:
        return False
    ge, gtext = group_starts[j]
    # "Syrian government forces", "regime troops": the last group noun says what it is
    while ge in group_starts:
        ge, gtext = group_starts[ge]
    gtype, gsectors = g.groups[gtext.lower()]
    # "Hungarian and Romanian officials": every coordinated country word gets the group
    for cs, ce, ciso in st.country_words_starting(s - 6, s):
        if (
            ce < s
            and all(
                doc[k].lower_ in ("and", ",", "or") or st.in_country_word(k) for k in range(cs, s)
            )
            and st.free(cs, ce)
        ):
            st.take(cs, ce)
            st.cands.append(
                Cand(cs, ge, "group", f"{doc[cs:ce].text} {gtext}", gtype, ciso, gsectors,
                     key=f"group:{ciso}:{gtext.lower()}", head=ge - 1)
            )  # fmt: skip
    start = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
    st.take(start, ge)
    st.cands.append(
        Cand(start, ge, "group", doc[s:ge].text, gtype, iso, gsectors,
             key=f"group:{iso}:{gtext.lower()}", head=ge - 1)
    )  # fmt: skip
    return True


def _add_country_word(st: State, s: int, e: int, iso: str) -> None:
    """A country word with no group noun after it: a people ("Bosnian Serbs",
    "Palestinians"), a capital standing for its government, or a country that acts —
    not a modifier ("U.S. official") and not a place ("in Ukraine")."""
    doc, g = st.doc, st.g
    text = doc[s:e].text
    key = text.replace("’", "'").lower()
    is_demonym = key in g.demonyms and key not in g.country_names
    is_capital = key in g.capitals and key not in g.country_names
    tok = doc[span_head(doc, s, e)]
    k = bisect_left(st.country_words, (e,))  # sorted by start (collect_country_words)
    nxt = st.country_words[k] if k < len(st.country_words) and st.country_words[k][0] == e else None
    if is_demonym and nxt and doc[nxt[1] - 1].text.endswith("s") and st.free(nxt[0], nxt[1]):
        # "Bosnian Serbs", "Iraqi Kurds": the people of the first country word
        st.take(s, nxt[1])
        st.cands.append(
            Cand(s, nxt[1], "group", doc[s : nxt[1]].text, "group", iso, (),
                 key=f"group:{iso}:{doc[nxt[0]:nxt[1]].text.lower()}", head=nxt[1] - 1)
        )  # fmt: skip
        return
    if modifies_following_noun(st, s, e):
        return
    if is_demonym:
        # plural people as actors: "Palestinians", "Bosnian Serbs"; adjectives are not actors
        plural = key != g.country_names.get(key) and (text.endswith("s") or tok.tag_ == "NNPS")
        if plural and not is_locative(tok):
            st.take(s, e)
            st.cands.append(
                Cand(s, e, "group", text, "group", iso, (), key=f"people:{iso}", head=tok.i)
            )
        return
    if is_capital:
        if is_governmental_use(tok) and not is_locative(tok):
            st.take(s, e)
            st.cands.append(
                Cand(s, e, "country", g.countries[iso].name, "country", iso, ("GOV",),
                     metonym=True, key=f"country:{iso}", head=tok.i)
            )  # fmt: skip
        return
    if is_locative(tok):
        return
    st.take(s, e)
    st.cands.append(
        Cand(s, e, "country", g.countries[iso].name, "country", iso, key=f"country:{iso}",
             head=tok.i)
    )  # fmt: skip


def add_other_groups(st: State, group_matches: list[tuple[str, int, int]]) -> None:
    """Group nouns without a country word before them.

    "opposition parties in Nepal", "the government of Sindh province" take the country
    after them; international NGOs ("a human rights group") are actors without one.
    """
    doc, g = st.doc, st.g
    for _lab, s, e in non_overlapping(group_matches):
        if not st.free(s, e):
            continue
        gtype, gsectors = g.groups[doc[s:e].text.lower()]
        owned = s > 0 and st.lower[s - 1] in ("its", "their", "his", "her", "our", "my", "your")
        j = e
        # "withdrew its troops from Lebanon": someone's own troops, not Lebanon's
        if (
            not owned
            and j < len(doc)
            and st.lower[j] in ("in", "of", "from", "throughout", "across")
        ):
            j += 1
            # the country word may start at "the" ("the Ivory Coast") or after it
            at = (j, j + 1) if j < len(doc) and doc[j].lower_ == "the" else (j,)
            hit = next(iter(st.country_words_starting(j, j + len(at))), None)
            if hit and st.free(hit[0], hit[1]) and hit[2]:
                iso = hit[2]
                st.take(s, e)
                st.cands.append(
                    Cand(s, e, "group", f"{doc[s:e].text} {doc[e:hit[1]].text}", gtype, iso,
                         gsectors, key=f"group:{iso}:{doc[s:e].text.lower()}", head=e - 1)
                )  # fmt: skip
                continue
        if set(gsectors) & {"NGO", "IGO"}:
            st.take(s, e)
            st.cands.append(
                Cand(s, e, "group", doc[s:e].text, "organization", None, gsectors,
                     key=f"group:-:{doc[s:e].text.lower()}", head=e - 1)
            )  # fmt: skip


def org_country_and_sectors(st: State, s: int, e: int) -> tuple[str | None, tuple[str, ...]]:
    """An organisation's country and sectors from its own words."""
    country = next((iso for _cs, _ce, iso in st.country_words_within(s, e)), None)
    if country is None:
        country, _ = country_before(st, s, limit=3)
    sectors: list[str] = []
    if st.igo_match_within(s, e) is not None:
        sectors.append("IGO")  # "United Nations Emergency Relief Coordinator"
    for low in st.lower[s:e]:
        sec = ORG_SECTOR_WORDS.get(low)
        if sec and sec not in sectors:
            sectors.append(sec)
    return country, tuple(sectors)


def add_orgs(st: State) -> None:
    """Remaining ORG entities: organisations (or media, by their name)."""
    doc = st.doc
    for ent in st.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        s, e = ent.start, strip_possessive(doc, ent.start, ent.end)
        if doc[s].lower_ == "the" and e - s > 1:
            s += 1
        if not st.free(s, e):
            continue
        if any(ce == e for _cs, ce, _ in st.country_words_starting(s, s + 1)):
            continue  # "the Vatican": a country, handled by the country rules
        words = [t for t in doc[s:e] if not t.is_punct]
        if not words or all(t.lower_ in st.g.titles for t in words):
            continue  # "Defense" split off "Defense Minister" by the tagger
        if all(t.tag_ and t.tag_ not in ("NNP", "NNPS") for t in words):
            continue  # no proper noun at all ("Anger", "Contributing:"): tagger noise
        st.take(s, e)
        country, sectors = org_country_and_sectors(st, s, e)
        lowered = {t.lower_ for t in words}
        kind = "media" if lowered & MEDIA_WORDS and not sectors else "organization"
        if kind == "media":
            sectors = ("MED",)
        name = doc[s:e].text
        st.cands.append(
            Cand(
                s,
                e,
                "org",
                name,
                kind,
                country,
                sectors,
                key="org:" + name.lower(),
                head=span_head(doc, s, e),
            )
        )


def join_short_forms(st: State) -> None:
    """'the Post' after 'The Washington Post', 'Heritage' after 'Heritage Foundation': one actor.

    A one-word name joins the first longer name (in list order, another key) that ends in
    it (media) or starts with it (organisations). Longer names are looked up by those
    words, not scanned; only one-word names change key here, so the longer ones' keys
    hold still.
    """
    orgs = [
        c for c in st.cands if c.kind in ("org", "named") and c.type in ("media", "organization")
    ]
    ending: dict[str, list[int]] = {}  # last words of a longer media name → its positions
    opening: dict[str, list[int]] = {}  # first word of a longer name → its positions
    for k, longer in enumerate(orgs):
        name = longer.name.lower().removeprefix("the ")
        if " " not in name:
            continue
        if longer.type == "media":
            for at in [i for i, ch in enumerate(name) if ch == " "]:
                ending.setdefault(name[at + 1 :], []).append(k)
        if words := name.split():
            opening.setdefault(words[0], []).append(k)
    for c in orgs:
        short = c.name.lower().removeprefix("the ")
        if " " in short:
            continue
        found = ending if c.type == "media" else opening
        for k in found.get(short, ()):
            if orgs[k].key != c.key:
                c.key = orgs[k].key
                break
