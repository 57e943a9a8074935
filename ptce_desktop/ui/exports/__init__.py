"""Exports from the window: any table as the user sees it (« Exporter… », Ctrl+C) and the
.ptce archive (Fichier ▸ Exporter l'archive… / Importer une archive…)."""
