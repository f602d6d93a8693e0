from django.contrib.auth.models import Group

from tracker.roles import ROLES


def user_role_set(*, user, role: str) -> None:
    """Put the user in exactly one role group."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))
