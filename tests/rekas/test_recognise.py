"""The programme recogniser on every programme variant in the real regional sample and on the
forms the offices' lists use (names, abbreviations, codes, codes with a year, glued columns)."""

import json
from pathlib import Path

import pytest

from rekas.importers.recognise import Catalogue, recognise

SAMPLE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "rekas" / "admissions_regional_sample.json"
)

# (code column, name column) as published → (programme, study path, orientation, variant).
EXPECTED = {
    (None, "Naturvetenskapsprogrammet"): ("NA", "NA", None, ""),
    (None, "Restaurang- Och Livsmedelsprogrammet"): ("RL", "RL", None, ""),
    (None, "Samhällsvetenskapsprogrammet"): ("SA", "SA", None, ""),
    (None, "Teknikprogrammet"): ("TE", "TE", None, ""),
    (None, "Vvs- Och Fastighetsprogrammet"): ("VF", "VF", None, ""),
    (None, "Vård- Och Omsorgsprogrammet"): ("VO", "VO", None, ""),
    (None, "Yrkesintroduktion, Yrkespaket Barnskötare - Elevassistent"): (
        "IMY", "IMY", None, "Yrkespaket Barnskötare - Elevassistent",
    ),
    (None, "Bygg- Och Anläggningsprogrammet"): ("BA", "BA", None, ""),
    (None, "Barn- Och Fritidsprogrammet"): ("BF", "BF", None, ""),
    (None, "Ekonomiprogrammet"): ("EK", "EK", None, ""),
    (None, "Försäljnings- Och Serviceprogrammet"): ("HA", "HA", None, ""),  # HA's name since 2020
    (None, "Fordons- Och Transportprogrammet"): ("FT", "FT", None, ""),
    (None, "Introduktionsprogrammet"): None,  # which of the four is not said: a person decides
    (None, "Naturvetenskapsprogrammet, Alpin Rig"): ("NA", "NA", None, "Alpin Rig"),
    (None, "Finsnickeriutbildningen"): None,
    (None, "El- Och Energiprogrammet"): ("EE", "EE", None, ""),
    (None, "Naturbruksprogrammet, Djurvård"): ("NB", "NB", None, "Djurvård"),
    ("NA", "NA"): ("NA", "NA", None, ""),
    ("RL", "RL"): ("RL", "RL", None, ""),
    ("SA", "SA"): ("SA", "SA", None, ""),
    ("TE", "TE"): ("TE", "TE", None, ""),
    ("VO", "VO"): ("VO", "VO", None, ""),
    ("BA", "BA"): ("BA", "BA", None, ""),
    ("EE", "EE"): ("EE", "EE", None, ""),
    ("EK", "EK"): ("EK", "EK", None, ""),
    ("EE", "EEDAK"): ("EE", "EEDAK", None, ""),  # a study-path code REKAS does not list
    ("ES", "ESESM"): ("ES", "ESESM", None, ""),
    ("IM", "IMVEE"): ("IMV", "IMVEE", None, ""),  # programinriktat val towards EE
    ("IM", "IMVES"): ("IMV", "IMVES", None, ""),
    ("IM", "IMVTE"): ("IMV", "IMVTE", None, ""),
    ("TE", "TEINM"): ("TE", "TEINM", None, ""),
    ("IM", "IMVNB"): ("IMV", "IMVNB", None, ""),
    ("NB", "NBDJD"): ("NB", "NBDJD", None, ""),
    (None, "FOFO0XLR-AL             Floristutbildningen                   Almåsgymnasiet"): None,
    (None, "FRBAE0L-AL              Frisör- och stylistprogrammet         Almåsgymnasiet"): None,
    (None, "FRFRR-AL                Frisör- och stylistprogrammet         Almåsgymnasiet"): None,
    (None, "FRFRR0L-AL              Frisör- och stylistprogrammet         Almåsgymnasiet"): None,
    (None, "FRHAM-AL                Frisör- och stylistprogrammet         Almåsgymnasiet"): None,
    (None, "FS-AL                   Försäljnings- och serviceprogrammet   Almåsgymnasiet"): (
        "HA", "HA", None, "",
    ),
    (
        None,
        "FSFS00L-AL              Försäljnings- och serviceprogrammet"
        "                            Almåsgymnasiet",
    ): ("HA", "FSFS", None, ""),
    (
        None,
        "FT-VS                   Fordons- och transportprogrammet"
        "                               Viskastrandsgymnasiet",
    ): ("FT", "FT", None, ""),
    (
        None,
        "HT-AL                   Hotell- och turismprogrammet"
        "                                   Almåsgymnasiet",
    ): ("HT", "HT", None, ""),
    (
        None,
        "HTHT00L-AL              Hotell- och turismprogrammet"
        "                                   Almåsgymnasiet",
    ): ("HT", "HTHT", None, ""),
    (
        None,
        "HU-BÄ                   Humanistiska programmet"
        "                                        Bäckängsgymnasiet",
    ): ("HU", "HU", None, ""),
    (
        None,
        "IB-SE                   International Baccalaureate"
        "                                    Sven Eriksonsgymnasiet",
    ): None,
    (
        None,
        "IMVBAG-VS               Programinriktat val mot Bygg- och anläggningsprogrammet, "
        "mot gy Viskastrandsgymnasiet",
    ): ("IMV", "IMVBAG", None, ""),
    (
        None,
        "IMVBFG-AL               Programinriktat val mot Barn- och fritidsprogrammet, "
        "mot gymnasi Almåsgymnasiet",
    ): ("IMV", "IMVBFG", None, ""),
    (
        None,
        "IMVEEG-VS               Programinriktat val mot El- och energiprogrammet, "
        "mot gymnasiep Viskastrandsgymnasiet",
    ): ("IMV", "IMVEEG", None, ""),
    (
        None,
        "IMVEKG-SE               Programinriktat val mot Ekonomiprogrammet, "
        "mot gymnasieprogra Sven Eriksonsgymnasiet",
    ): ("IMV", "IMVEKG", None, ""),
    (
        None,
        "IMVESGBIF-BÄ            Programinriktat val mot Estetiska programmet, "
        "mot gymnasieprogr Bäckängsgymnasiet",
    ): ("IMV", "IMVESG", None, ""),
    ("TE", "Teknikprogrammet"): ("TE", "TE", None, ""),
    ("VO", "Vård- och omsorgsprogrammet"): ("VO", "VO", None, ""),
    ("BF", "Barn- och fritidsprogrammet BF - Fritid och hälsa"): ("BF", "BFFRI", "BFFRI", ""),
    ("EK", "Ekonomiprogrammet EK"): ("EK", "EK", None, ""),
    ("ES", "Estetiska programmet ES - Circus, särskild variant, spetsutbildning, riksrekrytering"): (
        "ES", "ES", None, "Circus, särskild variant, spetsutbildning, riksrekrytering",
    ),
    ("FS", "Försäljnings- och serviceprogrammet FS - Försäljnings- och service"): (
        "HA", "HA", None, "Försäljnings- och service",
    ),
    ("NA", "Naturvetenskapsprogrammet NA"): ("NA", "NA", None, ""),
    ("SA", "Samhällsvetenskapsprogrammet SA - Beteendevetenskap"): ("SA", "SABET", "SABET", ""),
    ("VO", "Vård- och omsorgsprogrammet VO - Vård och omsorg"): (
        "VO", "VO", None, "Vård och omsorg",
    ),
    ("BA", "Bygg- och anläggningsprogrammet BA - Husbyggnad"): ("BA", "BAHUS", "BAHUS", ""),
    ("FT", "Fordons- och transportprogrammet FT - Fordonsskadeteknik och lackering"): (
        "FT", "FT", None, "Fordonsskadeteknik och lackering",
    ),
    ("FT", "Fordons- och transportprogrammet FT - Personbil"): ("FT", "FTPER", "FTPER", ""),
    (
        "IM",
        "Introduktionsprogram IM - Programinriktat val; Bygg och anläggning, mot gymnasieprogram, "
        "Husbyggnad",
    ): ("IMV", "IMV", None, "Bygg och anläggning, mot gymnasieprogram, Husbyggnad"),
    ("IM", "Introduktionsprogram IM - Programinriktat val; Fordon och transport, mot gymnasieprogram"): (
        "IMV", "IMV", None, "Fordon och transport, mot gymnasieprogram",
    ),
    ("EK", "Ekonomiprogrammet EK - Ekonomi"): ("EK", "EKEKO", "EKEKO", ""),
    ("EK", "Ekonomiprogrammet EK - Juridik"): ("EK", "EKJUR", "EKJUR", ""),
    ("NA", "Naturvetenskapsprogrammet NA - Naturvetenskap och samhälle"): (
        "NA", "NASAM", "NASAM", "",
    ),
    ("NA", "Naturvetenskapsprogrammet NA - Naturvetenskap"): ("NA", "NANAT", "NANAT", ""),
    ("ES", "Estetiska programmet ES - Musik, spetsutbildning, riksrekrytering, Horn"): (
        "ES", "ESMUS", "ESMUS", "Musik, spetsutbildning, riksrekrytering, Horn",
    ),
    ("ES", "Estetiska programmet ES - Teater"): ("ES", "ESTEA", "ESTEA", ""),
    ("HU", "Humanistiska programmet HU - Språk"): ("HU", "HUSPR", "HUSPR", ""),
    ("SA", "Samhällsvetenskapsprogrammet SA - Samhällsvetenskap"): ("SA", "SASAM", "SASAM", ""),
    ("EE", "El- och energiprogrammet EE - Energiteknik"): ("EE", "EEENE", "EEENE", ""),
    ("GU", "Guldsmedsutbildningen GU - Guldsmedsutbildningen"): None,
    ("IM", "Introduktionsprogram IM - Programinriktat val; El och energi, mot gymnasieprogram"): (
        "IMV", "IMV", None, "El och energi, mot gymnasieprogram",
    ),
}  # fmt: skip
# Storsthlm's music lines: the orientation Musik, the instrument kept as the variant.
for instrument in [
    "Piano, jazz", "Saxofon", "Violin", "Elbas", "Slagverk", "Sång, övriga genrer", "Trumpet",
    "Övriga instrument", "Sång, Klassisk",
]:  # fmt: skip
    variant = f"Musik, spetsutbildning, riksrekrytering, {instrument}"
    EXPECTED[("ES", f"Estetiska programmet ES - {variant}")] = ("ES", "ESMUS", "ESMUS", variant)

# The other forms named in the issue and in FORMATS.md.
OTHER_FORMS = {
    "Ekonomiprogr.": ("EK", "EK", None, ""),
    "Barn- och fritidsprogr.": ("BF", "BF", None, ""),
    "VO25": ("VO", "VO", None, ""),
    "TE25": ("TE", "TE", None, ""),
    "NANAT": ("NA", "NANAT", "NANAT", ""),
    "IMPRO": ("IMV", "IMV", None, ""),
    "Introduktionsprogram IM - Yrkesintroduktion; Hotell och turism, mot gymnasieprogram, "
    "lärlingsliknande": (
        "IMY", "IMY", None, "Hotell och turism, mot gymnasieprogram, lärlingsliknande",
    ),
    "Fordons- och transportprogrammet      Fordo": ("FT", "FT", None, "Fordo"),
    "Naturbruksprogrammet, Skogsbruk, Jakt": ("NB", "NB", None, "Skogsbruk, Jakt"),
    "Bygg- Och Anläggningsprogrammet": ("BA", "BA", None, ""),
    "BYGG-OCH ANLÄGGNINGSPROGRAMMET": ("BA", "BA", None, ""),
    "  Vård-  och   omsorgsprogrammet ": ("VO", "VO", None, ""),
    "Vård – och omsorgsprogrammet": ("VO", "VO", None, ""),
    "Omvårdnadsprogrammet": ("VO", "VO", None, ""),  # the name before 2011
    "Individuellt alternativ": ("IMA", "IMA", None, ""),
    "Språkintroduktion": ("IMS", "IMS", None, ""),
    "Programinriktat val": ("IMV", "IMV", None, ""),
    "Yrkesintroduktion": ("IMY", "IMY", None, ""),
    "Teknikprogrammet, Informations- och medieteknik": ("TE", "TEINF", "TEINF", ""),
}  # fmt: skip


def _as_tuple(found):
    return None if found is None else (
        found.programme, found.study_path, found.orientation, found.variant
    )  # fmt: skip


@pytest.fixture
def catalogue(db):
    return Catalogue.load()


def test_every_programme_variant_in_the_regional_sample_is_covered():
    rows = json.loads(SAMPLE.read_text(encoding="utf-8"))
    published = {(row["programCode"], row["programName"]) for row in rows}

    assert published == set(EXPECTED)


@pytest.mark.parametrize(("published", "expected"), list(EXPECTED.items()), ids=str)
def test_sample_variant(catalogue, published, expected):
    code, name = published

    assert _as_tuple(recognise(catalogue, code=code, name=name)) == expected


@pytest.mark.parametrize(("name", "expected"), list(OTHER_FORMS.items()), ids=str)
def test_other_written_forms(catalogue, name, expected):
    assert _as_tuple(recognise(catalogue, code=None, name=name)) == expected


def test_a_school_glued_after_the_programme_is_given_back(catalogue):
    found = recognise(
        catalogue,
        code=None,
        name="FT-VS                   Fordons- och transportprogrammet   Viskastrandsgymnasiet",
    )

    assert found.school == "Viskastrandsgymnasiet"


def test_orientation_column_adds_the_orientation(catalogue):
    found = recognise(catalogue, code="EK", name=None, orientation="Juridik")

    assert (found.study_path, found.orientation) == ("EKJUR", "EKJUR")
