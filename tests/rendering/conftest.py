import subprocess

import pytest

from cica_docs.rendering.note import render_note

from .reference import ISSUED, SYMBOL, reference_copies


def pdftotext(data: bytes, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def render_reference(copies=None, **kwargs):
    return render_note(
        copies if copies is not None else reference_copies(),
        title=f"Note verbale {SYMBOL}",
        author="CICA Secretariat",
        keywords=[SYMBOL, "note verbale"],
        created=ISSUED,
        **kwargs,
    )


@pytest.fixture(scope="module")
def reference_pdf():
    return render_reference()
