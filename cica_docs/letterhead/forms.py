"""The administrators' forms for reference data: every translated field as one field per
language, named by its column (`dative_ru`), so that a form saved in /ru/ or /kk/ writes
each language where it belongs (cica_docs/translated.py says why the plain name would not)."""

import hashlib
import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.circulation.forms import BootstrapMixin
from cica_docs.languages import language_codes

from .editing import StaleEdit, fingerprint
from .models import Addressee, Letterhead

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def localized(*names: str) -> list[str]:
    """The columns of the translated fields `names`, language by language."""
    return [build_localized_fieldname(name, code) for name in names for code in language_codes()]


class ReferenceForm(BootstrapMixin, forms.ModelForm):
    """A record's columns, with the version the page was opened with (`editing`): a save
    over someone else's keeps the typed text and shows what they saved (`conflicts`)."""

    translated: tuple[str, ...] = ()
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["version"] = fingerprint(self.instance, self.columns())
        code = self.fields.get("code")
        if code is not None and isinstance(code, forms.SlugField):
            code.error_messages["invalid"] = _(
                "Use Latin letters, digits and hyphens only.")
            code.widget.attrs["lang"] = "zxx"
        self.conflicts: dict[str, str] = {}
        model = self._meta.model
        for name in self.translated:
            label = capfirst(model._meta.get_field(name).verbose_name)
            for code in language_codes():
                field = self.fields[build_localized_fieldname(name, code)]
                field.label = format_lazy("{} ({})", label, LANGUAGE_NAMES[code])
                field.required = True
                field.widget.attrs["lang"] = code

    def columns(self) -> list[str]:
        return [name for name in self._meta.fields]

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.columns()}

    def stale(self, error: StaleEdit) -> None:
        """Keep the typed text, show what is saved now where it differs, and take the saved
        version, so that saving again keeps the text as typed now."""
        self.add_error(None, error.message)
        self.conflicts = {name: value for name, value in error.current.items()
                          if name in self.cleaned_data and value != self.cleaned_data[name]}
        self.data = self.data.copy()
        self.data["version"] = error.version

    def rows(self) -> list[list[tuple]]:
        """The visible fields as the page lays them out: a translated field's languages
        side by side, each other field on its own; each (bound field, what is saved now
        where someone else changed it, else None)."""
        grouped = {build_localized_fieldname(name, code): name
                   for name in self.translated for code in language_codes()}
        rows, seen = [], {}
        for field in self.visible_fields():
            cell = (field, self.conflicts.get(field.name))
            group = grouped.get(field.name)
            if group is None:
                rows.append([cell])
            elif group in seen:
                seen[group].append(cell)
            else:
                seen[group] = [cell]
                rows.append(seen[group])
        return rows


class AddresseeForm(ReferenceForm):
    translated = ("dative", "block")

    class Meta:
        model = Addressee
        fields = ["code", *localized("dative", "block"), "block_in_capitals"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in localized("block")}

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = Addressee.objects.filter(code=code).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another addressee already has this code."),
                                        code="taken")
        return code


# The emblem: a PNG or JPEG image (read, not trusted by its name), not too heavy to print
# quickly nor too small to print sharply at the top of an A4 page.
EMBLEM_MAX_BYTES = 2 * 1024 * 1024
EMBLEM_MIN_PIXELS, EMBLEM_MAX_PIXELS = 64, 4000
EMBLEM_FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}


def read_emblem(upload):
    """(format, width, height) of an uploaded image, or ValidationError with the reason."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > EMBLEM_MAX_BYTES:
        raise forms.ValidationError(
            _("The emblem is %(size)s KB; it may be at most %(limit)s KB."),
            code="too_large",
            params={"size": upload.size // 1024, "limit": EMBLEM_MAX_BYTES // 1024})
    data = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        raise forms.ValidationError(
            _("This file is not a PNG or JPEG image that can be read."),
            code="not_an_image") from None
    if kind not in EMBLEM_FORMATS:
        raise forms.ValidationError(
            _("The emblem must be a PNG or JPEG image; this file is %(format)s."),
            code="format", params={"format": kind})
    if not (min(width, height) >= EMBLEM_MIN_PIXELS
            and max(width, height) <= EMBLEM_MAX_PIXELS):
        raise forms.ValidationError(
            _("The emblem is %(width)s × %(height)s pixels; each side must be between "
              "%(min)s and %(max)s pixels."),
            code="dimensions",
            params={"width": width, "height": height, "min": EMBLEM_MIN_PIXELS,
                    "max": EMBLEM_MAX_PIXELS})
    return kind, width, height, data


class LetterheadForm(ReferenceForm):
    translated = ("sender_full", "sender_short", "place", "letterhead", "enclosure_template")
    emblem_file = forms.FileField(
        label=_("New emblem"), required=False,
        help_text=_("PNG or JPEG, at most 2 MB, each side between 64 and 4,000 pixels. It is "
                    "printed above the letterhead."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_emblem = forms.BooleanField(label=_("Print no emblem"), required=False)

    class Meta:
        model = Letterhead
        fields = localized("sender_full", "sender_short", "place", "letterhead",
                           "enclosure_template")
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in localized("letterhead")}

    def columns(self) -> list[str]:
        return [*self._meta.fields, "emblem"]

    def clean_emblem_file(self):
        upload = self.cleaned_data.get("emblem_file")
        if not upload:
            return None
        kind, width, height, data = read_emblem(upload)
        suffix, content_type = EMBLEM_FORMATS[kind]
        digest = hashlib.sha256(data).hexdigest()
        # A name the print fetcher accepts (Latin letters, no spaces), whatever it was called.
        self.emblem_facts = {"sha256": digest, "width": width, "height": height,
                             "bytes": len(data), "format": kind}
        return SimpleUploadedFile(f"emblem-{digest[:16]}.{suffix}", data, content_type)

    def values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in self._meta.fields}
        if self.cleaned_data.get("emblem_file"):
            values["emblem"] = self.cleaned_data["emblem_file"]
        elif self.cleaned_data.get("remove_emblem"):
            values["emblem"] = ""
        else:
            values["emblem"] = self.instance.emblem.name if self.instance.pk else ""
        return values

    def emblem_url(self) -> str | None:
        """The emblem the preview prints: the new upload as a data: URL, none, or the
        saved one (a stored name)."""
        import base64

        upload = self.cleaned_data.get("emblem_file") if hasattr(self, "cleaned_data") else None
        if upload:
            upload.seek(0)
            data = base64.b64encode(upload.read()).decode()
            upload.seek(0)
            return f"data:{upload.content_type};base64,{data}"
        if getattr(self, "cleaned_data", {}).get("remove_emblem"):
            return ""
        return None
