from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .checks import health


@never_cache
@require_safe
def healthz(request):
    """200 when every component answers, else 503 naming those that do not (no auth, no
    language prefix, no data: for load balancers and monitoring)."""
    ok, body = health()
    return JsonResponse(body, status=200 if ok else 503)
