# ruff: noqa: E501 - the cases are scraped article lines, one paragraph per line
"""Page furniture in text inputs: line rules for the styles of text dumps (JSONL bodies as
newspaper3k left them) and the context rules of :mod:`newsgraph.clean.furniture`.

Each class has an example that must go and a counterexample, real text of the same look,
that must stay.
"""

from __future__ import annotations

import pytest

from newsgraph.clean.chrome import chrome_lines, match_rule, remove_chrome
from newsgraph.clean.furniture import context_furniture

BODY = (
    "Fisheries ministers from Norway and the European Union met in Oslo on Monday to settle "
    "a dispute over mackerel quotas that has simmered for more than a year, officials said."
)

# (line, reason) that a line rule removes
FURNITURE = [
    ("Enlarge this image toggle caption J. Scott Applewhite/AP J. Scott Applewhite/AP", "caption"),
    (
        "Enlarge this image toggle caption Kevin Dietsch /UPI /Landov Kevin Dietsch /UPI /Landov",
        "caption",
    ),
    (
        "Media playback is unsupported on your device Media caption Trump: 'Rocket Man's suicide mission'",
        "caption",
    ),
    (
        "Image Nasim Aghdam in an undated photograph. Credit... San Bruno Police Department, via Associated Press",
        "caption",
    ),
    ("Slideshow (4 Images)", "caption"),
    ("Getty Images", "caption"),
    ("Chris Usher/CBS News, via Getty Images", "caption"),
    ("Transportation Secretary Ray LaHood. Charles Dharapak/AP Photo", "caption"),
    (
        "Hillary Clinton on the cover of magazines during her time as first lady. | AP Photo",
        "caption",
    ),
    (
        "John Minchillo/AP Spectators wait in the rain on the National Mall in Washington Friday.",
        "caption",
    ),
    ("David Koch in 2012 (Brendan McDermid/Reuters)", "caption"),
    (
        "Trump called his conversation with Ukrainian President Volodymyr Zelenskiy, pictured, 'perfectly fine and routine'",
        "caption",
    ),
    (
        "CLOSE President Obama says he is confident he'll be able to work with Congress. (Sept. 3) AP",
        "caption",
    ),
    (
        "Facebook Twitter Pinterest Rashida Tlaib at her election night party in Detroit. Photograph: Rebecca Cook/Reuters",
        "caption",
    ),
    (
        "Photos: Germanwings plane crashes in France A recovery crew works among debris. Hide Caption 26 of 26",
        "caption",
    ),
    (
        "FILE - In this June 28, 2019, file photo, President Donald Trump, right, shakes hands with "
        "Russian President Vladimir Putin during a bilateral meeting on the sidelines of the G-20 "
        "summit in Osaka, Japan. Intelligence officials have warned lawmakers that Russia is "
        "interfering in the 2020 election campaign to help President Trump get reelected, "
        "according to officials familiar with the closed-door briefing, Feb. 20, 2020. "
        "(AP Photo/Susan Walsh, File)",
        "caption",
    ),
    ("Source: John Pitkin's tabulation of 2011 American Community Survey PUMS", "caption"),
    ("Story Continued Below", "chrome"),
    ("Advertisement:", "chrome"),
    ("ANALYSIS/OPINION:", "chrome"),
    ("This article is more than 2 years old", "chrome"),
    ("[pullquote]", "chrome"),
    (
        "Interested in Iran? Add Iran as an interest to stay up to date on the latest Iran news, video, and analysis from ABC News. Add Interest",
        "chrome",
    ),
    (
        "JUST WATCHED Bundy: I spoke from my heart Replay More Videos ... MUST WATCH Bundy: I spoke from my heart 02:51",
        "chrome",
    ),
    (
        "Editor’s note: As a public service, all our coronavirus coverage is free. No paywall.",
        "chrome",
    ),
    ("(Removes extraneous characters in paragraph 2)", "chrome"),
    ("* * *", "chrome"),
    ("Read or Share this story: http://usat.ly/19eYTjn", "share"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "share"),
    ("Follow @politicalticker Follow @KilloughCNN", "social"),
    ("- Follow the Ticker on Twitter: @PoliticalTicker", "social"),
    (
        "POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time.",
        "subscribe",
    ),
    ("Get news from the BBC in your inbox, each weekday morning", "subscribe"),
    ("Full Coverage: Election 2020", "related"),
    ("( Also on POLITICO: Rank-and-file divided on ISIL vote)", "related"),
    (
        "Court challenges:Trump administration plan for census citizenship question ruled against by third federal judge",
        "related",
    ),
    (
        "DEMOCRAT LAMB DECLARES VICTORY IN PA. SPECIAL ELECTION DETERMINED TOO CLOSE TO CALL",
        "related",
    ),
    (
        "Donald Trump wants to keep our draconian surveillance laws. Don't let him do it | Trevor Timm Read more",
        "related",
    ),
    ("Play Video 3:10 Key moments from the Trump-Putin press conference - video", "related"),
    ("Go deeper: Internet freedom declines in U.S. and around the world", "related"),
    ("7 years ago", "byline-noise"),
    (
        "Fox News’ Peter Doocy, Samuel Chamberlain, Edmund DeMarche and The Associated Press contributed to this report.",
        "byline-noise",
    ),
    (
        "Stafford reported from Detroit. Associated Press writers Jill Colvin and Will Weissert in Washington contributed to this report.",
        "byline-noise",
    ),
    ("–Katie Bo Williams contributed", "byline-noise"),
    ("Contributing: Ledyard King", "byline-noise"),
    ("— With assistance by Ben Brody, Terrence Dopp, Justin Sink", "byline-noise"),
    ("USA TODAY", "byline-noise"),
    ("Anthony Zurcher, BBC News, Washington", "byline-noise"),
    ("This story was reported by The Associated Press.", "byline-noise"),
    ("• Tammy Bruce, author and Fox News contributor, is a radio talk show host.", "byline-noise"),
    ("Write to Tara Law at tara.law@time.com.", "byline-noise"),
    (
        "The Memo is a reported column by Niall Stanage, primarily focused on Donald Trump’s presidency.",
        "byline-noise",
    ),
    ("By Rachel Megawhat:", "byline-noise"),
]

# real text that looks like furniture: no line rule may match it
NOT_FURNITURE = [
    "Research by the Center for Policy Integrity at the University of New York School of Law showed that the administration had won only three of 42 cases.",
    "‘OUR WORK IS TO BE ATTACK DOGS’",
    "HAVEN’T ECONOMISTS BEEN MAKING THESE WARNINGS FOR DECADES AND DECADES?",
    "ATTACKER: Moussa Coulibaly",
    "Das Thema wird seit Jahren intensiv diskutiert: Die elektronische Patientenakte (ePA)",
    "The House Republican majority opposes most of the President's ideas, though compromises can be reached on the minimum wage.",
    "— The Nusra Front is trying to rebrand as one of its leaders is placed on a watch list: The New York Times",
    "Lufthansa said relatives would be transferred to the contact center at no cost.",
    "Sen. Lindsey Graham, R-S.C.:",
    "Editorial Board, New York Post",
    "Washington (CNN) — President Joe Biden will travel to Poland next week, the White House said.",
    "WASHINGTON (AP) — It wasn’t just talk.",
    "Story highlights Mark Thompson was director general of the BBC until earlier this year",
    "We don’t want what is happening with immigration in Europe to happen with us! — Donald J. Trump (@realDonaldTrump) June 18, 2018",
    "Manafort's lawyers say they believe he provided truthful information",
    "“I like Speaker Boehner.”",
    "Original Story:",
    "Many donors contributed to the campaign, and most of them were from Texas, records show.",
    "Source: a person familiar with the talks said the deal was close.",
    "http://amzn.to/2iJFhRj",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_line_rules_remove(line, reason):
    rule = match_rule(line)
    assert rule is not None, line
    assert rule.reason == reason


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_furniture_line_rules_keep_real_text(line):
    assert match_rule(line) is None, (line, match_rule(line))


def _entries(lines, reasons=None):
    reasons = reasons or {}
    return [(i, t, reasons.get(i)) for i, t in enumerate(lines)]


def test_furniture_repeated_headline_goes_only_near_the_top():
    title = "With A Month To Go Before Iowa And New Hampshire, Anything Can Happen"
    lines = [title, BODY, "Anything can happen.", BODY]
    assert context_furniture(_entries(lines), title) == {0: "title"}
    # the same words deep in the body are a sentence, not the repeated headline
    late = [BODY, BODY, BODY, BODY, title]
    assert context_furniture(_entries(late), title) == {}
    # a headline field with a tail the page added ("Listen· 6:47") still matches the line
    assert context_furniture(_entries([title, BODY]), title + " Listen· 6:47") == {0: "title"}


def test_furniture_caption_running_into_the_headline():
    title = "'Get Putin' caucus presses President Obama on missile defense"
    line = "Obama no longer needs to worry about offending Vladimir Putin, some argue. 'Get Putin' caucus presses Obama"
    assert context_furniture(_entries([line, BODY]), title) == {0: "caption"}
    # a first paragraph that ends as a sentence is the lede, even if it shares words
    lede = "Obama no longer needs to worry about offending Vladimir Putin, some argue. The caucus presses Obama."
    assert context_furniture(_entries([lede, BODY]), title) == {}


def test_furniture_names_over_a_byline_line():
    lines = ["Nicole Gaudiano", "USA TODAY", BODY]
    found = chrome_lines("\n".join(lines))
    assert found == {0: "byline-noise", 1: "byline-noise"}
    # names over a body line are a subhead or a quote's speaker: they stay
    assert chrome_lines("\n".join(["Nicole Gaudiano", BODY])) == {}
    # and an e-mail address alone under the byline goes with it
    assert chrome_lines("Trevon Milliard\ntmilliard@rgj.com\n" + BODY) == {
        0: "byline-noise",
        1: "byline-noise",
    }


def test_furniture_author_note_only_at_the_ends():
    note = "Rich Lowry is editor of National Review."
    assert chrome_lines("\n".join([BODY, BODY, note])) == {2: "byline-noise"}
    middle = "\n".join([BODY, note, BODY, BODY, BODY, BODY])
    assert chrome_lines(middle) == {}
    # at the top, the first sentence must name a writer's job
    lede = "Rep. Trey Gowdy is a man under fierce pressure as he leads an investigation questioned by some fellow Republicans."
    assert chrome_lines("\n".join([lede, BODY, BODY, BODY, BODY])) == {}


def test_furniture_image_title_repeated_over_its_caption():
    lines = [
        BODY,
        "Ken Cuccinelli on detained migrants: 'They can also go home'",
        "Ken Cuccinelli on detained migrants: 'They can also go home' Drew Angerer/Getty Images",
        BODY,
    ]
    assert chrome_lines("\n".join(lines)) == {1: "caption", 2: "caption"}


def test_furniture_record_body_keeps_dateline_and_loses_credits():
    text = "\n\n".join(
        [
            "Enlarge this image toggle caption Jane Photographer/AP Jane Photographer/AP",
            "WASHINGTON (AP) — The Senate passed the bill on Friday, senators said.",
            "Full Coverage: Congress",
            BODY,
        ]
    )
    body, removed = remove_chrome(text, "Senate passes the bill")
    assert body.startswith("WASHINGTON (AP) — The Senate passed")
    assert "Jane Photographer" not in body
    assert [r.reason for r in removed] == ["caption", "related"]


@pytest.mark.model
def test_furniture_names_only_in_removed_text_are_never_actors(nlp):
    import newsgraph

    text = "\n\n".join(
        [
            "Senate Passes Budget Deal",
            "Enlarge this image toggle caption Carolyn Kaster/AP Carolyn Kaster/AP",
            "WASHINGTON — Senate Majority Leader Mitch McConnell said on Friday that the budget "
            "deal would pass next week, after Democrats agreed to drop their demands.",
            "Contributing: Jessica Estepa",
            "Media playback is unsupported on your device Media caption Kevin Brady explains the deal",
            "McConnell told reporters the vote would come on Tuesday.",
        ]
    )
    analysis = newsgraph.analyze(text, title="Senate Passes Budget Deal", published="2019-07-26")
    names = " ".join(a.name for a in analysis.actors)
    assert "McConnell" in names
    for credit in ("Kaster", "Estepa", "Brady"):
        assert credit not in names and credit not in analysis.article.text
    reasons = {r.reason for r in analysis.removed}
    assert {"title", "caption", "byline-noise"} <= reasons
    assert analysis.article.text.startswith("WASHINGTON — Senate Majority Leader")


def test_furniture_hover_cards_are_cut_out_of_their_line():
    line = (
        "House Minority Leader Nancy Pelosi Nancy PelosiHouse Republicans release video "
        "criticizing impeachment MORE (D-Calif.) and Sen. Mitch McConnell Addison (Mitch) "
        "Mitchell McConnellTrump signs bill MORE (R-Ky.) met on Monday."
    )
    body, removed = remove_chrome(f"{BODY}\n\n{line}")
    assert body.endswith(
        "House Minority Leader Nancy Pelosi (D-Calif.) and Sen. Mitch McConnell (R-Ky.) met on Monday."
    )
    assert [r.reason for r in removed] == ["hover-card", "hover-card"]
    assert removed[0].text.startswith("Nancy PelosiHouse Republicans")
    # counterexample: "MORE" in capitals in prose, or a name said twice, is no card
    prose = "He said MORE money was needed, and Trump, Trump alone, would decide."
    assert remove_chrome(f"{BODY}\n\n{prose}")[1] == ()
