from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_runtime_role(app_configs, **kwargs):
    """On PostgreSQL the app must not run as the owner of its tables (SECURITY.md 13)."""
    engine = settings.DATABASES["default"]["ENGINE"]
    owner = getattr(settings, "DATABASE_OWNER", None)
    if "postgresql" not in engine:
        return []
    if owner and owner.get("USER") != settings.DATABASES["default"].get("USER"):
        return []
    return [Warning(
        "The app connects to PostgreSQL as the owner of its tables, which may truncate the "
        "audit log and disable its triggers.",
        hint="Connect as the runtime role (DATABASE_URL) and migrate as the owner "
             "(DATABASE_OWNER_URL); see the README.",
        id="cica.W001",
    )]
