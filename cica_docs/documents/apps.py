from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "cica_docs.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        # Every installed app's `kind` module registers its DocumentKind (documents/kinds.py).
        autodiscover_modules("kind")
