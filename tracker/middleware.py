"""Reading needs the viewer role; finer permissions are checked by each view."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

# Namespaces with their own access control: the admin, and the API (tokens or session).
_SELF_GUARDED = {"admin", "api"}
READ_PERMISSION = "tracker.view_quote"


class ReadersOnlyMiddleware:
    """Every page needs a signed-in user holding a role (viewer, editor or admin). Views marked
    with ``login_not_required`` (login, /health) are open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):  # marked with login_not_required
            return None
        match = request.resolver_match
        if match is not None and _SELF_GUARDED & set(match.namespaces):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(READ_PERMISSION):
            raise PermissionDenied("Your account has no role yet: ask an admin for the viewer role.")
        return None
