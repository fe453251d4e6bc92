"""What a browser would submit from a page's form when the user presses Save and changes
nothing: the fields as the page rendered them, read from the HTML itself (not from the
view's context), so a page that shows the wrong value is caught too."""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._form = None
        self._textarea = None
        self._select = None  # [name, chosen values, first option value, multiple]
        self._option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        if self._form is None or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.append((name, a.get("value", "on")))
                return
            self._form.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, [], None, "multiple" in a]
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), ""]
            if self._select[2] is None:
                self._select[2] = a.get("value")
            if "selected" in a:
                self._select[1].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one newline that follows <textarea>.
            self._form.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            name, chosen, first, multiple = self._select
            values = [value if value is not None else text for value, text in chosen]
            if not values and not multiple and first is not None:
                values = [first]
            self._form.extend((name, value) for value in values)
            self._select = None


def form_data(html: str, *, containing: str) -> dict[str, list[str]]:
    """The data of the page's form that has a field named `containing`, as the browser
    would post it unchanged (values by name; a name may repeat)."""
    parser = _Forms()
    parser.feed(html)
    for fields in parser.forms:
        if any(name == containing for name, _value in fields):
            data: dict[str, list[str]] = {}
            for name, value in fields:
                data.setdefault(name, []).append(value)
            return data
    raise AssertionError(f"No form on the page has a field {containing!r}")
