"""Texts of the errors of the scenario simulator (« Et si… ? »): scenario files, saved
scenarios, adopting a scenario. ``{field}`` is the path of the field in the scenario
(« scenarios[0].joins[1].date »)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "scenario_not_json": (
        "Le scénario n'est pas un JSON valide : {detail}.",
        "The scenario is not valid JSON: {detail}.",
    ),
    "scenario_missing": (
        "Scénario : le champ « {field} » est obligatoire.",
        "Scenario: the field “{field}” is required.",
    ),
    "scenario_unknown_field": (
        "Scénario : le champ « {field} » est inconnu (champs possibles : {choices}).",
        "Scenario: the field “{field}” is unknown (possible fields: {choices}).",
    ),
    "scenario_type": (
        "Scénario : le champ « {field} » doit être {expected} (trouvé : {value}).",
        "Scenario: the field “{field}” must be {expected_en} (found: {value}).",
    ),
    "scenario_number": (
        "Scénario : le champ « {field} » n'est pas un nombre positif valide "
        "(au plus {decimals} décimales) : {value}.",
        "Scenario: the field “{field}” is not a valid positive number "
        "(at most {decimals} decimals): {value}.",
    ),
    "scenario_date": (
        "Scénario : le champ « {field} » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj) : {value}.",
        "Scenario: the field “{field}” is not a date (dd/mm/yyyy or yyyy-mm-dd): {value}.",
    ),
    "scenario_method": (
        "Scénario : le champ « {field} » : méthode inconnue « {value} » (possibles : {choices}).",
        "Scenario: the field “{field}”: unknown method “{value}” (possible: {choices}).",
    ),
    "scenario_mixed_parts": (
        "Scénario : le champ « {field} » : une clé mixte a besoin d'au moins une part de poids "
        "positif.",
        "Scenario: the field “{field}”: a mixed key needs at least one part with a positive "
        "weight.",
    ),
    "scenario_count": (
        "Scénario : le champ « {field} » compte {count} scénarios ; au plus {max}.",
        "Scenario: the field “{field}” holds {count} scenarios; at most {max}.",
    ),
    "scenario_unknown_member": (
        "Scénario : le champ « {field} » nomme le membre n° {id}, qui n'existe pas.",
        "Scenario: the field “{field}” names member {id}, which does not exist.",
    ),
    "scenario_unknown_service": (
        "Scénario : le champ « {field} » nomme le service n° {id}, qui n'est pas simulé "
        "(services : {choices}).",
        "Scenario: the field “{field}” names service {id}, which is not simulated "
        "(services: {choices}).",
    ),
    "scenario_unknown_key": (
        "Scénario : le champ « {field} » nomme la clé n° {id}, qui n'existe pas.",
        "Scenario: the field “{field}” names key {id}, which does not exist.",
    ),
    "scenario_key_method": (
        "Scénario : le champ « {field} » : la clé n° {id} (« {key} ») est « {actual} », "
        "pas « {value} ».",
        "Scenario: the field “{field}”: key {id} (“{key}”) is “{actual}”, not “{value}”.",
    ),
    "simulation_no_service": (
        "Choisissez au moins un service à simuler.",
        "Choose at least one service to simulate.",
    ),
    "simulation_service_without_key": (
        "Le service « {service} » n'a pas de clé de répartition : il ne peut pas être simulé.",
        "The service “{service}” has no allocation key: it cannot be simulated.",
    ),
    "simulation_out_format": (
        "« {name} » : la comparaison s'écrit en PDF (.pdf) ou en XLSX (.xlsx).",
        "“{name}”: the comparison is written as a PDF (.pdf) or an XLSX (.xlsx).",
    ),
    "simulation_too_many": (
        "Au plus {max} scénarios côte à côte.",
        "At most {max} scenarios side by side.",
    ),
    "saved_scenario_name_taken": (
        "Un scénario enregistré s'appelle déjà « {name} ».",
        "A saved scenario is already called “{name}”.",
    ),
    "adopt_date_outside": (
        "La date d'adoption {date} n'est pas dans l'exercice {year}.",
        "The adoption date {date} is not in fiscal year {year}.",
    ),
    "adopt_closed_year": (
        "L'exercice {year} est clôturé : un scénario ne peut pas y être adopté.",
        "Fiscal year {year} is closed: a scenario cannot be adopted in it.",
    ),
    "adopt_nothing": (
        "Le scénario « {name} » ne change rien : il n'y a rien à adopter.",
        "The scenario “{name}” changes nothing: there is nothing to adopt.",
    ),
    "adopt_percent_total": (
        "La clé « {key} » est en pourcentages fixes : après le scénario ils totalisent {total}, "
        "il faut 100 % pour l'adopter.",
        "The key “{key}” is in fixed percentages: after the scenario they add up to {total}; "
        "100 % is needed to adopt it.",
    ),
    "adopt_new_key_earlier_costs": (
        "Le service « {service} » a des charges avant le {date} dans un exercice ouvert : "
        "une nouvelle clé ne peut pas s'appliquer à partir de cette date. Adoptez le scénario "
        "au début de l'exercice ou gardez la méthode actuelle.",
        "The service “{service}” has costs before {date} in an open fiscal year: a new key "
        "cannot apply from that date. Adopt the scenario from the start of the fiscal year or "
        "keep the current method.",
    ),
}
