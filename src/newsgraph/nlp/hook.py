"""Make ``nlp.add_pipe("newsgraph")`` work after ``import newsgraph``, without importing spaCy.

An installed newsgraph needs none of this: spaCy imports :mod:`newsgraph.nlp.component`
through the ``spacy_factories`` entry point. Run from a source tree (no entry point), the
factory is registered by ``import newsgraph``: at once if spaCy is already imported, else
right after spaCy's own import finishes — importing spaCy here would make ``import
newsgraph`` take a second.
"""

from __future__ import annotations

import importlib
import sys
import warnings

TYPE_CHECKING = False  # not typing's, nor importlib.abc: `import newsgraph` stays fast
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

COMPONENT = "newsgraph.nlp.component"


def _register() -> None:
    try:
        importlib.import_module(COMPONENT)
    except Exception as e:  # noqa: BLE001 - a failure here must not break the user's `import spacy`
        warnings.warn(
            f"newsgraph could not register its spaCy component: {e!r}", RuntimeWarning, stacklevel=2
        )


class _AfterSpacy:
    """A meta path finder that finds nothing itself: when spaCy is imported, it registers
    the factory right after it, then leaves ``sys.meta_path``."""

    def __init__(self) -> None:
        self._finding = False

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "spacy" or self._finding:
            return None
        import importlib.util

        self._finding = True  # the real finders find spaCy; this one steps aside
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._finding = False
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module = spec.loader.exec_module

        def exec_then_register(module: ModuleType) -> None:
            exec_module(module)
            if self in sys.meta_path:
                sys.meta_path.remove(self)
            _register()

        # A spec only looked at (importlib.util.find_spec("spacy") to see whether spaCy is
        # installed) is never executed, and this finder stays for the real import.
        spec.loader.exec_module = exec_then_register  # type: ignore[method-assign]
        return spec


def register_when_spacy_loads() -> None:
    """Register the ``newsgraph`` factory now if spaCy is loaded, else when it is."""
    if "spacy" in sys.modules:
        _register()
    elif not any(isinstance(f, _AfterSpacy) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterSpacy())
