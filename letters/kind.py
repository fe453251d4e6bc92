"""The signed letter as a document kind (the platform's contract: documents/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from cica_docs.documents.kinds import NEUTER, DocumentKind, register
from cica_docs.documents.references import REFERENCE_PLAIN_FIELDS, REFERENCE_TRANSLATED_FIELDS

from . import checks, printing
from .forms import LetterForm
from .models import Letter


class LetterKind(DocumentKind):
    key = "letter"
    model = Letter
    label = _("Letter")
    label_plural = _("Letters")
    # A letter may answer or cite a document of the register (or one from outside): the
    # link shows on both documents' pages; the body words it, as a letter's text does.
    translated_fields = ("addressee_block", "body", *REFERENCE_TRANSLATED_FIELDS)
    plain_fields = ("salutation", "closing", "complimentary_close", "signatory",
                    *REFERENCE_PLAIN_FIELDS)
    required_fields = ("body", "addressee_block")
    requires_series = False
    takes_enclosures = True
    allows_first_person = True
    form_class = LetterForm
    api_path, api_item, api_component = "letters", "letter", "Letter"
    noun_gender = NEUTER  # «письмо»

    reference_pages = (("list", _("Letter formulas and signatories")),)

    def reference_urls(self):
        from . import manage

        return manage.urlpatterns

    def example(self):
        return {
            "languages": ["en", "ru", "kk"],
            "title": {"en": "Invitation to the Think Tank Forum", "ru": "Приглашение на "
                      "Форум аналитических центров", "kk": "Сараптамалық орталықтар "
                      "форумына шақыру"},
            "addressee_block": {
                "en": "H.E. Mr. A. Rahimov\nMinister of Foreign Affairs\nTashkent",
                "ru": "Его Превосходительству\nгосподину А.Рахимову\nМинистру иностранных "
                      "дел\nг. Ташкент",
                "kk": "Сыртқы істер министрі\nА.Рахимов мырзаға\nТашкент қаласы",
            },
            "body": {
                "en": "I have the honour to invite you to the Forum.",
                "ru": "Имею честь пригласить Вас на Форум.",
                "kk": "Сізді Форумға шақыруды өзіме мәртебе санаймын.",
            },
        }

    # The hooks are the letter's own functions, with the contract's signatures.
    checks = staticmethod(checks.letter_checks)
    print_parts = staticmethod(printing.print_parts)


register(LetterKind())
