"""Language detection with py3langid: only English is analysed.

Detection on a few words is unreliable (a 10-word English sentence can come out as
Tagalog), so texts shorter than :data:`MIN_CHARS` are not judged, and a non-English
verdict needs :data:`MIN_CONFIDENCE` before an article is kept out.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 200  # shorter texts are not judged: language stays unknown (None)
MIN_CONFIDENCE = 0.9  # a non-English verdict below this is treated as unknown
SAMPLE_CHARS = 1500  # detection reads the start of the body; more adds time, not accuracy


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """The text's language code and its probability; (None, 0.0) when too short to judge."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < MIN_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
