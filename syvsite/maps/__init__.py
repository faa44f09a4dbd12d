"""Maps of Sweden for every domain: server-rendered inline SVG (see render.py)."""

from .render import AreaValue, Map, choropleth, dot_map
from .scales import Scale, categorical, diverging, sequential

__all__ = [
    "AreaValue",
    "Map",
    "Scale",
    "categorical",
    "choropleth",
    "diverging",
    "dot_map",
    "sequential",
]
