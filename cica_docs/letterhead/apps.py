from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LetterheadConfig(AppConfig):
    name = "cica_docs.letterhead"
    label = "letterhead"
    verbose_name = _("Letterhead and addressees")
