"""Attributions: direct, indirect and partial quotes, "according to"/"per" sources, and
statements resting on unnamed reports ("reportedly").

Direct quotes come from a scan of the quote marks (:mod:`.quotes`); each is tied to the
cue verb nearest to it in its sentence(s) — the one governing it in the parse wins — or,
failing that, to a cue in the next sentence ("… \u201d The minister said this on Monday"),
the previous one ("Smith spoke to reporters. \u201c…\u201d") or the speaker of the quote just
before (a quote running on in the next paragraph). Indirect speech comes from the parse:
a verb of ``lexicons/cue_verbs.tsv`` with a clausal complement ("said that …"), a
parenthetical after its content (", officials said"), an infinitive ("urged Xi to …") or
an object ("denied sending …"). The speaker is the subject of the cue verb (climbing
xcomp/advcl/conj chains), resolved to an actor id through the actors' mention spans.
When no actor covers it, ``source`` stays None and ``source_text``/``source_kind`` say who
it is (anonymous "officials", a document "the report", a media outlet …).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from ...lexicons import load_table, load_words
from ...nlp.lemma import lemma
from ...records import Actor, Article, Attribution, Span
from ..index import MentionIndex
from ..syntax import np_span, subject_of, subtree_span, tok_span
from .hedges import HedgeCue, find_hedges
from .quotes import Quote, find_quotes

PERSON_PRONOUNS = frozenset("he she him her i we they".split())
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_SUBJ = ("nsubj", "nsubjpass", "csubj")
# Dependents of a subject head that belong to the source phrase ("a person familiar with
# the matter", "NATO and the US"); relative clauses and appositions after a comma do not.

# Cue classes whose verbs also describe things that are not speech ("the data show",
# "the move seems to suggest"): their subject must look like a source.
_WEAK_CLASSES = frozenset(("belief", "intent", "evidential", "stance"))
_ACTOR_KIND = {
    "person": "person",
    "media": "media",
    "organization": "organization",
    "country": "government",
    "group": "organization",
    "igo": "organization",
}
# Prepositions whose object is what a "p" cue is about: "called for an inquiry".
_CONTENT_PREPS = frozenset(("for", "about", "on", "against", "of"))
_ENT_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "government", "NORP": "government"}
# Passive reporting verbs whose subject is not the source: "it is reported that", "X is
# said to have …".
_PASSIVE_REPORTING = frozenset(
    "say report allege believe think rumor rumour understand claim expect".split()
)


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    cls: str
    complements: str


@cache
def _cue_lexicon() -> dict[str, CueVerb]:
    """Lemma -> cue entry, plus the regular inflected forms of each lemma as a safety net
    for lemmas the suffix rules in nlp/lemma.py get wrong ("acknowledged")."""
    out: dict[str, CueVerb] = {}
    for row in load_table("cue_verbs.tsv"):
        cue = CueVerb(row["lemma"], row["class"], row["complements"])
        out[cue.lemma] = cue
    forms: dict[str, CueVerb] = {}
    for row in load_table("cue_verbs.tsv"):
        for form in filter(None, row.get("forms", "").split("|")):
            forms[form.lower()] = out[row["lemma"]]
    for lem, cue in out.items():
        stem = lem[:-1] if lem.endswith("e") else lem
        for form in (
            lem + "s",
            lem + "d",
            stem + "ed",
            stem + "ing",
            lem + "ing",
            lem[:-1] + "ies",
            lem[:-1] + "ied",
        ):
            forms.setdefault(form, cue)
    return {**forms, **out}


@cache
def _anonymous_heads() -> frozenset[str]:
    return load_words("anonymous_sources.txt")


@cache
def _source_nouns() -> dict[str, str]:
    return {row["noun"].lower(): row["kind"] for row in load_table("source_nouns.tsv")}


def cue_of(token: Token) -> CueVerb | None:
    """The cue-lexicon entry for a verb token, or None."""
    if not token.tag_.startswith("VB"):
        return None
    lex = _cue_lexicon()
    return lex.get(lemma(token)) or lex.get(token.lower_)


@dataclass
class _Draft:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    subject: Token | None = None  # head token of the source phrase
    source: str | None = None  # actor id
    source_span: tuple[int, int] | None = None
    source_kind: str = "none"
    confidence: float = 0.5
    extra_hedges: list[tuple[int, int]] = field(default_factory=list)
    cue_token: int | None = None


class _Context:
    """What every rule needs: the text, the Doc, the quotes, the actors' mentions."""

    def __init__(self, doc: Doc, text: str, actors: list[Actor]):
        self.doc = doc
        self.text = text
        self.actors = actors
        self.index: MentionIndex[Actor] = MentionIndex(actors)
        self.quotes = find_quotes(text)
        # characters inside a quote (marks included), for "is this token quoted?"
        self.quoted = bytearray(len(text) + 1)
        for q in self.quotes:
            self.quoted[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
        # characters inside quotes that are whole statements (a finite verb, 3+ words):
        # an indirect clause made mostly of one is that quote, not a paraphrase
        self.speech = bytearray(len(text) + 1)
        for q in self.quotes:
            inner = doc.char_span(q.start, q.end, alignment_mode="expand")
            if inner is not None and len(inner) >= 3 and any(t.tag_ in _FINITE for t in inner):
                self.speech[q.open_mark : q.outer_end] = b"\x01" * (q.outer_end - q.open_mark)
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        persons = sorted(
            ((m.start, m.end, a) for a in actors if a.type == "person" for m in a.mentions),
            key=lambda p: (p[0], p[1]),
        )
        self.person_mentions = persons
        self.person_starts = [p[0] for p in persons]

    def sent_index(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def is_quoted(self, tok: Token) -> bool:
        return bool(self.quoted[tok.idx])


def extract_attributions(doc: Doc, article: Article, actors: list[Actor]) -> list[Attribution]:
    """Every attribution in the article, in text order, with ids q1, q2, …"""
    text = article.text
    if not text.strip() or len(doc) == 0:
        return []
    if doc.text != text:
        raise ValueError(f"article {article.id}: the Doc was not parsed from the article text")
    ctx = _Context(doc, text, actors)
    drafts: list[_Draft] = []
    prev_q: Quote | None = None
    for q in ctx.quotes:
        d = _direct(ctx, q, drafts)
        if d is None:
            continue
        if prev_q is not None and drafts and _continues(ctx, drafts[-1], prev_q, d, q):
            # "A," he said, "B.": one quotation interrupted by its attribution
            drafts[-1].content = (drafts[-1].content[0], d.content[1])
            drafts[-1].kind = "direct"
        else:
            drafts.append(d)
        prev_q = q
    indirect = _drop_nested_reports(list(_indirect(ctx)))
    drafts = _drop_nested_partials(drafts, indirect, text)
    drafts.extend(indirect)
    drafts.extend(_headline_colons(ctx))
    drafts.extend(_headline_says(ctx))
    drafts.extend(_according_to(ctx))
    drafts.extend(_reportedly(ctx, drafts))
    return _finish(ctx, drafts)


# ------------------------------------------------------------------ speakers


def _on_cue_line(ctx: _Context, cue: Token, subj: Token | None) -> Token | None:
    """Keep a subject on the line of its cue: the parser runs a time stamp or a headline
    into the next line ("12:15 p.m.\n\nDonald Trump says …"); then the first proper
    noun or pronoun before the cue on its own line is the subject."""
    if subj is None:
        return None
    lo, hi = sorted((subj.idx, cue.idx))
    if "\n" not in ctx.text[lo:hi]:
        return subj
    line_start = ctx.text.rfind("\n", 0, cue.idx) + 1
    doc = ctx.doc
    i = cue.i - 1
    candidates = []
    while i >= 0 and doc[i].idx >= line_start:
        if doc[i].tag_ in ("NNP", "NNPS", "PRP") or doc[i].dep_ in _SUBJ:
            candidates.append(doc[i])
        i -= 1
    return _name_head(candidates[::-1]) if candidates else None


def _resolve(ctx: _Context, d: _Draft, head: Token | None) -> _Draft:
    """Fill source, source_span and source_kind from the subject head token."""
    if head is None:
        return d
    s, e = np_span(head)
    d.subject = head
    d.source_span = (s, e)
    actor = ctx.index.at(head.idx, head.idx + len(head.text)) or _first_actor_in(ctx, s, e)
    if actor is None and head.lower_ in ("he", "she", "him", "her") and head.tag_ == "PRP":
        actor = _previous_person(ctx, head.idx)
    if actor is not None:
        d.source = actor.id
        d.source_kind = _ACTOR_KIND.get(actor.type, "person")
        return d
    d.source_kind = _kind_of(head)
    return d


def _first_actor_in(ctx: _Context, s: int, e: int) -> Actor | None:
    """The first actor named in a source phrase whose head is no actor: "experts like
    Dr. Anthony Fauci, who directs the NIAID" is Fauci's word, not his institute's."""
    hits = ctx.index.overlapping(s, e)
    return min(hits, key=lambda h: h[0].start)[1] if hits else None


def _previous_person(ctx: _Context, char: int) -> Actor | None:
    """The person a he/she most likely means, when the actors left it unresolved: the last
    person who was a subject before ``char``, else the last person mentioned (within
    ~1,500 characters)."""
    i = bisect_right(ctx.person_starts, char - 1) - 1
    fallback = None
    while i >= 0:
        start, end, actor = ctx.person_mentions[i]
        if char - start > 1500:
            break
        fallback = fallback or actor
        tok = ctx.token_at(start)
        head = tok
        while (
            head is not None and head.dep_ in ("compound", "flat", "amod") and head.head is not head
        ):
            head = head.head
        if head is not None and head.dep_ in _SUBJ:
            return actor
        i -= 1
    return fallback


def _kind_of(head: Token) -> str:
    """source_kind of a source phrase no actor covers."""
    low = head.lower_
    if low in PERSON_PRONOUNS or head.tag_ == "PRP":
        return "person"
    nouns = _source_nouns()
    if head.ent_type_ in _ENT_KIND and not (head.ent_type_ == "ORG" and low in nouns):
        return _ENT_KIND[head.ent_type_]
    if low in _anonymous_heads():
        return "anonymous"
    if low in nouns:
        return nouns[low]
    if lemma(head) in _anonymous_heads():
        return "anonymous"
    return "person" if head.tag_ in ("NN", "NNP") else "organization"


def _source_like(ctx: _Context, head: Token) -> bool:
    """Could this subject be someone who says or thinks something?"""
    if head.tag_ in ("PRP",) and head.lower_ in PERSON_PRONOUNS:
        return True
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.tag_ in ("NNP", "NNPS"):
        return True
    if ctx.index.at(head.idx, head.idx + len(head.text)) is not None:
        return True
    low = lemma(head)
    return (
        head.lower_ in _anonymous_heads()
        or low in _anonymous_heads()
        or head.lower_ in _source_nouns()
    )


# ------------------------------------------------------------------ direct quotes
def _direct(ctx: _Context, q: Quote, earlier: list[_Draft]) -> _Draft | None:
    doc, text = ctx.doc, ctx.text
    inner = doc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    words = [t for t in inner if not t.is_punct]
    alpha = [t for t in words if any(ch.isalpha() for ch in t.text)]
    if len(alpha) < 2:
        return None  # a scare-quoted word, a handle or a number: not a quotation
    finite = any(t.tag_ in _FINITE for t in inner)
    if not finite and all(t.text[0].isupper() or t.tag_ in ("IN", "DT", "CC") for t in alpha):
        return None  # a title or name in quotes ("Sunday Morning Futures")
    kind = "direct" if finite and len(words) >= 3 else "partial"
    first_sent = ctx.sent_index(q.open_mark)
    last_sent = ctx.sent_index(max(q.outer_end - 1, q.open_mark))
    d = _Draft(kind=kind, content=(q.start, q.end), confidence=0.9 if q.closed else 0.6)
    if q.single:
        d.kind = "direct"
    roots = {t.i for t in inner if not (q.start <= t.head.idx < q.end)}
    governors = {a.i for r in roots for a in doc[r].ancestors}
    best: tuple[float, Token] | None = None
    for si in range(first_sent, last_sent + 1):
        for tok in ctx.sents[si]:
            if ctx.is_quoted(tok):
                continue
            cue = cue_of(tok)
            if cue is None or "q" not in cue.complements:
                continue
            if "c" not in cue.complements and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "continue to find “…”": not a speech verb here
            if tok.idx < q.open_mark:
                dist = float(q.open_mark - tok.idx - len(tok.text))
            else:
                dist = float(tok.idx - q.outer_end)
            if tok.i in governors:
                dist -= 10_000
            if best is None or dist < best[0]:
                best = (dist, tok)
    if best is not None:
        tok = best[1]
        d.cue = (tok.idx, tok.idx + len(tok.text))
        d.cue_token = tok.i
        return _resolve(ctx, d, _on_cue_line(ctx, tok, subject_of(tok)))
    dash = _dash_speaker(ctx, q)
    if dash is not None:
        d.cue = dash[0]
        return _resolve(ctx, d, dash[1])
    colon = _colon_speaker(ctx, q)
    if colon is not None:
        d.cue = colon[0]
        return _resolve(ctx, d, colon[1])
    # no cue around the quote: the next sentence ("The minister said this on Monday"),
    # the previous one ("Smith spoke to reporters."), or the quote before it
    for si, where in ((last_sent + 1, "next"), (first_sent - 1, "prev")):
        if not 0 <= si < len(ctx.sents):
            continue
        if where == "prev" and _words_before(ctx, q, first_sent):
            continue
        if where == "next" and (_words_after(ctx, q, last_sent) or si == first_sent):
            continue
        bare = _bare_cue(ctx, ctx.sents[si], where)
        if bare is not None:
            d.cue = (bare.idx, bare.idx + len(bare.text))
            d.cue_token = bare.i
            d.confidence = 0.7
            return _resolve(ctx, d, subject_of(bare))
    prev = next((p for p in reversed(earlier) if p.kind == "direct" and p.source_span), None)
    if (
        prev is not None
        and not _words_before(ctx, q, first_sent)
        and 0 < q.open_mark - prev.content[1] < 800
    ):
        between = text[prev.content[1] : q.open_mark]
        if (
            between.count("\n\n") <= 1
            and not any(ch in between for ch in ".!?")
            or _only_marks(between)
            or prev.cue is not None
            and prev.content[1] <= prev.cue[0] < q.open_mark
            and len(between.split()) <= 25
            and between.count("\n\n") <= 1
        ):
            d.subject, d.source, d.source_span = prev.subject, prev.source, prev.source_span
            d.source_kind, d.cue, d.confidence = prev.source_kind, prev.cue, 0.6
            return d
    if kind == "partial" or len(words) < 5:
        return None
    d.confidence = 0.4
    return d


def _only_marks(s: str) -> bool:
    return not s.strip(" \n\t\"“”'’‘,")


def _words_before(ctx: _Context, q: Quote, si: int) -> bool:
    sent = ctx.sents[si]
    return any(not t.is_punct and not ctx.is_quoted(t) and t.idx < q.open_mark for t in sent)


def _words_after(ctx: _Context, q: Quote, si: int) -> bool:
    sent = ctx.sents[si]
    return any(not t.is_punct and not ctx.is_quoted(t) and t.idx >= q.outer_end for t in sent)


def _bare_cue(ctx: _Context, sent: TokenSpan, where: str) -> Token | None:
    """A cue verb with a subject and no reported clause of its own: the speaker of a quote
    standing next to its sentence."""
    for tok in sent:
        cue = cue_of(tok)
        if cue is None or "q" not in cue.complements or ctx.is_quoted(tok):
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            continue
        if (
            where == "next"
            and not any(
                c.dep_ == "dobj" and c.lower_ in ("this", "that", "so", "it") for c in tok.children
            )
            and any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue
        if subject_of(tok) is not None:
            return tok
    return None


_DASH_NAME = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][^\n]{0,80})$", re.M)


def _dash_speaker(ctx: _Context, q: Quote) -> tuple[tuple[int, int], Token] | None:
    """``“…” ― Sonya Herridge``: a closed quote followed on its line by a dash and a name."""
    if q.close_mark is None:
        return None
    m = _DASH_NAME.match(ctx.text, q.outer_end)
    if m is None or len(m.group(1).split()) > 8:
        return None
    name = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None:
        return None
    heads = [t for t in name if t.tag_ in ("NNP", "NNPS")]
    if not heads:
        return None
    dash_start = q.outer_end + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
    return (dash_start, dash_start + len(m.group(0).strip(" \t").split()[0])), _name_head(heads)


def _name_head(tokens: list[Token]) -> Token:
    """The last token of the first run of proper nouns: the head of "Sonya Herridge, 45"."""
    head = tokens[0]
    for t in tokens[1:]:
        if t.i != head.i + 1:
            break
        head = t
    return head


def _colon_speaker(ctx: _Context, q: Quote) -> tuple[tuple[int, int], Token] | None:
    """``Putin: "We are …"`` — a name and a colon right before the quote — or a clause
    ending in a colon (``Jared Potts echoed:``), whose verb is the cue even when it is not
    in the cue lexicon."""
    i = q.open_mark - 1
    while i >= 0 and ctx.text[i] in " \t\n":
        i -= 1
    if i < 0 or ctx.text[i] != ":":
        return None
    colon = ctx.token_at(i)
    if colon is None or colon.i == 0:
        return None
    prev = ctx.doc[colon.i - 1]
    if ctx.is_quoted(prev):
        return None
    verb = colon.head if colon.head.tag_.startswith("VB") else None
    if verb is not None:
        subj = subject_of(verb)
        if subj is not None and subj.i < colon.i:
            return (verb.idx, verb.idx + len(verb.text)), subj
    if prev.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP"):
        return (colon.idx, colon.idx + 1), prev
    return None


def _drop_nested_reports(drafts: list[_Draft]) -> list[_Draft]:
    """A report inside another one's reported clause ("said that the board decided to
    recommend …") is part of what the outer source says: news attribution corpora give
    it to the outer source only."""
    out = []
    for d in drafts:
        cue = d.cue[0] if d.cue else -1
        if not any(
            o is not d
            and o.content[0] <= cue < o.content[1]
            and o.content[0] <= d.content[0]
            and d.content[1] <= o.content[1]
            for o in drafts
        ):
            out.append(d)
    return out


def _drop_nested_partials(direct: list[_Draft], indirect: list[_Draft], text: str) -> list[_Draft]:
    """A quote inside the reported clause of the same cue ("reported that soldiers find
    “different electronics”", "said that, “of course he will defend himself” against …")
    is part of that attribution, not one of its own."""
    spans = [(d.cue_token, d.content) for d in indirect]

    def nested(d: _Draft) -> bool:
        ps, pe = d.content
        return any(
            cue == d.cue_token and s <= ps < e and not text[e:pe].strip(".,;:!?\"'”’ ")
            for cue, (s, e) in spans
        )

    return [d for d in direct if not nested(d)]


@cache
def _headline_labels() -> frozenset[str]:
    return load_words("headline_labels.txt")


def _headline_colons(ctx: _Context) -> Iterable[_Draft]:
    """``Wash Post Fact-Check: If Obama Says It, It's True`` — a short line whose head is a
    name and a colon: the name is the source of what follows."""
    text = ctx.text
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        colon = line.find(": ")
        if colon <= 0:
            continue
        head, rest = line[:colon].strip(), line[colon + 2 :].strip()
        if not head or not rest or len(head.split()) > 6 or len(rest.split()) < 3:
            continue
        if len(line.split()) > 30 and not head.isupper():
            continue  # long lines only for transcript labels ("PENCE: Well, …")
        if (
            head.lower() in _headline_labels()
            or not head[0].isupper()
            or any(ch.isdigit() for ch in head)
        ):
            continue
        src = ctx.doc.char_span(start + line.index(head), start + colon, alignment_mode="expand")
        if src is None or any(t.tag_.startswith("VB") for t in src) or ctx.quoted[start + colon]:
            continue
        if not any(t.tag_ in ("NNP", "NNPS") for t in src):
            continue
        c0 = start + colon + 2 + (len(line[colon + 2 :]) - len(line[colon + 2 :].lstrip()))
        c1 = c0 + len(rest)
        while c1 > c0 and text[c1 - 1] in ".":
            c1 -= 1
        d = _Draft(
            kind="indirect",
            content=(c0, c1),
            cue=(start + colon, start + colon + 1),
            confidence=0.6,
        )
        _resolve(ctx, d, src.root)
        d.source_span = (src.start_char, src.end_char)  # the whole name before the colon
        yield d


_TITLE_WORD = re.compile(r"[A-Z][\w’'-]*")


def _headline_says(ctx: _Context) -> Iterable[_Draft]:
    """``Hillary Clinton Says EgyptAir Crash Seems Like An ‘Act Of Terrorism’`` — a title-case
    line (the parse of such lines is poor) with a capitalised cue verb in it."""
    text = ctx.text
    lex = _cue_lexicon()
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = line.split()
        if not 4 <= len(words) <= 30 or ": " in line:
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        if caps < 0.6 * len(words):
            continue  # not title case: the parse-based rules handle it
        for m in _TITLE_WORD.finditer(line):
            w = m.group()
            cue = lex.get(w.lower())
            # an inflected verb ("Says", "Warns"); a bare "Say" or "Call" is an imperative
            if cue is None or not ({"c", "q"} & set(cue.complements)) or w.lower() == cue.lemma:
                continue
            head, rest = line[: m.start()].strip(), line[m.end() :].strip()
            if not 1 <= len(head.split()) <= 8 or len(rest.split()) < 2:
                break
            c0 = start + m.end() + (len(line[m.end() :]) - len(line[m.end() :].lstrip()))
            c1 = c0 + len(rest)
            while c1 > c0 and text[c1 - 1] in ". ":
                c1 -= 1
            src = ctx.doc.char_span(
                start, start + len(line[: m.start()].rstrip()), alignment_mode="expand"
            )
            d = _Draft(
                kind="indirect",
                content=(c0, c1),
                cue=(start + m.start(), start + m.end()),
                confidence=0.6,
            )
            if src is not None and len(src):
                heads = [t for t in src if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
                _resolve(ctx, d, heads[-1] if heads else src[-1])
            yield d
            break


def _continues(ctx: _Context, prev: _Draft, prev_q: Quote, d: _Draft, q: Quote) -> bool:
    """Whether quote ``q`` goes on with the previous one across its attribution: the gap
    between them holds the previous quote's cue ("…,” he said, “…") and nothing else."""
    if prev.cue is None or prev.kind not in ("direct", "partial") or not prev_q.closed:
        return False
    gap_s, gap_e = prev_q.outer_end, q.open_mark
    if not gap_s <= prev.cue[0] < gap_e or "\n" in ctx.text[gap_s:gap_e]:
        return False
    if len(ctx.text[gap_s:gap_e].split()) > 15:
        return False
    same_speaker = d.source_span is None or d.source_span == prev.source_span
    return d.cue_token in (None, prev.cue_token) or d.cue == prev.cue or same_speaker


# ------------------------------------------------------------------ indirect speech
def _indirect(ctx: _Context) -> Iterable[_Draft]:
    """Indirect speech from the parse: cue verbs with a reported clause, infinitive or
    object; clauses that are mostly a direct quote are left to that quote."""
    for tok in ctx.doc:
        if not tok.tag_.startswith("VB") or ctx.is_quoted(tok):
            continue
        cue = cue_of(tok) or _that_clause_cue(tok)
        if cue is None:
            continue
        content = _complement(ctx, tok, cue)
        if content is None:
            continue
        s, e = _clip_to_paragraph(ctx.text, tok.idx, *content)
        content = (s, e)
        if e - s < 3 or _mostly_quoted(ctx, s, e):
            continue  # the direct quote already carries it
        if (
            "o" not in cue.complements
            and "p" not in cue.complements
            and _n_words(ctx.text[s:e]) < 3
        ):
            continue  # the direct quote already carries it
        subj = _on_cue_line(ctx, tok, subject_of(tok))
        d = _Draft(
            kind="indirect",
            content=content,
            cue=(tok.idx, tok.idx + len(tok.text)),
            cue_token=tok.i,
            confidence=0.75,
        )
        if subj is None:
            if lemma(tok) in _PASSIVE_REPORTING and any(
                c.dep_ in ("nsubjpass", "expl") or c.lower_ == "it" for c in tok.children
            ):
                d.source_kind, d.confidence = "anonymous", 0.6
                yield d
            continue
        if cue.cls in _WEAK_CLASSES and not _source_like(ctx, subj):
            continue
        yield _resolve(ctx, d, subj)


_GENERIC = CueVerb("", "belief", "c")
# Verbs that take a that-clause without reporting anyone's words or thoughts.
_NOT_CUES = frozenset(
    "be have do make mean ensure require need seem appear happen turn prove".split()
)


def _that_clause_cue(tok: Token) -> CueVerb | None:
    """A verb outside the lexicon with an explicit "that"-clause ("Trump implied that …",
    "she learned that …"): a cue for a source-like subject."""
    if lemma(tok) in _NOT_CUES:
        return None
    for child in tok.children:
        if (
            child.dep_ == "ccomp"
            and child.i > tok.i
            and any(gc.dep_ == "mark" and gc.lower_ == "that" for gc in child.children)
        ):
            return _GENERIC
    return None


def _clip_to_paragraph(text: str, anchor: int, s: int, e: int) -> tuple[int, int]:
    """Keep a parse-derived span inside the line of its cue: a parse running over a line
    break (headline into body, teaser into teaser) must not carry content across it."""
    lo = text.rfind("\n", 0, anchor) + 1
    hi = text.find("\n", anchor)
    hi = len(text) if hi < 0 else hi
    s, e = max(s, lo), min(e, hi)
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _n_words(s: str) -> int:
    return sum(1 for w in s.split() if any(ch.isalpha() for ch in w))


def _mostly_quoted(ctx: _Context, s: int, e: int) -> bool:
    quoted = sum(ctx.speech[s:e])
    return quoted > 0.5 * (e - s)


def _complement(ctx: _Context, tok: Token, cue: CueVerb) -> tuple[int, int] | None:
    """The reported content of a cue verb, as a character span."""
    comps = cue.complements
    for child in tok.children:
        if child.dep_ == "ccomp" and "c" in comps:
            if child.i < tok.i and "r" not in comps:
                continue
            return _cut_at_next_cue(child, subtree_span(child))
    if "x" in comps or "o" in comps:
        for child in tok.children:
            if (
                child.dep_ == "xcomp"
                and child.tag_.startswith("VB")
                and ("x" in comps or child.tag_ == "VBG")
            ):
                return subtree_span(child)
            if child.dep_ == "dobj" and "o" in comps and child.lower_ not in ("it", "this", "that"):
                s, e = subtree_span(child)
                # "called the idea ‘stupid’": the object's predicate belongs to it
                for sib in child.head.rights:
                    if sib.i > child.i and sib.dep_ in ("oprd", "xcomp", "ccomp"):
                        e = max(e, subtree_span(sib)[1])
                return s, e
    if "p" in comps:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return subtree_span(pobj)
    if "r" in comps and tok.dep_ in ("parataxis", "ccomp", "advcl", "conj") and tok.head.i != tok.i:
        head = tok.head
        if head.i < tok.i and tok.left_edge.i > 0 and ctx.doc[tok.left_edge.i - 1].is_punct:
            start = head.left_edge
            end_i = tok.left_edge.i - 1
            while end_i > start.i and ctx.doc[end_i].is_punct:
                end_i -= 1
            if end_i <= start.i:
                return None
            return tok_span(start, ctx.doc[end_i])
        if head.i > tok.i and tok.left_edge.i > head.left_edge.i:
            return subtree_span(head)
    return None


def _cut_at_next_cue(root: Token, span: tuple[int, int]) -> tuple[int, int]:
    """End a reported clause before a second cue verb the parser hung inside it ("said
    that X and warned against Y", "said X, adding that Y"): that one reports its own."""
    for tok in root.subtree:
        if tok.i <= root.i or tok.dep_ not in ("conj", "advcl") or cue_of(tok) is None:
            continue
        if not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") for c in tok.children):
            continue
        end = tok.left_edge.i - 1
        doc = tok.doc
        while end > root.left_edge.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        if end > root.i:
            return span[0], doc[end].idx + len(doc[end].text)
        break
    return span


# ------------------------------------------------------------------ according to / per
def _according_to(ctx: _Context) -> Iterable[_Draft]:
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if ctx.is_quoted(tok):
            continue
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            prep = doc[tok.i + 1]
        elif low == "per" and tok.tag_ == "IN" and _per_is_source(ctx, tok):
            prep = tok
        else:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        s, e = np_span(pobj)
        content = _rest_of_sentence(ctx, tok, tok.idx, e)
        if content is None:
            continue
        d = _Draft(
            kind="according_to", content=content, cue=(tok.idx, e), cue_token=tok.i, confidence=0.85
        )
        yield _resolve(ctx, d, pobj)


def _per_is_source(ctx: _Context, tok: Token) -> bool:
    """ "per Reuters", "per the report" — not "$5 per share" or "per cent"."""
    prev = ctx.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is not None and prev.text not in (",", "(", "—", "–", ";"):
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return (
        pobj.tag_ in ("NNP", "NNPS")
        or pobj.lower_ in _source_nouns()
        or ctx.index.at(pobj.idx, pobj.idx + len(pobj.text)) is not None
    )


def _rest_of_sentence(ctx: _Context, tok: Token, s: int, e: int) -> tuple[int, int] | None:
    """The sentence around an "according to X" phrase at s:e, without the phrase: the
    longer side when the phrase sits in the middle."""
    sent = tok.sent
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].tag_ != "''":
        toks.pop()
    if not toks:
        return None
    left = [t for t in toks if t.idx + len(t.text) <= s]
    right = [t for t in toks if t.idx >= e]
    while left and left[-1].is_punct:
        left.pop()
    while right and right[0].is_punct:
        right.pop(0)
    lspan = (left[0].idx, left[-1].idx + len(left[-1].text)) if left else None
    rspan = (right[0].idx, right[-1].idx + len(right[-1].text)) if right else None
    spans = [x for x in (lspan, rspan) if x and x[1] - x[0] >= 3]
    return max(spans, key=lambda x: x[1] - x[0]) if spans else None


# ------------------------------------------------------------------ "reportedly"
def _reportedly(ctx: _Context, drafts: list[_Draft]) -> Iterable[_Draft]:
    """A verb modified by "reportedly"/"allegedly" with no cue of its own: a hedged
    statement resting on unnamed reports."""
    cue_tokens = {d.cue_token for d in drafts if d.cue_token is not None}
    for tok in ctx.doc:
        if tok.tag_ != "RB" or tok.lower_ not in (
            "reportedly",
            "allegedly",
            "purportedly",
            "supposedly",
        ):
            continue
        if ctx.is_quoted(tok):
            continue
        verb = tok.head
        if verb is tok or not verb.tag_.startswith(("VB", "MD", "JJ")):
            continue  # nothing it modifies: a fragment
        if verb.i in cue_tokens:
            for d in drafts:
                if d.cue_token == verb.i:
                    d.extra_hedges.append((tok.idx, tok.idx + len(tok.text)))
            continue
        s, e = subtree_span(verb)
        cue = (tok.idx, tok.idx + len(tok.text))
        yield _Draft(
            kind="according_to",
            content=(s, e),
            cue=cue,
            cue_token=tok.i,
            source_kind="anonymous",
            confidence=0.7,
            extra_hedges=[cue],
        )


# ------------------------------------------------------------------ records
def _finish(ctx: _Context, drafts: list[_Draft]) -> list[Attribution]:
    text = ctx.text
    _trim_source_phrases(text, drafts)
    seen: set[tuple[tuple[int, int], tuple[int, int] | None]] = set()
    kept = []
    for d in sorted(drafts, key=lambda d: (d.content[0], d.cue[0] if d.cue else -1, d.content[1])):
        key = (d.content, d.cue)
        if key in seen or d.content[1] <= d.content[0]:
            continue
        seen.add(key)
        kept.append(d)
    hedges_by_sent = [find_hedges(s) for s in ctx.sents]
    out = []
    for n, d in enumerate(kept, 1):
        lo = min(x[0] for x in (d.content, d.cue, d.source_span) if x)
        hi = max(x[1] for x in (d.content, d.cue, d.source_span) if x)
        hedges = _hedges_between(ctx, hedges_by_sent, lo, hi, d)
        out.append(
            Attribution(
                id=f"q{n}",
                kind=d.kind,
                content=Span.of(text, *d.content),
                source=d.source,
                source_text=Span.of(text, *d.source_span) if d.source_span else None,
                cue=Span.of(text, *d.cue) if d.cue else None,
                hedges=tuple(Span.of(text, s, e) for s, e in hedges),
                confidence=d.confidence,
                source_kind=d.source_kind
                if (d.source or d.source_span or d.kind == "according_to")
                else "none",
            )
        )
    return out


def _trim_source_phrases(text: str, drafts: list[_Draft]) -> None:
    """Cut a trailing ", per the report" / ", according to X" out of other contents: it
    names the source, it is not part of what was said."""
    phrases = [d.cue for d in drafts if d.kind == "according_to" and d.cue and d.source_span]
    for d in drafts:
        if d.kind == "according_to":
            continue
        s, e = d.content
        for ps, pe in phrases:
            if s < ps < e and not text[pe:e].strip(" .,;"):
                e = ps
                while e > s and text[e - 1] in " ,;—–(":
                    e -= 1
        d.content = (s, e)


def _hedges_between(
    ctx: _Context, by_sent: list[list[HedgeCue]], lo: int, hi: int, d: _Draft
) -> list[tuple[int, int]]:
    found = set(d.extra_hedges)
    for si in range(ctx.sent_index(lo), ctx.sent_index(max(hi - 1, lo)) + 1):
        for h in by_sent[si]:
            if lo <= h.start and h.end <= hi and (d.cue is None or (h.start, h.end) != d.cue):
                found.add((h.start, h.end))
    return sorted(found)
