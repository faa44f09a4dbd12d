"""The open JSON API at /api/v1/, one OpenAPI document for every domain.

Each domain app exposes `router` in its `api.py`; they are mounted here under the app's prefix.
"""

from importlib import import_module

from ninja import NinjaAPI

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


class DocumentedErrorsAPI(NinjaAPI):
    """Documents the error answers ninja gives on its own, so clients (and schemathesis) know them.

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


api = DocumentedErrorsAPI(
    title="SYV-portalen API",
    version="1",
    description=(
        "Öppet API för SYV-portalen: sök, REKAS (antagningsstatistik och Arbetsförmedlingens "
        "yrkesprognoser) och praktikplatser. Svar i JSON. Data från Arbetsförmedlingen under CC0."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

ROUTERS = [
    ("search.api", "search/"),
    ("rekas.api", "rekas/"),
    ("internships.api", "internships/"),
    ("methods.api", "methods/"),
    ("forum.api", "forum/"),
    ("guidance_plans.api", "guidance-plans/"),
]

for module_name, prefix in ROUTERS:
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        continue
    router = getattr(module, "router", None)
    if router is not None:
        api.add_router(prefix, router)
