"""Demo content shared by every section: site pages and one account per role."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from syvsite.accounts.roles import Role
from syvsite.accounts.services import assign_role
from syvsite.home.models import HomePage, StandardPage
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import add_member, municipality_organisation
from syvsite.regions.models import Municipality

DEMO_PASSWORD = "Demo-losen-2026"  # noqa: S105 - printed in README, demo data only

# (e-mail, first name, last name, role, municipality code, organisation kind or None)
DEMO_USERS = [
    ("admin@syv-demo.se", "Ada", "Admin", Role.ADMIN, "1480", None),
    ("vagledare@syv-demo.se", "Vera", "Vägledare", Role.COUNSELLOR, "1480", "school"),
    ("vagledare2@syv-demo.se", "Omar", "Haddad", Role.COUNSELLOR, "1280", "school"),
    ("redaktor.goteborg@syv-demo.se", "Rut", "Redaktör", Role.MUNICIPALITY_EDITOR, "1480", None),
    ("redaktor.malmo@syv-demo.se", "Malte", "Redaktör", Role.MUNICIPALITY_EDITOR, "1280", None),
    ("samordnare@syv-demo.se", "Sam", "Samordnare", Role.PLACEMENT_COORDINATOR, "1480", "school"),
    ("moderator@syv-demo.se", "Mona", "Moderator", Role.MODERATOR, "1480", None),
    ("foretag@syv-demo.se", "Felix", "Företagare", Role.COMPANY_REPRESENTATIVE, "1480", "company"),
]

SCHOOLS = {"1480": ("Hvitfeldtska gymnasiet", "12345678"), "1280": ("Malmö Latinskola", "87654321")}
DEMO_COMPANY = ("Volvo Cars AB (demo)", "556074-3089")

# What the accessibility statement reports; tests/e2e/test_accessibility.py checks that these
# match what it runs (its number of cases and the vendored axe-core).
A11Y_REVIEWED = date(2026, 11, 27)
A11Y_AXE_VERSION = "4.14.1"
A11Y_PAGES_CHECKED = 116


def _home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Studie- och yrkesvägledning", slug="start"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    return home


HOME_SECTIONS = [
    (
        "Metodbanken",
        "Beprövade övningar och metoder för vägledning i grupp, klass och enskilt.",
        "/metoder/",
    ),
    (
        "REKAS",
        "Antagningsstatistik per program och kommun jämförd med Arbetsförmedlingens prognoser.",
        "/rekas/",
    ),
    ("Praktikplatser", "PRAO, APL, LIA och praktik hos arbetsgivare i hela Sverige.", "/praktik/"),
    (
        "Vägledningsplaner",
        "Kommunernas planer för studie- och yrkesvägledning, sida vid sida.",
        "/vagledningsplaner/",
    ),
    ("Forum", "Diskutera med andra vägledare. Modererat och för medlemmar.", "/forum/"),
    ("Nyheter", "Arbetsmarknad, styrdokument och nytt från Skolverket.", "/nyheter/"),
]


def _paragraphs(*texts: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>") for text in texts]


STANDARD_PAGES = [
    (
        "om",
        "Om SYV-portalen",
        "SYV-portalen samlar kunskap för dig som arbetar med studie- och yrkesvägledning.",
        _paragraphs(
            "Här finns en metodbank, ett forum för vägledare, kommunernas vägledningsplaner, "
            "statistik över gymnasieantagningen jämförd med arbetsmarknadens behov och en "
            "förmedling av praktikplatser.",
            "Innehållet tas fram tillsammans med kommuner, skolor och arbetsgivare.",
        ),
    ),
    (
        "tillganglighet",
        "Tillgänglighetsredogörelse",
        "Vi vill att så många som möjligt ska kunna använda SYV-portalen.",
        [
            ("heading", "Hur tillgänglig är webbplatsen?"),
            *_paragraphs(
                "Webbplatsen är utformad för att uppfylla WCAG 2.1 nivå AA enligt lagen (2018:1937) om "
                "tillgänglighet till digital offentlig service. Den är delvis förenlig med kraven: "
                "de automatiska testerna hittar inga brister, men alla krav kan inte testas "
                "automatiskt och de brister vi känner till står nedan.",
            ),
            ("heading", "Så har vi testat"),
            *_paragraphs(
                f"Senaste granskning: {A11Y_REVIEWED:%Y-%m-%d}. Vid varje ändring i koden "
                f"granskas {A11Y_PAGES_CHECKED} sidor och tillstånd automatiskt med axe-core "
                f"{A11Y_AXE_VERSION} i webbläsaren Chromium mot WCAG 2.0 och 2.1 nivå A och AA och axe-cores "
                "rekommendationer: alla sidmallar med exempelinnehåll, som besökare och inloggad som "
                "vägledare, kommunredaktör, praktiksamordnare, moderator, företagsrepresentant, "
                "administratör och som elev med kod. Det gäller också formulär som visar felmeddelanden, "
                "utskriftsvisningen av en metod, sökförslagen, felsidorna och de viktigaste sidorna "
                "i mobilstorlek. Resultat: inga avvikelser.",
                "Vi går igenom de viktigaste flödena med enbart tangentbord: hopplänken till "
                "innehållet, tabbordningen och den synliga fokusmarkeringen, inloggning, filtrering och "
                "sortering i metodbanken, sökning med förslag, svar i forumet och elevens val av "
                "praktikplats.",
                f"Vid granskningen {A11Y_REVIEWED:%Y-%m-%d} rättade vi fem brister: sökfältet i sidhuvudet och "
                "sökformulären på sidorna saknade skilda namn, teckenförklaringen på sidan med ändringar "
                "i en vägledningsplan lästes inte upp, sorteringsmenyerna bytte sida redan vid första "
                "piltrycket, Esc tömde sökfältet när förslagslistan stängdes och breda tabeller gick "
                "inte att rulla i sidled med tangentbordet på en liten skärm. Dessutom återgår fokus "
                "nu till filtret när söksidan laddas om.",
                "Varje diagram har en datatabell med samma uppgifter bredvid sig.",
            ),
            ("heading", "Kända brister"),
            *_paragraphs(
                "Automatiska test hittar bara en del av alla tillgänglighetsbrister. Vi har ännu inte "
                "testat webbplatsen med skärmläsare (till exempel NVDA och VoiceOver), med förstoring "
                "upp till 400 procent eller med taligenkänning.",
                "På söksidan uppdateras träffarna så fort du kryssar i ett filter, utan att det sägs "
                "i förväg. Sidan laddas om; fokus stannar på filtret du valde.",
                "Diagrammens färger och linjer är inte granskade för kontrast mot bakgrunden; samma "
                "uppgifter finns i tabellen bredvid varje diagram.",
                "Praktikintyg som PDF och dokument som kommunerna laddar upp till sina "
                "vägledningsplaner är inte granskade och kan sakna struktur för skärmläsare.",
                "Redaktörsverktyget (Wagtail) används bara av redaktörer och omfattas av Wagtails egen "
                "tillgänglighetsredogörelse.",
            ),
            ("heading", "Rapportera brister"),
            *_paragraphs(
                "Om du upptäcker problem som inte beskrivs här, kontakta oss på "
                "tillganglighet@syv-portalen.se. Du kan också kontakta Myndigheten för digital "
                "förvaltning (Digg), som är tillsynsmyndighet.",
            ),
        ],
    ),
    (
        "integritet",
        "Personuppgifter och kakor",
        "Så behandlar SYV-portalen dina personuppgifter.",
        _paragraphs(
            "Vi sparar de uppgifter du själv lämnar när du registrerar dig: namn, e-postadress, kommun "
            "och organisation. De används för att ge dig tillgång till medlemsfunktioner.",
            "IP-adresser från misslyckade inloggningar sparas för att skydda mot intrång och tas bort "
            "efter 30 dagar. IP-adressen som ett foruminlägg skickas från sparas för moderering och "
            "tas bort efter 90 dagar.",
            "Vi använder bara nödvändiga kakor: en sessionskaka när du är inloggad och en kaka som "
            "skyddar formulär mot förfalskade anrop. Inga spårningskakor.",
            "Du kan ladda ner dina uppgifter och radera ditt konto under Mina sidor.",
        ),
    ),
]


@transaction.atomic
def seed_site(*, stdout) -> HomePage:
    home = _home()
    home.title = "Studie- och yrkesvägledning"
    home.intro = (
        "Metoder, forum, vägledningsplaner, statistik och praktikplatser för dig som "
        "arbetar med studie- och yrkesvägledning."
    )
    home.sections = [
        ("section", {"title": title, "text": text, "link": link})
        for title, text, link in HOME_SECTIONS
    ]
    home.save_revision().publish()
    for slug, title, intro, body in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=title, slug=slug))
        page.title, page.intro, page.body = title, intro, body
        page.last_reviewed = A11Y_REVIEWED if slug == "tillganglighet" else date(2026, 11, 1)
        page.save_revision().publish()
    stdout.write(f"  Startsida och {len(STANDARD_PAGES)} informationssidor")
    return home


@transaction.atomic
def seed_users(*, stdout) -> dict:
    User = get_user_model()
    users = {}
    for email, first, last, role, municipality_code, org_kind in DEMO_USERS:
        municipality = Municipality.objects.get(code=municipality_code)
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "home_municipality": municipality},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_active = True
        user.email_verified_at = user.email_verified_at or timezone.now()
        user.is_superuser = user.is_staff = role == Role.ADMIN
        user.save()
        assign_role(user=user, role=role)
        if role in (Role.COUNSELLOR, Role.MUNICIPALITY_EDITOR, Role.PLACEMENT_COORDINATOR):
            add_member(user=user, organisation=municipality_organisation(municipality=municipality))
        if org_kind == "school":
            name, code = SCHOOLS[municipality_code]
            school, _ = Organisation.objects.get_or_create(
                kind=Organisation.Kind.SCHOOL,
                name=name,
                defaults={
                    "municipality": municipality,
                    "school_unit_code": code,
                    "is_approved": True,
                },
            )
            add_member(user=user, organisation=school)
        if org_kind == "company":
            name, number = DEMO_COMPANY
            company, _ = Organisation.objects.get_or_create(
                kind=Organisation.Kind.COMPANY,
                org_number=number,
                defaults={"name": name, "municipality": municipality, "is_approved": True},
            )
            add_member(user=user, organisation=company, role="admin")
        users[role] = users.get(role) or user
    stdout.write(f"  {len(DEMO_USERS)} demokonton (lösenord: {DEMO_PASSWORD})")
    return users
