"""Shared form widgets: checked inputs, forms with inline errors, the share explanation.

The names below are imported from their modules when first asked for
(``from ptce_desktop.ui.widgets import MoneyEdit`` works as ever): importing one widget module
(the window's year selector) does not bring the others' dependencies (``stdnum`` for the
identifiers), which the window's first paint does without.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ptce_desktop.ui.widgets.explain import ShareExplanationPanel
    from ptce_desktop.ui.widgets.fields import (
        CheckedEdit,
        CountEdit,
        DateEdit,
        IdentifierEdit,
        MoneyEdit,
        UnitsEdit,
        bic_edit,
        iban_edit,
        rna_edit,
        siren_edit,
        siret_edit,
        vat_edit,
    )
    from ptce_desktop.ui.widgets.form import FieldCell, FieldSet, FormDialog, error_banner

__all__ = [
    "CheckedEdit",
    "CountEdit",
    "DateEdit",
    "FieldCell",
    "FieldSet",
    "FormDialog",
    "IdentifierEdit",
    "MoneyEdit",
    "ShareExplanationPanel",
    "UnitsEdit",
    "bic_edit",
    "error_banner",
    "iban_edit",
    "rna_edit",
    "siren_edit",
    "siret_edit",
    "vat_edit",
]

_EXPLAIN = ("ShareExplanationPanel",)
_FORM = ("FieldCell", "FieldSet", "FormDialog", "error_banner")


def __getattr__(name: str) -> Any:
    # Explicit imports (a frozen bundle follows them), each module once.
    module: Any
    if name in _EXPLAIN:
        from ptce_desktop.ui.widgets import explain

        module = explain
    elif name in _FORM:
        from ptce_desktop.ui.widgets import form

        module = form
    elif name in __all__:
        from ptce_desktop.ui.widgets import fields

        module = fields
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
