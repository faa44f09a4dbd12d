"""“Vad har ändrats?”: a reader compares two published versions of a plan, section by section."""

import pytest
from wagtail.models import PageViewRestriction

from guidance_plans.diff import DiffLine, SectionDiff, diff_paragraphs
from guidance_plans.selectors import published_revisions

from .factories import GuidancePlanPageFactory, activity, responsibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def revised_plan(plan_index):
    plan = GuidancePlanPageFactory(
        municipality_code="1480",
        title="Göteborgs plan",
        current_state="<p>Eleverna efterfrågar mer kontakt med arbetslivet.</p>",
        responsibilities=[
            responsibility("rektor", "Rektor ansvarar för att planen genomförs."),
            responsibility("elevhalsa", "Elevhälsan stöttar elever med särskilda behov."),
        ],
        activities=[activity("Yrkesmässa i åk 8")],
    )
    second = plan.get_latest_revision_as_object()
    second.current_state = "<p>Eleverna efterfrågar mycket mer kontakt med arbetslivet.</p>"
    second.responsibilities = [
        responsibility("rektor", "Rektor ansvarar för att planen genomförs.")
    ]
    second.activities = [activity("Yrkesmässa i åk 8"), activity("Prao-vecka i åk 9")]
    second.save_revision(log_action=True).publish()
    draft = second.get_latest_revision_as_object()
    draft.follow_up = "<p>HEMLIGT UTKAST som inte är publicerat.</p>"
    draft.save_revision(log_action=True)
    plan.refresh_from_db()
    return plan


def test_only_published_versions_are_offered(revised_plan):
    revisions = published_revisions(revised_plan)
    assert len(revisions) == 2
    assert revised_plan.latest_revision_id not in {rev.pk for rev in revisions}


def test_changes_page_shows_additions_and_removals_per_section(client, revised_plan):
    response = client.get(revised_plan.changes_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 avsnitt har ändrats" not in html  # three sections changed, not two
    assert "3 avsnitt har ändrats" in html
    activities = html[html.index('id="andring-activities"') :]
    activities = activities[: activities.index("</section>")]
    assert '<span class="diff__label diff__label--insert">Tillagt</span> <ins>' in activities
    assert "Prao-vecka i åk 9" in activities
    responsibilities = html[html.index('id="andring-responsibilities"') :]
    assert (
        "<del>Elevhälsa: Elevhälsan stöttar elever med särskilda behov.</del>" in responsibilities
    )
    current_state = html[html.index('id="andring-current_state"') :]
    assert '<ins><span class="visually-hidden">tillagt: </span>mycket</ins>' in current_state
    goals = html[html.index('id="andring-goals"') :]
    assert goals.index("Oförändrat.") < goals.index("</section>")


def test_unpublished_draft_never_shows_in_the_changes(client, revised_plan):
    html = client.get(revised_plan.changes_url).content.decode()
    assert "HEMLIGT UTKAST" not in html


def test_revision_of_another_plan_is_refused_in_swedish(client, revised_plan):
    other = GuidancePlanPageFactory(municipality_code="1280")
    foreign = published_revisions(other)[0].pk
    own = published_revisions(revised_plan)[0].pk
    response = client.get(revised_plan.changes_url, {"fran": foreign, "till": own})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Versionen finns inte bland planens publicerade versioner" in html
    assert "<ins>" not in html


def test_plan_published_once_says_there_is_nothing_to_compare(client, plan_index):
    plan = GuidancePlanPageFactory()
    html = client.get(plan.changes_url).content.decode()
    assert "Planen har bara publicerats en gång" in html


def test_changes_page_sits_beside_the_plan_it_describes(client, plan_index):
    plan = GuidancePlanPageFactory(municipality_code="1280", title="Malmös plan")
    assert plan.changes_url == f"{plan.url}andringar/"
    html = client.get(plan.changes_url).content.decode()
    assert "Malmös plan" in html and f'href="{plan.url}"' in html


def test_changes_of_a_plan_nobody_may_read_are_not_found(client, plan_index):
    unpublished = GuidancePlanPageFactory(slug="dragen-tillbaka")
    unpublished_url = unpublished.changes_url
    unpublished.unpublish()
    restricted = GuidancePlanPageFactory(slug="bara-inloggade")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert client.get(unpublished_url).status_code == 404
    assert client.get(restricted.changes_url).status_code == 404
    assert client.get("/vagledningsplaner/goteborg/finns-inte/andringar/").status_code == 404


def test_word_level_changes_inside_a_paragraph():
    lines = diff_paragraphs(
        ("Alla elever får ett samtal i åk 8.", "Oförändrad mening."),
        ("Alla elever får två samtal i åk 8 och 9.", "Oförändrad mening."),
    )
    assert [line.kind for line in lines] == ["change", "equal"]
    fragments = [(f.kind, f.text) for f in lines[0].fragments]
    assert ("delete", "ett") in fragments and ("insert", "två") in fragments
    assert ("insert", "och 9.") in fragments or ("insert", "8 och 9.") in fragments


def test_long_unchanged_runs_fold_away_around_a_change():
    section = SectionDiff(
        "activities",
        "Aktiviteter",
        [DiffLine("equal", f"Stycke {n}") for n in range(5)]
        + [DiffLine("insert", "Nytt stycke")]
        + [DiffLine("equal", f"Stycke {n}") for n in range(5, 10)],
    )
    blocks = section.blocks()
    assert [block["kind"] for block in blocks] == ["collapsed", "line", "line", "line", "collapsed"]
    assert len(blocks[0]["lines"]) == 4 and blocks[1]["line"].text == "Stycke 4"
    assert blocks[2]["line"].kind == "insert"
