"""The open JSON API at /api/v1/, one OpenAPI document for every domain.

Each domain app exposes `router` in its `api.py`; they are mounted here under the app's prefix.
"""

from importlib import import_module

from ninja import NinjaAPI

api = NinjaAPI(
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
