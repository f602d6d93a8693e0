"""Outlets: one outlet whatever script or spelling its name comes in."""

from __future__ import annotations

from django.db import transaction

from tracker.attribution.text import normalize_name
from tracker.models import Outlet, OutletAlias
from tracker.services.speakers import translit_key

# Articles and generic words that names of outlets carry in one script and not the other.
_LEADING = {"al", "el", "the", "ال"}


def _skeleton(name: str) -> str:
    """A script-independent key of an outlet's name ("Al Mayadeen" / "الميادين" -> "mdn")."""
    words = [w for w in normalize_name(name).replace("-", " ").split() if w not in _LEADING]
    return "".join(translit_key(w) for w in words)


def _script(name: str) -> str:
    return "arabic" if any("\u0600" <= ch <= "\u06ff" for ch in name) else "latin"


def outlet_alias_add(*, outlet: Outlet, alias: str) -> OutletAlias | None:
    key = normalize_name(alias)
    if not key:
        return None
    obj, _ = OutletAlias.objects.get_or_create(
        normalized=key, defaults={"outlet": outlet, "alias": alias.strip()[:200]}
    )
    return obj


def outlet_find(*, name: str, domain: str = "") -> Outlet | None:
    """The outlet called ``name`` under any of its aliases (folded), on the same web domain, or
    written in the other script (a consonant skeleton of at least three letters)."""
    key = normalize_name(name)
    if not key:
        return None
    alias = OutletAlias.objects.filter(normalized=key).select_related("outlet").first()
    if alias is not None:
        return alias.outlet
    exact = Outlet.objects.filter(name=name.strip()).first()
    if exact is not None:
        return exact
    if domain:
        by_domain = Outlet.objects.filter(domain__iexact=domain.removeprefix("www.")).first()
        by_domain = by_domain or Outlet.objects.filter(domain__iexact=f"www.{domain.removeprefix('www.')}").first()
        if by_domain is not None:
            return by_domain
    skeleton = _skeleton(name)
    if len(skeleton) < 3:
        return None
    script = _script(name)
    for other in OutletAlias.objects.select_related("outlet").only("alias", "outlet"):
        if _script(other.alias) != script and _skeleton(other.alias) == skeleton:
            return other.outlet
    return None


@transaction.atomic
def outlet_resolve(*, name: str, domain: str = "", language: str = "") -> Outlet:
    """Find or create the outlet; the name as written becomes one of its aliases."""
    name = name.strip()[:200]
    outlet = outlet_find(name=name, domain=domain)
    if outlet is None:
        outlet, _ = Outlet.objects.get_or_create(name=name, defaults={"domain": domain, "language": language})
    if not outlet.domain and domain:
        Outlet.objects.filter(pk=outlet.pk).update(domain=domain)
    outlet_alias_add(outlet=outlet, alias=outlet.name)
    outlet_alias_add(outlet=outlet, alias=name)
    return outlet
