"""The article renderer: boundary sweep over overlapping spans, escaping, notes."""

from __future__ import annotations

import html
import re

import pytest
from webcorpus import ATTR, XSS, hostile_article, meeting_article, sp

from newsgraph.records import Actor, Analysis, Article, Attribution, Claim, Span
from newsgraph.web.highlight import Mark, Note, collect, render_article, render_marked

TAG = re.compile(r"<[^>]+>")


def visible_text(markup: str) -> str:
    """The text a reader sees: tags and speaker labels removed, entities decoded."""
    no_labels = re.sub(r'<span class="speaker-tag"[^>]*>[^<]*</span>', "", markup)
    return html.unescape(TAG.sub("", no_labels.replace("<br>", "\n")))


def pieces(markup: str) -> list[tuple[str, str, str]]:
    """(classes, note keys, text) of every highlighted piece."""
    found = re.findall(
        r'<span[^>]*class="hl ([^"]*)" data-notes="([^"]*)"[^>]*>((?:[^<]|<br>)*)</span>', markup
    )
    return [(c, k, html.unescape(t.replace("<br>", "\n"))) for c, k, t in found]


def test_highlight_overlapping_spans_cut_into_flat_pieces():
    text = "abcdefghij"
    marks = [Mark(0, 6, "quote", "quote:q1"), Mark(3, 9, "unsourced", "unsourced:c1"),
             Mark(4, 5, "actor", "actor:a1")]  # fmt: skip
    notes = {m.key: Note(m.kind, m.key) for m in marks}
    out = str(render_marked(text, marks, notes, paragraphs=False))
    assert pieces(out) == [
        ("hl-quote", "quote:q1", "abc"),
        ("hl-quote hl-unsourced", "quote:q1 unsourced:c1", "d"),
        ("hl-quote hl-unsourced hl-actor", "actor:a1 quote:q1 unsourced:c1", "e"),
        ("hl-quote hl-unsourced", "quote:q1 unsourced:c1", "f"),
        ("hl-unsourced", "unsourced:c1", "ghi"),
    ]
    assert visible_text(out) == text
    assert "<span" not in out.split("</span>")[0][6:]  # no nesting: a piece never contains a span


def test_highlight_escapes_text_and_tooltips():
    text = f"Hello {XSS} and {ATTR} end"
    marks = [Mark(0, len(text), "unsourced", "unsourced:c1")]
    notes = {"unsourced:c1": Note("unsourced", f"Title {ATTR}", (XSS,))}
    out = str(render_marked(text, marks, notes))
    assert "<script" not in out and "<img" not in out
    assert 'onmouseover="' not in out
    assert "&lt;script&gt;" in out and "&#34; onmouseover=&#34;" in out
    assert visible_text(out) == text


def test_highlight_paragraphs_split_at_blank_lines_even_inside_a_span():
    text = "One line\nstill one.\n\nTwo.\n\n\nThree."
    marks = [Mark(4, 30, "quote", "quote:q1")]  # crosses both paragraph breaks
    out = str(render_marked(text, marks, {"quote:q1": Note("quote", "q")}))
    assert out.count("<p>") == 3 and out.count("</p>") == 3
    assert "<br>" in out  # a single newline stays inside its paragraph
    assert [p[2] for p in pieces(out)] == ["line\nstill one.", "Two.", "Th"]


def test_highlight_mark_boundary_inside_a_paragraph_break():
    text = "First.\n\nSecond."
    marks = [Mark(0, 7, "unsourced", "unsourced:c1")]  # ends between the two newlines
    out = str(render_marked(text, marks, {"unsourced:c1": Note("unsourced", "u")}))
    assert out == ('<p><span class="hl hl-unsourced" data-notes="unsourced:c1" title="u" '
                   'tabindex="0" role="button" aria-label="First. — u">First.</span></p>'
                   '<p>Second.</p>')  # fmt: skip


def test_highlight_render_article_marks_every_kind_with_speaker_tags():
    analysis = meeting_article()
    r = render_article(analysis, lambda a: f"/actors/{a.name}")
    body = str(r.body)
    assert visible_text(body) == analysis.article.text.replace("\n\n", "")
    assert r.counts == {"actor": 5, "quote": 2, "source": 2, "cue": 2, "hedge": 2,
                        "unsourced": 1, "trigger": 1}  # fmt: skip
    tags = re.findall(
        r'<span class="speaker-tag" id="quote-q\d" data-quote="(q\d)"[^>]*>([^<]*)</span>', body
    )
    assert tags == [("q1", "Anna Weber"), ("q2", "Marco Rossi")]
    # The speaker tag sits right before its quote's first piece.
    q1 = body.index('data-quote="q1"')
    assert body.index('data-notes="quote:q1"', q1) - q1 < 120
    unsourced = [p for p in pieces(body) if "hl-unsourced" in p[0]]
    assert "".join(p[2] for p in unsourced) == "The agreement will change the region forever."
    # Anchors to jump to: the event's trigger, the unsourced claim, each quote.
    assert '<span class="anchor" id="ev-e1"></span><span class="hl hl-trigger"' in body
    assert '<span class="anchor" id="claim-c3"></span><span class="hl hl-unsourced"' in body
    assert 'id="quote-q2"' in body
    assert r.notes["actor:a1"].href == "/actors/Anna Weber"
    assert r.notes["quote:q2"].title == "Said by Marco Rossi"
    assert any("reportedly" in line for line in r.notes["quote:q2"].lines)


def test_highlight_hostile_article_stays_escaped():
    r = render_article(hostile_article())
    body = str(r.body)
    assert "<script" not in body and "<img" not in body and 'onmouseover="' not in body
    assert visible_text(body) == hostile_article().article.text.replace("\n\n", "")


@pytest.mark.parametrize(
    "bad",
    [Span(5, 3, "x"), Span(-1, 2, "ab"), Span(0, 10_000, "x"), Span(4, 4, "")],
    ids=["reversed", "negative", "past-end", "empty"],
)
def test_highlight_spans_outside_the_text_are_dropped(bad):
    text = "Some short text."
    analysis = Analysis(
        article=Article(id="x", text=text),
        attributions=(Attribution("q1", "direct", bad, None, None, None),),
        claims=(Claim("c1", bad, False),),
    )
    marks, _ = collect(analysis)
    assert marks == []
    assert visible_text(str(render_article(analysis).body)) == text


def test_highlight_claim_hedges_and_sourced_claims():
    text = "It may rain. Officials said it will."
    analysis = Analysis(
        article=Article(id="x", text=text),
        claims=(Claim("c1", sp(text, "It may rain."), False, hedges=(sp(text, "may"),)),
                Claim("c2", sp(text, "Officials said it will."), True, "government")),
    )  # fmt: skip
    marks, notes = collect(analysis)
    kinds = sorted((m.kind, m.start, m.end) for m in marks)
    assert kinds == [("hedge", 3, 6), ("unsourced", 0, 12)]  # a sourced claim is not flagged
    assert notes["hedge:c1:0"].lines == ("weakens an unsourced claim",)


def test_highlight_only_pieces_where_a_highlight_begins_are_keyboard_stops():
    text = "abcdefghij"
    marks = [Mark(0, 10, "quote", "quote:q1"), Mark(2, 4, "actor", "actor:a1"),
             Mark(6, 8, "actor", "actor:a2")]  # fmt: skip
    out = str(render_marked(text, marks, {m.key: Note(m.kind, m.key) for m in marks}))
    stops = re.findall(r'<span[^>]*tabindex="0"[^>]*>([^<]*)</span>', out)
    assert stops == ["ab", "cd", "gh"]  # not "ef" or "ij": those continue the quote


def test_highlight_clicked_item_first_narrowest_highlight_leads_the_notes():
    text = 'He warned: "Putin will never stop." Nobody confirms it.'
    analysis = Analysis(
        article=Article(id="x", text=text),
        actors=(Actor("a1", "Vladimir Putin", "person", (sp(text, "Putin"),), "RUS"),),
        attributions=(Attribution("q1", "direct", sp(text, "Putin will never stop."), None,
                                  sp(text, "He"), sp(text, "warned"), (), 0.8, "person"),),
        claims=(Claim("c1", sp(text, text), False),),
    )  # fmt: skip
    body = str(render_article(analysis).body)
    by_text = {t: k.split() for _, k, t in pieces(body)}
    # the name inside the quote inside the unsourced sentence: actor, then quote, then claim
    assert by_text["Putin"] == ["actor:a1", "quote:q1", "unsourced:c1"]
    assert by_text[" will never stop."] == ["quote:q1", "unsourced:c1"]


def test_highlight_notes_order_does_not_depend_on_hash_seed():
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).parent
    script = (
        f"import sys; sys.path[:0] = [{str(here)!r}]\n"
        "from webcorpus import meeting_article\n"
        "from newsgraph.web.highlight import render_article\n"
        "print(render_article(meeting_article()).body)\n"
    )
    outs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", script], env=env, check=True,
                                capture_output=True, text=True).stdout)  # fmt: skip
    assert len(outs) == 1


def test_highlight_report_without_source_is_never_said_by_an_unnamed_source():
    # "reportedly" with no source words: the claim rests on it and is unsourced. The quote's
    # note and the claim's note must tell the same story: no source is named.
    text = "The minister reportedly resigned on Friday."
    analysis = Analysis(
        article=Article(id="x", text=text),
        attributions=(Attribution("q1", "according_to", sp(text, "The minister resigned"[:12]),
                                  None, None, sp(text, "reportedly"), (), 0.6, "anonymous"),),
        claims=(Claim("c1", sp(text, text), False, "anonymous", "q1"),),
    )  # fmt: skip
    _, notes = collect(analysis)
    said = " ".join(n.plain() for n in notes.values())
    assert "unnamed source" not in said
    assert notes["quote:q1"].title == "Reported, no source named"
    assert "it rests on a report that names no source (“reportedly”)" in notes["unsourced:c1"].lines
    assert "no named or anonymous source backs this sentence" not in said


def test_highlight_notes_label_codes():
    r = render_article(meeting_article())
    assert "CAMEO 043: Host a visit" in r.notes["trigger:e1"].lines
    assert "code AUTGOV = Austria · Government (sectors GOV)" in r.notes["actor:a1"].lines


def test_highlight_speech_act_event_reads_as_said_a_reported_event_as_reported_by():
    from newsgraph.records import Actor, Event
    from newsgraph.web.pages import article_context

    text = 'Weber criticized Rossi. Weber said: "Rossi shelled Vienna."'
    weber = Actor("a1", "Anna Weber", "person", (sp(text, "Weber"), sp(text, "Weber", 1)))
    rossi = Actor("a2", "Marco Rossi", "person", (sp(text, "Rossi"), sp(text, "Rossi", 1)))
    crit = Attribution("q1", "indirect", sp(text, "Rossi"), "a1", cue=sp(text, "criticized"))
    quote = Attribution("q2", "direct", sp(text, "Rossi shelled Vienna."), "a1",
                        cue=sp(text, "said"))  # fmt: skip
    # the speech act: Weber is its actor, its trigger the cue ("criticized")
    act = Event("e1", "ACCUSE", "111", sp(text, "criticized"), sp(text, "Weber criticized Rossi."),
                actors=("a1",), recipients=("a2",), attribution="q1")  # fmt: skip
    # counterexample: a happening Weber reports, done by someone else
    shelling = Event("e2", "ASSAULT", "190", sp(text, "shelled"), sp(text, "Rossi shelled"),
                     actors=("a2",), attribution="q2")  # fmt: skip
    analysis = Analysis(
        article=Article(id="x", text=text),
        actors=(weber, rossi),
        attributions=(crit, quote),
        events=(act, shelling),
    )
    _, notes = collect(analysis)
    assert "said in reported speech" in notes["trigger:e1"].lines
    assert not any("reported by" in line for line in notes["trigger:e1"].lines)
    assert "reported by Anna Weber" in notes["trigger:e2"].lines
    events = {ev["e"].id: ev for ev in article_context(analysis)["events"]}
    assert events["e1"]["via"] == "said in reported speech" and events["e1"]["quote"] == "q1"
    assert events["e2"]["via"] == "reported by Anna Weber"
