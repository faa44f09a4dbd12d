"""The open JSON API at /api/v1/: one OpenAPI document, and the conventions every router follows.

Each domain app exposes `router` in its `api.py`; syvsite/urls.py mounts it under the app's
prefix (this module imports no domain). The conventions, with the shared pieces below:

- **Parameters** are English snake_case: `q`, `county` (2 digits), `municipality` (4 digits),
  `programme`, `type`, `sort`, `page`, `page_size`. Query parameters are declared as a `Params`
  (or `PageParams`) subclass taken with `Query[...]`.
- **Lists that can grow are paginated**: `page` (from 1; a page past the last gives the last;
  0 or less is a 422) and `page_size` (default and maximum per endpoint: override the field),
  declared by subclassing `PageParams`; the answer subclasses `Paginated` and adds `results`:
  `{"count", "page", "page_size", "pages", "results": [...]}`; `paginate` gives both parts for
  a queryset or list. Bounded reference lists are plain arrays: REKAS programmes, occupations
  (the SSYK classification) and a matching's rows (one per programme), the method bank's
  vocabularies, forum categories, guidance plans (at most a few per municipality) and the plan
  status of the 290 municipalities.
- **Ids in paths** are `ObjectId` (database ids) or `PageId` (Wagtail pages, 32-bit): a larger
  number is a 422, never a server error.
- **Renamed parameters** (the first release of v1 had Swedish names and `per_page`) keep working
  until API version 2: declared in the endpoint's Params subclass with
  `lan: list[str] = renamed("lan", "county", default=[])`, marked `deprecated` in the OpenAPI
  document, and an answer to a request that used one carries `Deprecation: true` and a
  `Warning` naming the new name. A parameter an operation reads on its own (search's facet
  filters) reports its old name with `note_renamed`. Renamed answer keys are kept beside the
  new ones for the same time, as fields with `deprecated=True`.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, NinjaAPI, Path, Schema
from pydantic import ValidationInfo, model_validator

ID_MAX = 2**63 - 1  # bigint primary keys
PAGE_ID_MAX = 2**31 - 1  # Wagtail page ids are 32-bit integers

ObjectId = Annotated[int, Path(..., ge=1, le=ID_MAX, description="Id, ett positivt heltal")]
PageId = Annotated[int, Path(..., ge=1, le=PAGE_ID_MAX, description="Sidans id")]

REMOVED_IN = "API-version 2"
RENAMED_TO = "x-renamed-to"  # the schema extension naming a renamed parameter's new name


def renamed(old: str, new: str, *, default: Any = None, **constraints: Any) -> Any:
    """A query parameter's old name, still accepted: `lan: list[str] = renamed("lan", "county",
    default=[])`. Its value is used when the new name is not given (see Params); give it the
    new field's constraints."""
    return Field(
        default,
        deprecated=True,
        description=f"Föråldrat namn på `{new}`; fungerar till {REMOVED_IN}.",
        json_schema_extra={RENAMED_TO: new},
        **constraints,
    )


def note_renamed(request: HttpRequest | None, used: dict[str, str]) -> None:
    """Remember that `request` used these old parameter names (old → new), so that SiteAPI's
    answer carries the Deprecation header. Params calls it; so does an operation that reads a
    renamed parameter itself."""
    if request is not None and used:
        request._api_renamed = {**getattr(request, "_api_renamed", {}), **used}


class Params(Schema):
    """Query parameters with renamed ones folded into their new names after validation (per
    operation, so one old name can have different new names in different operations)."""

    @model_validator(mode="after")
    def _use_renamed(self, info: ValidationInfo):
        used = {}
        for name, field in type(self).model_fields.items():
            extra = field.json_schema_extra
            new = extra.get(RENAMED_TO) if isinstance(extra, dict) else None
            if new and name in self.model_fields_set:
                used[name] = new
                if new not in self.model_fields_set:
                    setattr(self, new, self.__dict__[name])  # not getattr: it warns
        note_renamed((info.context or {}).get("request"), used)
        return self


class PageParams(Params):
    """`page` and `page_size`; an endpoint with another default or maximum overrides the field
    (and one that took `per_page` in the first release declares it with `renamed`)."""

    page: int = Field(1, ge=1, description="Sida, från 1. En sida efter den sista ger den sista.")
    page_size: int = Field(20, ge=1, le=100, description="Poster per sida.")


class Paginated(Schema):
    """The head of every paginated answer; the subclass adds `results: list[...]`."""

    count: int = Field(description="Antal poster totalt")
    page: int = Field(description="Sidan i svaret, från 1")
    page_size: int = Field(description="Poster per sida")
    pages: int = Field(description="Antal sidor (minst 1)")


def page_meta(*, count: int, page: int, page_size: int) -> dict:
    """The head of a paginated answer for `count` items, with `page` clamped to the last page."""
    pages = max(1, math.ceil(count / page_size))
    return {
        "count": count,
        "page": min(max(1, page), pages),
        "page_size": page_size,
        "pages": pages,
    }


def paginate(items, params: PageParams) -> tuple[list, dict]:
    """One page of a queryset or list, and the head of the answer."""
    paginator = Paginator(items, params.page_size)
    page = paginator.get_page(params.page)
    meta = page_meta(count=paginator.count, page=page.number, page_size=params.page_size)
    return list(page.object_list), meta


ERROR_SCHEMA = {
    "title": "ErrorOut",
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "Vad som gick fel, på svenska"}},
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "title": "ValidationErrorOut",
    "type": "object",
    "properties": {
        "detail": {
            "type": "array",
            "description": "En post per ogiltig parameter (plats, meddelande, typ)",
            "items": {"type": "object"},
        }
    },
    "required": ["detail"],
}


def _json(description: str, ref: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


class SiteAPI(NinjaAPI):
    """Documents the error answers ninja gives on its own, so clients (and schemathesis) know
    them, and tells a client that used a renamed parameter which name to use instead.

    Any operation with parameters answers 422 when one does not parse or is out of range; an
    operation that looks an object up by path answers 404 when there is none (or it is hidden).
    """

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ErrorOut", ERROR_SCHEMA)
        components.setdefault("ValidationErrorOut", VALIDATION_ERROR_SCHEMA)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                parameters = operation.get("parameters") or []
                responses = operation.setdefault("responses", {})
                if parameters:
                    responses.setdefault("422", _json("Ogiltig parameter", "ValidationErrorOut"))
                if any(parameter.get("in") == "path" for parameter in parameters):
                    responses.setdefault("404", _json("Finns inte", "ErrorOut"))
        return schema

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        used = getattr(request, "_api_renamed", {})
        if used:
            response["Deprecation"] = "true"
            response["Warning"] = ", ".join(
                f'299 - "{old} är föråldrat, använd {new}"' for old, new in used.items()
            )
        return response


api = SiteAPI(
    title="SYV-portalen API",
    version="1",
    description=(
        "Öppet API för SYV-portalen: sök, metodbanken, REKAS (antagningsstatistik och "
        "Arbetsförmedlingens yrkesprognoser), praktikplatser, forumet och vägledningsplaner. "
        "Svar i JSON. Data från Arbetsförmedlingen under CC0.\n\n"
        "Parametrar har engelska namn (`county`, `municipality`, `page`, `page_size`). Listor "
        "som kan växa sidindelas: svaret har `count`, `page`, `page_size`, `pages` och "
        "`results`; en sida efter den sista ger den sista. De svenska parameternamnen och "
        f"`per_page` fungerar till {REMOVED_IN} och är markerade som föråldrade; ett svar på en "
        "fråga som använde dem har huvudena `Deprecation: true` och `Warning` med det nya "
        "namnet. De gamla nycklarna i svaren (sökningens `total`, `per_page`, `num_pages` och "
        "`hits`, trådens `posts`) finns kvar lika länge och är markerade som föråldrade."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
