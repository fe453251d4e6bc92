from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    """A CICA term and its equivalent in each language, kept by the administrators.

    A language left empty is not known yet (the reference package has no Kazakh concept
    paper): the term is not looked for in that language.
    """

    class Category(models.TextChoices):
        BODY = "body", _("Body or organisation")
        TITLE = "title", _("Office, form of address or document")
        PHRASE = "phrase", _("Standard phrase")

    text = models.CharField(_("term"), max_length=300, blank=True)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices,
                                default=Category.BODY)
    note = models.CharField(_("note"), max_length=500, blank=True,
                            help_text=_("Where the wording comes from, or how to use it."))
    is_active = models.BooleanField(_("checked in documents"), default=True)
    # Each language's words as the sets of forms matching.py compares: computed when the
    # term is saved, so a check never analyses a term again.
    forms = models.JSONField(default=dict, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["text_en", "pk"]

    def __str__(self):
        return self.shown[1] or f"#{self.pk}"

    @property
    def shown(self) -> tuple[str, str]:
        """(language, text): the term in the reader's language, else in the first language
        that has it (a page marks it with that language)."""
        texts = {"en": self.text_en, "ru": self.text_ru, "kk": self.text_kk}
        reader = get_language() or "en"
        order = [reader, *(code for code in texts if code != reader)]
        return next(((code, texts[code]) for code in order if texts.get(code)), (reader, ""))
