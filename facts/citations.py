"""Citation export: RIS, BibTeX and CSL-JSON for one entry or a list of entries.

Pure functions over `Citation` (built from a FactPage by `citation_for`), so the formats are
tested by parsing what they write with the formats' own parsers (rispy, bibtexparser,
citeproc-py). Authors written "Efternamn, Förnamn" become family/given names; an author
without a comma (an agency, a working group) stays whole.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field

# Our kind → (RIS type, BibTeX entry type, CSL type). Research with a journal is an article.
TYPES = {
    "forskning": ("RPRT", "techreport", "report"),
    "rapport": ("RPRT", "techreport", "report"),
    "utredning": ("GOVDOC", "techreport", "report"),
    "styrdokument": ("GOVDOC", "misc", "document"),
    "lag": ("STAT", "misc", "legislation"),
    "allmanna-rad": ("GOVDOC", "misc", "regulation"),
    "statistikkalla": ("DATA", "misc", "dataset"),
    "webbresurs": ("ELEC", "misc", "webpage"),
}
ARTICLE = ("JOUR", "article", "article-journal")
MEDIA_TYPES = {
    "ris": "application/x-research-info-systems; charset=utf-8",
    "bib": "application/x-bibtex; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}


@dataclass
class Citation:
    key: str
    kind: str
    title: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    publisher: str = ""
    series: str = ""
    url: str = ""
    doi: str = ""
    isbn: str = ""
    number: str = ""  # SFS or SOU number, or the diarienummer
    abstract: str = ""
    language: str = ""

    @property
    def types(self) -> tuple[str, str, str]:
        if self.kind == "forskning" and self.series and not self.isbn:
            return ARTICLE
        return TYPES.get(self.kind, TYPES["webbresurs"])


def citation_for(page, *, url: str) -> Citation:
    number = page.sfs_number or page.sou_number or page.diarienummer
    if page.sfs_number:
        number = f"SFS {page.sfs_number}"
    return Citation(
        key=_key(page.slug, page.year),
        kind=page.kind,
        title=page.title,
        authors=page.author_list,
        year=page.year,
        publisher=page.publisher,
        series=page.series,
        url=page.link or url,
        doi=page.doi,
        isbn=page.isbn,
        number=number,
        abstract=page.summary,
        language=page.language if page.language in ("sv", "en") else "",
    )


def _key(slug: str, year: int | None) -> str:
    ascii_slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "", ascii_slug.lower())[:40] or "post"
    return f"{base}{year or ''}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# --- RIS -----------------------------------------------------------------------------------


def to_ris(citations: list[Citation]) -> str:
    records = []
    for item in citations:
        lines = [("TY", item.types[0]), ("ID", item.key), ("TI", item.title)]
        lines += [("AU", author) for author in item.authors]
        lines += [
            ("PY", str(item.year) if item.year else ""),
            ("PB", item.publisher),
            ("T2", item.series),
            ("UR", item.url),
            ("DO", item.doi),
            ("SN", item.isbn),
            ("M1", item.number),
            ("LA", item.language),
            ("AB", item.abstract),
        ]
        body = "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines if value)
        records.append(body + "ER  - \r\n")
    return "\r\n".join(records)


# --- BibTeX --------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Characters that BibTeX/LaTeX would read as syntax, written as literals."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in _one_line(text))


def to_bibtex(citations: list[Citation]) -> str:
    entries = []
    seen: dict[str, int] = {}
    for item in citations:
        key = item.key
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        entry_type = item.types[1]
        fields = [
            ("title", item.title),
            ("author", " and ".join(_bibtex_author(a) for a in item.authors)),
            ("year", str(item.year) if item.year else ""),
            ("journal" if entry_type == "article" else "series", item.series),
            ("institution" if entry_type == "techreport" else "publisher", item.publisher),
            ("number", item.number),
            ("doi", item.doi),
            ("isbn", item.isbn),
            ("url", item.url),
            ("language", {"sv": "swedish", "en": "english"}.get(item.language, "")),
            ("abstract", item.abstract),
        ]
        body = ",\n".join(
            f"  {name} = {{{value if name == 'author' else bibtex_escape(value)}}}"
            for name, value in fields
            if value
        )
        entries.append(f"@{entry_type}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def _bibtex_author(author: str) -> str:
    # An agency as author is protected by braces so it is not split into first and last names.
    escaped = bibtex_escape(author.replace(" and ", " & "))
    return escaped if "," in author else f"{{{escaped}}}"


# --- CSL-JSON ------------------------------------------------------------------------------


def _csl_author(author: str) -> dict:
    if "," in author:
        family, given = (part.strip() for part in author.split(",", 1))
        return {"family": family, "given": given}
    return {"literal": author.strip()}


def to_csl(citations: list[Citation]) -> list[dict]:
    items = []
    for item in citations:
        data = {"id": item.key, "type": item.types[2], "title": item.title}
        optional = {
            "author": [_csl_author(a) for a in item.authors],
            "issued": {"date-parts": [[item.year]]} if item.year else None,
            "publisher": item.publisher,
            "container-title"
            if item.types[2] == "article-journal"
            else "collection-title": item.series,
            "number": item.number,
            "URL": item.url,
            "DOI": item.doi,
            "ISBN": item.isbn,
            "abstract": item.abstract,
            "language": item.language,
        }
        data.update({name: value for name, value in optional.items() if value})
        items.append(data)
    return items


def to_csl_json(citations: list[Citation]) -> str:
    return json.dumps(to_csl(citations), ensure_ascii=False, indent=2)


FORMATS = {"ris": to_ris, "bib": to_bibtex, "json": to_csl_json}
