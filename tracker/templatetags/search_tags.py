from django import template
from django.utils.safestring import mark_safe

from tracker.search import highlight as _highlight

register = template.Library()


@register.filter
def highlight(text: str, q: str) -> str:
    """``text`` escaped, with the words of query ``q`` in <mark> (Arabic- and case-insensitive)."""
    return mark_safe(_highlight(text or "", q or ""))  # noqa: S308 - every piece is escaped by _highlight
