from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"
FACES = ["PTSerif-Regular", "PTSerif-Italic", "PTSerif-Bold", "PTSerif-BoldItalic"]
RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH = "ӘҒҚҢӨҰҮҺІ"
# …and what the print typesetting puts in (cica_docs/typography): quotes, dashes, the
# no-break space and hyphen, the hyphen of hyphenation (U+002D: there is no U+2010).
TYPESET = "«»„“”‘’–—\u00a0\u2011-"
REQUIRED = RUSSIAN + RUSSIAN.lower() + KAZAKH + KAZAKH.lower() + "№" + TYPESET


@pytest.mark.parametrize("face", FACES)
def test_every_bundled_face_has_every_russian_and_kazakh_letter(face):
    cmap = TTFont(FONTS / f"{face}.ttf").getBestCmap()
    missing = [f"{c} U+{ord(c):04X}" for c in REQUIRED if ord(c) not in cmap]
    assert missing == []


def test_the_fonts_licence_travels_with_them():
    licence = (FONTS / "PTSerif-LICENSE.txt").read_text()
    assert "ParaType" in licence and "GRANT OF LICENSE" in licence
