"""Demo plans: the model plan and plans for six municipalities (demonstration content).

Each plan is built from shared building blocks (what most Swedish plans contain, following
Skolverket's general advice on career guidance) plus the municipality's own emphasis.
"""

from datetime import date

# (stage, responsible role, timing, title, description, method slug or "")
ACTIVITIES = {
    "yrken-i-vardagen": (
        "f-3",
        "larare",
        "Åk 1, vårterminen",
        "Yrken i vardagen",
        "Eleverna upptäcker yrkena i skolan och närmiljön med bildstöd och korta besök.",
        "yrken-i-vardagen-bildstod",
    ),
    "dromyrken": (
        "f-3",
        "larare",
        "Åk 3, höstterminen",
        "Drömyrken och förebilder",
        "Samtal om vad vuxna arbetar med och om att alla yrken passar alla.",
        "dromyrkets-vagar",
    ),
    "yrkesalfabetet": (
        "4-6",
        "larare",
        "Åk 4, höstterminen",
        "Yrkesalfabetet",
        "Klassen samlar ett yrke per bokstav och undersöker vad de innebär.",
        "yrkesalfabetet",
    ),
    "yrkesbingo": (
        "4-6",
        "syv",
        "Åk 5, vårterminen",
        "Normkritisk yrkesbingo",
        "Studie- och yrkesvägledaren och klassläraren utmanar föreställningar om kön och yrken.",
        "normkritisk-yrkesbingo",
    ),
    "yrkesintervju": (
        "4-6",
        "mentor",
        "Åk 6, vårterminen",
        "Yrkesintervju med en vuxen",
        "Eleverna intervjuar en yrkesverksam vuxen och redovisar för klassen.",
        "yrkesintervju",
    ),
    "samtal": (
        "7-9",
        "syv",
        "Åk 8 och åk 9, höstterminen",
        "Individuellt vägledningssamtal",
        "Alla elever erbjuds minst ett enskilt samtal med studie- och yrkesvägledare före gymnasievalet.",
        "vagledningssamtal-trestegsmodell",
    ),
    "prao": (
        "7-9",
        "syv",
        "Åk 8, vecka 46–47",
        "PRAO två veckor",
        "Praktisk arbetslivsorientering med förberedelse i klassen och en besöksplan från arbetsplatsen.",
        "prao-forberedelse",
    ),
    "prao-reflektion": (
        "7-9",
        "mentor",
        "Åk 8, direkt efter PRAO",
        "Reflektion efter PRAO",
        "Eleverna skriver reflektionslogg och samtalar i mentorsgrupp.",
        "reflektionslogg-efter-prao",
    ),
    "foraldramote": (
        "7-9",
        "syv",
        "Åk 9, september",
        "Föräldramöte om gymnasievalet",
        "Information om gymnasieskolans program, behörighet och tidsplan, med tolk vid behov.",
        "foraldramote-om-gymnasievalet",
    ),
    "gymnasiebesok": (
        "7-9",
        "syv",
        "Åk 9, oktober–november",
        "Öppet hus och studiebesök på gymnasieskolor",
        "Eleverna förbereder frågor och besöker minst två gymnasieskolor.",
        "studiebesok-med-forberedda-fragor",
    ),
    "programval-uppfoljning": (
        "gy",
        "syv",
        "Åk 1, oktober",
        "Uppföljning av programvalet",
        "Studie- och yrkesvägledaren träffar elever som är osäkra på sitt val eller riskerar att avbryta.",
        "",
    ),
    "arbetsmarknad": (
        "gy",
        "larare",
        "Åk 2, vårterminen",
        "Arbetsmarknadsspaning",
        "Eleverna undersöker prognoser för yrken de är intresserade av i Yrkesbarometern.",
        "arbetsmarknadsspaning-i-yrkesbarometern",
    ),
    "hogre-studier": (
        "gy",
        "syv",
        "Åk 3, höstterminen",
        "Vägledning inför högre studier",
        "Genomgång av behörighet, antagning och studiefinansiering; eleverna jämför utbildningar.",
        "jamfor-utbildningar-digitalt",
    ),
    "apl-samverkan": (
        "gy",
        "rektor",
        "Varje läsår",
        "Programråd och APL-samverkan",
        "Rektor leder programråd med branschen om arbetsplatsförlagt lärande.",
        "",
    ),
    "studieplan-vux": (
        "vux",
        "syv",
        "Vid kursstart",
        "Individuell studieplan",
        "Varje elev får en individuell studieplan upprättad tillsammans med vägledare.",
        "individuell-studieplan-vuxenutbildning",
    ),
    "validering": (
        "vux",
        "syv",
        "Löpande",
        "Kartläggning inför validering",
        "Elever med yrkeserfarenhet kartlägger vad de kan för att korta sin utbildning.",
        "kartlagg-din-erfarenhet",
    ),
    "arbetsplatsbesok-anpassad": (
        "anpassad",
        "larare",
        "Åk 7–9, varje termin",
        "Arbetsplatsbesök med bildstöd",
        "Besök på arbetsplatser med förberedelse och efterarbete i bild.",
        "arbetsplatsbesok-med-bildstod",
    ),
    "overgang-anpassad": (
        "anpassad",
        "syv",
        "Sista läsåret på anpassad gymnasieskola",
        "Planering av övergången efter skolan",
        "Samverkan med daglig verksamhet, LSS-handläggare och Arbetsförmedlingen.",
        "",
    ),
}

BASE_ACTIVITIES = list(ACTIVITIES)

RESPONSIBILITIES = [
    (
        "huvudman",
        "Huvudmannen fastställer planen, avsätter resurser och följer upp arbetet årligen.",
    ),
    (
        "rektor",
        "Rektor ansvarar för att planen genomförs på skolan och att all personal känner till sitt ansvar för vägledning i vid bemärkelse.",
    ),
    (
        "syv",
        "Studie- och yrkesvägledaren vägleder elever enskilt och i grupp och stöttar lärarna i att koppla undervisningen till arbetslivet.",
    ),
    (
        "larare",
        "Lärarna integrerar kunskap om utbildningar och arbetsliv i undervisningen i alla ämnen.",
    ),
    ("mentor", "Mentorn följer elevens utveckling och uppmärksammar behov av vägledning."),
    (
        "elevhalsa",
        "Elevhälsan samarbetar med vägledaren kring elever i behov av särskilt stöd inför övergångar.",
    ),
]

GOALS = [
    (
        "Alla elever har före gymnasievalet haft minst ett enskilt vägledningssamtal.",
        "Andel elever i åk 9 med dokumenterat samtal (mål: 100 procent).",
    ),
    (
        "Eleverna känner till utbildningsvägar och arbetsmarknadens behov.",
        "Elevenkät i åk 9 och gymnasiets åk 2: andel som instämmer.",
    ),
    (
        "Valen påverkas mindre av kön och social bakgrund.",
        "Könsfördelning på nationella program jämfört med föregående år.",
    ),
]

CURRENT_STATE = (
    "<p>{name}s skolor arbetar med studie- och yrkesvägledning men arbetet skiljer sig mellan "
    "skolorna. Elevenkäten visar att eleverna vill ha fler kontakter med arbetslivet och tidigare "
    "information om gymnasievalet.</p>"
    "<ul><li>De flesta elever i åk 9 har haft ett vägledningssamtal.</li>"
    "<li>Kopplingen mellan undervisningen och arbetslivet varierar mellan ämnen.</li>"
    "<li>Elever i anpassad skola och nyanlända elever behöver mer stöd vid övergångar.</li></ul>"
)

FOLLOW_UP = (
    "<p>Planen följs upp varje vår i det systematiska kvalitetsarbetet. Rektorerna rapporterar "
    "genomförda aktiviteter och resultat till huvudmannen, som sammanställer en rapport till "
    "nämnden.</p><p>Planen revideras senast när giltighetstiden löper ut.</p>"
)

# municipality code → list of plan dicts (oldest first). `revisions` are later published versions.
PLANS = {
    "1480": [
        {
            "slug": "plan-2025-2027",
            "title": "Plan för studie- och yrkesvägledning i Göteborgs Stad 2025–2027",
            "valid_from": date(2025, 1, 1),
            "valid_to": date(2027, 12, 31),
            "adopted_by": "Grundskolenämnden och utbildningsnämnden (demo)",
            "extra": [
                (
                    "7-9",
                    "syv",
                    "Åk 9, november",
                    "Gymnasiemässan",
                    "Besök på gymnasiemässan med förberedda frågor i klassen.",
                    "",
                )
            ],
            "attachment": True,
            "revisions": [
                {
                    "extra": [
                        (
                            "gy",
                            "arbetsmarknad",
                            "Sommarlovet, åk 1–2",
                            "Sommarjobb med vägledning",
                            "Samverkan med arbetsmarknadsenheten om sommarjobb för gymnasieelever.",
                            "",
                        )
                    ],
                    "goal_change": (
                        "Valen påverkas mindre av kön och social bakgrund.",
                        "Valen påverkas mindre av kön, social bakgrund och bostadsområde.",
                    ),
                },
            ],
            "draft": "<p>Utkast: ny elevenkät hösten 2026 visar att fler elever vill ha samtal i åk 7.</p>",
        },
    ],
    "1280": [
        {
            "slug": "plan-2024-2027",
            "title": "Malmö stads plan för studie- och yrkesvägledning 2024–2027",
            "valid_from": date(2024, 7, 1),
            "valid_to": date(2027, 6, 30),
            "adopted_by": "Grundskolenämnden (demo)",
            "extra": [
                (
                    "vux",
                    "syv",
                    "Löpande",
                    "Vägledning på flera språk",
                    "Vägledningssamtal på modersmål eller med tolk för nyanlända vuxna.",
                    "",
                )
            ],
        },
    ],
    "0380": [
        {
            "slug": "plan-2025-2028",
            "title": "Uppsala kommuns plan för studie- och yrkesvägledning 2025–2028",
            "valid_from": date(2025, 8, 1),
            "valid_to": date(2028, 6, 30),
            "adopted_by": "Utbildningsnämnden (demo)",
            "extra": [
                (
                    "gy",
                    "syv",
                    "Åk 3, februari",
                    "Universitetsdag",
                    "Besök på universitetet med provföreläsningar.",
                    "",
                )
            ],
        },
    ],
    "2480": [
        {
            "slug": "plan-2020-2024",
            "title": "Umeå kommuns plan för studie- och yrkesvägledning 2020–2024",
            "valid_from": date(2020, 8, 1),
            "valid_to": date(2024, 6, 30),
            "adopted_by": "För- och grundskolenämnden (demo)",
            "extra": [],
        },
    ],
    "1490": [
        {
            "slug": "plan-2021-2024",
            "title": "Borås Stads plan för studie- och yrkesvägledning 2021–2024",
            "valid_from": date(2021, 1, 1),
            "valid_to": date(2024, 12, 31),
            "adopted_by": "Grundskolenämnden (demo)",
            "extra": [],
        },
        {
            "slug": "plan-2027-2029",
            "title": "Borås Stads plan för studie- och yrkesvägledning 2027–2029",
            "valid_from": date(2027, 1, 1),
            "valid_to": date(2029, 12, 31),
            "adopted_by": "Grundskolenämnden (demo)",
            "extra": [
                (
                    "gy",
                    "rektor",
                    "Varje läsår",
                    "Textil- och modeutbildningar i samverkan",
                    "Samverkan med Textilhögskolan och näringslivet om studiebesök.",
                    "",
                )
            ],
        },
    ],
    "1384": [
        {
            "slug": "plan-2026-2028",
            "title": "Kungsbacka kommuns plan för studie- och yrkesvägledning 2026–2028",
            "valid_from": date(2026, 1, 1),
            "valid_to": date(2028, 12, 31),
            "adopted_by": "Förskole- och grundskolenämnden (demo)",
            "extra": [
                (
                    "7-9",
                    "syv",
                    "Åk 9, oktober",
                    "Gymnasiedagar i Göteborgsregionen",
                    "Eleverna besöker skolor i hela GR, där de kan söka på samma villkor.",
                    "",
                )
            ],
        },
    ],
}

MODEL_PLAN = {
    "summary": (
        "Modellplanen visar vad en plan för studie- och yrkesvägledning bör innehålla: nuläge, "
        "mål, ansvar, aktiviteter i alla skolformer och hur arbetet följs upp. Kopiera den och "
        "anpassa den efter er kommun."
    ),
    "current_state": (
        "<p>Beskriv hur vägledningen fungerar i dag. Utgå från elevenkäter, uppföljning av "
        "gymnasievalet, avbrott och programbyten samt personalens bild.</p>"
        "<ul><li>Vilka elever får vägledning, och när?</li>"
        "<li>Hur ser samarbetet mellan lärare och vägledare ut?</li>"
        "<li>Vilka grupper behöver mer stöd?</li></ul>"
    ),
    "follow_up": (
        "<p>Beskriv när och hur planen följs upp: vilka indikatorer, vem som sammanställer och "
        "hur resultaten återkopplas till nämnd, rektorer och personal.</p>"
    ),
}
