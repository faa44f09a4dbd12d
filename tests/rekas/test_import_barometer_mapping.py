"""Yrkesbarometer and mapping imports, with the real excerpt shipped in rekas/data/."""

import json

from rekas.importers import import_mapping, import_yrkesbarometer
from rekas.models import Assessment, BarometerOccupation, Occupation, ProgrammeOccupation
from rekas.services import BAROMETER_EXCERPT


def records():
    return json.loads(BAROMETER_EXCERPT.read_text(encoding="utf-8"))


def write(tmp_path, data, name="yb.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_real_excerpt_is_imported(excerpt):
    assert (excerpt.read, excerpt.written, excerpt.rejected) == (30, 30, 0)
    assistants = BarometerOccupation.objects.get(concept_id="PDNm_NZ2_WRh")
    assert list(assistants.occupations.values_list("ssyk", flat=True)) == ["4119"]
    national = Assessment.objects.get(barometer_occupation=assistants, area_code="00")
    assert (national.round, national.recruitment_situation, national.outlook) == (
        "2025-2",
        "överskott",
        "vara oförändrad",
    )
    assert national.job_opportunities == "små" and not national.partial
    uppsala = Assessment.objects.get(barometer_occupation=assistants, area_code="03")
    assert uppsala.partial and uppsala.assessment_level == "nuts2"


def test_reimport_of_a_round_replaces_it_and_keeps_other_rounds(excerpt, tmp_path):
    older = [dict(record, omgang="2025-1", rekryteringssituation="balans") for record in records()]
    import_yrkesbarometer(source=write(tmp_path, older, "old.json"))

    report = import_yrkesbarometer(source=BAROMETER_EXCERPT)

    assert (report.written, report.replaced) == (30, 30)
    assert Assessment.objects.filter(round="2025-2").count() == 30
    assert Assessment.objects.filter(round="2025-1", recruitment_situation="balans").count() == 30


def test_several_ssyk_codes_nulls_and_paradox(db, tmp_path):
    record = dict(records()[0])
    record.update(
        yb_concept_id="test-multi",
        yb_yrke="Undersköterskor",
        ssyk="5321, 5323",
        ssyk_text="Undersköterskor, hemtjänst …; Undersköterskor, vård …",
        jobbmojligheter=None,
        rekryteringssituation="paradox",
        paradox=[{"orsak": "arbetsvillkor"}],
        prognos=None,
    )

    report = import_yrkesbarometer(source=write(tmp_path, [record]))

    assert report.committed, report.errors
    occupation = BarometerOccupation.objects.get(concept_id="test-multi")
    assert sorted(occupation.occupations.values_list("ssyk", flat=True)) == ["5321", "5323"]
    assessment = occupation.assessments.get()
    assert assessment.job_opportunities == "" and assessment.outlook == ""
    assert assessment.paradox == [{"orsak": "arbetsvillkor"}]


def test_unknown_ssyk_group_is_created_from_the_file(db, tmp_path):
    record = dict(
        records()[0], yb_concept_id="test-new", ssyk="9629", ssyk_text="Övriga servicearbetare"
    )

    import_yrkesbarometer(source=write(tmp_path, [record]))

    assert Occupation.objects.get(ssyk="9629").name == "Övriga servicearbetare"


def test_bad_records_reject_the_file_with_their_numbers(excerpt, tmp_path):
    data = records()
    data[1] = dict(data[1], lan="99")
    data[2] = dict(data[2], omgang="2025")
    data[3] = dict(data[3], rekryteringssituation="kaos")
    data[4] = dict(data[4], ssyk="")
    data.append(dict(data[0]))  # duplicate of record 1

    report = import_yrkesbarometer(source=write(tmp_path, data))

    problems = [(i.row, i.column, i.value) for i in report.sorted_errors()]
    assert (2, "lan", "99") in problems
    assert (3, "omgang", "2025") in problems
    assert (4, "rekryteringssituation", "kaos") in problems
    assert (5, "ssyk", "") in problems
    assert (31, "yb_concept_id", "PDNm_NZ2_WRh") in problems
    assert not report.committed
    assert Assessment.objects.count() == 30  # the earlier import is untouched


def test_missing_field_and_broken_json(db, tmp_path):
    data = [{key: value for key, value in records()[0].items() if key != "omgang"}]
    assert import_yrkesbarometer(source=write(tmp_path, data)).errors[0].column == "omgang"

    broken = tmp_path / "broken.json"
    broken.write_text('[{"lan": "00",', encoding="utf-8")
    assert "inte giltig JSON" in import_yrkesbarometer(source=broken).errors[0].reason

    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    assert import_yrkesbarometer(source=empty).errors[0].reason == "Filen är tom."


def test_shipped_mapping_covers_all_18_national_programmes(db):
    paths = set(ProgrammeOccupation.objects.values_list("study_path", flat=True))

    national = {
        "BF",
        "BA",
        "EE",
        "FT",
        "HA",
        "HV",
        "HT",
        "IN",
        "NB",
        "RL",
        "VF",
        "VO",
        "EK",
        "ES",
        "HU",
        "NA",
        "SA",
        "TE",
    }
    assert national <= paths
    assert {"NANAT", "NASAM", "TEINF", "TEDES"} <= paths
    assert ProgrammeOccupation.objects.filter(study_path="VO", occupation__ssyk="5321").exists()


def test_mapping_import_replaces_the_mapping(db, tmp_path):
    path = tmp_path / "koppling.csv"
    path.write_text(
        "programme_code;ssyk;weight\nVO;5321;0,7\nVO;5323;0.3\nNANAT;2221;1\n", encoding="utf-8"
    )

    report = import_mapping(source=path)

    assert report.committed and report.written == 3 and report.replaced > 3
    assert ProgrammeOccupation.objects.count() == 3
    assert (
        float(ProgrammeOccupation.objects.get(study_path="VO", occupation__ssyk="5321").weight)
        == 0.7
    )
    assert ProgrammeOccupation.objects.get(study_path="NANAT").orientation.code == "NANAT"


def test_mapping_rejections(db, tmp_path):
    path = tmp_path / "koppling.csv"
    path.write_text(
        "programme_code;ssyk;weight\nVO;5321;0,7\nXY;5321;1\nVO;0000;1\nVO;5323;2\nVO;5321;0.2\n",
        encoding="utf-8",
    )
    before = ProgrammeOccupation.objects.count()

    report = import_mapping(source=path)

    problems = [(i.row, i.column, i.value) for i in report.sorted_errors()]
    assert problems == [
        (3, "programme_code", "XY"),
        (4, "ssyk", "0000"),
        (5, "weight", "2"),
        (6, "ssyk", "5321"),
    ]
    assert ProgrammeOccupation.objects.count() == before
