"""Generated demo data: a plausible admissions history and demo assessments.

Everything here is invented (deterministic random numbers) and labelled as such on the
pages; only `rekas/data/yrkesbarometer_excerpt.json` is real Arbetsförmedlingen data.
"""

import random

from syvsite.regions.models import Municipality

from .models import NATIONAL

DEMO_CONCEPT_PREFIX = "demo-"
DEMO_SOURCE = "Genererad demodata (inte från Arbetsförmedlingen)"
YEARS = range(2022, 2027)
ROUNDS = ("preliminary", "final")

# Larger municipalities get several schools; the rest of the county seats get one or two.
LARGE = {
    "0180": 14, "1480": 12, "1280": 8, "0380": 6, "0580": 5, "1880": 5, "1980": 5,
    "1283": 4, "0581": 4, "0680": 4, "2480": 4, "1281": 3, "1490": 3, "2180": 2,
    "0480": 2, "1380": 2, "1780": 3, "2281": 2, "2580": 3, "0780": 2, "0880": 2,
    "1080": 2, "2380": 2, "2080": 2, "0181": 2, "0182": 2, "0183": 2, "0184": 2,
}  # fmt: skip
# Relative popularity (first-choice applicants per place) and merit level per programme.
PROFILE = {
    "NA": (1.35, 285), "SA": (1.25, 250), "EK": (1.3, 255), "TE": (1.15, 240),
    "ES": (1.4, 245), "HU": (0.8, 220), "BF": (0.85, 190), "BA": (0.9, 185),
    "EE": (1.0, 200), "FT": (0.85, 175), "HA": (0.7, 170), "HV": (1.1, 190),
    "HT": (0.6, 175), "IN": (0.55, 165), "NB": (0.9, 180), "RL": (0.65, 165),
    "VF": (0.7, 175), "VO": (0.75, 170), "IMA": (0.9, None), "IMS": (1.0, None),
    "IMV": (0.9, None), "IMY": (0.8, None),
}  # fmt: skip
ORIENTATION_OF = {"NA": ["NANAT", "NASAM"], "TE": ["TEINF", "TEDES", "TESAM", "TETEK"]}
SCHOOL_NAMES = [
    "gymnasium", "gymnasieskola", "Praktiska gymnasiet", "Vård- och omsorgscollege",
    "Teknikcollege", "Naturbruksgymnasium", "Estetiska skolan", "Yrkesgymnasium",
]  # fmt: skip


def demo_schools(rng: random.Random) -> list[tuple[str, str, list[str]]]:
    """(municipality code, school name, study paths) for a plausible set of schools."""
    schools = []
    for municipality in Municipality.objects.order_by("code"):
        count = LARGE.get(municipality.code, 1 if rng.random() < 0.55 else 0)
        for number in range(count):
            suffix = SCHOOL_NAMES[number % len(SCHOOL_NAMES)]
            name = (
                f"{municipality.seat_name or municipality.name} {suffix}"
                if number < len(SCHOOL_NAMES)
                else f"{municipality.name} gymnasium {number + 1}"
            )
            programmes = rng.sample(sorted(PROFILE), k=rng.randint(4, 9))
            paths = []
            for code in programmes:
                paths.extend(
                    rng.sample(ORIENTATION_OF[code], k=1) if code in ORIENTATION_OF else [code]
                )
            schools.append((municipality.code, name.strip(), paths))
    return schools


def generate_admissions(
    *, rng: random.Random | None = None, years=YEARS, rounds=ROUNDS
) -> list[dict]:
    """Canonical admission rows (dicts with the canonical column names)."""
    rng = rng or random.Random(2026)  # noqa: S311 - demo data, not security
    rows = []
    for municipality_code, school, paths in demo_schools(rng):
        for path in paths:
            programme = path[:2] if path[:2] in ORIENTATION_OF else path
            popularity, merit = PROFILE[programme]
            places = rng.choice([16, 24, 30, 32, 35, 60, 64, 90])
            school_factor = rng.uniform(0.6, 1.5)
            for year in years:
                trend = 1 + (year - 2024) * rng.uniform(-0.04, 0.06)
                first = max(
                    0, round(places * popularity * school_factor * trend * rng.uniform(0.85, 1.15))
                )
                for round_ in rounds:
                    applicants = (
                        first if round_ == "preliminary" else max(0, first + rng.randint(-3, 2))
                    )
                    admitted = min(places, applicants + rng.randint(0, max(1, places // 4)))
                    lowest = None
                    median = None
                    if merit and applicants >= places:
                        lowest = round(
                            min(
                                335,
                                merit * rng.uniform(0.85, 1.05) + (applicants / places - 1) * 40,
                            ),
                            1,
                        )
                        median = round(min(340, lowest + rng.uniform(10, 45)), 1)
                    rows.append(
                        {
                            "year": year, "round": round_, "municipality_code": municipality_code,
                            "school": school, "study_path": path, "places": places,
                            "first_choice_applicants": applicants, "admitted": admitted,
                            "reserves": max(0, applicants - admitted), "lowest_merit": lowest,
                            "median_merit": median,
                        }
                    )  # fmt: skip
    return rows


# Demo assessments for SSYK groups the real excerpt doesn't cover: (situation, outlook).
DEMO_OUTLOOK = {
    "5321": ("brist", "öka"), "5323": ("brist", "öka"), "5322": ("brist", "öka"),
    "5324": ("balans", "öka"), "5330": ("balans", "vara oförändrad"), "5341": ("brist", "öka"),
    "5343": ("balans", "vara oförändrad"), "5326": ("brist", "öka"), "2221": ("brist", "öka"),
    "7411": ("brist", "öka"), "7412": ("brist", "öka"), "7413": ("brist", "öka"),
    "7125": ("brist", "öka"), "7126": ("brist", "öka"), "5152": ("balans", "vara oförändrad"),
    "7231": ("brist", "vara oförändrad"), "8332": ("brist", "öka"), "8331": ("brist", "öka"),
    "5120": ("balans", "vara oförändrad"), "5131": ("överskott", "vara oförändrad"),
    "5141": ("överskott", "vara oförändrad"), "5222": ("överskott", "minska"),
    "5223": ("överskott", "minska"), "5230": ("överskott", "minska"),
    "5311": ("överskott", "vara oförändrad"), "5312": ("överskott", "vara oförändrad"),
    "2512": ("balans", "öka"), "2172": ("överskott", "vara oförändrad"),
    "2652": ("överskott", "vara oförändrad"), "2643": ("överskott", "minska"),
    "2642": ("överskott", "minska"), "7111": ("balans", "vara oförändrad"),
    "7212": ("brist", "vara oförändrad"), "7223": ("balans", "vara oförändrad"),
    "7233": ("brist", "öka"), "6121": ("balans", "vara oförändrad"),
    "6210": ("balans", "vara oförändrad"), "2330": ("brist", "öka"), "2343": ("balans", "minska"),
    "3313": ("balans", "vara oförändrad"), "4224": ("överskott", "vara oförändrad"),
    "2142": ("balans", "öka"), "2143": ("brist", "öka"), "2144": ("balans", "öka"),
}  # fmt: skip
SITUATIONS = ["överskott", "balans", "brist"]


def demo_assessment_records(
    *, round: str, counties: list[str], occupations: dict[str, str]
) -> list[dict]:
    """Yrkesbarometer-shaped records (same keys as the JSON) for the DEMO_OUTLOOK groups."""
    rng = random.Random(round)  # noqa: S311 - demo data
    records = []
    for ssyk, (situation, outlook) in DEMO_OUTLOOK.items():
        for area in [NATIONAL, *counties]:
            local = situation
            if area != NATIONAL and rng.random() < 0.25:  # counties differ now and then
                shift = rng.choice([-1, 1])
                local = SITUATIONS[min(2, max(0, SITUATIONS.index(situation) + shift))]
            records.append(
                {
                    "yrkesomrade": None,
                    "yb_yrke": occupations.get(ssyk, ssyk),
                    "yb_concept_id": f"{DEMO_CONCEPT_PREFIX}{ssyk}",
                    "lan": area,
                    "ssyk": ssyk,
                    "ssyk_text": occupations.get(ssyk, ""),
                    "yb_beskrivning": "Demodata, inte Arbetsförmedlingens bedömning.",
                    "jobbmojligheter": {"brist": "stora", "balans": "medelstora"}.get(local, "små"),
                    "rekryteringssituation": local,
                    "paradox": [],
                    "prognos": outlook,
                    "text_jobbmojligheter": "",
                    "text_rekryteringssituation": "Demodata: genererad bedömning för att visa sidorna.",
                    "hogsta_bedomningsniva": "län",
                    "delvis_helt": "helt",
                    "omgang": round,
                    "taxonomi_version": None,
                }
            )
    return records
