"""The import wizard (Fichier ▸ Importer…): kind and file, mapping with preview, validation
listing every error, confirmation, summary. The work itself is :mod:`ptce_desktop.exchange`."""
