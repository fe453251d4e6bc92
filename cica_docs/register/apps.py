from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "cica_docs.register"
    verbose_name = _("Register of outgoing documents")

    def ready(self):
        from . import changes, notifications  # noqa: F401  (connects the receivers)
