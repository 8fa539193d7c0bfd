"""Sections that apps add to another app's page without that app importing them (R8).

The customer page shows the panels that sales, loyalty, invoices, ... register here, so the customers
app stays free of them: `register("customer", Panel(...))` in an AppConfig.ready(). Every master-data form
shows the panels of the page "edit" below it (the protocol's history).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.functional import Promise


@dataclass(frozen=True)
class Panel:
    key: str
    title: str | Promise
    template: str
    context: Callable[..., dict]
    order: int = 50
    #: whether the panel belongs on this page for this user (e.g. the history only of protocolled records)
    applies: Callable[..., bool] | None = None


_registry: dict[str, list[Panel]] = {}


def register(page: str, panel: Panel) -> None:
    panels = [p for p in _registry.get(page, []) if p.key != panel.key]
    _registry[page] = sorted([*panels, panel], key=lambda p: p.order)


def panels_for(page: str, request, obj) -> list[tuple[Panel, str]]:
    """The registered panels of a page, rendered, in order."""
    return [
        (panel, render_to_string(panel.template, panel.context(request, obj), request=request))
        for panel in _registry.get(page, [])
        if panel.applies is None or panel.applies(request, obj)
    ]
