from django.contrib.auth.models import Group

from tracker.roles import ADMIN, ROLES


def user_role_set(*, user, role: str) -> None:
    """Put the user in exactly one role group. Admins manage users in the Django admin, so
    they, and only they, are staff."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))
    if not user.is_superuser and user.is_staff != (role == ADMIN):
        user.is_staff = role == ADMIN
        user.save(update_fields=["is_staff"])
