"""The base of every search document (elasticsearch-dsl), and field helpers for domain apps.

A domain app's `documents.py`:

    from elasticsearch_dsl import Integer, Keyword
    from search.documents import BaseDocument, SwedishText
    from search.registry import Facet, SearchType, register

    class MethodDocument(BaseDocument):
        phase = Keyword(multi=True)        # own facet field
        rating = Integer()                 # own sortable field
        instructions = SwedishText()       # own full-text field (add it to query_fields)

    register(SearchType(name="method", document=MethodDocument, ...))

`to_document(obj)` returns a dict with the common fields below plus the type's own fields;
`content_type` is filled in automatically. See syvsite/home/documents.py for a complete example.
"""

from elasticsearch_dsl import Completion, Date, Document, GeoPoint, Keyword, Text

from . import analysis

# The names domain apps must use for the common fields (checked by `prepare_source`).
COMMON_FIELDS = (
    "title",
    "summary",
    "body",
    "url",
    "content_type",
    "county",
    "municipality",
    "audience",
    "date",
    "visibility",
    "location",
    "tags",
)
VISIBILITY_PUBLIC = "public"
VISIBILITY_MEMBERS = "members"
VISIBILITIES = (VISIBILITY_PUBLIC, VISIBILITY_MEMBERS)


def SwedishText(*, copy_to: str | list[str] | None = None, **kwargs) -> Text:  # noqa: N802
    """A Swedish full-text field with its `.folded` and `.parts` sub-fields (see analysis.py).

    Query it through `SearchType.query_fields` ("field^boost"); the sub-fields are added
    automatically with the same boost, lower weighted.
    """
    if copy_to is not None:
        kwargs["copy_to"] = copy_to
    return Text(
        analyzer=analysis.swedish,
        search_analyzer=analysis.swedish_search,
        fields={
            "folded": Text(
                analyzer=analysis.swedish_folded, search_analyzer=analysis.swedish_folded_search
            ),
            "parts": Text(
                analyzer=analysis.swedish_parts, search_analyzer=analysis.swedish_parts_search
            ),
        },
        **kwargs,
    )


class BaseDocument(Document):
    """Common fields of every content type. Subclass it; don't instantiate it directly."""

    title = SwedishText(copy_to="spelling")
    summary = SwedishText(copy_to="spelling")
    body = SwedishText(copy_to="spelling")
    url = Keyword(index=False)
    content_type = Keyword()
    county = Keyword(multi=True)  # 2-digit county codes ("01" Stockholms län)
    municipality = Keyword(multi=True)  # 4-digit municipality codes ("1480" Göteborg)
    audience = Keyword(multi=True)  # school stages / target groups, as labels
    date = Date()
    visibility = Keyword()  # "public" or "members"
    location = GeoPoint()  # {"lat": …, "lon": …} or None
    tags = Keyword(multi=True)
    # Filled from the fields above by search.indexing, not by to_document:
    # The indexed vocabulary for "Menade du …?": folded, and `.exact` as written (to show).
    spelling = Text(
        analyzer=analysis.spelling, fields={"exact": Text(analyzer=analysis.spelling_exact)}
    )
    suggest = Completion(
        analyzer=analysis.autocomplete,
        contexts=[{"name": "visibility", "type": "category", "path": "visibility"}],
    )
