"""The team repository: processes, drafts, published revisions and actuals of a whole
sales organisation on a PostgreSQL server (no Qt; the driver is imported on first use).

:mod:`.tables` derives the tables from the document's, :mod:`.admin` creates them and the
roles' grants, :mod:`.store` is the API (``Repository``), :mod:`.errors` what can fail.
"""
