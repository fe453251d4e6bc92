from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cica_docs.accounts.models import User


class ReviserForm(forms.Form):
    """An administrator names a reviser of one language."""

    user = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=User.objects.filter(is_active=True, member_state__isnull=True,
                                     groups__isnull=False).distinct().order_by("username"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
