from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XliffConfig(AppConfig):
    name = "cica_docs.xliff"
    label = "xliff"
    verbose_name = _("Exchange with translators (XLIFF)")
