from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TermbaseConfig(AppConfig):
    name = "cica_docs.termbase"
    label = "termbase"
    verbose_name = _("Termbase")

    def ready(self):
        from cica_docs.documents.checks import register_check

        from .checks import term_findings

        register_check(term_findings)
