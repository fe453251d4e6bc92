"""The demo's revisers: reviser.en, reviser.ru and reviser.kk revise their language (only the
demo's own users are given rights), and sign off the demo documents before they are issued,
as revisers would."""

from .models import LanguageRight
from .signoffs import language_sign_off, standings


def revisers(users) -> dict:
    return {lang: users[f"reviser.{lang}"] for lang in ("en", "ru", "kk")
            if f"reviser.{lang}" in users}


def load(*, users) -> None:
    for lang, user in revisers(users).items():
        LanguageRight.objects.get_or_create(user=user, language=lang,
                                            defaults={"granted_by": users.get("admin", user)})


def sign_off(document, users) -> None:
    """Every language of the demo `document` signed off by the demo's reviser of it."""
    load(users=users)
    document.refresh_from_db()
    found, named = standings(document), revisers(users)
    for lang in document.languages:
        if lang in named and found[lang].signoff is None:
            language_sign_off(document=document, language=lang, by=named[lang],
                              revision_number=document.revision_number)
