"""``python -m newsgraph.schema [--write]``: print the generated article schema, or write it
over the shipped ``article-1.json`` (run this after changing a record in ``records.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import FILENAME, article_schema, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.schema", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write {FILENAME} beside this module")
    args = parser.parse_args(argv)
    text = render(article_schema())
    if args.write:
        path = Path(__file__).with_name(FILENAME)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
