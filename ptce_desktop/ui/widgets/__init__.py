"""Shared form widgets: checked inputs, forms with inline errors, the share explanation."""

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
