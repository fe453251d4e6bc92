"""Word positions read back from a rendered PDF (`pdftotext -bbox-layout`): justified lines,
their word gaps, and what each line ends with.

A gap is measured between the boxes of two words on one line: pdftotext places a word's box
on the glyphs' advances, so on a line set without justification the gap is exactly the
font's space (PT Serif: 0.243 em; 3.16 pt at 13 pt). A non-breaking space prints as a space
glyph and is stretched by justification like any space, and pdftotext splits words at it,
so it is measured as a gap too.
"""

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont

# The text block of the official blank (static/css/pdf.css): A4, left 30 mm, right 15 mm.
PAGE_WIDTH = 595.276
RIGHT_EDGE = PAGE_WIDTH - 15 / 25.4 * 72
MM = 72 / 25.4
# A justified line is stretched to the right edge; pdftotext's boxes may overshoot it a
# little (a final glyph's advance) or stop short of it by a fraction of a point.
EDGE_TOLERANCE = 2.0
# A list item's marker is laid out outside its text, with a gap that is not a word gap.
MARKER = re.compile(r"(•|◦|▪|–|—|-|\d{1,3}[.)]|[a-zа-я][.)])")


def space_width(size_pt: float = 13.0, face: str = "Regular") -> float:
    """The normal word space of the bundled PT Serif at `size_pt`, in points."""
    font = TTFont(finders.find(f"fonts/PTSerif-{face}.ttf"))
    advance, _ = font["hmtx"][font.getBestCmap()[ord(" ")]]
    return advance / font["head"].unitsPerEm * size_pt


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    x_max: float
    y_max: float = 0.0  # from the top of the page


@dataclass(frozen=True)
class Line:
    page: int  # from 1
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x_max(self) -> float:
        return self.words[-1].x_max

    @property
    def bottom(self) -> float:
        return max(word.y_max for word in self.words)

    @property
    def reaches_right_edge(self) -> bool:
        return abs(self.x_max - RIGHT_EDGE) <= EDGE_TOLERANCE

    def gaps(self) -> list[float]:
        words = self.words
        start = 1 if len(words) > 1 and MARKER.fullmatch(words[0].text) else 0
        return [b.x_min - a.x_max for a, b in zip(words[start:], words[start + 1:],
                                                  strict=False)]


def pdf_lines(pdf: bytes) -> list[Line]:
    """Every line of every page, in pdftotext's reading order."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for number, page in enumerate(root.iterfind(".//x:page", namespace), start=1):
        for block in page.iterfind(".//x:block", namespace):
            for line in block.iterfind("x:line", namespace):
                words = tuple(
                    Word(word.text or "", float(word.get("xMin")), float(word.get("xMax")),
                         float(word.get("yMax")))
                    for word in line.findall("x:word", namespace)
                )
                if words:
                    lines.append(Line(number, words))
    return lines


def justified_lines(lines: list[Line]) -> list[Line]:
    """Lines stretched to the right edge: every line of a justified paragraph but its last.
    (A last line, or a line of left-aligned text, that happens to fill the width has normal
    gaps and passes whatever the goal.)"""
    return [line for line in lines if len(line.words) > 1 and line.reaches_right_edge]


@dataclass(frozen=True)
class WidestGap:
    points: float
    line: Line

    @property
    def mm(self) -> float:
        return self.points / MM


def widest_gap(lines: list[Line]) -> WidestGap:
    """The widest word gap on any justified line of `lines`."""
    best = WidestGap(0.0, None)
    for line in justified_lines(lines):
        for gap in line.gaps():
            if gap > best.points:
                best = WidestGap(gap, line)
    return best


def too_wide(lines: list[Line], limit: float) -> list[tuple[float, str]]:
    """Justified lines with a word gap wider than `limit` points: (widest gap, line text)."""
    return [
        (round(max(line.gaps()), 2), line.text)
        for line in justified_lines(lines)
        if line.gaps() and max(line.gaps()) > limit
    ]
