"""Typesetting of the official blank, in print only (FORMAT_RULES.md, "Typesetting").

- Hyphenation (`hyphenation`): pyphen's English and Russian dictionaries, our Kazakh
  patterns (`kazakh_hyphenation`).
"""

from . import hyphenation  # noqa: F401 - registers the Kazakh patterns with pyphen
