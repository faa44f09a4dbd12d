"""REKAS's domain errors. Importers catch them and report them; the text is Swedish and shown."""


class RekasError(Exception):
    """Base class: a refusal the user can act on, with a Swedish message."""


class UnreadableFile(RekasError):
    """The file can't be read as a table or JSON list at all (encoding, format, size, empty)."""
