from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenderingConfig(AppConfig):
    name = "cica_docs.rendering"
    label = "rendering"
    verbose_name = _("Rendering")
