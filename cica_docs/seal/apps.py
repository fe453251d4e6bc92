from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SealConfig(AppConfig):
    name = "cica_docs.seal"
    label = "seal"
    verbose_name = _("Seal and verification")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system check)
