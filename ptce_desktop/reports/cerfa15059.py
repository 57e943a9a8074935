"""The compte rendu financier de subvention (Cerfa n° 15059*02) of one grant, as a PDF.

Built only from :class:`~ptce_desktop.documents.cerfa.CerfaReport`: every amount
printed is one the read model holds. The three *feuillets* of the form, each on a new page:

1. identification (the organisation, the grant) and the bilan qualitatif of the action
   (mise en œuvre, bénéficiaires, dates et lieux);
2. the tableau de synthèse: the charges block then the produits block (the form prints them
   side by side; an A4 page in portrait cannot hold eight readable columns, so they are
   stacked), every row of the grid in order with prévision / réalisation / %, the shaded
   group rows, the totals, the contributions in kind (86/87) below them, and the sentence
   giving the grant's share of the total income, then the balance line (Résultat: excédent or
   insuffisance). Every group row is the sum of its printed sub-rows, so the page adds up as
   printed. ``group_rows_only`` prints only the shaded
   group rows, the section subtotals and the totals (the form allows it when the forecast
   was presented that way);
3. the annex (:mod:`.cerfa15059_annex`): the overhead rule in words, the gaps, the in-kind
   note, the remarks, how the figures were gathered (period, basis and dating rules), and the
   attestation to sign.

A grant that is not voted (:attr:`CerfaReport.draft`) prints « PROJET — non transmissible »
across every page and under the title: the window previews it, the CLI refuses it.

:func:`cerfa_story` returns the flowables, so another document can follow the CRF in one PDF
(:mod:`.bundle`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from ptce_desktop.documents.cerfa import CerfaEvent, CerfaReport, CerfaRow, round_half_up
from ptce_desktop.domain.money import MINUS_SIGN, format_integer, format_money, format_percent
from ptce_desktop.reports.base import Target, build_pdf
from ptce_desktop.reports.cerfa15059_annex import annex_story
from ptce_desktop.reports.flowables import (
    PagedTable,
    cell_para,
    date_text,
    heading,
    key_value_table,
    number_cell,
    para,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    MUTED,
    RULE,
    TABLE_LEADING,
    TABLE_SIZE,
    TEXT,
    get_styles,
)
from ptce_desktop.reports.tables import data_table

__all__ = [
    "DOCUMENT_TITLE",
    "build_cerfa15059",
    "cerfa_story",
    "grid_table",
    "missing_texts",
    "ratio_text",
    "share_sentence",
    "visible_rows",
]

DOCUMENT_TITLE = "Compte rendu financier de subvention"
FORM_NUMBER = "Cerfa n° 15059*02"
NO_RATIO = "—"
LEGAL_BASIS = (
    "Arrêté du Premier ministre du 11 octobre 2006 portant fixation des modalités de "
    "présentation du compte rendu financier prévu par le quatrième alinéa de l'article 10 de "
    "la loi n° 2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs relations "
    "avec les administrations."
)
THREE_SHEETS = (
    "Le compte rendu financier est composé de trois feuillets : 1. un bilan qualitatif de "
    "l'action ; 2. un tableau de données chiffrées ; 3. l'annexe explicative du tableau."
)
GROUPS_ONLY_NOTE = (
    "Présentation par groupes de comptes : « Vous pouvez ne renseigner que les cases grisées "
    "du tableau si le budget prévisionnel de l'action projetée a été présenté sous cette "
    "forme. »"
)
RATIO_NOTE = (
    "% : réalisation rapportée à la prévision ; « — » lorsque la prévision est nulle. "
    "Montants en euros."
)

SHADE = colors.HexColor("#E3E7ED")  # the form's grey cells (group rows)
_COL_WEIGHTS = (0.49, 0.18, 0.18, 0.15)  # the % column holds « −99 999 % » in bold
_INDENT = 14.0
_MIN_BLOCK_START = 200.0  # points: header row and about a dozen rows


DRAFT_MARK = "PROJET — non transmissible"


class DraftWatermark(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """Takes no room; from the page it is drawn on, every page of the document gets
    :data:`DRAFT_MARK` across it (drawn just before the page is shown, light and diagonal).

    The page template is shared by every document (:mod:`.base`), so the mark hooks the
    canvas's ``showPage`` of this one build instead.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas: Any = self.canv
        if getattr(canvas, "_ptce_draft_mark", False):
            return
        canvas._ptce_draft_mark = True
        show_page = canvas.showPage
        font = get_styles().fonts.bold

        def marked_show_page() -> None:
            width, height = canvas._pagesize
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.18))
            canvas.setFont(font, 36)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, -15, DRAFT_MARK)
            canvas.restoreState()
            show_page()

        canvas.showPage = marked_show_page


def _amount(cents: int) -> str:
    """An amount as printed: the domain's format with the real minus sign (U+2212)."""
    return format_money(cents, typographic=True)


def build_cerfa15059(
    model: CerfaReport,
    target: Target,
    *,
    group_rows_only: bool = False,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the Cerfa 15059 of ``model`` to ``target``; returns the number of pages."""
    return build_pdf(
        target,
        title=f"{DOCUMENT_TITLE} — {FORM_NUMBER}",
        subject=f"{model.grant.title} — {model.grant.funder_name}",
        pole_name=model.pole.name,
        story=cerfa_story(model, group_rows_only=group_rows_only),
        logo_path=model.logo_path,
        generated_on=generated_on,
        progress=progress,
    )


def cerfa_story(model: CerfaReport, *, group_rows_only: bool = False) -> list[Flowable]:
    """The three feuillets as flowables (for :func:`build_cerfa15059` or a bundle)."""
    story: list[Flowable] = []
    if model.draft:
        story.append(DraftWatermark())
    story += title_block(DOCUMENT_TITLE, f"{FORM_NUMBER} — {model.grant.title}")
    if model.draft:
        story.append(
            para(
                f"{DRAFT_MARK} : la subvention est au statut « {model.grant.status_label} » ; "
                "ce compte rendu n'est qu'un aperçu.",
                get_styles().h2,
            )
        )
    story.append(para(LEGAL_BASIS, get_styles().small))
    story.append(para(THREE_SHEETS, get_styles().small))
    story += _identification(model)
    story += _qualitative(model)
    story.append(PageBreak())
    story += _grid_sheet(model, group_rows_only)
    story.append(PageBreak())
    story += annex_story(model, group_rows_only=group_rows_only)
    return story


# --- feuillet 1 ---------------------------------------------------------------------------------


TO_FILL = "……………………………………"
"""What the form's own fields print when the pole has not recorded them: a line to fill by hand."""

SHEET_1_TEXTS = (
    ("bilan_qualitatif", "Mise en œuvre de l'action"),
    ("beneficiaires", "Bénéficiaires de l'action"),
    ("dates_lieux", "Date(s) et lieu(x) de réalisation de l'action"),
    ("objectifs", "Objectifs et indicateurs d'évaluation"),
)


def _ref(reference: str | None, day: date | None) -> str | None:
    parts = [reference or ""]
    if day is not None:
        parts.append(f"du {date_text(day)}")
    return " ".join(part for part in parts if part) or None


def _identification(model: CerfaReport) -> list[Flowable]:
    """The organisation (the form's fields, a line to fill where unknown) and the grant (rows
    without data are left out: nothing prints « Aucune donnée »)."""
    pole, grant, signatory = model.pole, model.grant, model.signatory
    representative = ", ".join(part for part in (signatory.name, signatory.title) if part)
    organisation = [
        ("Nom de l'organisme", pole.name or TO_FILL),
        ("N° SIRET", pole.siret or TO_FILL),
        ("N° RNA ou à défaut celui du récépissé en préfecture", pole.rna or TO_FILL),
        ("Adresse", pole.address or TO_FILL),
        ("Représentant(e) légal(e)", representative or TO_FILL),
    ]
    if grant.period_start is not None and grant.period_end is not None:
        period: str | None = f"du {date_text(grant.period_start)} au {date_text(grant.period_end)}"
    else:
        period = None
    requested = grant.requested_cents
    voted = grant.voted_cents
    candidates: list[tuple[str, str | None]] = [
        ("Intitulé", grant.title),
        ("Financeur", f"{grant.funder_name} ({grant.funder_type_label})"),
        ("Action ou projet subventionné", grant.project_name or "Fonctionnement du pôle"),
        ("Convention", _ref(grant.convention_ref, grant.convention_date)),
        ("Décision d'attribution", _ref(grant.decision_ref, grant.decision_date)),
        ("Période de l'action", period),
        ("Exercice", grant.exercise_label),
        ("Montant demandé", _amount(requested) if requested is not None else None),
        ("Montant attribué (voté)", _amount(voted) if voted is not None else None),
        ("Montant reçu à ce jour", _amount(grant.received_cents)),
        ("Statut", grant.status_label),
    ]
    subsidy = [(label, value) for label, value in candidates if value]
    return [
        heading("Identification"),
        heading("L'organisme", 2),
        key_value_table(organisation),
        heading("La subvention", 2),
        key_value_table(subsidy),
    ]


def missing_texts(model: CerfaReport) -> list[str]:
    """The sections of feuillet 1 with nothing to print, neither data of the grant nor an
    event of the action to pre-fill them (left out of the PDF; named in a note, and the window
    and the CLI can say what to fill in before sending)."""
    texts, events, sheet = model.texts, model.events, model.sheet
    filled = {
        "bilan_qualitatif": bool(texts.bilan_qualitatif),
        "beneficiaires": bool(texts.beneficiaires)
        or sheet.beneficiaries_count is not None
        or bool(sheet.publics)
        or any(event.participants for event in events),
        "dates_lieux": bool(texts.dates_lieux or sheet.action_dates or sheet.action_places)
        or bool(events),
        "objectifs": bool(sheet.objectives or sheet.indicators),
    }
    return [title for name, title in SHEET_1_TEXTS if not filled[name]]


def _participants(events: Sequence[CerfaEvent]) -> str | None:
    counted = [event for event in events if event.participants]
    if not counted:
        return None
    total = sum(event.participants or 0 for event in counted)
    detail = " ; ".join(
        f"{event.title} ({date_text(event.date)}) : {format_integer(event.participants or 0)}"
        for event in counted
    )
    return (
        f"Environ {format_integer(total)} personnes ont participé aux événements de l'action "
        f"sur la période — {detail}."
    )


def _dates_and_places(model: CerfaReport) -> list[Flowable]:
    """Dates and places apart, from the events of the action in the period."""
    events = model.events
    dates = ", ".join(f"{date_text(event.date)} ({event.title})" for event in events)
    period = model.period
    story: list[Flowable] = [heading("Date(s) de réalisation de l'action", 2)]
    if period is not None:
        story.append(
            para(f"Du {date_text(period.start)} au {date_text(period.end)} ; événements : {dates}.")
        )
    else:
        story.append(para(f"Événements : {dates}."))
    places = list(dict.fromkeys(event.place for event in events if event.place))
    if places:
        story += [heading("Lieu(x) de réalisation de l'action", 2), para(", ".join(places) + ".")]
    return story


def _beneficiaries(model: CerfaReport) -> list[Flowable]:
    """« Quel a été le nombre approximatif de personnes bénéficiaires de l'action ? », by type
    of public; else the participants of the events."""
    sheet, text = model.sheet, model.texts.beneficiaires
    story: list[Flowable] = []
    if sheet.beneficiaries_count is not None:
        story.append(
            para(
                "Nombre approximatif de personnes bénéficiaires de l'action : "
                f"{format_integer(sheet.beneficiaries_count)}."
            )
        )
    if sheet.publics:
        story += data_table(
            ("Type de public", "Nombre"),
            [(public, number_cell(count)) for public, count in sheet.publics],
            (0.75, 0.25),
        )
    if text:
        story.append(para(text))
    if not story:
        participants = _participants(model.events)
        if participants:
            story.append(para(participants))
    return [heading(SHEET_1_TEXTS[1][1], 2), *story] if story else []


def _dates_places(model: CerfaReport) -> list[Flowable]:
    """Dates and places apart: as recorded on the grant, else from the events."""
    sheet, texts = model.sheet, model.texts
    if sheet.action_dates or sheet.action_places:
        story: list[Flowable] = []
        if sheet.action_dates:
            story += [heading("Date(s) de réalisation de l'action", 2), para(sheet.action_dates)]
        if sheet.action_places:
            story += [heading("Lieu(x) de réalisation de l'action", 2), para(sheet.action_places)]
        return story
    if texts.dates_lieux:
        return [heading(SHEET_1_TEXTS[2][1], 2), para(texts.dates_lieux)]
    return _dates_and_places(model) if model.events else []


def _objectives(model: CerfaReport) -> list[Flowable]:
    """« Les objectifs de l'action ont-ils été atteints au regard des indicateurs
    d'évaluation prévus ? » with the table Indicateur / Attendu / Obtenu."""
    sheet = model.sheet
    if not (sheet.objectives or sheet.indicators):
        return []
    story: list[Flowable] = [heading(SHEET_1_TEXTS[3][1], 2)]
    if sheet.objectives:
        story.append(para(sheet.objectives))
    if sheet.indicators:
        story.append(
            para(
                "Les objectifs de l'action ont-ils été atteints au regard des indicateurs "
                "d'évaluation prévus ?",
                get_styles().small,
            )
        )
        story += data_table(
            ("Indicateur", "Attendu", "Obtenu"),
            [tuple(row) for row in sheet.indicators],
            (0.5, 0.25, 0.25),
        )
    return story


def _qualitative(model: CerfaReport) -> list[Flowable]:
    """Feuillet 1, in the form's order: mise en œuvre, beneficiaries (number, by public), dates
    and places apart, objectives and indicators. What the grant leaves empty is pre-filled from
    the events of the action, or left out and named in a note (:func:`missing_texts`)."""
    texts = model.texts
    story: list[Flowable] = [heading("Feuillet 1 — Bilan qualitatif de l'action réalisée")]
    if texts.bilan_qualitatif:
        story += [heading(SHEET_1_TEXTS[0][1], 2), para(texts.bilan_qualitatif)]
    story += _beneficiaries(model)
    story += _dates_places(model)
    story += _objectives(model)
    missing = missing_texts(model)
    if missing:
        story.append(
            para(
                "À compléter sur la subvention avant l'envoi (textes du compte rendu) : "
                + " ; ".join(title.lower() if i else title for i, title in enumerate(missing))
                + ".",
                get_styles().note,
            )
        )
    return story


# --- feuillet 2 ---------------------------------------------------------------------------------


def visible_rows(rows: Sequence[CerfaRow], group_rows_only: bool) -> list[CerfaRow]:
    """The rows printed: all, or only sections, shaded groups, rows outside any group and
    totals (``group_rows_only``)."""
    if not group_rows_only:
        return list(rows)
    return [row for row in rows if not row.is_sub_row]


def _ratio(row: CerfaRow) -> int | None:
    """The row's %, none for the balance line (a ratio of two balances means nothing)."""
    return None if row.is_balance else row.ratio_bp


WHOLE_PERCENT_FROM_BP = 100_000
"""From 1 000 % on, a ratio prints in whole percent (« 5 590 % ») so that it fits its column."""


def ratio_text(basis_points: int | None) -> str:
    """A ratio of the grid: « 93,07 % » (two decimals, so the column lines up), « 5 590 % »
    from :data:`WHOLE_PERCENT_FROM_BP` on, « — » without one; a real minus sign (U+2212)."""
    if basis_points is None:
        return NO_RATIO
    if abs(basis_points) >= WHOLE_PERCENT_FROM_BP:
        whole = round_half_up(Fraction(basis_points, 100)) * 100
        text = format_percent(whole)
    else:
        text = format_percent(basis_points, fixed=True)
    return text.replace("-", MINUS_SIGN)


def _ratio_text(row: CerfaRow) -> str:
    return ratio_text(_ratio(row))


def grid_table(rows: Sequence[CerfaRow], side_title: str) -> Flowable:
    """One block of the grid (charges or produits) as a table with the form's shading."""
    styles = get_styles()
    fonts = styles.fonts
    header = [
        para(side_title, styles.table_header),
        para("Prévision", styles.table_header_right),
        para("Réalisation", styles.table_header_right),
        para("%", styles.table_header_right),
    ]
    data: list[list[object]] = [header]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.25, RULE),
    ]
    for index, row in enumerate(rows, start=1):
        strong = row.level in ("section", "group", "total")
        label_style = styles.cell_bold if strong else styles.cell
        data.append(
            [
                cell_para(row.label, label_style),
                _amount(row.forecast_cents),
                _amount(row.actual_cents),
                _ratio_text(row),
            ]
        )
        if strong:
            commands.append(("FONTNAME", (1, index), (-1, index), fonts.bold))
        for col, cents in ((1, row.forecast_cents), (2, row.actual_cents)):
            if cents == 0:
                commands.append(("TEXTCOLOR", (col, index), (col, index), MUTED))
        if _ratio(row) is None:
            commands.append(("TEXTCOLOR", (3, index), (3, index), MUTED))
        if row.level == "group":
            commands.append(("BACKGROUND", (0, index), (-1, index), SHADE))
        elif row.level == "section":
            commands.append(("LINEABOVE", (0, index), (-1, index), 0.6, ACCENT))
        elif row.level == "total":
            commands += [
                ("BACKGROUND", (0, index), (-1, index), ACCENT_LIGHT),
                ("LINEABOVE", (0, index), (-1, index), 0.8, ACCENT),
            ]
        elif row.parent is not None:
            commands.append(("LEFTPADDING", (0, index), (0, index), _INDENT))
    table = PagedTable(
        data,
        colWidths=[CONTENT_WIDTH * weight for weight in _COL_WEIGHTS],
        repeatRows=1,
        splitByRow=1,
        hAlign="LEFT",
    )
    table.setStyle(commands)
    return table


def share_sentence(model: CerfaReport) -> str:
    """The sentence under the grid: the grant's share of the total income."""
    voted = model.grant_amount_cents
    period = model.period
    if voted and period is not None and not period.whole_grant:
        amount = (
            f"La subvention, pour la période du {date_text(period.start)} au "
            f"{date_text(period.end)} ({_amount(voted)} sur "
            f"{_amount(model.grant.voted_cents or 0)} votés, au prorata des jours),"
        )
    else:
        amount = f"La subvention de {_amount(voted or 0)}"
    if not voted:
        return (
            "Le montant attribué de la subvention n'est pas renseigné : sa part dans le total "
            "des produits ne peut pas être calculée."
        )
    if model.grant_share_bp is None:
        return f"{amount} ne peut pas être rapportée au total des produits réalisés, qui est nul."
    return (
        f"{amount} représente "
        f"{ratio_text(model.grant_share_bp)} du total des produits "
        "(montant attribué ÷ total des produits réalisés, hors contributions en nature)."
    )


def period_text(model: CerfaReport) -> str:
    """« Exercice 2025 — du 01/09/2025 au 31/12/2025 » or « Du 01/09/2025 au 31/08/2026
    (exercices 2025 et 2026) »."""
    period = model.period
    if period is None:
        exercise = model.grant.exercise_label
        return f"Exercice {exercise}" if exercise else "Sans période"
    span = f"du {date_text(period.start)} au {date_text(period.end)}"
    if period.year_label is not None:
        return f"Exercice {period.year_label} — {span}"
    years = model.grant.exercise_label
    several = len(model.grant.exercise_years) > 1
    word = "exercices" if several else "exercice"
    return f"Période de la subvention : {span}" + (f" ({word} {years})" if years else "")


def balance_sentence(model: CerfaReport) -> str | None:
    """The balance in words: excédent, insuffisance or équilibre (réalisation)."""
    balance = model.balance
    if balance is None:
        return None
    cents = balance.actual_cents
    if cents > 0:
        return (
            f"Résultat de l'action : excédent de {_amount(cents)} (les ressources "
            "directes dépassent les charges)."
        )
    if cents < 0:
        return f"Résultat de l'action : insuffisance de {_amount(-cents)}."
    return (
        "Résultat de l'action : équilibre ; les charges non couvertes par les ressources "
        "directes figurent en « Ressources propres affectées à l'action »."
    )


def _grid_sheet(model: CerfaReport, group_rows_only: bool) -> list[Flowable]:
    styles = get_styles()
    story: list[Flowable] = [
        heading("Feuillet 2 — Tableau de synthèse"),
        para(period_text(model), styles.h2),
        para(RATIO_NOTE, styles.small),
    ]
    if group_rows_only:
        story.append(para(GROUPS_ONLY_NOTE, styles.small))
    story.append(spacer(4))
    story.append(
        grid_table(visible_rows(model.charges + model.in_kind_charges, group_rows_only), "Charges")
    )
    # The produits block starts on a new page rather than with two rows at a page's foot.
    story.append(CondPageBreak(_MIN_BLOCK_START))
    story.append(spacer(10))
    produits = visible_rows(model.produits + model.in_kind_produits, group_rows_only)
    if model.balance is not None:
        produits.append(model.balance)
    story.append(grid_table(produits, "Produits"))
    story.append(spacer(8))
    story.append(para(share_sentence(model)))
    balance = balance_sentence(model)
    if balance:
        story.append(para(balance))
    return story
