from django.contrib.auth.models import Group, Permission

from tracker.roles import ADMIN, ROLES, permissions_for


def role_group(*, role: str) -> Group:
    """The role's group. Migration 0002 creates them; a database emptied by `flush` (as
    transactional tests do) gets them back here, with the same permissions."""
    group, created = Group.objects.get_or_create(name=role)
    if created:
        group.permissions.set(Permission.objects.filter(codename__in=permissions_for(role)))
    return group


def user_role_set(*, user, role: str) -> None:
    """Put the user in exactly one role group. Admins manage users in the Django admin, so
    they, and only they, are staff."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    user.groups.add(role_group(role=role))
    if not user.is_superuser and user.is_staff != (role == ADMIN):
        user.is_staff = role == ADMIN
        user.save(update_fields=["is_staff"])
