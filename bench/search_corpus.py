"""A generated corpus of Swedish guidance documents for bench_search.py (deterministic)."""

from __future__ import annotations

import random
from datetime import date, timedelta

TOPICS = [
    "Yrkesvägledning",
    "Studievägledning",
    "Arbetsplatsförlagt lärande",
    "Praktisk arbetslivsorientering",
    "Vägledningssamtal",
    "Gymnasieval",
    "Studie- och yrkesvägledare",
    "Karriärplanering",
    "Lärande i arbete",
    "Yrkeshögskolan",
    "Kommunal vuxenutbildning",
    "Introduktionsprogram",
    "Språkintroduktion",
    "Bristyrken",
    "Arbetsmarknadskunskap",
    "Behörighet till gymnasiet",
    "Meritvärde och antagning",
    "Lärlingsutbildning",
    "Elevhälsan och vägledning",
    "Nyanlända elever",
]
STAGES = [
    "i grundskolan",
    "på gymnasiet",
    "i årskurs 8",
    "i årskurs 9",
    "för vuxna",
    "på komvux",
    "i anpassad grundskola",
    "på introduktionsprogrammen",
    "i högstadiet",
    "på yrkeshögskolan",
]
AUDIENCES = ["Grundskola", "Gymnasieskola", "Vuxenutbildning", "Anpassad skola", "Yrkeshögskola"]
WORDS = [
    "elever",
    "lärare",
    "vägledare",
    "skolan",
    "kommunen",
    "arbetsgivare",
    "praktik",
    "praktikplatser",
    "utbildning",
    "yrken",
    "framtiden",
    "arbetsmarknaden",
    "samtal",
    "planering",
    "metod",
    "övning",
    "reflektion",
    "gruppen",
    "klassen",
    "mentorer",
    "rektorn",
    "föräldrar",
    "studier",
    "programmen",
    "behörighet",
    "betyg",
    "meritvärde",
    "antagning",
    "gymnasieskolan",
    "grundskolan",
    "vuxenutbildningen",
    "yrkeshögskolan",
    "högskolan",
    "universitetet",
    "branscher",
    "företag",
    "handledare",
    "handledning",
    "uppföljning",
    "dokumentation",
    "kartläggning",
    "intressen",
    "förmågor",
    "drömmar",
    "val",
    "beslut",
    "information",
    "studiebesök",
    "mässor",
    "prao",
    "apl",
    "lia",
    "syv",
    "jobb",
    "lön",
    "arbetsliv",
    "arbetsplatser",
    "vården",
    "industrin",
    "handeln",
    "tekniken",
    "byggbranschen",
    "restaurang",
    "omsorg",
    "transport",
    "it",
    "digitalisering",
    "hållbarhet",
    "språk",
    "svenska",
    "matematik",
    "engelska",
]
FILLER = [
    "och",
    "att",
    "det",
    "som",
    "en",
    "på",
    "är",
    "för",
    "med",
    "av",
    "till",
    "om",
    "i",
    "den",
    "har",
    "de",
    "inte",
    "ett",
    "men",
    "så",
    "kan",
]


def municipalities():
    from syvsite.regions.models import Municipality

    return list(Municipality.objects.values_list("code", "county__code", "latitude", "longitude"))


def generate(count: int, *, seed: int = 2026) -> list[dict]:
    """`count` article rows (model field values) with realistic Swedish text."""
    rng = random.Random(seed)
    places = municipalities()
    rows = []
    start = date(2019, 1, 1)
    for number in range(count):
        code, county, lat, lon = rng.choice(places)
        words = [
            rng.choice(WORDS if rng.random() < 0.6 else FILLER) for _ in range(rng.randint(60, 120))
        ]
        sentences = [
            " ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)
        ]
        rows.append(
            {
                "title": f"{rng.choice(TOPICS)} {rng.choice(STAGES)} {number}",
                "summary": " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ".",
                "body": " ".join(sentences),
                "county": county,
                "municipality": code,
                "audience": rng.choice(AUDIENCES),
                "published": start + timedelta(days=rng.randint(0, 2500)),
                "members_only": rng.random() < 0.1,
                "latitude": lat,
                "longitude": lon,
            }
        )
    return rows


QUERIES = [
    {"q": "vägledning"},
    {"q": "yrkesvagledning"},
    {"q": "apl"},
    {"q": "prao"},
    {"q": "syv"},
    {"q": "praktik arbetsgivare"},
    {"q": "gymnasieval"},
    {"q": "bristyrken"},
    {"q": "elever samtal"},
    {"q": "yh"},
    {"q": "meritvärde antagning"},
    {"q": "studievägledare"},
    {"q": "vägledning", "county": "14"},
    {"q": "praktik", "municipality": "1480"},
    {"q": "lärare", "audience": "Gymnasieskola"},
    {"q": "planering", "sort": "date"},
    {"q": "handledning", "page": "3"},
    {"q": "introduktionsprogram", "county": ["01", "12"]},
    {"q": "komvux"},
    {"q": "nyanlända språkintroduktion"},
]
