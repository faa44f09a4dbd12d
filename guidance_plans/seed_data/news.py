"""Demo news (demonstration content, clearly marked in each item's source)."""

from datetime import date

SOURCE = "SYV-portalen (demonstrationsinnehåll)"

# slug, date, title, intro, paragraphs, theme slugs, municipality codes
NEWS = [
    (
        "anpassad-skola-vad-betyder-namnbytet",
        date(2026, 9, 2),
        "Anpassad skola: vad namnbytet betyder för vägledningen",
        "Särskolan heter sedan 2023 anpassad skola. Eleverna har samma rätt till studie- och "
        "yrkesvägledning som alla andra.",
        [
            "Namnbytet ändrade inte elevernas rättigheter, men många kommuner har passat på att "
            "se över hur vägledningen når elever i anpassad grundskola och anpassad gymnasieskola.",
            "Arbetsplatsbesök med bildstöd och tidig planering av övergången efter skolan är två "
            "aktiviteter som återkommer i kommunernas planer.",
        ],
        ["lagar-och-forordningar", "funktionsnedsattning"],
        [],
    ),
    (
        "vad-sager-skollagen-om-vagledning",
        date(2026, 9, 15),
        "Vad säger skollagen om studie- och yrkesvägledning?",
        "Skollagen kräver att eleverna har tillgång till personal med sådan kompetens att deras "
        "behov av vägledning kan tillgodoses.",
        [
            "Bestämmelsen finns i 2 kap. 29 § skollagen och gäller alla skolformer utom förskolan.",
            "Skolverkets allmänna råd beskriver hur huvudmän och rektorer kan planera arbetet, "
            "bland annat genom en plan med mål, ansvarsfördelning och uppföljning.",
        ],
        ["lagar-och-forordningar", "vagledning"],
        [],
    ),
    (
        "webbinarium-allmanna-rad",
        date(2026, 9, 24),
        "Webbinarium om de allmänna råden för studie- och yrkesvägledning",
        "Ett webbinarium för rektorer och vägledare om hur de allmänna råden kan användas när "
        "planen ska revideras.",
        [
            "Webbinariet tar upp vägledning i vid bemärkelse, hur lärare kan koppla undervisningen "
            "till arbetslivet och hur arbetet följs upp.",
        ],
        ["nyheter-fran-skolverket", "skolans-arbete"],
        [],
    ),
    (
        "yrkesbarometern-i-vagledningssamtalet",
        date(2026, 10, 1),
        "Så kan Yrkesbarometern användas i vägledningssamtalet",
        "Arbetsförmedlingens bedömningar av arbetsmarknaden ger ett underlag när elever "
        "funderar på yrken och utbildningar.",
        [
            "På SYV-portalens REKAS-sidor visas antagningsstatistik för gymnasieprogram sida vid "
            "sida med bedömningarna för yrken som programmen leder till.",
            "Prognoser är osäkra på lång sikt, så de fungerar bäst som en av flera utgångspunkter.",
        ],
        ["arbetsmarknad", "vagledning"],
        [],
    ),
    (
        "npf-erfarenheter-fran-tre-kommuner",
        date(2026, 10, 8),
        "Vägledning för elever med NPF – erfarenheter från tre kommuner",
        "Tydlig struktur, förberedda besök och fler korta samtal gör skillnad för elever med "
        "neuropsykiatriska funktionsnedsättningar.",
        [
            "Vägledare i Göteborg, Uppsala och Umeå beskriver hur de samarbetar med elevhälsan "
            "inför gymnasievalet.",
        ],
        ["funktionsnedsattning", "skolans-arbete"],
        ["1480", "0380", "2480"],
    ),
    (
        "ansokan-till-yrkeshogskolan",
        date(2026, 10, 20),
        "Ansökningsperioden till yrkeshögskolan närmar sig",
        "Många yrkeshögskoleutbildningar startar på hösten och har ansökan under våren.",
        [
            "För elever i gymnasiets sista år och vuxna som vill byta yrke är yrkeshögskolan ett "
            "alternativ med stor andel lärande i arbete.",
        ],
        ["vidareutbildning", "studier"],
        [],
    ),
    (
        "yrkesvux-i-skane",
        date(2026, 10, 29),
        "Fler vill läsa yrkesvux i Skåne",
        "Kommunerna i MalmöLundregionen samverkar om yrkesutbildning för vuxna.",
        [
            "Samverkan gör att fler utbildningar kan erbjudas, även i mindre kommuner.",
        ],
        ["vidareutbildning", "arbetsmarknad"],
        ["1280", "1281"],
    ),
    (
        "gymnasievalet-tidslinje",
        date(2026, 11, 5),
        "Gymnasievalet: en tidslinje för vägledare",
        "Från föräldramötet i september till omvalsperioden på våren – så kan året planeras.",
        [
            "Planera in enskilda samtal i god tid före första ansökan och följ upp elever som "
            "ännu inte har sökt.",
        ],
        ["studier", "vagledning"],
        [],
    ),
    (
        "natverkstraff-gr",
        date(2026, 11, 12),
        "Nätverksträff för vägledare i Göteborgsregionen",
        "Höstens träff handlade om PRAO-samordning och om hur skolorna följer upp sina planer.",
        [
            "Deltagarna delade erfarenheter av att samordna PRAO-platser mellan skolor.",
        ],
        ["vagledning", "skolans-arbete"],
        ["1480", "1384", "1481"],
    ),
    (
        "arbetsmarknad-for-unga-i-vasterbotten",
        date(2026, 11, 19),
        "Arbetsmarknaden för unga i Västerbotten",
        "Industrietableringar i norr ökar efterfrågan på yrkesutbildade.",
        [
            "Vägledare i regionen ser ett ökat intresse för el- och energiprogrammet och "
            "industritekniska programmet.",
        ],
        ["arbetsmarknad"],
        ["2480", "2482"],
    ),
]
