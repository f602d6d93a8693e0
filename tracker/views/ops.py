from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from tracker.selectors_ops import system_health


@never_cache
def health(request):
    report = system_health()
    return JsonResponse(report, status=200 if report["ok"] else 503)
