"""The seal on issued files: which certificate sealed which stored file, and the
unguessable token of each file's verification address."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.db import AppendOnlyModel
from cica_docs.issuing.models import RenderedFile


class SealCertificate(AppendOnlyModel):
    """A certificate the Secretariat has sealed with. Kept for ever: a file sealed with a
    certificate that was replaced still verifies, and its page names the certificate."""

    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, unique=True)
    subject = models.CharField(_("subject"), max_length=500)
    issuer = models.CharField(_("issuer"), max_length=500)
    serial = models.CharField(_("serial number"), max_length=100)
    not_before = models.DateTimeField(_("valid from"))
    not_after = models.DateTimeField(_("valid until"))
    pem = models.TextField(_("certificate (PEM)"))
    first_used_at = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        verbose_name = _("sealing certificate")
        verbose_name_plural = _("sealing certificates")
        ordering = ["-first_used_at"]

    def __str__(self) -> str:
        return self.subject


class Seal(AppendOnlyModel):
    """One sealed, stored file: its hash (the file as stored and downloaded, signature
    included), the certificate that sealed it and its verification token."""

    rendered_file = models.OneToOneField(
        RenderedFile, on_delete=models.PROTECT, related_name="seal"
    )
    token = models.CharField(max_length=40, unique=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    certificate = models.ForeignKey(SealCertificate, on_delete=models.PROTECT,
                                    related_name="seals")
    sealed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seal")
        verbose_name_plural = _("seals")

    def __str__(self) -> str:
        return self.rendered_file.filename
