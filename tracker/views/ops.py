from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from tracker.selectors_ops import system_health


@login_not_required
@never_cache
def health(request):
    report = system_health()
    return JsonResponse(report, status=200 if report["ok"] else 503)
