"""{% panels "receipt-actions" receipt %}: what other apps add to a place in a template (core.panels)."""

from django import template
from django.utils.html import format_html_join

from ..panels import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, page: str, obj):
    """The registered panels of `page` for `obj`, rendered one after the other (e.g. buttons of other apps)."""
    return format_html_join("", "{}", ((html,) for _panel, html in panels_for(page, context["request"], obj)))
