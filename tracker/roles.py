"""The three roles are Django groups (created by migration 0002): viewers read, editors
review, admins also manage speakers and users."""

VIEWER = "viewer"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (VIEWER, EDITOR, ADMIN)

# Model permissions each role holds, by codename; each role includes the one before it.
PERMISSIONS = {
    VIEWER: [
        "view_article",
        "view_quote",
        "view_speaker",
        "view_speakeralias",
        "view_outlet",
        "view_feed",
    ],
    EDITOR: [
        "add_article",
        "change_article",
        "add_quote",
        "change_quote",
        "delete_quote",
        "add_speaker",
        "add_speakeralias",
        "add_outlet",
        # Editors fix duplicate speakers themselves: names (aliases) and merges, with undo.
        "change_speaker",
        "change_speakeralias",
        "delete_speakeralias",
    ],
    ADMIN: [
        "delete_speaker",
        "change_outlet",
        "delete_outlet",
        "delete_article",
        "assign_article",
        "add_feed",
        "change_feed",
        "delete_feed",
        "add_user",
        "change_user",
        "view_user",
    ],
}


def permissions_for(role: str) -> list[str]:
    out: list[str] = []
    for name in ROLES:
        out += PERMISSIONS[name]
        if name == role:
            return out
    raise ValueError(f"unknown role {role!r}")
