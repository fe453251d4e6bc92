import re
import subprocess

import pytest

from notes.layout import render_note

from .reference import ISSUED, SYMBOL, reference_copies


def pdftotext(data: bytes, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def printed(expected: str) -> re.Pattern:
    """`expected` as `pdftotext -raw` gives it back from a justified, hyphenated page: a
    space may be a line break, and a word may break at a line end after a hyphen (its own,
    or one the hyphenation added). Letters and everything else must be as expected."""
    parts = []
    for char in expected:
        if char.isspace():
            parts.append(r"\s+")
        elif char == "-":
            parts.append(r"-\n?")
        elif char.isalpha():
            parts.append(re.escape(char) + r"(?:-\n)?")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def render_reference(copies=None, **kwargs):
    return render_note(
        copies if copies is not None else reference_copies(),
        title=f"Note verbale {SYMBOL}",
        author="CICA Secretariat",
        keywords=[SYMBOL, "note verbale"],
        created=ISSUED,
        **kwargs,
    )


@pytest.fixture(scope="session")
def reference_pdf():
    """The reference note rendered once for the session (the tests only read it)."""
    return render_reference()
