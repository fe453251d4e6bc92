from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.accounts import roles
from cica_docs.ids import parse_id
from cica_docs.languages import language_codes

from .models import CirculationList, MemberState

User = get_user_model()
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class BootstrapMixin:
    """Give every widget the Bootstrap class its kind needs; templates stay plain."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)


class UniqueAccountMixin:
    """A username and an e-mail address nobody else has (letter case aside)."""

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is already taken."), code="taken")
        return username

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Someone already uses this e-mail address."), code="taken"
            )
        return email


class StatesField(forms.ModelMultipleChoiceField):
    """Several states by id; forged ids (foreign, negative, huge) are an ordinary form error."""

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # the parent reports it as "not a valid value"
            if parse_id(number) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


def translated_fields(name: str, label, max_length: int) -> dict[str, forms.CharField]:
    """One required text field per interface language: name_en, name_ru, name_kk..."""
    return {
        build_localized_fieldname(name, code): forms.CharField(
            label=format_lazy("{} ({})", capfirst(label), LANGUAGE_NAMES[code]),
            max_length=max_length,
        )
        for code in language_codes()
    }


def translated_initial(instance, *names: str) -> dict[str, str]:
    """Each language's column of each of `names`, as the initial data of `translated_fields`."""
    return {build_localized_fieldname(name, code): getattr(instance,
                                                           build_localized_fieldname(name, code))
            for name in names for code in language_codes()}


def translations(cleaned_data, name: str) -> dict[str, str]:
    return {code: cleaned_data[build_localized_fieldname(name, code)] for code in language_codes()}


def sorted_state_choices(queryset):
    return [(state.pk, state.name) for state in queryset.sorted()]


class MemberStateForm(BootstrapMixin, forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[A-Z0-9-]{2,8}$",
        max_length=8,
        help_text=_("ISO 3166 alpha-3 code or a short tag in capitals, e.g. KAZ."),
        error_messages={"invalid": _("Use 2 to 8 capital Latin letters, digits or hyphens.")},
    )
    status = forms.ChoiceField(label=_("Status"), choices=MemberState.Status.choices)
    is_active = forms.BooleanField(
        label=_("Active"), required=False, initial=True,
        help_text=MemberState._meta.get_field("is_active").help_text,
    )

    def __init__(self, *args, instance: MemberState | None = None, **kwargs):
        self.instance = instance
        if instance is not None:
            initial = {"code": instance.code, "status": instance.status,
                       "is_active": instance.is_active,
                       **translated_initial(instance, "name", "full_name")}
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields.update(translated_fields("name", _("short name"), 200))
        self.fields.update(translated_fields("full_name", _("full name"), 300))

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = MemberState.objects.filter(code=code)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another party already has this code."), code="taken")
        return code


class DelegateForm(UniqueAccountMixin, BootstrapMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "member_state",
                  "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "member_state"):
            self.fields[name].required = True
        states = MemberState.objects.active()
        self.fields["member_state"].queryset = states
        self.fields["member_state"].choices = [("", "—"), *sorted_state_choices(states)]
        self.fields["email"].help_text = _(
            "The delegate receives a link at this address to choose a password."
        )


def staff_role_choices():
    return [(name, roles.ROLE_LABELS[name]) for name in roles.STAFF_ROLES]


class StaffForm(UniqueAccountMixin, BootstrapMixin, forms.ModelForm):
    """A staff account: names, e-mail, language and roles. The form only reads and checks
    the fields; accounts/staff.py saves them (the model form never saves)."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=staff_role_choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Administrators manage staff accounts and reference data; registrars "
                    "issue and dispatch documents."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["email"].help_text = _(
            "A link to choose a password is sent to this address."
        )
        if self.instance.pk:  # the username stays: it is how the person signs in
            del self.fields["username"]
            self.initial.setdefault(
                "roles", [n for n in self.instance.role_names() if n in roles.STAFF_ROLES])

    def _post_clean(self):
        """No model validation here: the service validates the account it saves."""


class StaffFilterForm(forms.Form):
    """The staff list's filter; a value that is no role is ignored."""

    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("All roles")), *staff_role_choices()]
        self.fields["role"].widget.attrs.update({"class": "form-select"})

    def chosen_role(self) -> str:
        return self.cleaned_data["role"] if self.is_valid() else ""


class DelegateSearchForm(forms.Form):
    """Filters of the delegates page; bad values are ignored rather than refused."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    state = forms.ModelChoiceField(
        label=_("Member state"), queryset=MemberState.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            ("", _("All member states")), *sorted_state_choices(MemberState.objects.all())
        ]
        self.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})
        self.fields["state"].widget.attrs.update({"class": "form-select"})

    def filters(self) -> dict:
        if not self.is_valid():
            return {"q": "", "state": None}
        return {"q": self.cleaned_data["q"], "state": self.cleaned_data["state"]}


class CirculationListForm(BootstrapMixin, forms.Form):
    states = StatesField(
        label=_("Member states"),
        queryset=MemberState.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one member state.")},
    )

    def __init__(self, *args, instance: CirculationList | None = None, **kwargs):
        self.instance = instance
        if instance is not None:
            initial = {"states": list(instance.states.values_list("pk", flat=True))}
            for code in language_codes():
                field = build_localized_fieldname("name", code)
                initial[field] = getattr(instance, field)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields.update(translated_fields("name", _("name"), 200))
        # Put the names before the states.
        self.order_fields([*translated_fields("name", "", 200), "states"])
        self.fields["states"].choices = sorted_state_choices(MemberState.objects.active())

    def clean(self):
        cleaned = super().clean()
        others = CirculationList.objects.all()
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        for code in language_codes():
            field = build_localized_fieldname("name", code)
            value = cleaned.get(field)
            if value and others.filter(**{f"{field}__iexact": value}).exists():
                self.add_error(
                    field,
                    forms.ValidationError(
                        _("Another circulation list already has this name."), code="taken"
                    ),
                )
        return cleaned
