"""A query parameter that cannot be used is a 400 with a message, never a 500."""

from __future__ import annotations

from functools import wraps

from django.shortcuts import render

from tracker.forms_search import BadParameter


def bad_parameters_are_400(view):
    """Answer BadParameter, raised anywhere in ``view``, with a 400 page that says what was wrong."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as exc:
            return render(request, "params/bad.html", {"message": str(exc), "back": request.path}, status=400)

    return wrapper
