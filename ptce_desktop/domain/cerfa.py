"""The budget grid of the Cerfa 15059*02 (compte rendu financier de subvention), as data.

:data:`CERFA_GRID` is the printed grid, row for row, in print order (research/
cerfa-and-reports.md §1.3; labels marked INF there must be checked against the official PDF
before release, which is why they live here, once). :data:`ACCOUNT_LINES` are the finer
accounts a cost or a forecast can be booked on (601, 606, 614…); each rolls into one printed row
(``prints_in``). Shaded rows (``group=True``) are the account groups: the form allows filling
only those ("group totals only" mode).

In-kind contributions (86/87) print below the totals. Their account numbers differ between the
Cerfa (870 Bénévolat, 875 Dons en nature) and the 2018 chart of accounts (870 Dons en nature,
875 Bénévolat), so they are mapped by nature (:data:`IN_KIND_NATURE_TO_CERFA`), never by a
number typed elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ptce_desktop.domain.errors import PtceError

Side = Literal["charges", "produits"]
Level = Literal["section", "group", "line", "total"]


@dataclass(frozen=True)
class CerfaLine:
    """One row of the grid, or one account that rolls into a row.

    ``code``: the account ("613", "60") or a stable name for rows without one
    ("74_region", "ci_fixes", "total_charges"). ``group``: shaded account-group row.
    ``parent``: the group or section it belongs to. ``in_kind``: 86/87 block.
    ``printed``: a row of the form; ``prints_in``: the printed row its amounts go to
    (itself when printed).
    """

    code: str
    label_fr: str
    side: Side
    level: Level
    group: bool = False
    parent: str | None = None
    in_kind: bool = False
    printed: bool = True
    prints_in: str = ""

    @property
    def target(self) -> str:
        """The printed row that receives this line's amounts."""
        return self.prints_in or self.code


def _g(
    code: str, label: str, side: Side, parent: str | None = None, *, in_kind: bool = False
) -> CerfaLine:
    return CerfaLine(code, f"{code} – {label}", side, "group", True, parent, in_kind)


def _l(code: str, label: str, side: Side, parent: str, in_kind: bool = False) -> CerfaLine:
    return CerfaLine(code, label, side, "line", False, parent, in_kind)


def _s(code: str, label: str, side: Side) -> CerfaLine:
    return CerfaLine(code, label, side, "section")


def _t(code: str, label: str, side: Side) -> CerfaLine:
    return CerfaLine(code, label, side, "total")


_C: Side = "charges"
_P: Side = "produits"

CHARGES_GRID: tuple[CerfaLine, ...] = (
    _s("charges_directes", "Charges directes affectées à l'action", _C),
    _g("60", "Achats", _C, "charges_directes"),
    _l("604", "Prestations de services", _C, "60"),
    _l("601", "Achats matières et fournitures", _C, "60"),
    _l("60x", "Autres fournitures", _C, "60"),
    _g("61", "Services extérieurs", _C, "charges_directes"),
    _l("613", "Locations", _C, "61"),
    _l("615", "Entretien et réparation", _C, "61"),
    _l("616", "Assurance", _C, "61"),
    _l("618", "Documentation", _C, "61"),
    # Not a row of the form: 61 has no sub-row for 611, 612, 614, 617, so without it the
    # group row would exceed the sum of its printed sub-rows (like 60x and 62x do for 60, 62).
    _l("61x", "Sous-traitance, charges locatives, autres", _C, "61"),
    _g("62", "Autres services extérieurs", _C, "charges_directes"),
    _l("622", "Rémunérations intermédiaires et honoraires", _C, "62"),
    _l("623", "Publicité, publication", _C, "62"),
    _l("625", "Déplacements, missions", _C, "62"),
    _l("62x", "Services bancaires, autres", _C, "62"),
    _g("63", "Impôts et taxes", _C, "charges_directes"),
    _l("631", "Impôts et taxes sur rémunération", _C, "63"),
    _l("635", "Autres impôts et taxes", _C, "63"),
    _g("64", "Charges de personnel", _C, "charges_directes"),
    _l("641", "Rémunération des personnels", _C, "64"),
    _l("645", "Charges sociales", _C, "64"),
    _l("647", "Autres charges de personnel", _C, "64"),
    _g("65", "Autres charges de gestion courante", _C, "charges_directes"),
    _g("66", "Charges financières", _C, "charges_directes"),
    _g("67", "Charges exceptionnelles", _C, "charges_directes"),
    _g("68", "Dotation aux amortissements", _C, "charges_directes"),
    _s("charges_indirectes", "Charges indirectes affectées à l'action", _C),
    _l("ci_fixes", "Charges fixes de fonctionnement", _C, "charges_indirectes"),
    _l("ci_financieres", "Frais financiers", _C, "charges_indirectes"),
    _l("ci_autres", "Autres", _C, "charges_indirectes"),
    _t("total_charges", "Total des charges", _C),
    _g("86", "Emplois des contributions volontaires en nature", _C, in_kind=True),
    _l("860", "860 – Secours en nature", _C, "86", in_kind=True),
    _l("861", "861 – Mise à disposition gratuite de biens et services", _C, "86", True),
    _l("862", "862 – Prestations", _C, "86", in_kind=True),
    _l("864", "864 – Personnel bénévole", _C, "86", in_kind=True),
    _t("total_general_charges", "TOTAL", _C),
)

PRODUITS_GRID: tuple[CerfaLine, ...] = (
    _s("ressources_directes", "Ressources directes affectées à l'action", _P),
    _g(
        "70",
        "Vente de produits finis, de marchandises, prestations de services",
        _P,
        "ressources_directes",
    ),
    _g("73", "Dotations et produits de tarification", _P, "ressources_directes"),
    _g("74", "Subventions d'exploitation", _P, "ressources_directes"),
    _l("74_etat", "État : préciser le(s) ministère(s) sollicité(s)", _P, "74"),
    _l("74_region", "Région(s)", _P, "74"),
    _l("74_departement", "Département(s)", _P, "74"),
    _l("74_epci", "Intercommunalité(s) : EPCI", _P, "74"),
    _l("74_commune", "Commune(s)", _P, "74"),
    _l("74_organisme_social", "Organismes sociaux (détailler)", _P, "74"),
    _l("74_fonds_europeen", "Fonds européens", _P, "74"),
    _l(
        "74_asp",
        "L'agence de services et de paiement (ex-CNASEA - emplois aidés)",
        _P,
        "74",
    ),
    _l("74_autre_public", "Autres établissements publics", _P, "74"),
    _l("74_prive", "Aides privées", _P, "74"),
    _g("75", "Autres produits de gestion courante", _P, "ressources_directes"),
    _l("75_dont", "Dont cotisations, dons manuels ou legs", _P, "75"),
    _g("76", "Produits financiers", _P, "ressources_directes"),
    _g("77", "Produits exceptionnels", _P, "ressources_directes"),
    _g(
        "78",
        "Report ressources non utilisées d'opérations antérieures",
        _P,
        "ressources_directes",
    ),
    CerfaLine("ressources_propres", "Ressources propres affectées à l'action", _P, "line"),
    _t("total_produits", "Total des produits", _P),
    _g("87", "Contributions volontaires en nature", _P, in_kind=True),
    _l("870", "870 – Bénévolat", _P, "87", in_kind=True),
    _l("871", "871 – Prestations en nature", _P, "87", in_kind=True),
    _l("875", "875 – Dons en nature", _P, "87", in_kind=True),
    _t("total_general_produits", "TOTAL", _P),
)

CERFA_GRID: tuple[CerfaLine, ...] = CHARGES_GRID + PRODUITS_GRID
"""Every printed row, charges block then produits block, in print order."""


def _a(code: str, label: str, side: Side, parent: str, prints_in: str) -> CerfaLine:
    return CerfaLine(code, label, side, "line", False, parent, False, False, prints_in)


# Accounts of the associations' chart (PCA 2018) that the grid does not print on their own.
# Where the grid has no matching sub-row the account rolls into its shaded group row.
ACCOUNT_LINES: tuple[CerfaLine, ...] = (
    _a("602", "Achats stockés d'autres approvisionnements", _C, "60", "60x"),
    _a("605", "Achats de matériel, équipements et travaux", _C, "60", "60x"),
    _a("606", "Achats non stockés de matières et fournitures", _C, "60", "60x"),
    _a("607", "Achats de marchandises", _C, "60", "60x"),
    _a("611", "Sous-traitance générale", _C, "61", "61x"),
    _a("612", "Redevances de crédit-bail", _C, "61", "61x"),
    _a("614", "Charges locatives et de copropriété", _C, "61", "61x"),
    _a("617", "Études et recherches", _C, "61", "61x"),
    _a("621", "Personnel extérieur à l'association", _C, "62", "62x"),
    _a("624", "Transports de biens et transports collectifs du personnel", _C, "62", "62x"),
    _a("626", "Frais postaux et de télécommunications", _C, "62", "62x"),
    _a("627", "Services bancaires et assimilés", _C, "62", "62x"),
    _a("628", "Divers (cotisations, frais de recrutement…)", _C, "62", "62x"),
    _a("633", "Impôts, taxes et versements assimilés sur rémunérations (autres)", _C, "63", "631"),
    _a("637", "Autres impôts, taxes et versements assimilés", _C, "63", "635"),
    _a("648", "Autres charges de personnel (divers)", _C, "64", "647"),
    _a("651", "Redevances pour concessions, brevets, licences…", _C, "65", "65"),
    _a("657", "Subventions versées par l'association", _C, "65", "65"),
    _a("658", "Charges diverses de gestion courante", _C, "65", "65"),
    _a("681", "Dotations aux amortissements, dépréciations et provisions", _C, "68", "68"),
    _a("686", "Dotations financières aux amortissements et provisions", _C, "68", "68"),
    _a("687", "Dotations exceptionnelles aux amortissements et provisions", _C, "68", "68"),
    # 69 is on the 12156*06 only; research §2 maps it into 63 (or 67): 63 chosen, on its
    # sub-row "Autres impôts et taxes" so that 63 stays the sum of its sub-rows.
    _a("69", "Impôt sur les bénéfices ; participation des salariés", _C, "63", "635"),
    _a("706", "Prestations de services", _P, "70", "70"),
    _a("707", "Ventes de marchandises", _P, "70", "70"),
    _a("708", "Produits des activités annexes", _P, "70", "70"),
    _a("754", "Dons manuels", _P, "75", "75_dont"),
    _a("756", "Cotisations", _P, "75", "75_dont"),
    _a("757", "Legs et donations", _P, "75", "75_dont"),
    _a("758", "Dons manuels, mécénat", _P, "75", "75_dont"),
    _a("789", "Report de ressources non utilisées des exercices antérieurs", _P, "78", "78"),
    # 79 is on the 12156*06 only; research §2 puts it into own resources.
    _a("79", "Transferts de charges", _P, "ressources_propres", "ressources_propres"),
)

_BY_CODE: dict[str, CerfaLine] = {line.code: line for line in CERFA_GRID + ACCOUNT_LINES}

CHARGE_SUBLINES: tuple[str, ...] = tuple(
    sorted(
        line.code
        for line in CERFA_GRID + ACCOUNT_LINES
        if line.side == "charges"
        and not line.in_kind
        and line.code[:2].isdigit()
        and line.code not in {"60", "61", "62", "63", "64", "60x", "61x", "62x"}
    )
)
"""Codes a cost can be booked on: accounts, and the groups 65–68 used as accounts
(not 60–64 whose sub-rows must be chosen, nor the catch-alls 60x/61x/62x, nor 86, nor
the indirect charges which come from the grant's overhead rule)."""

FUNDER_TYPE_TO_CERFA: dict[str, str] = {
    "etat": "74_etat",
    "region": "74_region",
    "departement": "74_departement",
    "epci": "74_epci",
    "commune": "74_commune",
    "organisme_social": "74_organisme_social",
    "fonds_europeen": "74_fonds_europeen",
    "asp": "74_asp",
    "autre_public": "74_autre_public",
    "prive": "74_prive",
}
"""Funder type (DESIGN §2) -> its sub-row of 74 Subventions d'exploitation."""

IN_KIND_NATURE_TO_CERFA: dict[str, tuple[str, str]] = {
    "volunteering": ("864", "870"),  # personnel bénévole / bénévolat
    "premises_goods_lent": ("861", "871"),  # mise à disposition gratuite / prestations en nature
    "services": ("862", "871"),  # prestations / prestations en nature
    "gifts_in_kind": ("860", "875"),  # secours en nature / dons en nature
}
"""Nature of an in-kind contribution -> (row under 86, row under 87) of the Cerfa."""

MEMBERSHIP_FEES_ROW = "75_dont"
SHARED_SERVICE_INCOME_ROW = "70"
REDISTRIBUTION_ROW = "65"  # 657 subventions versées, printed in 65


_CATEGORY_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("loyer", "locaux", "local", "bureau", "salle", "location"), "613"),
    (("assurance",), "616"),
    (("entretien", "nettoyage", "ménage", "menage", "réparation", "reparation"), "615"),
    (("communication", "publicité", "publicite", "impression", "publication"), "623"),
    (("mobilité", "mobilite", "déplacement", "deplacement", "transport", "véhicule"), "625"),
    (("informatique", "logiciel", "téléphon", "telephon", "internet", "postaux"), "626"),
    (("honoraire", "comptab", "juridique", "gestion", "accueil", "secrétariat"), "622"),
    (("emploi", "salaire", "personnel", "animation", "rémunération"), "641"),
    (("fourniture", "matériel", "materiel", "achat", "équipement"), "606"),
)


def proposed_line(*texts: str | None) -> str | None:
    """A Cerfa account proposed for a cost without one, from words of its service's category
    or name (« Locaux » → 613 Locations); ``None`` when no word matches. Only a proposal: the
    user confirms it on the cost."""
    words = " ".join(text.casefold() for text in texts if text)
    for needles, code in _CATEGORY_WORDS:
        if any(needle in words for needle in needles):
            return code
    return None


def cerfa_line(code: str) -> CerfaLine:
    """The row or account ``code``; raises ``unknown_cerfa_line``."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise PtceError("unknown_cerfa_line", "cerfa_line", value=code) from None


def children(code: str) -> tuple[CerfaLine, ...]:
    """The printed rows directly under a group or section, in print order."""
    return tuple(line for line in CERFA_GRID if line.parent == code)


def grid(side: Side, *, in_kind: bool | None = None) -> tuple[CerfaLine, ...]:
    """The printed rows of one side; ``in_kind`` filters the 86/87 block in or out."""
    return tuple(
        line
        for line in CERFA_GRID
        if line.side == side and (in_kind is None or line.in_kind == in_kind)
    )
