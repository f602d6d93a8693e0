"""Error pages with a message an editor can act on (Django's default 400 page is bare)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        # The request's own limit (a little over the import limit, for the form around a file).
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = (
            f"What you sent is too large: the limit is {limit:,} bytes ({limit / 1024 / 1024:.1f} MB). "
            "Nothing was stored. Split the text or file and send it in parts."
        )
        status = 413
    elif isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        message = "The form sent too many fields or files at once. Nothing was stored."
        status = 400
    else:
        message = "The request could not be understood. Nothing was stored."
        status = 400
    return render(request, "errors/bad_request.html", {"message": message}, status=status)
