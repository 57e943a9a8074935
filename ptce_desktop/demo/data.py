"""Fixed tables of the demo pole (see :mod:`.demo`): names, categories, keys, services, grants.

Everything is fictional: the pole, its members, their SIRET numbers (valid checksums, computed)
and its bank account. The shape follows what the press describes of poles such as Pôle Sud
(groupe Archer, Romans-sur-Isère, Drôme): a lead association that carries the animation and the
money, ESS enterprises of several kinds, a few ordinary firms, local authorities, a training
body, a research lab and a network, pooling premises, reception, accounting, vehicles and staff.

Names read like a real pole's (a coordinator explores the demo first) and still hold accents,
``&``, ``'``, « » and one name longer than 120 characters, so every screen and PDF meets them;
the deliberately hostile names (``<…>`` markup) live in the test factories.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

D = dt.date

#: The demo's "today": nothing depends on the real date.
DEMO_TODAY = D(2026, 6, 30)
#: Seed of the one random generator the demo draws from.
DEMO_SEED = 2026_06_30
DEMO_YEARS = (2024, 2025, 2026)

LONG_NAME = (
    "Association intercommunale pour l'accompagnement, l'insertion professionnelle et la "
    "mobilité solidaire des habitants de la vallée de la Drôme et du Vercors"
)


@dataclass(frozen=True)
class DemoMember:
    tag: str
    name: str
    category: str
    legal_form: str
    city: str
    postcode: str
    joined_on: dt.date
    college: str
    headcount: int
    etp_milli: int
    volunteers: int
    turnover_k: int  # declared turnover, thousands of euros
    payer: str  # payment behaviour, see demo._pay
    left_on: dt.date | None = None
    short_name: str | None = None
    association: bool = False
    qpv: bool = False


ESS = "ess_enterprise"
NON_ESS = "non_ess_enterprise"
COLLEGE_ESS = "Collège des structures de l'ESS"
COLLEGE_FIRMS = "Collège des entreprises"
COLLEGE_PUBLIC = "Collège des partenaires publics & académiques"

MEMBERS: tuple[DemoMember, ...] = (
    DemoMember(
        "archipel", "Archipel Drôme – Entreprendre & Coopérer", ESS, "Association loi 1901",
        "Crest", "26400", D(2016, 9, 1), COLLEGE_ESS, 14, 12_400, 25, 980, "prompt",
        short_name="Archipel", association=True,
    ),
    DemoMember(
        "ateliers", "SCOP Les Ateliers du Vercors", ESS, "SCOP SARL", "La Chapelle-en-Vercors",
        "26420", D(2017, 1, 15), COLLEGE_ESS, 11, 10_200, 0, 1_450, "debit",
        short_name="Ateliers du Vercors",
    ),
    DemoMember(
        "energies", "SCIC Énergies Citoyennes de la Drôme", ESS, "SCIC SAS", "Die", "26150",
        D(2018, 4, 1), COLLEGE_ESS, 6, 5_300, 40, 720, "prompt", short_name="Énergies Citoyennes",
    ),
    DemoMember(
        "recyclerie", "Chantier d'insertion « La Recyclerie du Diois »", ESS,
        "Association (atelier et chantier d'insertion)", "Die", "26150", D(2017, 6, 1),
        COLLEGE_ESS, 28, 19_600, 12, 610, "prompt", short_name="Recyclerie du Diois",
        association=True,
    ),
    DemoMember(
        "epicerie", "L'Épicerie solidaire « Le Panier d'Ici »", ESS, "Association loi 1901",
        "Romans-sur-Isère", "26100", D(2019, 1, 10), COLLEGE_ESS, 5, 3_600, 45, 240, "partial",
        short_name="Panier d'Ici", association=True, qpv=True,
    ),
    DemoMember(
        "aiims", LONG_NAME, ESS, "Association loi 1901", "Crest", "26400", D(2018, 9, 1),
        COLLEGE_ESS, 9, 7_800, 18, 530, "prompt", short_name="AIIMS Drôme-Vercors",
        association=True,
    ),
    DemoMember(
        "velodrome", "Association Vélo'Drôme – atelier vélo participatif", ESS,
        "Association loi 1901", "Crest", "26400", D(2019, 5, 1), COLLEGE_ESS, 3, 2_100, 30, 120,
        "prompt", left_on=D(2025, 9, 30), short_name="Vélo'Drôme", association=True,
    ),
    DemoMember(
        "mobilethique", "SCOP Mobil'Éthique – garage solidaire", ESS, "SCOP SA", "Valence",
        "26000", D(2025, 7, 1), COLLEGE_ESS, 4, 3_500, 0, 310, "prompt",
        short_name="Mobil'Éthique",
    ),
    DemoMember(
        "dupont", "Établissements Dupont & Fils", NON_ESS, "SARL", "Aouste-sur-Sye", "26400",
        D(2018, 10, 1), COLLEGE_FIRMS, 17, 16_000, 0, 2_900, "late", short_name="Dupont & Fils",
    ),
    DemoMember(
        "chabert", "Menuiserie Chabert & Associés", NON_ESS, "SAS", "Saillans", "26340",
        D(2020, 2, 1), COLLEGE_FIRMS, 8, 7_500, 0, 1_100, "debit", short_name="Chabert",
    ),
    DemoMember(
        "commune", "Commune de Crest", "local_authority", "Commune", "Crest", "26400",
        D(2016, 9, 1), COLLEGE_PUBLIC, 0, 0, 0, 0, "public",
    ),
    DemoMember(
        "ccdv", "Communauté de communes Drôme-Vercors-Gervanne", "local_authority",
        "EPCI à fiscalité propre", "Crest", "26400", D(2017, 3, 1), COLLEGE_PUBLIC, 0, 0, 0, 0,
        "public_slow", short_name="CC Drôme-Vercors",
    ),
    DemoMember(
        "formation", "Compétences & Territoires – organisme de formation", "training",
        "Association loi 1901", "Valence", "26000", D(2019, 9, 1), COLLEGE_PUBLIC, 7, 5_900, 4,
        680, "prompt", short_name="Compétences & Territoires", association=True,
    ),
    DemoMember(
        "labo", "Laboratoire Coopérations, Territoires & Innovation sociale (LaCTIS)", "research",
        "Unité de recherche universitaire", "Valence", "26000", D(2020, 10, 1), COLLEGE_PUBLIC,
        0, 0, 0, 0, "public", short_name="LaCTIS",
    ),
    DemoMember(
        "reseau", "Réseau Drôme Solidaire – ESS & Territoires", "network", "Association loi 1901",
        "Valence", "26000", D(2016, 9, 1), COLLEGE_PUBLIC, 3, 2_400, 12, 190, "prompt",
        short_name="Réseau Drôme Solidaire", association=True,
    ),
    DemoMember(
        "cma", "Chambre de métiers et de l'artisanat de la Drôme", "other",
        "Établissement public administratif", "Valence", "26000", D(2021, 1, 1), COLLEGE_PUBLIC,
        0, 0, 0, 0, "public", short_name="CMA Drôme",
    ),
    DemoMember(
        "personne", "Marie-Hélène Dubois-Laurent", "person", "Personne qualifiée", "Saillans",
        "26340", D(2022, 6, 1), "Collège des personnes qualifiées", 0, 0, 0, 0, "prompt",
    ),
)  # fmt: skip

POLE = {
    "name": "Pôle Coopératif Drôme-Vercors",
    "territory": "Vallée de la Drôme, Vercors et agglomération Valence-Romans (Drôme)",
    "address": "Maison de la Coopération, 12 rue de l'Industrie",
    "postcode": "26400",
    "city": "Crest",
    "email": "contact@pole-drome-vercors.example",
    "phone": "04 75 00 12 34",
    "website": "https://pole-drome-vercors.example",
    "rna": "W261004321",
    "bic": "CCOPFRPPXXX",
    "legal_rep_name": "Claire Fauré-Lambert",
    "legal_rep_title": "Présidente",
}

# --- allocation keys (name, method, unit, versions: valid_from -> member tag -> value) --------
# Units are thousandths (m², ETP, seats), 1 marks a participant of an equal key.


@dataclass(frozen=True)
class DemoKey:
    tag: str
    name: str
    method: str
    unit: str | None
    description: str
    versions: tuple[tuple[dt.date, dict[str, int]], ...] = ()
    parts: tuple[tuple[str, int], ...] = ()  # mixed: (key tag, weight in basis points)


_M2_2024 = {"archipel": 180, "aiims": 95, "velodrome": 60, "epicerie": 40, "reseau": 35,
            "formation": 70, "dupont": 25, "recyclerie": 45, "commune": 30}  # fmt: skip
_M2_2025 = {**_M2_2024, "archipel": 165, "aiims": 110, "formation": 55, "dupont": 40,
            "mobilethique": 50}  # fmt: skip
_ETP_2024 = {"archipel": 6500, "aiims": 4200, "velodrome": 1500, "reseau": 2000,
             "formation": 3000, "epicerie": 2800, "dupont": 1000}  # fmt: skip
_ETP_2025 = {**_ETP_2024, "aiims": 4800, "formation": 2600, "mobilethique": 3000}
_SEATS_2024 = {"archipel": 8, "aiims": 5, "reseau": 3, "formation": 4, "velodrome": 2,
               "epicerie": 2, "energies": 3}  # fmt: skip
_SEATS_2025 = {**_SEATS_2024, "aiims": 6, "mobilethique": 2, "labo": 1}
_COMMUNICATION = {"archipel": 2000, "ccdv": 1000, "reseau": 2000, "aiims": 1500, "recyclerie": 1500,
                  "energies": 1000, "ateliers": 1000}  # fmt: skip
_ACCOUNTING = ("archipel", "aiims", "velodrome", "epicerie", "reseau", "recyclerie", "energies")
_RESIDENTS = tuple(_M2_2025)

KEYS: tuple[DemoKey, ...] = (
    DemoKey(
        "m2", "Surface occupée (m²)", "units", "m²",
        "Mètres carrés occupés à la Maison de la Coopération (état des lieux annuel).",
        ((D(2024, 1, 1), {t: v * 1000 for t, v in _M2_2024.items()}),
         (D(2025, 1, 1), {t: v * 1000 for t, v in _M2_2025.items()})),
    ),
    DemoKey(
        "etp", "Effectif salarié (ETP)", "units", "ETP",
        "Équivalents temps plein déclarés par chaque structure utilisatrice de l'accueil.",
        ((D(2024, 1, 1), _ETP_2024), (D(2025, 7, 1), _ETP_2025)),
    ),
    DemoKey(
        "equal", "Parts égales – comptabilité", "equal", None,
        "Chaque structure adhérente au service comptable paie la même part.",
        ((D(2024, 1, 1), dict.fromkeys(_ACCOUNTING, 1)),
         (D(2025, 7, 1), dict.fromkeys((*_ACCOUNTING, "mobilethique"), 1))),
    ),
    DemoKey(
        "residents", "Parts égales – résidents de la Maison", "equal", None,
        "Chaque structure hébergée à la Maison de la Coopération paie la même part.",
        ((D(2024, 1, 1), dict.fromkeys(_RESIDENTS, 1)),),
    ),
    DemoKey("km", "Kilomètres parcourus", "usage", "km",
            "Relevé mensuel des carnets de bord des véhicules partagés."),
    DemoKey("hours", "Heures de mise à disposition", "usage", "h",
            "Heures du personnel mutualisé chez chaque structure (relevé mensuel)."),
    DemoKey(
        "seats", "Postes informatiques", "units", "PC",
        "Nombre de postes de travail et de lignes raccordés au réseau commun.",
        ((D(2024, 1, 1), {t: v * 1000 for t, v in _SEATS_2024.items()}),
         (D(2025, 7, 1), {t: v * 1000 for t, v in _SEATS_2025.items()})),
    ),
    DemoKey(
        "percent", "Pourcentages fixés par la convention", "percent", "%",
        "Répartition de la communication commune votée en assemblée générale.",
        ((D(2024, 1, 1), _COMMUNICATION),),
    ),
    DemoKey(
        "mixed", "Mixte : 30 % parts égales + 70 % surface", "mixed", None,
        "Énergie et entretien : une part fixe égale entre résidents, le reste au m².",
        ((D(2024, 1, 1), {}),), (("residents", 3000), ("m2", 7000)),
    ),
)  # fmt: skip

#: Monthly usage around which the demo draws (km, hours), by member; present members only.
KM_USERS = {"archipel": 900, "aiims": 1400, "recyclerie": 650, "velodrome": 300,
            "mobilethique": 800}  # fmt: skip
HOUR_USERS = {"ateliers": 60, "energies": 35, "recyclerie": 45, "chabert": 50, "dupont": 30}

# --- shared services --------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoService:
    tag: str
    name: str
    key: str
    category: str
    description: str
    budgets: tuple[int, int, int]  # euros for 2024, 2025, 2026
    vat_rate_bp: int = 0  # 0: exempt under CGI art. 261 B
    #: Billing coefficient (ten-thousandths) and « Frais de gestion » rate (basis points),
    #: applied from ``billing_from`` (DESIGN §4b); None: none.
    coefficient_e4: int | None = None
    fee_rate_bp: int | None = None
    billing_from: D | None = None


SERVICES: tuple[DemoService, ...] = (
    DemoService("premises", "Locaux partagés – Maison de la Coopération (Crest)", "m2", "Locaux",
                "540 m² de bureaux, salles de réunion et stockage.", (66_000, 72_000, 74_000)),
    DemoService("reception", "Accueil et secrétariat mutualisés", "etp", "Accueil",
                "Un poste d'accueil à temps plein, courrier, standard.", (45_000, 47_000, 48_000)),
    DemoService("accounting", "Comptabilité et paie mutualisées", "equal", "Gestion",
                "Tenue des comptes et bulletins de paie par un cabinet.", (23_000, 26_000, 30_000)),
    DemoService("vehicles", "Flotte de véhicules partagés", "km", "Mobilité",
                "Trois véhicules utilitaires en location longue durée.", (36_000, 36_000, 40_000)),
    DemoService("staff", "Personnel mutualisé (groupement d'employeurs)", "hours", "Emploi",
                "Trois salariés à temps partagé ; depuis 2025, l'heure est refacturée au coût × "
                "1,08 (absences, formation) plus 3 % de frais de gestion, votés par le conseil.",
                (128_000, 128_000, 136_000), coefficient_e4=10_800, fee_rate_bp=300,
                billing_from=D(2025, 1, 1)),
    DemoService("it", "Informatique, téléphonie et postes de travail", "seats", "Informatique",
                "Réseau, fibre, messagerie, infogérance ; refacturé avec TVA.",
                (19_000, 18_000, 19_000), vat_rate_bp=2000),
    DemoService("energy", "Énergie, entretien et fluides de la Maison", "mixed", "Locaux",
                "Électricité, eau et ménage des parties communes.", (26_000, 27_000, 27_000)),
    DemoService("communication", "Communication commune & site web", "percent", "Communication",
                "Réseaux sociaux, site commun du pôle, rapport d'activité imprimé.",
                (9_000, 9_500, 10_000)),
)  # fmt: skip

#: Fees (€) per member category: 2024, 2025, 2026.
FEES = {
    "ess_enterprise": (150, 160, 160),
    "non_ess_enterprise": (300, 320, 320),
    "local_authority": (500, 500, 550),
    "research": (100, 100, 100),
    "training": (150, 160, 160),
    "network": (100, 100, 100),
    "person": (20, 20, 25),
    "other": (50, 50, 50),
}

# --- costs: monthly lines (service, label, supplier, Cerfa line, HT €, VAT bp, jitter %) -----

MONTHLY_COSTS: tuple[tuple[str, str, str, str, int, int, int], ...] = (
    ("premises", "Loyer – Maison de la Coopération", "SCI Les Remparts de Crest", "613",
     3_850, 2000, 0),
    ("premises", "Charges locatives (provision)", "SCI Les Remparts de Crest", "614", 420, 2000, 0),
    ("reception", "Salaire de l'agent d'accueil", "Paie interne", "641", 2_150, 0, 3),
    ("reception", "Charges sociales de l'accueil", "URSSAF Rhône-Alpes", "645", 890, 0, 3),
    ("accounting", "Honoraires de l'expert-comptable", "Cabinet Comptable Lemoine & Roux",
     "622", 1_150, 2000, 0),
    ("accounting", "Abonnement au logiciel de paie", "Éditions Paie & Cie", "651", 185, 2000, 0),
    ("vehicles", "Carburant", "Station-service du Pont", "606", 680, 2000, 25),
    ("vehicles", "Location longue durée de 3 véhicules", "Loc'Auto Drôme", "612", 1_260, 2000, 0),
    ("staff", "Salaires du personnel mutualisé", "Paie interne", "641", 7_400, 0, 4),
    ("staff", "Charges sociales du personnel mutualisé", "URSSAF Rhône-Alpes", "645", 3_050, 0, 4),
    ("staff", "Frais de déplacement du personnel mutualisé", "Notes de frais", "625", 240, 0, 40),
    ("it", "Fibre et téléphonie", "Opérateur Télécom Sud-Est", "626", 310, 2000, 0),
    ("it", "Hébergement, messagerie et licences", "Coopérative numérique L'Octet", "651", 420,
     2000, 5),
    ("energy", "Électricité", "Enercoop Auvergne-Rhône-Alpes", "606", 640, 2000, 30),
    ("energy", "Ménage des locaux communs", "Net'Drôme services", "611", 980, 2000, 0),
)  # fmt: skip

#: Quarterly lines (first month of the quarter).
QUARTERLY_COSTS: tuple[tuple[str, str, str, str, int, int, int], ...] = (
    ("vehicles", "Entretien et révision des véhicules", "Garage du Diois", "615", 420, 2000, 35),
    ("it", "Contrat d'infogérance", "Coopérative numérique L'Octet", "611", 1_350, 2000, 0),
    ("reception", "Fournitures de bureau", "Papeterie Crestoise", "606", 350, 2000, 30),
    ("energy", "Eau", "Régie des eaux du Crestois", "606", 310, 550, 20),
    ("communication", "Animation des réseaux sociaux", "Agence Web'Coop", "623", 1_100, 2000, 10),
)  # fmt: skip

#: Yearly lines: (month, service, label, supplier, Cerfa line, HT €, VAT bp).
YEARLY_COSTS: tuple[tuple[int, str, str, str, str, int, int], ...] = (
    (1, "premises", "Assurance multirisque des locaux", "MAIF Entreprises & Associations",
     "616", 2_480, 0),
    (1, "vehicles", "Assurance de la flotte automobile", "MACIF Professionnels", "616", 3_900, 0),
    (3, "staff", "Médecine du travail", "Service de santé au travail Drôme", "647", 390, 0),
    (5, "accounting", "Commissariat aux comptes", "Audit Rhône-Alpes & Associés", "622",
     4_200, 2000),
    (9, "it", "Achat de postes de travail", "Informatique Valentinoise", "605", 2_800, 2000),
    (10, "premises", "Taxe foncière refacturée", "SCI Les Remparts de Crest", "635", 3_150, 0),
    (4, "communication", "Impression du rapport d'activité", "Imprimerie du Vercors", "623",
     1_400, 550),
    (2, "communication", "Hébergement et maintenance du site commun", "Coopérative numérique "
     "L'Octet", "651", 1_150, 2000),
    (11, "reception", "Abonnements et documentation", "Revue RECMA & presse locale", "618",
     460, 550),
)  # fmt: skip

#: Occasional repairs drawn each year: (service, label, supplier, Cerfa line).
REPAIRS: tuple[tuple[str, str, str, str], ...] = (
    ("premises", "Réparation de la porte d'entrée", "Menuiserie Chabert & Associés", "615"),
    ("premises", "Remplacement d'un ballon d'eau chaude", "Plomberie Faure", "615"),
    ("energy", "Dépannage du chauffage", "Chauffage & Clim' du Diois", "615"),
    ("vehicles", "Changement des pneus", "Garage du Diois", "615"),
    ("it", "Réparation du copieur", "Bureautique Drôme", "615"),
)

#: The one exceptional call line (DESIGN §4b): the boiler of the Maison de la Coopération gave
#: out in June 2025; the board called its replacement on the T3 2025 call rather than wait for
#: the true-up, and its invoice is entered as a cost of the premises (the true-up deducts it).
#: (service, label, date, amount split in cents, supplier, invoice date, invoice ref, HT, VAT)
EXCEPTIONAL = (
    "premises",
    "Remplacement de la chaudière – Maison de la Coopération",
    D(2025, 6, 12),
    960_000,
    "Chauffage & Clim' du Diois",
    D(2025, 6, 27),
    "CCD-2025-0412",
    800_000,
    160_000,
)

#: Costs of cooperation projects: (project tag, service, label, supplier, Cerfa line, HT €).
PROJECT_COSTS: tuple[tuple[str, str, str, str, str, int], ...] = (
    ("legumerie", "communication", "Plaquette « Légumerie solidaire »", "Imprimerie du Vercors",
     "623", 1_250),
    ("legumerie", "staff", "Déplacements – visites de légumeries", "Notes de frais", "625", 380),
    ("mobilite", "communication", "Site web de la Plateforme mobilité", "Agence Web'Coop", "623",
     2_400),
    ("mobilite", "staff", "Déplacements – comité technique mobilité", "Notes de frais", "625",
     290),
    ("reemploi", "vehicles", "Transport de matériaux de réemploi", "Transports Reynaud",
     "624", 640),
    ("observatoire", "accounting", "Étude statistique – observatoire", "Cabinet Territoires & "
     "Données", "617", 3_200),
)  # fmt: skip

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")  # fmt: skip

# --- activity ---------------------------------------------------------------------------------

PROJECTS: tuple[tuple[str, str, str, dt.date, dt.date | None, str, str, tuple[str, ...]], ...] = (
    ("legumerie", "Légumerie solidaire",
     "Transformer les légumes des maraîchers locaux pour la restauration collective, avec des "
     "salariés en insertion.", D(2024, 3, 1), None, "en_cours", "recyclerie",
     ("epicerie", "commune", "ccdv", "dupont")),
    ("mobilite", "Plateforme mobilité",
     "Location solidaire de véhicules, garage solidaire et conseil en mobilité pour les "
     "personnes en insertion.", D(2024, 9, 1), None, "en_cours", "aiims",
     ("mobilethique", "velodrome", "ccdv", "formation")),
    ("reemploi", "Réemploi des matériaux du BTP",
     "Collecte et revente de matériaux de chantier ; formation de valoriste.", D(2024, 1, 15),
     D(2025, 12, 31), "termine", "recyclerie", ("dupont", "chabert", "energies")),
    ("observatoire", "Observatoire de la coopération territoriale",
     "Mesurer l'effet du pôle sur l'emploi local & les coopérations (indicateurs partagés).",
     D(2025, 1, 1), D(2026, 12, 31), "en_cours", "labo", ("reseau", "archipel")),
)  # fmt: skip

BODIES: tuple[tuple[str, str, str], ...] = (
    ("ca", "Conseil d'administration", "ca"),
    ("copil", "Comité de pilotage du pôle", "copil"),
    ("ag", "Assemblée générale", "ag"),
)

#: Meetings: (body tag, month, day, title) — every year of the demo up to its "today".
MEETINGS: tuple[tuple[str, int, int, str], ...] = (
    ("ca", 1, 23, "Conseil d'administration – budget des services"),
    ("copil", 3, 12, "Comité de pilotage – feuille de route"),
    ("ca", 4, 17, "Conseil d'administration – arrêté des comptes"),
    ("ag", 6, 12, "Assemblée générale ordinaire"),
    ("ca", 9, 18, "Conseil d'administration – clés de répartition"),
    ("copil", 10, 9, "Comité de pilotage – bilan des projets"),
    ("ca", 12, 4, "Conseil d'administration – budget prévisionnel"),
)

EVENTS: tuple[tuple[dt.date, str, str, str, int, str | None], ...] = (
    (D(2024, 5, 24), "Portes ouvertes de la Maison de la Coopération", "Portes ouvertes",
     "Crest", 140, None),
    (D(2024, 11, 14), "Mois de l'ESS : forum « Coopérer & entreprendre »", "Forum", "Valence",
     210, None),
    (D(2025, 3, 27), "Petit-déjeuner des entreprises responsables", "Rencontre", "Aouste-sur-Sye",
     38, "reemploi"),
    (D(2025, 6, 5), "Inauguration de la Légumerie solidaire", "Inauguration", "Die", 160,
     "legumerie"),
    (D(2025, 11, 20), "Mois de l'ESS : journée de la mobilité solidaire", "Forum", "Crest", 95,
     "mobilite"),
    (D(2026, 2, 12), "Atelier de restitution de l'observatoire", "Atelier", "Valence", 45,
     "observatoire"),
    (D(2026, 5, 21), "Fête de la coopération 2026", "Fête", "Crest", 230, None),
)  # fmt: skip

REPORT_TEXTS: dict[int, dict[str, str]] = {
    2025: {
        "edito": (
            "2025 aura été l'année de la consolidation : la Légumerie solidaire a ouvert ses "
            "portes à Die, la Plateforme mobilité a accompagné ses premiers bénéficiaires et "
            "le pôle a accueilli la SCOP Mobil'Éthique. Merci aux bénévoles, aux salariés & aux "
            "partenaires publics qui font vivre la coopération sur notre territoire."
        ),
        "perspectives": (
            "En 2026 : étendre la Plateforme mobilité au Vercors, ouvrir un second site de "
            "réemploi avec les entreprises du BTP, publier les premiers résultats de "
            "l'observatoire et renouveler la convention pluriannuelle avec la Région."
        ),
    },
    2024: {
        "edito": "Une année de lancement : trois projets de coopération et une Maison commune.",
    },
}

# --- funders and grants -----------------------------------------------------------------------

FUNDERS: tuple[tuple[str, str, str, str], ...] = (
    ("region", "Région Auvergne-Rhône-Alpes", "region", "Direction de l'économie sociale"),
    ("etat", "État – DREETS Auvergne-Rhône-Alpes (ministère de l'Économie)", "etat",
     "Service ESS & PTCE"),
    ("departement", "Département de la Drôme", "departement", "Direction de l'insertion"),
    ("fondation", "Fondation Solidarités & Territoires", "prive", "Comité d'engagement"),
    ("fse", "Fonds social européen (FSE+) – programme régional", "fonds_europeen",
     "Service gestionnaire FSE+"),
)  # fmt: skip

GRANT_BUDGETS: dict[str, dict[str, int]] = {
    # Cerfa row -> euros; charges and produits balance.
    # The animation grant funds the pole's general action (its costs without a project) over
    # 2024-2025, so its forecast is the pole's two-year budget, members' payments included.
    "region": {"60x": 50_000, "613": 110_000, "615": 11_000, "616": 12_500, "618": 1_000,
               "622": 44_000, "623": 13_500, "625": 6_000, "62x": 7_500, "635": 6_500,
               "641": 230_000, "645": 95_000, "65": 70_000, "ci_fixes": 100_000,
               "74_region": 60_000, "75_dont": 17_000, "70": 680_000},
    # The State's AMI grant also funds the pole's general action, over 2025-2026.
    "etat": {"60x": 40_000, "613": 85_000, "615": 8_000, "616": 9_500, "622": 33_000,
             "623": 10_000, "625": 4_500, "62x": 5_500, "635": 5_000, "641": 175_000,
             "645": 72_000, "65": 60_000,
             "74_etat": 100_000, "75_dont": 12_500, "70": 395_000},
    "departement": {"60x": 18_000, "604": 6_000, "641": 9_000, "74_departement": 25_000,
                    "74_commune": 3_000, "70": 5_000},
    "fondation": {"622": 12_000, "625": 1_500, "623": 1_500, "74_prive": 15_000},
    "fse": {"641": 70_000, "645": 28_000, "ci_fixes": 14_700, "74_fonds_europeen": 80_000,
            "74_region": 20_000, "74_departement": 12_700},
}  # fmt: skip

#: Feuillet 1 of the voted grants' compte rendu: objectives, indicators (indicator, expected,
#: achieved — « en cours » for a grant still running on the demo's today), beneficiaries and
#: their breakdown by public, dates and places of the action.
GRANT_SHEETS: dict[str, dict[str, Any]] = {
    "region": {
        "objectives": "Structurer l'animation du pôle sur deux ans : accueillir de nouvelles "
        "structures, faire naître des projets de coopération entre membres et mutualiser les "
        "fonctions support (locaux, secrétariat, comptabilité, véhicules).",
        "indicators": (
            ("Structures membres du pôle", "15", "17"),
            ("Projets de coopération lancés", "3", "3"),
            ("Services mutualisés en fonctionnement", "8", "10"),
            ("Emplois créés ou consolidés chez les membres (ETP)", "6", "7,5"),
            ("Taux d'occupation des locaux partagés", "80 %", "86 %"),
        ),
        "beneficiaries": 420,
        "publics": (
            ("Salariés des structures membres", 148),
            ("Personnes en parcours d'insertion", 96),
            ("Porteurs de projet accompagnés", 38),
            ("Habitants participant aux événements", 138),
        ),
        "dates": "Du 1er janvier 2024 au 31 décembre 2025 ; comités de coopération "
        "trimestriels, forum annuel du Mois de l'ESS",
        "places": "Crest (Maison de la Coopération), Die, Valence et Aouste-sur-Sye",
    },
    "etat": {
        "objectives": "Consolider le PTCE : professionnaliser sa gouvernance, ouvrir la "
        "plateforme mobilité aux personnes en insertion et outiller l'observatoire de la "
        "coopération territoriale (bilan à mi-parcours au 30 juin 2026).",
        "indicators": (
            ("Personnes accompagnées vers la mobilité", "120", "74 (à mi-parcours)"),
            ("Parcours de formation qualifiants ouverts", "2", "1"),
            ("Partenaires publics signataires de la charte", "6", "5"),
            ("Indicateurs de l'observatoire publiés", "12", "8"),
        ),
        "beneficiaries": 186,
        "publics": (
            ("Demandeurs d'emploi et allocataires du RSA", 74),
            ("Jeunes de moins de 26 ans", 41),
            ("Salariés des structures membres", 52),
            ("Élus et agents des collectivités", 19),
        ),
        "dates": "Du 1er janvier 2025 au 31 décembre 2026 (en cours) ; comité de pilotage "
        "semestriel avec la DREETS",
        "places": "Crest, Die et Valence ; permanences mobilité à Saillans",
    },
    "departement": {
        "objectives": "Équiper la légumerie et démarrer la production : transformer les "
        "légumes des maraîchers locaux pour la restauration collective, en confiant la "
        "production à des salariés en insertion.",
        "indicators": (
            ("Tonnes de légumes transformées", "40 t", "23 t (au 30/06/2026)"),
            ("Salariés en insertion en poste", "8", "7"),
            ("Sorties vers l'emploi durable ou la formation", "3", "2"),
            ("Cantines et restaurants collectifs livrés", "12", "9"),
        ),
        "beneficiaries": 55,
        "publics": (
            ("Salariés en insertion", 7),
            ("Maraîchers fournisseurs", 14),
            ("Bénévoles de l'épicerie solidaire", 34),
        ),
        "dates": "Du 1er septembre 2025 au 31 août 2026 (en cours) ; production du lundi au "
        "jeudi",
        "places": "Die (légumerie, zone artisanale) ; livraisons dans le Diois et la vallée "
        "de la Drôme",
    },
}  # fmt: skip

#: Usage keys drawn each month: (key tag, users and their base, jitter in %).
USAGE_SPREAD: tuple[tuple[str, dict[str, int], int], ...] = (
    ("km", KM_USERS, 30),
    ("hours", HOUR_USERS, 25),
)


# --- small helpers shared by the demo builders --------------------------------------------


class Ticks(Protocol):
    """Progress of the build: ``advance(n)`` moves the bar ``n`` thousandths forward."""

    def advance(self, ticks: int) -> None: ...


def month_end(year: int, month: int) -> dt.date:
    return D(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def months() -> list[tuple[int, int]]:
    """(year, month) of every month of the demo, up to its "today"."""
    return [(y, m) for y in DEMO_YEARS for m in range(1, 13) if D(y, m, 1) <= DEMO_TODAY]
