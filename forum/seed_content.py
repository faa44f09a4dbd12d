"""The demo forum's categories and discussions (Markdown), written by the demo users."""

VERA = "vagledare@syv-demo.se"
OMAR = "vagledare2@syv-demo.se"
RUT = "redaktor.goteborg@syv-demo.se"
MALTE = "redaktor.malmo@syv-demo.se"
SAM = "samordnare@syv-demo.se"
MONA = "moderator@syv-demo.se"

# (slug, name, description, members only)
CATEGORIES = [
    (
        "gymnasievalet",
        "Gymnasievalet",
        "Antagning, program, behörighet och omval – frågor och erfarenheter inför gymnasievalet.",
        False,
    ),
    (
        "vagledning-i-grundskolan",
        "Vägledning i grundskolan",
        "Vägledning i åk 7–9, prao och arbetet med vägledning som hela skolans ansvar.",
        False,
    ),
    (
        "vuxenutbildning-och-omstallning",
        "Vuxenutbildning och omställning",
        "Komvux, yrkesvux, validering och vägledning av vuxna som vill byta bana.",
        False,
    ),
    (
        "arbetsmarknad-och-prognoser",
        "Arbetsmarknad och prognoser",
        "Arbetsförmedlingens prognoser, regionala behov och hur vi använder dem i samtal.",
        False,
    ),
    (
        "metoder-och-verktyg",
        "Metoder och verktyg",
        "Övningar, samtalsmetoder och material som fungerar – dela och diskutera.",
        False,
    ),
    (
        "medlemsrummet",
        "Medlemsrummet",
        "Kollegialt stöd och frågor som inte passar offentligt. Syns bara för inloggade medlemmar.",
        True,
    ),
]

# Each post: (author e-mail, Markdown, hours after the thread started).
THREADS = [
    {
        "category": "gymnasievalet",
        "title": "Hur förbereder ni eleverna inför omvalet?",
        "days_ago": 12,
        "posts": [
            (
                VERA,
                "Vi har haft många elever i åk 9 som vill byta program efter det preliminära "
                "antagningsbeskedet. Hur lägger ni upp omvalsperioden?\n\n"
                "Jag funderar på att erbjuda **drop-in-tider** i stället för bokade samtal.",
                0,
            ),
            (
                OMAR,
                "Vi kör drop-in två eftermiddagar i veckan under omvalet och det fungerar "
                "bra. Viktigast är att eleverna har tittat på programmets **inriktningar** "
                "innan de kommer, annars blir samtalen väldigt korta.",
                5,
            ),
            (
                SAM,
                "Ett tips är att skicka hem en kort checklista till vårdnadshavare samtidigt "
                "som beskeden kommer:\n\n- Vilka program står på listan nu?\n"
                "- Vad har ändrats sedan förra valet?\n- Behövs ett nytt studiebesök?",
                26,
            ),
            (VERA, "Tack båda två! Checklistan tar jag med mig.", 30),
        ],
    },
    {
        "category": "gymnasievalet",
        "title": "Introduktionsprogrammen – hur pratar ni om dem?",
        "days_ago": 6,
        "posts": [
            (
                OMAR,
                "Jag märker att många elever och föräldrar ser introduktionsprogrammen som "
                "ett misslyckande. Hur beskriver ni dem i samtal så att eleven ser en väg "
                "framåt?",
                0,
            ),
            (
                RUT,
                "Vi har börjat visa konkreta exempel på elever som gått vidare till ett "
                "nationellt program efter ett år. Det gör mycket för motivationen.",
                3,
            ),
            (
                MONA,
                "Bra tråd! Kom ihåg att inte skriva något som kan identifiera enskilda elever "
                "när ni delar exempel här i forumet.",
                4,
            ),
        ],
        "report": {
            "post": 1,
            "by": VERA,
            "reason": "personal_data",
            "message": "Kontrollera gärna att exemplen inte går att koppla till en elev.",
        },
    },
    {
        "category": "vagledning-i-grundskolan",
        "title": "Prao i åk 8 – hur får ni ihop platserna?",
        "days_ago": 20,
        "posts": [
            (
                SAM,
                "Varje år är det svårt att hitta praoplatser till alla. Vi använder "
                "[praktikplatstjänsten](/praktik/) men har fortfarande ett trettiotal elever "
                "utan plats tre veckor innan. Hur gör ni?",
                0,
            ),
            (
                VERA,
                "Vi har ett samarbete med kommunens förvaltningar som tar emot en grupp "
                "elever var. Det löser inte allt, men det minskar stressen.",
                4,
            ),
            (
                OMAR,
                "Hos oss hjälper det att fråga **vårdnadshavarnas** arbetsgivare tidigt på "
                "terminen. Skicka förfrågan redan i september.",
                8,
            ),
            (SAM, "> Skicka förfrågan redan i september.\n\nDet testar vi i höst. Tack!", 30),
        ],
    },
    {
        "category": "vagledning-i-grundskolan",
        "title": "Vägledning som hela skolans ansvar – få med lärarna",
        "days_ago": 9,
        "posts": [
            (
                VERA,
                "Hur får ni ämneslärarna att koppla undervisningen till arbetslivet? Jag vill "
                "undvika att allt hamnar på mig som vägledare.",
                0,
            ),
            (
                MALTE,
                "I Malmö har några skolor en kort punkt på varje arbetslagsmöte där någon "
                "lärare berättar hur de kopplat ett moment till ett yrke. Det sprider sig.",
                6,
            ),
            (
                OMAR,
                "Metodbanken har flera övningar som lärare kan köra själva på en lektion. "
                "Att ge dem färdigt material sänker tröskeln.",
                20,
            ),
        ],
    },
    {
        "category": "vuxenutbildning-och-omstallning",
        "title": "Vilka frågor får ni om omställningsstudiestöd?",
        "days_ago": 15,
        "posts": [
            (
                OMAR,
                "Vi får allt fler vuxna som vill plugga med omställningsstudiestöd. Vanligast "
                "är frågor om vilka utbildningar som räknas och hur lång tid det tar. Hur "
                "lägger ni upp första samtalet?",
                0,
            ),
            (
                VERA,
                "Jag börjar alltid med vad personen vill arbeta med om fem år och backar "
                "därifrån. Finansieringen tar vi sist – annars styr den hela samtalet.",
                7,
            ),
        ],
    },
    {
        "category": "arbetsmarknad-och-prognoser",
        "title": "Hur använder ni Yrkesbarometern i samtal?",
        "days_ago": 4,
        "posts": [
            (
                RUT,
                "Arbetsförmedlingens prognoser är användbara, men hur presenterar ni dem utan "
                "att eleven känner sig styrd? I [REKAS](/rekas/) kan man se antagningen och "
                "prognosen sida vid sida.",
                0,
            ),
            (
                VERA,
                "Jag visar prognosen som *en* pusselbit: intresse och förutsättningar först, "
                "sedan arbetsmarknaden. Och alltid för flera år framåt.",
                2,
            ),
            (
                OMAR,
                "Regionala skillnader är viktiga att ta upp – ett yrke med hård konkurrens "
                "i Malmö kan ha brist i Norrbotten.",
                5,
            ),
        ],
    },
    {
        "category": "metoder-och-verktyg",
        "title": "Framtidsfönstret – en enkel övning för åk 9",
        "days_ago": 25,
        "posts": [
            (
                VERA,
                "Jag delar en övning som fungerar bra i helklass:\n\n"
                "1. Eleverna delar ett papper i fyra fönster.\n"
                "2. Fönstren heter *Jag nu*, *Jag om tre år*, *Vad jag behöver lära mig* "
                "och *Vem kan hjälpa mig*.\n"
                "3. Parsamtal i tio minuter, sedan uppsamling.\n\n"
                "Tar ungefär 40 minuter.",
                0,
            ),
            (
                OMAR,
                "> Fönstren heter *Jag nu*, *Jag om tre år*\n\nSnyggt! Jag lade till ett "
                "femte fönster: *Vad gör mig nyfiken?* Det gav bra samtal.",
                10,
            ),
        ],
    },
    {
        "category": "medlemsrummet",
        "title": "Välkommen till Medlemsrummet – läs detta först",
        "days_ago": 40,
        "pinned": True,
        "locked": True,
        "posts": [
            (
                MONA,
                "Här kan du som är medlem prata mer fritt med kollegor. Tre saker:\n\n"
                "- Skriv aldrig något som kan identifiera en elev.\n"
                "- Var schysst mot varandra – vi modererar.\n"
                "- Anmäl inlägg som bryter mot reglerna med knappen *Anmäl*.",
                0,
            ),
        ],
    },
    {
        "category": "medlemsrummet",
        "title": "Hög arbetsbelastning under valperioden",
        "days_ago": 3,
        "posts": [
            (
                OMAR,
                "Är det fler som har svårt att hinna med under gymnasievalet? Jag har över "
                "400 elever och känner att samtalen blir för korta.",
                0,
            ),
            (
                VERA,
                "Samma här. Det som hjälpt mig är gruppvägledning i början av höstterminen "
                "så att de enskilda samtalen kan gå på djupet.",
                2,
            ),
            (
                MONA,
                "Tack för att ni tar upp det. Det finns en tråd i Metoder och verktyg om "
                "gruppövningar som kan vara till hjälp.",
                6,
            ),
        ],
    },
]
