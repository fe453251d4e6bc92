from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def seal_configured(app_configs, **kwargs):
    if settings.SEAL_PKCS12:
        return []
    return [checks.Warning(
        "No sealing key is configured: issued PDFs will not carry the Secretariat's seal "
        "and cannot be verified.",
        hint="Set SEAL_PKCS12 (and SEAL_PKCS12_PASSWORD, SEAL_TRUST_ROOTS); see the README.",
        id="seal.W001",
    )]
