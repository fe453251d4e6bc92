"""Translated model fields, read and written one language column at a time.

django-modeltranslation gives a translated field one column per language (`name_en`,
`name_ru`, `name_kk`) and turns the plain attribute into a stand-in for the ACTIVE
language's column: `state.name = "India"` in a /ru/ request writes "India" into `name_ru`.
A service that set each column and then the plain attribute "for the default language"
overwrote the Russian or Kazakh text with English whenever a form was saved in /ru/ or /kk/.

So code never assigns the plain attribute of a translated field (nor passes it to a model's
constructor): it writes each language's own column through `translations_assign`, and
reads them through `translations_of`. The plain database column is modeltranslation's
business and nothing here reads it.
"""

from collections.abc import Mapping

from modeltranslation.utils import build_localized_fieldname

from cica_docs.languages import language_codes


def translations_of(instance, name: str) -> dict[str, str]:
    """`name` in every language, from each language's own column ("" when empty)."""
    return {
        code: getattr(instance, build_localized_fieldname(name, code)) or ""
        for code in language_codes()
    }


def translations_assign(instance, name: str, values: Mapping[str, str]) -> None:
    """Write each given language's value into its own column; languages not given keep
    theirs. An unknown language is a programming error, not a value to drop silently."""
    codes = language_codes()
    for code, value in values.items():
        if code not in codes:
            raise ValueError(f"{code!r} is not one of the languages {codes}")
        setattr(instance, build_localized_fieldname(name, code), value)
