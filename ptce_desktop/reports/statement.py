"""The "Appel de fonds" or "Avoir" (one call) and the "Relevé de compte" (a member's fiscal year)
PDF.

Built only from :class:`~ptce_desktop.documents.statement.StatementData`: every amount printed
is one the read model holds, and the page reconciles on its face. Layout, top to bottom:

* letterhead: the pole (name, address, SIRET, VAT number when registered) and, boxed on the
  right as in a window envelope, the member's address;
* an appel de fonds: its references, its lines by service — each with the member's key basis
  (key, units, share, pro-rata days) and its VAT (rate, « Exonérée (art. 261 B du CGI) » on the
  lines exempt, « Non applicable ») —, for a régularisation the actual shares and what was
  already called per service, the amount to pay and the payment instructions;
* an avoir (a negative régularisation): the same calculation, « Montant en votre faveur », how
  it is settled; no due date, no IBAN;
* a relevé: the year's calls with their lines, settled and outstanding *à la date du relevé*;
* all: the account of the year — the movements (calls and avoirs « appelé », payments and
  refunds « réglé », each payment in the year it is dated) and opening balance + appelé −
  réglé = closing balance, every amount unsigned in the column of its direction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ptce_desktop.documents.statement import (
    CallDocument,
    CallDocumentLine,
    KeyBasis,
    Party,
    StatementData,
    VatStatus,
)
from ptce_desktop.domain.money import NBSP, format_percent, format_units
from ptce_desktop.domain.typography import counted
from ptce_desktop.reports.base import Target, build_pdf, guillemets, money_text
from ptce_desktop.reports.flowables import (
    Cell,
    cell_para,
    date_text,
    empty_note,
    escape_markup,
    heading,
    key_figures,
    key_value_table,
    markup_para,
    money_cell,
    para,
    right,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, RULE, get_styles
from ptce_desktop.reports.tables import data_table

__all__ = ["build_statement"]

NO_CALLS = "Aucun appel de fonds émis pour cet exercice."
NO_MOVEMENTS = "Aucun appel ni règlement sur cet exercice."
NO_BANK_DETAILS = "Coordonnées bancaires du pôle non renseignées."
MENTION_261B_LINE = "Exonération de TVA — article 261\u00a0B du CGI"
MEMBER_VAT_LABEL = "N° TVA intracommunautaire du client"
LATE_PAYMENT = (
    "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal et "
    "indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ (code de commerce, art. "
    "L.\u00a0441-10 et D.\u00a0441-5). Pas d'escompte pour paiement anticipé."
)
CREDIT_SETTLEMENT = (
    "Ce montant vous sera remboursé par virement, ou imputé sur un prochain appel de fonds si "
    "vous le demandez ; il figure au crédit de votre relevé de compte."
)
CREDIT_SETTLED = "Cet avoir est soldé : il a été remboursé ou imputé (voir le relevé ci-dessous)."


def build_statement(
    model: StatementData,
    target: Target,
    *,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the appel de fonds / avoir (``model.call`` set) or the relevé to ``target``;
    returns the number of pages."""
    story = statement_story(model)
    return build_pdf(
        target,
        title=model.document_title,
        subject=f"{model.member.name} — exercice {model.year_label}",
        pole_name=model.pole.name,
        story=story,
        logo_path=model.logo_path,
        generated_on=generated_on,
        progress=progress,
    )


def statement_story(model: StatementData) -> list[Flowable]:
    """The flowables of one appel de fonds / avoir or relevé (for a batch printed as one PDF,
    #11: each member's call after the other, see ``reports.bundle.concatenate``)."""
    story: list[Flowable] = [_letterhead(model.pole, model.member), spacer(10)]
    if model.call is not None:
        story += _call_document(model, model.call)
    else:
        story += _year_statement(model)
    story += _account(model)
    if model.call is None and model.closing_balance_cents > 0:
        story += _payment_instructions(model, reference=None)
    return story


# --- letterhead ---------------------------------------------------------------------------------


def _party_lines(party: Party, *, label: str | None) -> list[Flowable]:
    styles = get_styles()
    lines: list[Flowable] = []
    if label:
        lines.append(cell_para(label, styles.figure_label))
    lines.append(cell_para(party.name or "—", styles.cell_bold))
    lines += [cell_para(line, styles.cell) for line in party.address_lines]
    if party.siret:
        lines.append(cell_para(f"SIRET : {party.siret}", styles.cell))
    if party.vat_number:
        lines.append(cell_para(f"N° de TVA intracommunautaire : {party.vat_number}", styles.cell))
    return lines


def _letterhead(pole: Party, member: Party) -> Flowable:
    width = CONTENT_WIDTH
    table = Table(
        [[_party_lines(pole, label="Émetteur"), "", _party_lines(member, label="Destinataire")]],
        colWidths=[width * 0.48, width * 0.08, width * 0.44],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), get_styles().fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("BOX", (2, 0), (2, 0), 0.6, RULE),
                ("LINEBEFORE", (2, 0), (2, 0), 2.5, ACCENT),
                ("LEFTPADDING", (2, 0), (2, 0), 10),
                ("TOPPADDING", (2, 0), (2, 0), 7),
                ("BOTTOMPADDING", (2, 0), (2, 0), 8),
            ]
        )
    )
    return table


# --- lines --------------------------------------------------------------------------------------


def _vat_rate(line: CallDocumentLine) -> Cell:
    if line.vat_status is VatStatus.EXEMPT_261B:
        return right("Exonérée")  # the article is on the line, under the service
    if line.vat_status is VatStatus.NOT_APPLICABLE:
        return right("Non applicable")
    return right(format_percent(line.vat_rate_bp))


def _units(value: int, unit: str) -> str:
    return f"{format_units(value)}{NBSP}{unit}" if unit else format_units(value)


def _weighted(value: Fraction, unit: str) -> str:
    """A presence-weighted value (thousandths), « ≈ » when rounding it to 0,001 is not exact."""
    rounded = round(value)
    return ("≈" + NBSP if rounded != value else "") + _units(rounded, unit)


def basis_text(basis: KeyBasis) -> str:
    """« Clé « Surface » : 180 m² sur 580 m², soit 31,03 % (exercice 2024) »."""
    share = format_percent(basis.share_bp, fixed=True)
    key = f"Clé {guillemets(basis.key_name)}"
    if basis.method == "equal":
        detail = (
            f"parts égales entre {counted(basis.participants, 'membre', 'membres')}, soit {share}"
        )
    elif basis.method == "percent" and basis.member_units is not None:
        detail = f"{format_percent(basis.member_units)} de la clé"
        if basis.member_units != basis.share_bp:
            detail += f", soit {share} des participants"
    elif basis.member_units is not None and basis.total_units is not None:
        member, total = basis.member_units, basis.total_units
        detail = f"{_units(member, basis.unit)} sur {_units(total, basis.unit)}"
        if basis.weighted and basis.member_weight is not None and basis.total_weight is not None:
            # a member is prorated: the share divides the weighted units, printed so it checks
            detail += (
                f" ; pondérés par la présence : {_weighted(basis.member_weight, basis.unit)} "
                f"sur {_weighted(basis.total_weight, basis.unit)}"
            )
        detail += f", soit {share}"
    else:
        detail = f"clé composée, soit {share}"
    text = f"{key} : {detail} ({basis.period_label})"
    if basis.prorated:
        text += f" ; au prorata de la présence : {basis.days_present} j sur {basis.period_days}"
    return text


def _vat_note(line: CallDocumentLine) -> str:
    if line.vat_status is VatStatus.EXEMPT_261B:
        return MENTION_261B_LINE
    if line.vat_status is VatStatus.NOT_APPLICABLE:
        return "TVA non applicable"
    return f"TVA {format_percent(line.vat_rate_bp)}"


def _service_cell(line: CallDocumentLine, *, with_vat: bool = False) -> Flowable:
    styles = get_styles()
    shown = line.bases or ((line.basis,) if line.basis is not None else ())
    notes = [basis_text(basis) for basis in shown]
    if with_vat or line.vat_status is VatStatus.EXEMPT_261B:
        notes.append(_vat_note(line))
    markup = escape_markup(line.service_name)
    for note in notes:
        markup += f'<br/><font size="6.5" color="#555555">{escape_markup(note)}</font>'
    return markup_para(markup, styles.cell)


_LINE_HEADER = ("Service et base de répartition", "Montant HT", "Taux TVA", "TVA", "Montant TTC")
_LINE_WIDTHS = (4.4, 1.35, 1.45, 1.05, 1.4)


def _line_row(line: CallDocumentLine) -> list[str | Cell | Flowable]:
    return [
        _service_cell(line),
        money_cell(line.ht_cents),
        _vat_rate(line),
        money_cell(line.vat_cents),
        money_cell(line.ttc_cents),
    ]


def _lines_table(call: CallDocument) -> list[Flowable]:
    totals = [
        "Total",
        money_cell(call.total_ht_cents),
        None,
        money_cell(call.total_vat_cents),
        money_cell(call.total_ttc_cents),
    ]
    if not call.is_true_up:
        return data_table(
            _LINE_HEADER,
            [_line_row(line) for line in call.lines],
            _LINE_WIDTHS,
            totals_row=totals,
            align_right_cols=(1, 2, 3, 4),
        )
    return data_table(
        (
            "Service, base de répartition et TVA",
            "Quotes-parts réelles",
            "Déjà appelé",
            "Différence HT",
            "TVA",
            "Différence TTC",
        ),
        [
            [
                _service_cell(line, with_vat=True),
                money_cell(line.actual_cents),
                money_cell(line.already_called_cents),
                money_cell(line.ht_cents),
                money_cell(line.vat_cents),
                money_cell(line.ttc_cents),
            ]
            for line in call.lines
        ],
        (3.0, 1.45, 1.3, 1.4, 0.95, 1.45),
        totals_row=[
            "Total",
            money_cell(sum(line.actual_cents or 0 for line in call.lines)),
            money_cell(sum(line.already_called_cents or 0 for line in call.lines)),
            money_cell(call.total_ht_cents),
            money_cell(call.total_vat_cents),
            money_cell(call.total_ttc_cents),
        ],
        align_right_cols=(1, 2, 3, 4, 5),
    )


def _mentions(model: StatementData) -> list[Flowable]:
    styles = get_styles()
    story: list[Flowable] = []
    for mention in model.vat_mentions:
        story.append(para(mention, styles.small))
    if model.has_vat:
        if model.member_vat_number:
            story.append(para(f"{MEMBER_VAT_LABEL} : {model.member_vat_number}", styles.small))
        story.append(para(LATE_PAYMENT, styles.small))
    return [spacer(4), *story] if story else []


# --- one call or avoir --------------------------------------------------------------------------


def _call_document(model: StatementData, call: CallDocument) -> list[Flowable]:
    if call.is_true_up:
        subtitle = f"Régularisation de l'exercice {model.year_label}"
        if call.is_credit:
            subtitle += " — montant en votre faveur"
    else:
        subtitle = f"{call.kind_label} — {call.period_label} — exercice {model.year_label}"
    story = title_block(call.title, subtitle)
    if call.is_credit:
        story += data_table(
            ("Numéro", "Exercice", "Date d'émission"),
            [[call.number, model.year_label, date_text(call.issue_date)]],
            (1.3, 1.3, 1),
            zebra=False,
        )
    else:
        story += data_table(
            ("Numéro", "Période", "Date d'émission", "Date d'échéance"),
            [
                [
                    call.number,
                    call.period_label,
                    date_text(call.issue_date),
                    date_text(call.due_date),
                ]
            ],
            (1.3, 1.3, 1, 1),
            zebra=False,
        )
    if call.is_true_up:
        story.append(heading("Calcul de la régularisation par service"))
        story.append(
            para(
                "Pour chaque service : vos quotes-parts réelles des charges de l'exercice, moins "
                "tout ce que les appels de l'exercice vous ont déjà demandé ; la différence est "
                "appelée (positive) ou portée à votre crédit (négative, signe \u2212).",
                get_styles().small,
            )
        )
    else:
        story.append(heading("Détail par service"))
    story += _lines_table(call)
    story += _mentions(model)
    story.append(spacer(8))
    if call.is_credit:
        story.append(
            key_figures(
                [
                    (
                        "Montant en votre faveur (TTC)",
                        money_text(-call.total_ttc_cents),
                    ),
                    ("Déjà remboursé ou imputé", money_text(-call.paid_cents)),
                    (
                        "Reste en votre faveur",
                        money_text(-call.outstanding_cents),
                    ),
                ]
            )
        )
        story.append(heading("Modalités", 2))
        story.append(para(CREDIT_SETTLED if call.outstanding_cents == 0 else CREDIT_SETTLEMENT))
        return story
    story.append(
        key_figures(
            [
                ("Montant de l'appel (TTC)", money_text(call.total_ttc_cents)),
                ("Déjà réglé", money_text(call.paid_cents)),
                ("Reste à payer", money_text(call.outstanding_cents)),
            ]
        )
    )
    story += _payment_instructions(model, reference=call)
    return story


def _payment_instructions(
    model: StatementData, *, reference: CallDocument | None
) -> list[Flowable]:
    story: list[Flowable] = [heading("Modalités de règlement", 2)]
    if reference is not None:
        due = date_text(reference.due_date)
        text = (
            f"À régler au plus tard le {due}, de préférence par virement, en indiquant la "
            f"référence {reference.number}."
        )
    else:
        text = (
            "Solde à régler de préférence par virement, en indiquant les numéros des appels "
            "de fonds concernés."
        )
    story.append(para(text))
    if not model.pole_iban:
        story.append(empty_note(NO_BANK_DETAILS))
        return [KeepTogether(story)]
    items: list[tuple[str, str | int | Cell]] = [
        ("Titulaire du compte", model.pole.name),
        ("IBAN", model.pole_iban),
    ]
    if model.pole_bic:
        items.append(("BIC", model.pole_bic))
    story.append(key_value_table(items))
    return [KeepTogether(story)]  # a few lines: never leave the BIC alone on a page


# --- the year's statement -----------------------------------------------------------------------


def _year_statement(model: StatementData) -> list[Flowable]:
    story = title_block(
        f"Relevé de compte — exercice {model.year_label}",
        f"Du {date_text(model.year_start)} au {date_text(model.year_end)} : solde d'ouverture, "
        "appels et règlements de l'exercice, solde de clôture",
    )
    return story


def _calls_section(model: StatementData) -> list[Flowable]:
    story: list[Flowable] = [heading("Appels de fonds de l'exercice", 2)]
    story.append(
        para(
            "Réglé et reste dû à la date du relevé, quelle que soit la date du règlement.",
            get_styles().small,
        )
    )
    story += data_table(
        (
            "Numéro",
            "Période",
            "Émis le",
            "Montant TTC",
            "Réglé à la date du relevé",
            "Reste dû à la date du relevé",
        ),
        [
            [
                call.number,
                "Avoir " + call.period_label.lower() if call.is_credit else call.period_label,
                date_text(call.issue_date),
                money_cell(call.total_ttc_cents),
                money_cell(call.paid_cents),
                money_cell(call.outstanding_cents),
            ]
            for call in model.calls
        ],
        (1.35, 1.7, 0.95, 1.25, 1.3, 1.3),
        totals_row=[
            "Total",
            None,
            None,
            money_cell(sum(call.total_ttc_cents for call in model.calls)),
            money_cell(sum(call.paid_cents for call in model.calls)),
            money_cell(sum(call.outstanding_cents for call in model.calls)),
        ],
        empty_text=NO_CALLS,
    )
    if model.calls:
        # The heading goes inside the first call's KeepTogether: ReportLab does not keep a
        # heading with a following KeepTogether, so it was left alone at a page's foot.
        first: list[Flowable] = [heading("Détail des appels par service", 2)]
        for call in model.calls:
            title = para(
                f"{call.title} — {call.period_label} — émis le {date_text(call.issue_date)}",
                get_styles().cell_bold,
            )
            story.append(KeepTogether([*first, title, *_lines_table(call)]))
            first = []
            story.append(spacer(4))
        story += _mentions(model)
    return story


# --- the account: opening balance, movements, closing balance ----------------------------------


def _account(model: StatementData) -> list[Flowable]:
    story: list[Flowable] = [heading(f"Compte de l'exercice {model.year_label}")]
    story.append(
        para(
            f"Appelé : les appels de fonds et avoirs de l'exercice {model.year_label}. "
            f"Réglé : les règlements reçus (et remboursements) datés du "
            f"{date_text(model.year_start)} au {date_text(model.year_end)}.",
            get_styles().small,
        )
    )
    story += data_table(
        ("Date", "Pièce", "Libellé", "Appelé", "Réglé"),
        [
            [
                date_text(movement.date),
                movement.reference,
                movement.label,
                money_cell(movement.called_cents),
                money_cell(movement.paid_cents),
            ]
            for movement in model.movements
        ],
        (0.95, 1.35, 3.6, 1.25, 1.25),
        totals_row=[
            "Total",
            None,
            None,
            money_cell(model.called_cents),
            money_cell(model.paid_cents),
        ],
        align_right_cols=(3, 4),
        empty_text=NO_MOVEMENTS,
    )
    story.append(spacer(8))
    story.append(_balance_table(model))
    if model.call is None:
        story += _calls_section(model)
    return story


def _split(cents: int) -> tuple[int | None, int | None]:
    """(à votre charge, en votre faveur): a signed amount in the column of its direction."""
    if cents >= 0:
        return cents, None
    return None, -cents


def _balance_table(model: StatementData) -> Flowable:
    """Opening balance + appelé − réglé = closing balance, every amount unsigned in the column
    of its direction."""
    opening = _split(model.opening_balance_cents)
    called = _split(model.called_cents)
    paid_charge, paid_favour = _split(-model.paid_cents)
    rows = [
        (f"Solde d'ouverture au {date_text(model.year_start)}", *opening),
        (f"Appelé — exercice {model.year_label}", *called),
        (f"Réglé — exercice {model.year_label}", paid_charge, paid_favour),
    ]
    charge = sum(row[1] or 0 for row in rows)
    favour = sum(row[2] or 0 for row in rows)
    closing = model.closing_balance_cents
    assert charge - favour == closing  # the face of the page reconciles by construction
    last: tuple[str, int | None, int | None]
    if closing > 0:
        last = ("Solde de clôture : reste dû par le membre", closing, None)
    elif closing < 0:
        last = ("Solde de clôture : en votre faveur", None, -closing)
    else:
        last = ("Solde de clôture : compte soldé", 0, None)
    data: list[list[object]] = [
        [
            para("Situation du compte", get_styles().table_header),
            *(
                para(text, get_styles().table_header_right)
                for text in ("À votre charge", "En votre faveur")
            ),
        ]
    ]
    for label, left, right_ in rows:
        data.append([label, _amount(left), _amount(right_)])
    data.append(["Totaux", _amount(charge), _amount(favour)])
    data.append([last[0], _amount(last[1]), _amount(last[2])])
    styles = get_styles()
    width = CONTENT_WIDTH
    table = Table(data, colWidths=[width * 0.6, width * 0.2, width * 0.2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("LINEABOVE", (0, 4), (-1, 4), 0.8, ACCENT),
                ("FONTNAME", (0, 4), (-1, -1), styles.fonts.bold),
                ("BACKGROUND", (0, 5), (-1, 5), ACCENT_LIGHT),
                ("LINEABOVE", (0, 5), (-1, 5), 0.8, ACCENT),
            ]
        )
    )
    return KeepTogether([table])


def _amount(cents: int | None) -> str:
    return "" if cents is None else money_text(cents)
