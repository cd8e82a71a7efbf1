"""The shared code vocabularies: labels for codes, and the checks filters run on values."""

from __future__ import annotations

import pytest

from newsgraph import vocab
from newsgraph.records import PLOVER_TYPES


@pytest.mark.parametrize(
    "code, label",
    [
        ("USALEG", "United States · Legislature"),
        ("IGOUNO", "United Nations"),
        ("RUSGOVMIL", "Russia · Government · Military"),
        ("CHNMIL", "China · Military"),
        ("IGOWSTNAT", "NATO"),
        ("MED", "Media"),
        ("GBR", "United Kingdom"),
        ("XYZ", ""),
        ("", ""),
    ],
)
def test_vocab_actor_code_label(code, label):
    assert vocab.actor_code_label(code) == label


def test_vocab_cameo_and_plover_labels():
    assert vocab.cameo_label("016") == "Deny responsibility"
    assert vocab.cameo_label("999") == ""
    assert vocab.plover_label("ASSAULT").startswith("Assault (material conflict): ")
    assert "no PLOVER type" in vocab.plover_label(None)
    assert tuple(vocab.plover_types()) == PLOVER_TYPES
    quads = {t.type: t.quad_class for t in vocab.plover_types().values()}
    assert quads["CONSULT"] == 1 and quads["AID"] == 2 and quads["REJECT"] == 3
    assert quads["ASSAULT"] == 4


def test_vocab_every_cameo_code_of_a_plover_type_names_a_known_type():
    for c in vocab.cameo_codes().values():
        assert c.plover is None or c.plover in PLOVER_TYPES, c


@pytest.mark.parametrize(
    "check, value, out",
    [
        (vocab.check_plover, "consult", "CONSULT"),
        (vocab.check_country, "rus", "RUS"),
        (vocab.check_cameo, "04", "04"),
        (vocab.check_cameo, "1823", "1823"),
    ],
)
def test_vocab_checks_normalise_valid_values(check, value, out):
    assert check(value) == out


@pytest.mark.parametrize(
    "check, value, listed",
    [
        (vocab.check_plover, "MEET", "CONSULT"),
        (vocab.check_country, "XXX", "RUS"),
        (vocab.check_country, "UK", "GBR"),
        (vocab.check_cameo, "99", "04"),
        (vocab.check_cameo, "4a", "04"),
    ],
)
def test_vocab_checks_reject_unknown_values_listing_valid_ones(check, value, listed):
    with pytest.raises(vocab.UnknownValue) as e:
        check(value)
    assert listed in e.value.valid and repr(value) in str(e.value)
    assert isinstance(e.value, ValueError)


def test_vocab_check_choice_is_case_blind():
    assert vocab.check_choice("CSV", ("json", "csv"), "format") == "csv"
    with pytest.raises(vocab.UnknownValue, match="format"):
        vocab.check_choice("xml", ("json", "csv"), "format")
