"""Text safe to open in a spreadsheet (OWASP's CSV injection advice), shared by every export."""

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(text: str) -> str:
    """`text` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
