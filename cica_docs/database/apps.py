from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatabaseConfig(AppConfig):
    """The database's own defences: its two roles and its guard triggers (no models)."""

    name = "cica_docs.database"
    label = "database"
    verbose_name = _("Database")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment check)
