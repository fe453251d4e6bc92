from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The default author line, offered in a new paper's form (each paper may change it).
DEFAULT_AUTHOR = {"en": "CICA Secretariat", "ru": "Секретариат СВМДА",
                  "kk": "Азия Кеңесінің Хатшылығы"}


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = _("Concept papers")
