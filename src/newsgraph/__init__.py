"""newsgraph: who did what to whom, who said what, and on whose word — from news articles."""

from __future__ import annotations

__version__ = "0.1.0"
EXTRACTOR = f"newsgraph {__version__}"
