"""What each kind of import reads: its fields, the header names that find them (French or
English, accents, case and punctuation ignored), the converter of each cell, and which fields
are required. Pure data and pure functions: no database here (see :mod:`.apply`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange import cells
from ptce_desktop.exchange.cells import Converter, normalise


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # French, as the wizard and the messages show it
    convert: Converter
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindSpec:
    key: str  # the CLI's KIND
    label: str
    fields: tuple[FieldSpec, ...]
    #: each group needs at least one of its fields mapped (and, per row, filled)
    required: tuple[tuple[str, ...], ...]

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _f(name: str, label: str, convert: Converter, *aliases: str) -> FieldSpec:
    return FieldSpec(name, label, convert, (label, name, *aliases))


_MEMBER = _f("member", "Membre", cells.text, "nom du membre", "member", "adherent", "structure")
_MEMBER_SIRET = _f("member_siret", "SIRET", cells.siret, "n siret", "numero siret", "no siret")
_YEAR = _f("year", "Exercice", cells.year, "annee", "year", "fiscal year", "exercice comptable")
_SERVICE = _f("service", "Service", cells.text, "service mutualise", "nom du service")
_KEY = _f("key", "Clé", cells.text, "cle de repartition", "key", "allocation key")
_NOTE = _f("note", "Note", cells.text, "notes", "commentaire", "commentaires", "remarque")

MEMBERS = KindSpec(
    "members",
    "Membres",
    (
        _f("name", "Nom", cells.text, "name", "raison sociale", "denomination", "membre",
           "nom du membre", "structure", "member"),
        _f("short_name", "Nom court", cells.text, "sigle", "short name", "acronyme"),
        _f("category", "Catégorie", cells.category, "category", "type de membre"),
        _f("legal_form", "Forme juridique", cells.text, "legal form", "statut juridique"),
        _f("siret", "SIRET", cells.siret, "n siret", "numero siret", "no siret"),
        _f("siren", "SIREN", cells.siren, "n siren", "numero siren"),
        _f("rna", "RNA", cells.rna, "n rna", "numero rna"),
        _f("vat_number", "N° de TVA intracommunautaire", cells.vat_number, "tva intracommunautaire",
           "numero de tva", "n tva", "tva", "vat number", "vat"),
        _f("address", "Adresse", cells.text, "address", "rue"),
        _f("postcode", "Code postal", cells.postcode, "cp", "postcode", "postal code", "zip"),
        _f("city", "Ville", cells.text, "commune", "city", "town"),
        _f("contact_name", "Contact", cells.text, "nom du contact", "contact name",
           "interlocuteur"),
        _f("email", "E-mail", cells.text, "courriel", "mail", "adresse e mail"),
        _f("phone", "Téléphone", cells.phone, "tel", "phone", "telephone portable"),
        _f("joined_on", "Date d'adhésion", cells.date, "adhesion", "entree", "date d entree",
           "joined", "joined on", "member since"),
        _f("left_on", "Date de sortie", cells.date, "sortie", "left", "left on"),
        _f("college", "Collège", cells.text),
        _f("qpv", "QPV", cells.boolean, "quartier prioritaire"),
        _f("notes", "Notes", cells.text, "note", "remarques", "commentaire", "commentaires"),
    ),
    (("name",),),
)  # fmt: skip

MEMBER_FIGURES = KindSpec(
    "member-figures",
    "Chiffres annuels des membres",
    (
        _MEMBER,
        _MEMBER_SIRET,
        _YEAR,
        _f("headcount", "Effectif", cells.integer, "effectifs", "salaries", "headcount"),
        _f("etp_milli", "ETP", cells.units, "equivalents temps plein", "fte"),
        _f("jobs_created", "Emplois créés", cells.integer, "jobs created"),
        _f("jobs_maintained", "Emplois maintenus", cells.integer, "jobs maintained"),
        _f("volunteers", "Bénévoles", cells.integer, "volunteers"),
        _f("turnover_cents", "Chiffre d'affaires", cells.money, "ca", "turnover"),
    ),
    (("member", "member_siret"), ("year",)),
)

SERVICES = KindSpec(
    "services",
    "Services mutualisés",
    (
        _f("name", "Service", cells.text, "nom", "name", "nom du service", "service mutualise"),
        _f("category", "Catégorie", cells.text, "category"),
        _f("description", "Description", cells.text),
        _f("vat_regime", "Régime de TVA", cells.vat_regime, "regime tva", "vat regime", "tva"),
        _f("vat_rate_bp", "Taux de TVA", cells.percent, "taux tva", "vat rate"),
        _KEY,
        _f("carrier", "Porteur", cells.text, "membre porteur", "carrier"),
        _f("active_from", "Actif du", cells.date, "debut", "active from", "date de debut"),
        _f("active_to", "Actif jusqu'au", cells.date, "fin", "active to", "date de fin"),
    ),
    (("name",),),
)

BUDGETS = KindSpec(
    "budgets",
    "Budgets des services",
    (
        _SERVICE,
        _YEAR,
        _f("amount_cents", "Budget", cells.money, "montant", "amount", "budget annuel"),
    ),
    (("service",), ("year",), ("amount_cents",)),
)

KEYS = KindSpec(
    "keys",
    "Version d'une clé de répartition",
    (
        _KEY,
        _f("valid_from", "Valable à partir du", cells.date, "a partir du", "valid from",
           "depuis", "date"),
        _MEMBER,
        _MEMBER_SIRET,
        _f("units", "Unités", cells.units, "units", "valeur", "quantite", "m2", "surface",
           "etp"),
        _f("percent", "Pourcentage", cells.percent, "percent", "%", "part", "taux"),
        _f("method", "Méthode", cells.key_method, "method"),
    ),
    (("member", "member_siret"), ("units", "percent")),
)  # fmt: skip

USAGE = KindSpec(
    "usage",
    "Relevés d'utilisation",
    (
        _KEY,
        _MEMBER,
        _MEMBER_SIRET,
        _f("on", "Date", cells.date, "le", "on", "jour", "date du releve"),
        _f("quantity_milli", "Quantité", cells.units, "quantity", "heures", "hours",
           "consommation", "usage"),
        _NOTE,
    ),
    (("key",), ("member", "member_siret"), ("on",), ("quantity_milli",)),
)  # fmt: skip

COSTS = KindSpec(
    "costs",
    "Charges",
    (
        _SERVICE,
        _f("invoice_date", "Date de facture", cells.date, "date facture", "date",
           "invoice date"),
        _f("period_start", "Début de période", cells.date, "periode du", "du",
           "period start"),
        _f("period_end", "Fin de période", cells.date, "periode au", "au", "period end"),
        _f("label", "Libellé", cells.text, "label", "objet", "designation", "intitule"),
        _f("supplier", "Fournisseur", cells.text, "supplier"),
        _f("ht_cents", "HT", cells.money, "montant ht", "amount excl vat", "excl vat"),
        _f("vat_cents", "TVA", cells.money, "montant tva", "vat"),
        _f("ttc_cents", "TTC", cells.money, "montant ttc", "montant", "amount", "total",
           "amount incl vat"),
        _f("payment_date", "Date de paiement", cells.date, "paye le", "payment date",
           "date de reglement"),
        _f("cerfa_code", "Compte", cells.text, "ligne cerfa", "cerfa", "account",
           "compte comptable"),
        _f("invoice_ref", "N° de facture", cells.text, "numero de facture", "facture",
           "reference", "ref", "invoice ref", "invoice number"),
    ),
    (("service",), ("invoice_date",), ("label",), ("ttc_cents", "ht_cents")),
)  # fmt: skip

PAYMENTS = KindSpec(
    "payments",
    "Règlements",
    (
        _MEMBER,
        _MEMBER_SIRET,
        _f("date", "Date", cells.date, "date de reglement", "date du reglement",
           "payment date", "le"),
        _f("amount_cents", "Montant", cells.money, "amount", "credit", "somme"),
        _f("method", "Mode", cells.payment_method, "mode de reglement", "moyen de paiement",
           "method", "payment method"),
        _f("reference", "Référence", cells.text, "ref", "libelle", "label"),
        _NOTE,
    ),
    (("member", "member_siret"), ("date",), ("amount_cents",)),
)  # fmt: skip

GRANT_INSTALMENTS = KindSpec(
    "grant-instalments",
    "Versements de subventions",
    (
        _f("grant", "Subvention", cells.text, "intitule de la subvention", "grant", "dossier"),
        _f("funder", "Financeur", cells.text, "funder", "organisme"),
        _f("date", "Date", cells.date, "date du versement", "date de reception", "received on"),
        _f("amount_cents", "Montant", cells.money, "amount", "montant verse", "somme"),
        _f("reference", "Référence", cells.text, "ref", "libelle", "reference"),
    ),
    (("grant",), ("date",), ("amount_cents",)),
)

KINDS: dict[str, KindSpec] = {
    spec.key: spec
    for spec in (
        MEMBERS, MEMBER_FIGURES, SERVICES, BUDGETS, KEYS, USAGE, COSTS, PAYMENTS,
        GRANT_INSTALMENTS,
    )
}  # fmt: skip


def kind_spec(key: str) -> KindSpec:
    spec = KINDS.get(key)
    if spec is None:
        raise PtceError("import_unknown_kind", value=key, choices=", ".join(KINDS))
    return spec


#: field name -> column index in the file (fields absent from the mapping are not read)
Mapping_ = dict[str, int]


def auto_map(spec: KindSpec, headers: Sequence[str]) -> Mapping_:
    """Each field to the first column whose header is one of its names (exact normalised
    match first, then a header starting with a name: « Montant TTC (€) » finds ``TTC``)."""
    normalised = [normalise(h) for h in headers]
    mapping: Mapping_ = {}
    taken: set[int] = set()
    for exact in (True, False):
        for field in spec.fields:
            if field.name in mapping:
                continue
            names = [normalise(a) for a in field.aliases]
            for index, header in enumerate(normalised):
                if index in taken or not header:
                    continue
                if (exact and header in names) or (
                    not exact and any(len(n) > 2 and header.startswith(n + " ") for n in names)
                ):
                    mapping[field.name] = index
                    taken.add(index)
                    break
    return mapping


def ignored_columns(headers: Sequence[str], mapping: Mapping[str, int]) -> tuple[str, ...]:
    used = set(mapping.values())
    return tuple(h for i, h in enumerate(headers) if i not in used and h.strip())


def missing_required(
    spec: KindSpec, mapping: Mapping[str, int], provided: Sequence[str] = ()
) -> list[str]:
    """Labels of the required groups with no mapped column (``provided``: fields given by
    options, such as ``--key``)."""
    missing = []
    for group in spec.required:
        if not any(name in mapping or name in provided for name in group):
            missing.append(" ou ".join(spec.field(name).label for name in group))
    return missing
