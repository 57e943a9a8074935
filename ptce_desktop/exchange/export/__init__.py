"""Exports: any table to XLSX, ODS or CSV (:mod:`.formats`), the tables a board and an
accountant ask for, and what ``import KIND`` reads back (:mod:`.tables`)."""
