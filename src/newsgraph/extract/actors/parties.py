"""Party members as a group: "Republicans", "Democrats", "Democratic leaders".

spaCy tags these NORP and the nationality rules (:mod:`.collectives`) skip them, so an
event aimed at them ("made an appeal to Republicans", "struck a deal with Democrats") had
no recipient. A NORP entity whose words name a party's members (``party_words.tsv``) is a
group actor with sector PTY; a party adjective before a group noun of ``groups.tsv``
("Democratic leaders", "Republican senators") is one too. Every mention of one party is
one actor. Words another rule took ("the Democratic Party", "Senate" in "Senate
Democrats") are left to it.
"""

from __future__ import annotations

from functools import cache

from ...lexicons import load_table
from .candidates import Cand, State

PARTY_FILE = "party_words.tsv"


@cache
def party_words() -> dict[str, tuple[str, str]]:
    """Lower-case word → (party, kind)."""
    return {r["word"]: (r["party"], r["kind"]) for r in load_table(PARTY_FILE)}


def add_party_members(st: State) -> None:
    """Party members named as a group (see the module docstring)."""
    words = party_words()
    for ent in st.ents:
        if ent.label_ != "NORP":
            continue
        s, e = ent.start, ent.end
        if st.lower[s] == "the" and e - s > 1:
            s += 1
        if e - s != 1 or st.lower[s] not in words or not st.free(s, e):
            continue
        party, kind = words[st.lower[s]]
        if kind == "adjective":
            nxt = e if e < len(st.doc) else None
            if nxt is None or st.lower[nxt] not in st.g.groups or not st.free(nxt, nxt + 1):
                continue  # "a Democratic senator" is a person's title; "Democratic support"
            e = nxt + 1
        st.take(s, e)
        st.cands.append(
            Cand(s, e, "group", party, "group", None, ("PTY",),
                 key=f"party:{party.lower()}", head=e - 1)
        )  # fmt: skip
