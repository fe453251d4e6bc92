from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "cica_docs.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from . import signals  # noqa: F401  (connects the login/logout receivers)
