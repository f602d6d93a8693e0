"""The signed-in user's own API tokens: listed with their last use, made and revoked here."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tracker import selectors
from tracker.models import ApiToken
from tracker.services.tokens import NAME_MAX, TOKEN_LIFETIME, api_token_create, api_token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(max_length=NAME_MAX, label="Name", help_text="The script or machine that will use it.")


def _page(request, form, *, new_token: str = "", status: int = 200):
    context = {
        "tokens": selectors.api_token_list(user=request.user),
        "form": form,
        "new_token": new_token,
        "lifetime_days": TOKEN_LIFETIME.days,
    }
    return render(request, "account/tokens.html", context, status=status)


@require_http_methods(["GET", "POST"])
def api_tokens(request):
    if request.method == "GET":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        _, raw = api_token_create(user=request.user, name=form.cleaned_data["name"])
    except ValidationError as exc:
        form.add_error("name", exc)
        return _page(request, form, status=400)
    # The secret is shown on this response only: it is not stored, so it cannot be shown again.
    return _page(request, TokenForm(), new_token=raw)


@require_POST
def api_token_revoke_view(request, token_id: int):
    try:
        token = api_token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        messages.error(request, "No such token of yours.")
        return redirect("api-tokens")
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("api-tokens")
