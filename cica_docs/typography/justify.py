"""Line breaks chosen for a whole justified paragraph at once (Knuth–Plass), for WeasyPrint.

WeasyPrint fills a line at a time (first fit): where the word that does not fit has no
break that fits, the line it leaves behind stays loose, however well the next lines would
have gone ("…государствам-членам СВМДА / и имеет…": 3.3 normal spaces). It has no hook
for a line breaker of its own, so the print HTML tells it where to break instead: each
justified paragraph's breaks are chosen here over the whole paragraph, measured with
WeasyPrint's own text layout (Pango, the bundled PT Serif, the paragraph's language and
faces), then

- a space where no line ends becomes a no-break space (WeasyPrint still stretches it);
- a hyphenation point where a line ends becomes a soft hyphen, and the paragraph is set
  with `hyphens: manual` (class `set`), so no other point is tried;
- a word's own hyphen where no line ends gets a word joiner after it.

What is left for WeasyPrint is a line at a time, each just fitting, the next never
fitting: it breaks where we chose. A paragraph we cannot measure (a tag other than inline
emphasis, a word wider than the line) is left as it came, to WeasyPrint's own breaking.

The widths of the text block mirror static/css/pdf.css (`TEXT_WIDTH`, `INDENT`,
`LIST_INDENT`); the typesetting tests measure the printed gaps, so a change there shows.
"""

import functools
import re
import threading
from dataclasses import dataclass
from html import escape, unescape

from .hyphenation import LEFT, RIGHT, dictionary
from .text import NBSP, WORD_JOINER

PX_PER_MM = 96 / 25.4
# static/css/pdf.css: A4 (210 mm) less the margins (30 mm left, 15 mm right); the first
# line of a paragraph is indented 12.5 mm, a list adds 12.5 mm on the left.
TEXT_WIDTH = (210 - 30 - 15) * PX_PER_MM
INDENT = 12.5 * PX_PER_MM
LIST_INDENT = 12.5 * PX_PER_MM
# A title (class `title`) is at most 140 mm wide.
TITLE_WIDTH = 140 * PX_PER_MM
# The platform's classes a kind's print template marks its text with (static/css/pdf.css):
# the paragraphs and list items inside a `justified` block are set here; a `title`'s and a
# heading's lines are balanced. The face measured is bold (a heading's, a title's).
JUSTIFIED, TITLE = "justified", "title"
HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
# hyphenate-limit-chars: the shortest word that is hyphenated.
SHORTEST = 5
# Room kept at the end of every line against rounding (px): a line measured to fit must
# fit in WeasyPrint too.
MARGIN = 1.2
# The loosest gap aimed at, in normal spaces (FORMAT_RULES.md: at most two), and the
# costs of a hyphen and of two hyphenated lines in a row.
TARGET = 1.85
BOUND = 1.97  # …and never more than two, if the paragraph allows it at all
LOOSE = 10_000
HYPHEN_COST = 40
HYPHENS_IN_A_ROW_COST = 400
SHY = "\u00ad"
# Around the last line of a paragraph set with narrowed (or widened) spacing, in each text
# node: static/css/pdf.css gives it the font's own spacing back.
LAST_LINE = ('<span class="last-line">', "</span>")
# A longer paragraph is left to WeasyPrint: the choice grows with its length.
MAX_WORDS = 3000

_TAG = re.compile(r"(<[^>]*>)")
_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")
_CLASS = re.compile(r"""\sclass\s*=\s*"([^"]*)\"""")
_BREAK_SPACE = re.compile(r"[ \t\n\r]+")
_LETTERS = re.compile(r"[^\W\d_]+")
FACES = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic"}
MEASURED = frozenset({*FACES, "span"})
BLOCKS = frozenset({"p", "li", "ul", "ol", "div", "blockquote", "h1", "h2", "h3", "h4", "h5",
                    "h6", "table", "pre", "hr", "section", "header", "footer"})
_styles_lock = threading.Lock()
_styles: dict[tuple[str, str], dict] = {}
# The classes of a set paragraph (static/css/pdf.css), tightest last: where no set of lines
# has every gap within the target, the paragraph's spaces are narrowed a little
# (word-spacing), so that more fits on a line before it is stretched again — as TeX shrinks
# its spaces, up to a third of a space —, and last its letters by 1 % of the font size.
SETTINGS = ("set", "set tight", "set tighter", "set tightest", "set wide")


def _face_styles(language: str, setting: str) -> dict:
    """WeasyPrint's computed styles of justified text in `language` set as `setting`, per
    face: {(bold, italic): style}, from a small page laid out with the print stylesheet
    (one page per language, a paragraph per setting)."""
    with _styles_lock:
        if (language, setting) not in _styles:
            from weasyprint import HTML
            from weasyprint.formatting_structure import boxes

            from cica_docs.rendering.fetcher import BASE_URL
            from cica_docs.rendering.house import house_style

            css, font_config = house_style()
            paragraphs = "".join(
                f'<p class="{name}">a<strong>b</strong><em>c</em><strong><em>d</em></strong>'
                "</p>" for name in SETTINGS)
            html = (f'<html lang="{escape(language)}"><body><div class="justified">'
                    f"{paragraphs}</div></body></html>")
            document = HTML(string=html, base_url=BASE_URL).render(
                font_config=font_config, stylesheets=[css])
            found: dict[str, dict] = {name: {} for name in SETTINGS}

            def walk(box, name):
                if getattr(box, "element_tag", None) == "p":
                    name = box.element.get("class")
                if isinstance(box, boxes.TextBox) and name in found:
                    style = box.style
                    face = (style["font_weight"] >= 600, style["font_style"] != "normal")
                    found[name][face] = style
                for child in getattr(box, "children", ()):
                    walk(child, name)

            for page in document.pages:
                walk(page._page_box, None)
            for name, styles in found.items():
                _styles[language, name] = styles
        return _styles[language, setting]


@functools.lru_cache(maxsize=50_000)
def _width(text: str, language: str, setting: str, face: tuple[bool, bool]) -> float:
    from weasyprint.text.line_break import Layout, line_size

    style = _face_styles(language, setting)[face]
    layout = Layout(style)
    layout.set_text(text)
    line, _ = layout.get_first_line()
    # line_size adds the letter-spacing once more, after the last letter: once per line
    # (`_trailing`), not once per piece measured.
    return line_size(line, style)[0] - _trailing(language, setting)


def _trailing(language: str, setting: str) -> float:
    spacing = _face_styles(language, setting)[False, False]["letter_spacing"]
    return 0.0 if spacing == "normal" else spacing


@dataclass
class _Word:
    start: int  # in the paragraph's text
    stop: int
    # Inside the word: (offset, kind) where a line may end; kind "hyphen" adds one,
    # "own" is after the word's own hyphen.
    breaks: list[tuple[int, str]]


class _Text:
    """A paragraph's text with each character's face, and how wide its pieces are."""

    def __init__(self, text: str, faces: list[tuple[bool, bool]], whole: list[bool],
                 language: str):
        self.text, self.faces, self.whole, self.language = text, faces, whole, language
        self.setting = SETTINGS[0]
        self._widths: dict[tuple[str, int, int], float] = {}
        self._patterns = dictionary(language)

    def width(self, start: int, stop: int) -> float:
        key = (self.setting, start, stop)
        if key not in self._widths:
            total, run = 0.0, start
            faces = self.faces
            for index in range(start + 1, stop + 1):
                if index == stop or faces[index] != faces[run]:
                    total += _width(self.text[run:index], self.language, self.setting,
                                    faces[run])
                    run = index
            self._widths[key] = total
        return self._widths[key]

    def words(self) -> list[_Word]:
        words, position = [], 0
        text = self.text
        for match in _BREAK_SPACE.finditer(text + " "):
            if match.start() > position:
                words.append(_Word(position, match.start(), self._breaks(position,
                                                                           match.start())))
            position = match.end()
        return words

    def _breaks(self, start: int, stop: int) -> list[tuple[int, str]]:
        found = []
        word = self.text[start:stop]
        patterns = self._patterns
        for match in _LETTERS.finditer(word):
            letters = match.group()
            if len(letters) < SHORTEST or any(self.whole[start + match.start()
                                                         :start + match.end()]):
                continue
            if word[:match.start()].endswith("."):  # a surname after its initials
                continue
            for position in patterns.positions(letters):
                if LEFT <= position <= len(letters) - RIGHT:
                    found.append((match.start() + position, "hyphen"))
        for match in re.finditer(r"(?<=\w)-(?=\w)", word):
            found.append((match.end(), "own"))
        return sorted(found)


def _choose(text: _Text, words: list[_Word], first_width: float, width: float):
    """(cost, line ends) of the paragraph's lines with the least cost, each end as (word
    index, offset in the word, kind) — offset None at the word's end —, or None if no set
    of lines fits. A cost of `LOOSE` or more has a line looser than the target."""
    plain = (False, False)
    # A space as set in the paragraph (narrowed by its word-spacing), and the font's own.
    language, setting = text.language, text.setting
    space = _width("a a", language, setting, plain) - _width("aa", language, setting, plain)
    normal = space - _face_styles(language, setting)[plain]["word_spacing"]
    hyphen = _width("-", language, setting, plain)
    trailing = _trailing(language, setting)
    word_spacing = _face_styles(language, setting)[plain]["word_spacing"]
    letter_spacing = trailing
    # Break points, in order: the start, then each word's inner breaks and its end.
    points = [(0, 0, "start")]
    for index, word in enumerate(words):
        points.extend((index, offset, kind) for offset, kind in word.breaks)
        points.append((index, None, "space"))

    # The widths of the words before each word, and their no-break spaces.
    widths, joined = [0.0], [0]
    for word in words:
        widths.append(widths[-1] + text.width(word.start, word.stop))
        joined.append(joined[-1] + text.text.count(NBSP, word.start, word.stop))
    count = len(points)
    # Per point: the word it ends a line in, where that line stops, and the width (and
    # no-break spaces) of that word up to there; the word and character where the next
    # line starts, and the width (and no-break spaces) of that word from there.
    end_word, end_char, head, head_joined = [], [], [], []
    start_word, start_char, tail, tail_joined = [], [], [], []
    for index, offset, kind in points:
        word = words[index]
        stop = word.stop if offset is None else word.start + offset
        end_word.append(index)
        end_char.append(stop)
        head.append(text.width(word.start, stop) + (hyphen if kind == "hyphen" else 0.0))
        head_joined.append(text.text.count(NBSP, word.start, stop))
        if kind == "start":
            following, char = 0, words[0].start
        elif offset is None:
            following = index + 1
            char = words[following].start if following < len(words) else None
        else:
            following, char = index, word.start + offset
        start_word.append(following)
        start_char.append(char)
        if char is None:
            tail.append(0.0)
            tail_joined.append(0)
        else:
            after = words[following]
            tail.append(text.width(char, after.stop))
            tail_joined.append(text.text.count(NBSP, char, after.stop))

    # A line from point `begin` to point `end` (in different words) is as wide as
    # lead[begin] + rest[end], and holds lead_spaces[begin] + rest_spaces[end] spaces:
    # the sums split once here, not added up again for every pair of points.
    lead, lead_spaces, room = [], [], []
    for begin in range(count):
        first = start_word[begin]
        if start_char[begin] is None:
            lead.append(0.0)
            lead_spaces.append(0)
        else:
            lead.append(tail[begin] - widths[first + 1] - space * first)
            lead_spaces.append(tail_joined[begin] - joined[first + 1] - first)
        room.append((first_width if begin == 0 else width) - trailing)
    rest = [widths[end_word[end]] + head[end] + space * end_word[end] for end in range(count)]
    rest_spaces = [joined[end_word[end]] + head_joined[end] + end_word[end]
                   for end in range(count)]
    kinds = [kind for _, _, kind in points]

    last = count - 1
    best_cost: list[float | None] = [None] * count
    best_from = [-1] * count
    best_cost[0] = 0.0
    for end in range(1, count):
        final = end == last
        hyphenated = kinds[end] == "hyphen"
        word, stop = end_word[end], end_char[end]
        rest_width, rest_joined = rest[end], rest_spaces[end]
        found, found_from = None, -1
        for begin in range(end - 1, -1, -1):
            previous = best_cost[begin]
            if previous is None:
                continue
            char = start_char[begin]
            if char is None or char >= stop:
                continue
            if start_word[begin] == word:
                natural = text.width(char, stop) + (hyphen if hyphenated else 0.0)
                spaces = text.text.count(NBSP, char, stop)
            else:
                natural = lead[begin] + rest_width
                spaces = lead_spaces[begin] + rest_joined
            available = room[begin]
            if natural > available - MARGIN:
                break
            if final:
                # The last line is set with the font's own spacing (`LAST_LINE`): narrowed
                # spaces on a line that is not stretched again would not read as spaces.
                own = (natural - spaces * word_spacing - (stop - char) * letter_spacing)
                if own > available + trailing - MARGIN:
                    continue
                cost = 0.0
            else:
                extra = available - natural
                if spaces == 0:  # nothing to stretch: a ragged line in a justified text
                    cost = 10_000 * LOOSE * (1 + extra / normal)
                else:
                    ratio = (space + extra / spaces) / normal
                    cost = 100 * (ratio - 1) ** 3
                    if ratio > TARGET:
                        cost += LOOSE * (1 + 10 * (ratio - TARGET))
                    if ratio > BOUND:
                        cost += 100 * LOOSE * (1 + 10 * (ratio - BOUND))
                if hyphenated:
                    cost += HYPHEN_COST
                    if kinds[begin] == "hyphen":
                        cost += HYPHENS_IN_A_ROW_COST
            total = previous + cost
            if found is None or total < found:
                found, found_from = total, begin
        best_cost[end], best_from[end] = found, found_from
    if best_cost[last] is None:
        return None
    chosen, at = [], last
    while at > 0:
        chosen.append(points[at])
        at = best_from[at]
    return best_cost[last], chosen[::-1]


# A paragraph is set the same way every time (its text, language and widths decide): the
# previews of a draft, and its package and language copies, set each paragraph once in a
# process. Bounded: a few thousand paragraphs of a few KB at most.
@functools.lru_cache(maxsize=4096)
def _set_paragraph(inner: str, language: str, first_width: float, width: float):
    """(`inner` with its line breaks chosen, the paragraph's classes) for `inner` (a
    paragraph's content: text, emphasis, our spans), or None to leave it to WeasyPrint."""
    tokens = _TAG.split(inner)
    chars, faces, whole, owners = [], [], [], []  # owners: token index of each character
    bold = italic = 0
    spans: list[bool] = []
    for index, token in enumerate(tokens):
        if index % 2 == 0:
            value = unescape(token)
            face = (bold > 0, italic > 0)
            for char in value:
                chars.append(char)
                faces.append(face)
                whole.append(any(spans))
                owners.append(index)
            continue
        match = _NAME.match(token)
        name = match.group(1).lower() if match else ""
        if name not in MEASURED:
            return None
        step = -1 if token.startswith("</") else 1
        if name == "span":
            if step == 1:
                classes = _CLASS.search(token)
                spans.append(bool(classes and "nohyphens" in classes.group(1).split()))
            elif spans:
                spans.pop()
        elif FACES[name] == "bold":
            bold += step
        else:
            italic += step
    text = _Text("".join(chars), faces, whole, language)
    words = text.words()
    if not 2 <= len(words) <= MAX_WORDS:
        return None
    found = None
    for setting in SETTINGS:
        text.setting = setting
        result = _choose(text, words, first_width, width)
        if result is not None and (found is None or result[0] < found[0][0]):
            found = result, setting
        if found is not None and found[0][0] < LOOSE:
            break
    if found is None:
        return None
    (_, chosen), text.setting = found
    if len(chosen) == 1:  # one line: nothing to choose
        return None
    ends = {(index, offset) for index, offset, _ in chosen}
    edits: dict[int, str] = {}  # character index -> replacement ("" deletes it)
    for index, word in enumerate(words[:-1]):
        if (index, None) not in ends:
            following = words[index + 1].start
            edits[word.stop] = NBSP
            for position in range(word.stop + 1, following):
                edits[position] = ""
        for offset, kind in word.breaks:
            place = word.start + offset
            if kind == "hyphen" and (index, offset) in ends:
                edits[place] = SHY + text.text[place]
            elif kind == "own" and (index, offset) not in ends:
                edits[place] = WORD_JOINER + text.text[place]
    # The last word may be broken too (its last line then starts inside it).
    last_word = len(words) - 1
    for offset, kind in words[-1].breaks:
        place = words[-1].start + offset
        if kind == "hyphen" and (last_word, offset) in ends:
            edits[place] = SHY + text.text[place]
        elif kind == "own" and (last_word, offset) not in ends:
            edits[place] = WORD_JOINER + text.text[place]
    out = list(tokens)
    for index in range(0, len(tokens), 2):
        out[index] = ""
    # Where the last line starts (after the last break but the paragraph's end).
    index, offset, _ = chosen[-2]
    last_line = words[index + 1].start if offset is None else words[index].start + offset
    if text.setting == SETTINGS[0]:
        last_line = len(chars)
    pieces: dict[int, list[list[str]]] = {}
    for position, char in enumerate(chars):
        parts = pieces.setdefault(owners[position], [[], []])
        parts[position >= last_line].append(edits.get(position, char))
    for index, (before, after) in pieces.items():
        out[index] = escape("".join(before), quote=False)
        if after:
            out[index] += f'{LAST_LINE[0]}{escape("".join(after), quote=False)}{LAST_LINE[1]}'
    return "".join(out), text.setting


def forget_set_paragraphs() -> None:
    """Empty the cache of set paragraphs (the benchmark measures setting them)."""
    _set_paragraph.cache_clear()


def _justified(stack: list[tuple[str, set[str]]]) -> bool:
    """Inside a block of the platform's class `justified` (static/css/pdf.css)."""
    return any(JUSTIFIED in classes for _, classes in stack)


def set_justified(html: str, language: str) -> str:
    """A print page (templates/pdf/) with the line breaks of its justified paragraphs
    chosen over each whole paragraph (see the module's docstring)."""
    tokens = _TAG.split(html)
    stack: list[tuple[str, set[str]]] = []
    out = list(tokens)
    index = 1
    while index < len(tokens):
        token = tokens[index]
        match = _NAME.match(token)
        name = match.group(1).lower() if match else ""
        closing = token.startswith("</")
        if name in BLOCKS or name == "body":
            if closing:
                while stack:
                    if stack.pop()[0] == name:
                        break
            elif not token.endswith("/>") and name != "hr":
                classes = _CLASS.search(token)
                stack.append((name, set(classes.group(1).split()) if classes else set()))
                if name in ("p", "li") and _justified(stack) and not (
                        stack[-1][1] & {"set"}):  # a page set twice: set once
                    index = _set_block(tokens, out, index, stack, language)
                    continue
                if _balanced(stack):
                    _balance_block(tokens, out, index, language, stack)
        index += 1
    return "".join(out)


def _balanced(stack: list[tuple[str, set[str]]]) -> bool:
    """A heading, or a block of the platform's class `title` (static/css/pdf.css)."""
    name, classes = stack[-1]
    return name in HEADINGS or TITLE in classes


def _balance_block(tokens, out, index, language, stack) -> None:
    """Break a title or heading into lines of even length: as many lines as it takes, and
    none of them (the last neither) much shorter than the others ("…Office of Counter- /
    Terrorism"). The breaks are <br>s; a line that still did not fit would only wrap."""
    if index + 2 >= len(tokens) or not _NAME.match(tokens[index + 2]) or not (
            tokens[index + 2].startswith("</")):
        return  # text with tags inside: left as it is
    width = TITLE_WIDTH if TITLE in stack[-1][1] else TEXT_WIDTH
    text = unescape(tokens[index + 1])
    words = _BREAK_SPACE.split(text.strip(" \t\n\r"))
    if len(words) < 3:
        return
    face = (True, False)
    setting = SETTINGS[0]
    space = _width("a a", language, setting, face) - _width("aa", language, setting, face)
    sizes = [_width(word, language, setting, face) for word in words]
    limit = width - MARGIN
    if max(sizes) > limit:
        return
    # As many lines as filling each in turn takes.
    lines, used = 1, sizes[0]
    for size in sizes[1:]:
        if used + space + size > limit:
            lines, used = lines + 1, size
        else:
            used += space + size
    if lines == 1:
        return
    count = len(words)

    def line_width(first, stop):
        return sum(sizes[first:stop]) + space * (stop - first - 1)

    # best[k][j]: (cost, previous break) of the first j words in k lines; a line costs the
    # square of what it lacks of the width, so the lines come out even.
    best = [[None] * (count + 1) for _ in range(lines + 1)]
    best[0][0] = (0.0, 0)
    for k in range(1, lines + 1):
        for stop in range(1, count + 1):
            for first in range(stop - 1, -1, -1):
                size = line_width(first, stop)
                if size > limit:
                    break
                if best[k - 1][first] is None:
                    continue
                cost = best[k - 1][first][0] + (width - size) ** 2
                if best[k][stop] is None or cost < best[k][stop][0]:
                    best[k][stop] = (cost, first)
    if best[lines][count] is None:
        return
    breaks, stop = [], count
    for k in range(lines, 0, -1):
        first = best[k][stop][1]
        breaks.append(" ".join(words[first:stop]))
        stop = first
    out[index + 1] = "<br>".join(escape(line, quote=False) for line in reversed(breaks))


def _set_block(tokens, out, index, stack, language) -> int:
    """Set the block opened at tokens[index]: its content runs to the next block tag.
    Returns the index of that tag."""
    stop = index + 1
    while stop < len(tokens):
        match = _NAME.match(tokens[stop]) if stop % 2 else None
        if match and match.group(1).lower() in BLOCKS:
            break
        stop += 1
    inner = "".join(tokens[index + 1:stop])
    if inner.strip():
        lists = sum(1 for name, _ in stack if name in ("ul", "ol"))
        in_item = any(name == "li" for name, _ in stack)
        width = TEXT_WIDTH - lists * LIST_INDENT
        first_width = width if in_item else width - INDENT
        result = _set_paragraph(inner, language, first_width, width)
        if result is not None:
            out[index] = _with_class(tokens[index], result[1])
            for position in range(index + 1, stop):
                out[position] = ""
            out[index + 1] = result[0]
    return stop


def _with_class(tag: str, name: str) -> str:
    match = _CLASS.search(tag)
    if match:
        return f'{tag[:match.start(1)]}{match.group(1)} {name}{tag[match.end(1):]}'
    return re.sub(r"\s*/?>$", lambda end: f' class="{name}"{end.group()}', tag, count=1)
