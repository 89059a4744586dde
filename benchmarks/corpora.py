"""Generate seeded multi-outlet news corpora from the seed articles, for benchmarks and tests.

Run ``python benchmarks/corpora.py 10000 /tmp/corpus-10k [--seed S] [--format folder|jsonl|
parquet]``; ``generate_documents`` says what a corpus holds.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FORMATS = ("folder", "jsonl", "parquet")
METADATA_COLUMNS = ["doc_id", "title", "published", "source", "url", "country", "language"]
DUPLICATE_COLUMNS = ["doc_id", "origin_doc_id", "kind"]
FIRST_DAY, LAST_DAY = date(2024, 11, 1), date(2025, 12, 31)

DUPLICATE_SHARE = 0.10  # articles that are another outlet's wire copy
EXACT_SHARE = 0.5  # of the copies, those run unchanged
FOREIGN_SHARE = 0.03  # articles in an outlet's own language, where it has one
BACKGROUND_SHARE = 0.3  # articles dated at random, not in the wake of an event
TITLE_SHARE = 0.85  # articles whose metadata carries the headline
SWAP_SHARE = 0.5  # synonym slots that take another wording
BLOC_SWAP_SHARE = 0.8  # slots that take the wording of the outlet's bloc
# Article length in characters: log-normal around the median, clipped (mean about 3 KB).
MEDIAN_CHARS, LENGTH_SIGMA, MIN_CHARS, MAX_CHARS = 2200, 0.55, 1000, 8000
COPY_POOL = 400  # recent wire stories other outlets can pick up
MAX_COPIES = 3  # outlets that run one wire story, at most
WEEKEND_WEIGHT = 0.6  # background coverage on Saturdays and Sundays, against weekdays
BURST_DAYS = 2.5  # mean days between an event and an article in its wake
PARQUET_BATCH = 5000


@dataclass(frozen=True)
class Outlet:
    """A news outlet: where it is, how much it publishes, how its copy looks."""

    name: str
    domain: str
    country: str  # ISO 3166-1 alpha-2 of the newsroom
    bloc: str  # ru, ua, kr, kp or west: the wording it uses and whose wire it runs
    weight: float  # relative number of articles
    dateline: str = ""  # wire agencies: how their copy opens
    tail: str = ""  # a closing line, such as a wire's reporting credits
    layout: str = "blank"  # blank (empty line between paragraphs), lines or bullets
    british: bool = False
    plain_quotes: bool = False
    crlf: bool = False
    headline_share: float = 0.7  # articles whose text starts with the headline
    byline: bool = False
    native: str = ""  # language of its own-language edition, if any


OUTLETS = (
    Outlet("TASS", "tass.com", "RU", "ru", 6, dateline="{city}, {pub_us}. /TASS/. ",
           native="ru", layout="lines", headline_share=0.5),
    Outlet("RIA Novosti", "ria.ru", "RU", "ru", 4, dateline="{city}, {pub_us} (RIA Novosti) - ",
           native="ru", plain_quotes=True),
    Outlet("Interfax", "interfax.com", "RU", "ru", 3, dateline="{city}, {pub_us} (Interfax) - ",
           native="ru", layout="lines", crlf=True),
    Outlet("RT", "rt.com", "RU", "ru", 3, british=True),
    Outlet("Izvestia", "iz.ru", "RU", "ru", 2, native="ru", plain_quotes=True),
    Outlet("The Moscow Times", "themoscowtimes.com", "NL", "ru", 2, byline=True),
    Outlet("Ukrinform", "ukrinform.net", "UA", "ua", 4, dateline="{city}, {pub_us} (Ukrinform) – ",
           native="uk", british=True),
    Outlet("UNIAN", "unian.info", "UA", "ua", 3, layout="bullets", native="uk",
           headline_share=0.9),
    Outlet("Ukrainska Pravda", "pravda.com.ua", "UA", "ua", 3, native="uk", british=True),
    Outlet("The Kyiv Independent", "kyivindependent.com", "UA", "ua", 3, byline=True,
           british=True, tail="Read also: {headline}"),
    Outlet("Kyiv Post", "kyivpost.com", "UA", "ua", 2, crlf=True),
    Outlet("Yonhap", "en.yna.co.kr", "KR", "kr", 6, dateline="{city}, {pub_ap} (Yonhap) -- ",
           native="ko", tail="(END)", layout="lines"),
    Outlet("KCNA", "kcna.kp", "KP", "kp", 2, dateline="Pyongyang, {pub_us} (KCNA) -- ",
           native="ko", layout="lines", headline_share=0.9),
    Outlet("The Korea Herald", "koreaherald.com", "KR", "kr", 3, byline=True),
    Outlet("The Korea Times", "koreatimes.co.kr", "KR", "kr", 2, plain_quotes=True),
    Outlet("Korea JoongAng Daily", "koreajoongangdaily.joins.com", "KR", "kr", 2, byline=True),
    Outlet("NK News", "nknews.org", "KR", "kr", 2, byline=True),
    Outlet("Reuters", "reuters.com", "GB", "west", 6, dateline="{city}, {pub_short} (Reuters) - ",
           british=True, plain_quotes=True,
           tail="(Reporting by {reporter}; Editing by {editor})"),
    Outlet("Associated Press", "apnews.com", "US", "west", 5,
           dateline="{city}, {country_name} (AP) — ",
           tail="Associated Press writer {reporter} contributed to this report."),
    Outlet("AFP", "afp.com", "FR", "west", 4, dateline="{city} (AFP) - ", british=True),
    Outlet("BBC News", "bbc.com", "GB", "west", 3, british=True, headline_share=0.4),
    Outlet("The Guardian", "theguardian.com", "GB", "west", 3, british=True, byline=True),
    Outlet("The New York Times", "nytimes.com", "US", "west", 3, byline=True),
    Outlet("The Washington Post", "washingtonpost.com", "US", "west", 2, byline=True),
    Outlet("DW", "dw.com", "DE", "west", 2, british=True, layout="lines"),
)
# The blocs whose (non-agency) outlets run each bloc's wire copy.
WIRE_READERS = {"ru": ("ru",), "ua": ("ua",), "kr": ("kr",), "kp": ("kr", "ru"),
                "west": ("ua", "kr", "west")}
DATELINE_CITIES = {"ru": ("MOSCOW", "KURSK"), "ua": ("KYIV", "SUMY", "KHARKIV"),
                   "kr": ("SEOUL",), "kp": ("PYONGYANG",),
                   "west": ("SEOUL", "KYIV", "MOSCOW", "WASHINGTON", "BRUSSELS")}
COUNTRY_NAMES = {"SEOUL": "South Korea", "KYIV": "Ukraine", "SUMY": "Ukraine",
                 "KHARKIV": "Ukraine", "MOSCOW": "Russia", "KURSK": "Russia",
                 "PYONGYANG": "North Korea", "WASHINGTON": "United States",
                 "BRUSSELS": "Belgium"}


@dataclass(frozen=True)
class Event:
    """A turn in the story that coverage bursts after."""

    day: date
    weight: float
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    seed: str = ""  # doc_id prefix of the seed article that reports it


EVENTS = (
    Event(date(2024, 11, 4), 3, (
        "North Korean troops clash with Ukrainian forces in Kursk for the first time",
        "Ukraine says it has fought North Korean soldiers in Kursk region",
        "Seoul says {n_thousand} North Korean troops now in Russia's Kursk region",
    ), (
        "Ukrainian forces have engaged North Korean troops in Russia's Kursk region for the "
        "first time, Ukrainian officials said on {weekday}, a sign that Pyongyang's deployment "
        "is moving from training grounds to the front line.",
        "Some {n_thousand} North Korean soldiers have been moved to the Kursk region, where "
        "Russia is trying to push Ukrainian forces out of territory they seized in August, "
        "South Korea's spy agency said on {weekday}.",
    )),
    Event(date(2024, 12, 17), 3, (
        "North Korean troops suffer first casualties in Kursk fighting",
        "Seoul says at least {n} North Korean soldiers killed in Kursk",
        "Drone footage shows North Korean infantry crossing open fields near {village}",
    ), (
        "North Korean soldiers fighting alongside Russian forces in the Kursk region have "
        "suffered their first casualties, the National Intelligence Service told lawmakers in "
        "Seoul on {weekday}.",
        "At least {n} North Korean troops have been killed or wounded in Kursk, Ukrainian "
        "military intelligence said on {weekday}, citing intercepted radio traffic.",
    )),
    Event(date(2025, 1, 11), 4, (
        "Ukraine captures two North Korean soldiers in Kursk",
        "Zelensky offers to swap captured North Korean soldiers for Ukrainian prisoners",
        "Captured North Korean soldier says he was told he was going to a training exercise",
    ), (
        "Ukrainian forces have captured two North Korean soldiers in the Kursk region, President "
        "Volodymyr Zelensky said on {weekday}, the first prisoners taken since Pyongyang sent "
        "troops to help Russia.",
        "The two soldiers, one of them wounded in the jaw, were taken to Kyiv and questioned by "
        "the SBU security service, which published video of the interrogation on {weekday}.",
    )),
    Event(date(2025, 2, 10), 2, (
        "North Korean troops pulled back from Kursk front after heavy losses, Kyiv says",
        "North Korean units return to Kursk front with new tactics",
    ), (
        "North Korean units have not been seen on the Kursk front for about {n_small} days, "
        "Ukrainian special forces said on {weekday}, suggesting they were withdrawn after "
        "suffering heavy losses.",
    )),
    Event(date(2025, 3, 13), 2, (
        "Russia says it has retaken Sudzha from Ukrainian forces",
        "Putin visits Kursk region as Ukrainian forces pull back",
    ), (
        "Russia said on {weekday} its forces had recaptured the town of Sudzha, the largest "
        "settlement Ukraine held in the Kursk region, as Kyiv's troops withdrew under heavy "
        "fire.",
    )),
    Event(date(2025, 4, 27), 6, (
        "Moscow and Pyongyang confirm North Korean troops fought in Kursk",
        "Kremlin thanks North Korean soldiers for Kursk 'liberation'",
        "Gerasimov says Kursk region fully retaken with North Korean help",
    ), (
        "Russia and North Korea have for the first time publicly confirmed that North Korean "
        "troops fought in the Kursk region, months after Ukrainian, South Korean and Western "
        "officials first reported their deployment.",
    ), seed="001"),
    Event(date(2025, 6, 17), 2, (
        "Shoigu says North Korea will send {n_thousand} deminers and builders to Kursk",
        "North Korea to send military engineers to clear mines in Kursk",
    ), (
        "North Korea will send {n_thousand} military builders and deminers to Russia's Kursk "
        "region, Security Council Secretary Sergei Shoigu said on {weekday} after talks with "
        "Kim Jong Un in Pyongyang.",
    )),
    Event(date(2025, 6, 26), 3, (
        "Kim Jong Un honours soldiers killed in Russia on treaty anniversary",
        "North Korea marks first anniversary of defence pact with Russia",
    ), (
        "North Korean leader Kim Jong Un paid tribute to soldiers killed fighting for Russia at "
        "a ceremony marking the first anniversary of the two countries' mutual defence treaty, "
        "state media reported on {weekday}.",
    ), seed="004"),
    Event(date(2025, 7, 12), 2, (
        "Lavrov meets Kim Jong Un in Wonsan, praises 'invincible brotherhood'",
        "Russia's foreign minister visits North Korea amid talk of new deployments",
    ), (
        "Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un in the "
        "coastal city of Wonsan on {weekday}, the latest in a string of high-level visits.",
    )),
    Event(date(2025, 8, 21), 4, (
        "Kim Jong Un awards state honours to officers who fought in Kursk",
        "North Korea holds ceremony for troops returned from Russia",
    ), (
        "North Korean leader Kim Jong Un presented state awards to commanders and soldiers who "
        "fought in Russia's Kursk region, the state news agency reported on {weekday}.",
    ), seed="000"),
    Event(date(2025, 9, 3), 4, (
        "Kim and Putin meet in Beijing after military parade",
        "Putin thanks Kim for North Korean troops' 'courage' in Kursk",
    ), (
        "Vladimir Putin and Kim Jong Un held talks in Beijing on {weekday} after attending a "
        "military parade, with the Russian leader thanking North Korea for the soldiers it sent "
        "to Kursk.",
    )),
    Event(date(2025, 10, 2), 1, (
        "Russian defence minister praises North Korean 'brothers in arms'",
    ), (
        "Russian Defence Minister Andrei Belousov said on {weekday} that North Korean soldiers "
        "had fought 'shoulder to shoulder' with Russian troops in Kursk.",
    )),
    Event(date(2025, 11, 9), 3, (
        "North Korean deminers to start work in Kursk region, Moscow says",
        "Mine clearance in Kursk to be done by North Korean sappers",
    ), (
        "North Korean specialists will begin clearing mines in the Kursk region as soon as "
        "conditions allow, a Russian deputy foreign minister said on {weekday}.",
    ), seed="002"),
    Event(date(2025, 12, 12), 3, (
        "North Korean engineering regiment returns home from Kursk",
        "Kim Jong Un welcomes sappers back from Russia",
    ), (
        "A North Korean engineering regiment that cleared mines in Russia's Kursk region has "
        "returned home, state media said on {weekday}, where Kim Jong Un greeted the troops.",
    ), seed="003"),
)
BACKGROUND_HEADLINES = (
    "What we know about North Korean troops in Russia",
    "Analysts weigh what Pyongyang gains from its soldiers in Kursk",
    "{person} says North Korean support for Moscow will grow",
    "Explainer: why North Korea sent troops to fight for Russia",
    "Seoul watches warily as Moscow and Pyongyang draw closer",
    "Residents of {village} return to find homes in ruins",
    "{n} days on the Kursk front: a soldier's account",
    "How North Korean shells and missiles reach the front",
)
# Paragraphs anyone may write; {slots} are filled per article.
TEMPLATES = (
    "“{quote},” {person} told reporters on {weekday}.",
    "“{quote},” said {person}.",
    "Residents of {village}, a village about {n_small} kilometres from the border, said they "
    "had returned to find their houses damaged and their livestock gone.",
    "According to {person}, at least {n} North Korean soldiers had been deployed near {village} "
    "by {month}.",
    "Officials in {city_name} did not immediately respond to a request for comment on {weekday}.",
    "{analyst} said the deployment gave North Korean commanders their first combat experience "
    "in decades, experience that could matter on the Korean Peninsula.",
    "Satellite images taken on {event_date} showed rows of trucks at a rail depot near {village}, "
    "{analyst} said.",
    "The claims could not be independently verified.",
)
BLOC_TEMPLATES = {
    "ru": (
        "The Defence Ministry said units of the Sever group of forces had repelled {n} attacks by "
        "Ukrainian formations near {village} over the past day.",
        "The Kyiv regime's adventure in the Kursk region has ended in complete failure, {person} "
        "said, adding that the enemy had lost more than {n_thousand} servicemen.",
        "Moscow and Pyongyang are bound by the Comprehensive Strategic Partnership Treaty, whose "
        "Article 4 provides for mutual military assistance in case of aggression.",
    ),
    "ua": (
        "Russia launched its full-scale invasion of Ukraine in February 2022 and has since relied "
        "on North Korean artillery shells and ballistic missiles.",
        "{name}, a spokesman for the {brigade} Brigade, said North Korean units were advancing "
        "in small groups and taking heavy losses near {village}.",
        "Kyiv has offered to exchange captured North Korean soldiers for Ukrainians held in "
        "Russia, an offer Pyongyang has not answered.",
    ),
    "kr": (
        "South Korea's Joint Chiefs of Staff said on {weekday} it was closely monitoring the "
        "North's military cooperation with Russia.",
        "Seoul estimates that North Korea has sent about {n_thousand} troops to Russia in total, "
        "along with millions of artillery shells.",
        "{name}, a professor of North Korean studies at {university}, said Pyongyang expects "
        "Russian help with satellite and submarine technology in return.",
    ),
    "kp": (
        "The heroic servicemen of the Korean People's Army fulfilled with honour their "
        "internationalist duty, the report said.",
        "The soldiers showed to the whole world the invincible might of the Korean People's "
        "Army, {person} said at the meeting on {weekday}.",
    ),
    "west": (
        "The United States and its allies have condemned the deployment, which they say violates "
        "United Nations Security Council resolutions.",
        "{analyst} said Moscow's reliance on Pyongyang showed how stretched Russian forces had "
        "become after nearly three years of war.",
        "NATO Secretary General Mark Rutte said on {weekday} that the growing ties between Moscow "
        "and Pyongyang threatened security in both Europe and Asia.",
    ),
}
QUOTES = (
    "We will not comment on operational matters",
    "The situation on the ground is changing very quickly",
    "This cooperation is a direct threat to our security",
    "Our soldiers fought bravely and with honour",
    "We have seen them in small groups, moving at night",
    "Nobody should be surprised by what happened in Kursk",
    "The price of this alliance will be paid by ordinary people",
    "They are learning fast, and that worries us",
)
NAMES = {
    "ru": (("Alexei", "Dmitry", "Sergei", "Igor", "Natalia", "Olga", "Yelena", "Pavel", "Mikhail",
            "Andrei", "Tatiana", "Viktor"),
           ("Sokolov", "Morozov", "Volkova", "Lebedev", "Kuznetsova", "Orlov", "Zaitsev",
            "Belova", "Gusev", "Komarov", "Vinogradova", "Tarasov")),
    "ua": (("Oleksandr", "Andriy", "Mykola", "Iryna", "Oksana", "Yuriy", "Taras", "Olena",
            "Serhiy", "Dmytro", "Kateryna", "Bohdan"),
           ("Kovalenko", "Bondarenko", "Shevchuk", "Tkachenko", "Melnyk", "Kravchuk", "Lysenko",
            "Marchenko", "Savchenko", "Rudenko", "Ponomarenko", "Hrytsenko")),
    "kr": (("Ji-hoon", "Min-jung", "Seo-yeon", "Dong-hyun", "Hye-jin", "Jae-won", "Su-bin",
            "Young-ho", "Eun-ji", "Sung-min"),
           ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
            "Oh")),
    "kp": (("Ri", "Pak", "Kim", "Jo", "Choe", "O"),
           ("Chol Ho", "Yong Nam", "Kwang Il", "Song Hui", "Myong Su", "Hyon Chol")),
    "west": (("James", "Sarah", "Michael", "Emma", "David", "Laura", "Thomas", "Hannah", "Peter",
              "Claire", "Daniel", "Sophie"),
             ("Miller", "Walsh", "Bennett", "Hughes", "Fischer", "Dubois", "Carter", "Keller",
              "Morgan", "Novak", "Whitfield", "Lindqvist")),
}
TITLES = {
    "ru": ("Defence Ministry spokesman", "State Duma deputy", "military correspondent",
           "regional official"),
    "ua": ("Ukrainian army spokesman", "regional governor", "military analyst",
           "intelligence officer"),
    "kr": ("NIS official", "lawmaker", "Unification Ministry spokesperson", "former general"),
    "kp": ("Colonel General", "Vice Minister", "senior officer", "commander"),
    "west": ("Pentagon spokesperson", "senior Western official", "NATO diplomat", "analyst"),
}
THINK_TANKS = ("Institute for the Study of War", "Royal United Services Institute",
               "Asan Institute for Policy Studies", "Carnegie Endowment", "Stimson Center",
               "Center for Strategic and International Studies")
UNIVERSITIES = ("Kyungnam University", "Ewha Womans University", "Korea University",
                "Seoul National University", "University of North Korean Studies")
BRIGADES = ("47th Mechanised", "80th Air Assault", "95th Air Assault", "225th Assault",
            "82nd Air Assault", "61st Mechanised")
VILLAGE_PARTS = (("Novo", "Staro", "Verkhnie ", "Nizhnie ", "Malaya ", "Bolshoe ", ""),
                 ("ivan", "petr", "nikol", "alexandr", "belg", "krasn", "zor", "lis", "dub",
                  "sosn", "berez", "kamen", "ozer", "grach", "sokol", "mikhail", "gorn", "ples"),
                 ("ovka", "ivka", "ino", "ovo", "evo", "oye", "skoye", "ets"))
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Wordings an outlet may swap for one another; each alternative must fit where any other does.
SWAPS = (
    ("North Korean troops", "North Korean soldiers", "North Korean forces", "DPRK troops",
     "troops from North Korea"),
    ("Kursk Oblast", "Kursk region"),
    ("Kim Jong Un", "Kim Jong-un", "Kim Jong-Un"),
    ("President Vladimir Putin", "President Putin", "Vladimir Putin"),
    ("analysts", "experts", "observers"),
    ("significant", "major", "considerable"),
    ("has sparked", "has fuelled", "has prompted"),
    ("reportedly", "reportedly", "allegedly"),
    ("Pyongyang’s", "North Korea’s", "the North’s"),
)
BLOC_SWAPS = {
    "ru": (("the war in Ukraine", "the special military operation"),
           ("Ukrainian forces", "Ukrainian formations", "the Ukrainian Armed Forces"),
           ("incursion", "invasion")),
    "ua": (("Russian forces", "Russian occupation forces", "the occupiers"),
           ("the liberation of", "the recapture of"),
           ("the conflict", "Russia’s war")),
    "kp": (("North Korea’s", "the DPRK’s"), ("North Korean", "DPRK"), ("North Korea", "the DPRK")),
    "kr": (("North Korea’s", "the North’s"),),
    "west": (("the DPRK", "North Korea"), ("DPRK troops", "North Korean troops")),
}
# American stems and their British spelling, for outlets that write British English.
BRITISH = {"defense": "defence", "honor": "honour", "organization": "organisation",
           "center": "centre", "labor": "labour", "favor": "favour", "emphasiz": "emphasis",
           "recogniz": "recognis", "characteriz": "characteris", "mobiliz": "mobilis"}
FOREIGN = {
    "ru": (("Минобороны подтвердило участие военных КНДР в освобождении Курской области",
            "Ким Чен Ын наградил военнослужащих, воевавших в Курской области",
            "Саперы из КНДР приступят к разминированию Курской области"),
           ("Начальник Генерального штаба Валерий Герасимов доложил, что подразделения армии "
            "КНДР оказали существенную помощь в разгроме группировки ВСУ.",
            "По данным министерства обороны, за прошедшие сутки противник потерял до {n} "
            "военнослужащих и несколько единиц бронетехники.",
            "Договор о всеобъемлющем стратегическом партнерстве между Россией и КНДР вступил в "
            "силу в декабре 2024 года.",
            "Губернатор Курской области заявил, что жители приграничных районов смогут вернуться "
            "домой после завершения разминирования.",
            "Эксперты отмечают, что сотрудничество Москвы и Пхеньяна давно вышло за рамки "
            "военной сферы.")),
    "uk": (("Сили оборони взяли в полон двох військових КНДР на Курщині",
            "Північнокорейські військові зазнали значних втрат у Курській області",
            "Зеленський запропонував обміняти полонених солдатів КНДР"),
           ("За даними Головного управління розвідки, північнокорейські підрозділи втратили "
            "щонайменше {n} військових убитими та пораненими.",
            "Полонених доставили до Києва, де з ними працюють слідчі Служби безпеки України.",
            "Росія розпочала повномасштабне вторгнення в Україну в лютому 2022 року.",
            "Військові зазначають, що солдати КНДР атакують невеликими групами і не мають "
            "досвіду сучасної війни.",
            "Південна Корея оцінює чисельність північнокорейського контингенту в Росії "
            "приблизно в {n_small} тисяч осіб.")),
    "ko": (("북한군, 쿠르스크 전투 참전 공식 확인",
            "김정은, 쿠르스크 파병 장병들에게 훈장 수여",
            "국정원 \"북한, 러시아에 추가 파병 준비\""),
           ("국가정보원은 북한이 러시아에 약 {n_small}천 명의 병력을 추가로 파견할 준비를 하고 "
            "있다고 밝혔다.",
            "합동참모본부는 북한과 러시아의 군사 협력 동향을 면밀히 주시하고 있다고 말했다.",
            "전문가들은 북한이 그 대가로 러시아로부터 위성 및 미사일 기술을 이전받을 가능성이 "
            "있다고 분석했다.",
            "조선중앙통신은 쿠르스크 지역 해방 작전에 참가한 군인들의 영웅적 위훈을 높이 "
            "평가했다.",
            "정부는 북한군 포로 {n_small}명의 처리 문제를 우크라이나 측과 협의하고 있다고 "
            "밝혔다.")),
}

_SLOT = re.compile(r"\{(\w+)\}")
_BULLET = re.compile(r"^[►▶•]\s*")
_DATED = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES + WEEKDAY_NAMES)}|20\d\d|yesterday|today)\b")
_PLAIN_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_BRITISH = re.compile(rf"\b(?:{'|'.join(BRITISH)})", re.IGNORECASE)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Document:
    """One generated article, with its metadata and, for a wire copy, its origin."""

    doc_id: str
    title: str
    published: date
    source: str
    url: str
    country: str
    language: str
    text: str
    origin_doc_id: str = ""
    kind: str = ""  # exact or edited, for a wire copy

    def metadata(self) -> list[str]:
        """The ``METADATA_COLUMNS`` values."""
        return [self.doc_id, self.title, self.published.isoformat(), self.source, self.url,
                self.country, self.language]


@dataclass(frozen=True)
class _Seed:
    published: date
    headline: str
    ledes: tuple[str, ...]
    undated: tuple[str, ...]
    dated: tuple[str, ...]


@dataclass(frozen=True)
class _Story:
    """A wire original other outlets may run: its parts, kept to re-render an edit."""

    document: Document
    outlet: Outlet
    event: Event | None
    headline: str
    parts: tuple[str, ...]  # the lines as written: [headline, [byline]], lede, body, [tail]
    lede_at: int  # index of the lede, which opens with the dateline
    dateline: str
    tail: bool


def read_seeds(folder: Path = SEEDS) -> dict[str, _Seed]:
    """Cut each seed article into headline, ledes and body paragraphs (with or without dates)."""
    published = {row["doc_id"]: date.fromisoformat(row["published"])
                 for row in csv.DictReader((folder / "metadata.csv").open(encoding="utf-8"))}
    seeds = {}
    for path in sorted(folder.glob("*.txt")):
        lines = [_BULLET.sub("", line.strip()) for line in
                 path.read_text(encoding="utf-8").splitlines() if line.strip()]
        first = lines[0]
        headline = first if len(first.split()) <= 25 and first[-1] not in ".!?”’\":" else ""
        body = [line for line in lines if line != headline]
        seeds[path.stem] = _Seed(
            published=published[path.stem], headline=headline, ledes=tuple(body[:2]),
            undated=tuple(line for line in body[2:] if not _DATED.search(line)),
            dated=tuple(line for line in body[2:] if _DATED.search(line)))
    return seeds


def generate_documents(n: int, *, seed: int = 0, seeds_dir: Path = SEEDS) -> Iterator[Document]:
    """Yield ``n`` articles one by one, wire copies with their ``origin_doc_id``.

    The articles come from 25 outlets in Russia, Ukraine, both Koreas and the West, dated
    over 14 months (2024-11 to 2025-12) with bursts after the events of the Kursk story.
    Each has a headline (in the text, the metadata, or both), a lede and body paragraphs
    from the seeds and the templates above, in its bloc's wording, British or American
    spelling, with datelines, bylines and its outlet's layout. About 10 % are wire copies
    another outlet runs the same or the next day, exact or edited (its own headline or no
    dateline, a paragraph dropped). Other articles share no origin, though they reuse seed
    sentences: only ``origin_doc_id`` says which are copies. About 3 % are in a Russian,
    Ukrainian or Korean outlet's own language. The same seed gives the same articles, and
    a smaller ``n`` a prefix of a larger one.

    Example:
        >>> next(generate_documents(1)).source  # doctest: +SKIP
        'Yonhap'
    """
    newsroom = _Newsroom(random.Random(seed), read_seeds(seeds_dir))
    for index in range(n):
        yield newsroom.document(_doc_id(seed, index))


def write_corpus(n: int, out_dir: str | Path, *, seed: int = 0, format: str = "folder",
                 seeds_dir: Path = SEEDS) -> Path:
    """Write ``n`` articles and ``duplicates.csv`` into the empty or missing ``out_dir``.

    ``folder`` writes one ``<doc_id>.txt`` per article and ``metadata.csv``; ``jsonl`` and
    ``parquet`` write ``corpus.jsonl``/``corpus.parquet`` with metadata and text columns.

    Returns:
        The path to give ``read_corpus``: the folder, or the table file.

    Example:
        >>> read_corpus(write_corpus(1000, "/tmp/corpus-1k"))  # doctest: +SKIP
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out}: not empty")
    out.mkdir(parents=True, exist_ok=True)
    with (out / "duplicates.csv").open("w", newline="", encoding="utf-8") as log:
        duplicates = csv.writer(log, lineterminator="\n")
        duplicates.writerow(DUPLICATE_COLUMNS)

        def logged() -> Iterator[Document]:
            for document in generate_documents(n, seed=seed, seeds_dir=seeds_dir):
                if document.origin_doc_id:
                    duplicates.writerow([document.doc_id, document.origin_doc_id, document.kind])
                yield document

        return _WRITERS[format](logged(), out)


def _write_folder(documents: Iterable[Document], out: Path) -> Path:
    with (out / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        metadata = csv.writer(handle, lineterminator="\n")
        metadata.writerow(METADATA_COLUMNS)
        for document in documents:
            (out / f"{document.doc_id}.txt").write_bytes(document.text.encode("utf-8"))
            metadata.writerow(document.metadata())
    return out


def _write_jsonl(documents: Iterable[Document], out: Path) -> Path:
    path = out / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            record = dict(zip(METADATA_COLUMNS, document.metadata(), strict=True))
            handle.write(json.dumps({**record, "text": document.text}, ensure_ascii=False) + "\n")
    return path


def _write_parquet(documents: Iterable[Document], out: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = out / "corpus.parquet"
    columns = [*METADATA_COLUMNS, "text"]
    schema = pa.schema([(name, pa.string()) for name in columns])
    with pq.ParquetWriter(path, schema) as writer:
        rows = iter(documents)
        while batch := [[*document.metadata(), document.text]
                        for document in itertools.islice(rows, PARQUET_BATCH)]:
            writer.write_table(pa.table(list(zip(*batch, strict=True)), schema=schema))
    return path


_WRITERS: dict[str, Callable[[Iterable[Document], Path], Path]] = {
    "folder": _write_folder, "jsonl": _write_jsonl, "parquet": _write_parquet}


def _doc_id(seed: int, index: int) -> str:
    digest = hashlib.blake2b(f"{seed}:{index}".encode(), digest_size=8).hexdigest()
    return f"{index:06d}_{digest}"


def _swapper(bloc: str) -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], float]]]:
    """One regex over every wording a bloc's outlets may swap, and per wording its
    alternatives and the share of slots that take one (the bloc's own groups win)."""
    choices = {wording: (group, SWAP_SHARE) for group in SWAPS for wording in group}
    # A bloc's group lists the neutral wording first and the bloc's own after it.
    choices.update({wording: (group[1:], BLOC_SWAP_SHARE)
                    for group in BLOC_SWAPS[bloc] for wording in group})
    pattern = re.compile("|".join(rf"\b{re.escape(w)}\b"
                                  for w in sorted(choices, key=len, reverse=True)))
    return pattern, choices


class _Newsroom:
    """Writes articles one after another from one random stream."""

    def __init__(self, rng: random.Random, seeds: dict[str, _Seed]) -> None:
        self.rng = rng
        self.seeds = seeds
        self.by_event = {event: next((s for stem, s in seeds.items()
                                      if event.seed and stem.startswith(event.seed)), None)
                         for event in EVENTS}
        self.undated = [p for s in seeds.values() for p in s.undated]
        self.outlet_weights = [outlet.weight for outlet in OUTLETS]
        # Per article of an outlet with its own language, so that FOREIGN_SHARE of all are.
        self.foreign_rate = FOREIGN_SHARE * sum(self.outlet_weights) / sum(
            outlet.weight for outlet in OUTLETS if outlet.native)
        self.event_weights = [event.weight for event in EVENTS]
        self.wires: deque[_Story] = deque(maxlen=COPY_POOL)
        self.copies: dict[str, int] = {}  # per origin doc_id
        self.swaps = {bloc: _swapper(bloc) for bloc in BLOC_SWAPS}
        self.wordings: dict[tuple[str, str, bool], list] = {}
        self.span = (LAST_DAY - FIRST_DAY).days

    def document(self, doc_id: str) -> Document:
        if self.wires and self.rng.random() < DUPLICATE_SHARE:
            story = self.rng.choice(self.wires)
            origin = story.document.doc_id
            self.copies[origin] = self.copies.get(origin, 0) + 1
            if self.copies[origin] == MAX_COPIES:
                self.wires.remove(story)
            return self._copy(doc_id, story)
        outlet = self.rng.choices(OUTLETS, self.outlet_weights)[0]
        if outlet.native and self.rng.random() < self.foreign_rate:
            return self._foreign(doc_id, outlet)
        return self._original(doc_id, outlet)

    def _day_and_event(self) -> tuple[date, Event | None]:
        rng = self.rng
        if rng.random() < BACKGROUND_SHARE:
            while True:
                day = FIRST_DAY + timedelta(rng.randrange(self.span + 1))
                if day.weekday() < 5 or rng.random() < WEEKEND_WEIGHT:
                    break
            recent = [event for event in EVENTS if event.day <= day]
            return day, (recent[-1] if recent and rng.random() < 0.5 else None)
        event = rng.choices(EVENTS, self.event_weights)[0]
        while True:
            offset = -rng.randint(1, 2) if rng.random() < 0.08 else round(
                rng.expovariate(1 / BURST_DAYS))
            day = event.day + timedelta(offset)
            if FIRST_DAY <= day <= LAST_DAY:
                return day, event

    def _original(self, doc_id: str, outlet: Outlet) -> Document:
        rng = self.rng
        day, event = self._day_and_event()
        seed = self.by_event.get(event) if event else None
        slots = _Slots(rng, outlet, day, event)
        headline = self._headline(event, seed, slots)
        lede = rng.choice(seed.ledes) if seed and rng.random() < 0.5 else (
            rng.choice(event.ledes) if event else rng.choice(self.undated))
        body = [slots.fill(self._reword(paragraph, outlet))
                for paragraph in self._body(outlet, day, seed, lede)]
        dateline = slots.fill(outlet.dateline)
        body[0] = dateline + body[0]
        head = [headline] if rng.random() < outlet.headline_share else []
        if head and outlet.byline:
            head.append(f"By {slots.reporter()}")
        tail = [outlet.tail.replace("{headline}", self._headline(event, seed, slots))
                if "{headline}" in outlet.tail else slots.fill(outlet.tail)] if outlet.tail else []
        parts = [part.translate(_PLAIN_QUOTES) if outlet.plain_quotes else part
                 for part in (*head, *body, *tail)]
        document = self._document(doc_id, outlet, day, headline, self._render(outlet, parts), "en")
        if outlet.dateline:
            self.wires.append(_Story(document, outlet, event, headline, tuple(parts),
                                     lede_at=len(head), dateline=dateline, tail=bool(tail)))
        return document

    def _headline(self, event: Event | None, seed: _Seed | None, slots: _Slots) -> str:
        choices = event.headlines if event else BACKGROUND_HEADLINES
        if seed and seed.headline:
            choices = (*choices, seed.headline)
        return slots.fill(self.rng.choice(choices))

    def _body(self, outlet: Outlet, day: date, seed: _Seed | None, lede: str) -> list[str]:
        """The lede and body paragraphs up to a drawn length: the event's seed article,
        other seed paragraphs (dated ones only once their article is out), templates
        (their slots still to fill)."""
        rng = self.rng
        target = min(max(rng.lognormvariate(0, LENGTH_SIGMA) * MEDIAN_CHARS, MIN_CHARS),
                     MAX_CHARS)
        own = list(seed.undated + seed.dated) if seed else []
        others = self.undated + [p for s in self.seeds.values() if s.published <= day
                                 for p in s.dated]
        templates = list(TEMPLATES + BLOC_TEMPLATES[outlet.bloc])
        paragraphs = [lede]
        length = len(lede)
        while length < target:
            draw = rng.random()
            if own and draw < 0.35:
                paragraph = own.pop(rng.randrange(len(own)))
            elif templates and draw > 0.7:
                paragraph = templates.pop(rng.randrange(len(templates)))
            else:
                paragraph = rng.choice(others)
            if paragraph in paragraphs:
                continue
            if length + len(paragraph) > MAX_CHARS:
                break
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        return paragraphs

    def _reword(self, text: str, outlet: Outlet) -> str:
        """Word a paragraph as the outlet would: swap wordings, spell British where it does."""
        key = (text, outlet.bloc, outlet.british)
        if key not in self.wordings:
            self.wordings[key] = self._wording(*key)
        rng = self.rng
        return "".join(piece if isinstance(piece, str) else (
            piece[0] if rng.random() >= piece[2] else rng.choice(piece[1]))
            for piece in self.wordings[key])

    def _wording(self, text: str, bloc: str, british: bool
                 ) -> list[str | tuple[str, tuple[str, ...], float]]:
        """Cut a paragraph once into fixed text and swappable wordings, as
        ``(wording, alternatives, share)``; regexes are too slow to run per article."""
        pattern, choices = self.swaps[bloc]
        spell = (lambda piece: _BRITISH.sub(_british, piece)) if british else (lambda piece: piece)
        pieces: list[str | tuple[str, tuple[str, ...], float]] = []
        last = 0
        for match in pattern.finditer(text):
            alternatives, share = choices[match.group()]
            if _opens_sentence(text, match.start()):
                alternatives = tuple(a[0].upper() + a[1:] for a in alternatives)
            pieces.append(spell(text[last:match.start()]))
            pieces.append((match.group(), tuple(map(spell, alternatives)), share))
            last = match.end()
        pieces.append(spell(text[last:]))
        return pieces

    def _copy(self, doc_id: str, story: _Story) -> Document:
        """Another outlet runs a wire story, the same or the next day, as is or edited:
        its own headline (or no dateline), a paragraph dropped, or both."""
        rng = self.rng
        origin = story.document
        readers = [outlet for outlet in OUTLETS
                   if not outlet.dateline and outlet.bloc in WIRE_READERS[story.outlet.bloc]]
        outlet = rng.choice(readers)
        day = min(origin.published + timedelta(rng.choice((0, 0, 1))), LAST_DAY)
        if rng.random() < EXACT_SHARE:
            return self._document(doc_id, outlet, day, story.headline, origin.text, "en",
                                  origin_doc_id=origin.doc_id, kind="exact")
        parts = list(story.parts)
        headline = story.headline
        droppable = range(story.lede_at + 1, len(parts) - story.tail)
        drop = len(droppable) >= 3 and rng.random() < 0.6
        if drop:
            del parts[rng.choice(droppable)]
        if not drop or rng.random() < 0.5:
            if story.lede_at:
                choices = [h for h in (story.event.headlines if story.event
                                       else BACKGROUND_HEADLINES) if h != headline]
                new = _Slots(rng, outlet, day, story.event).fill(rng.choice(choices)) if (
                    choices and rng.random() < 0.7) else headline
                headline = parts[0] = new if new != headline else (
                    f"UPDATE {rng.randint(1, 3)}-{headline}")
            else:
                parts[0] = parts[0][len(story.dateline):]
        return self._document(doc_id, outlet, day, headline, self._render(story.outlet, parts),
                              "en", origin_doc_id=origin.doc_id, kind="edited")

    def _foreign(self, doc_id: str, outlet: Outlet) -> Document:
        rng = self.rng
        day, event = self._day_and_event()
        slots = _Slots(rng, outlet, day, event)
        headlines, paragraphs = FOREIGN[outlet.native]
        headline = rng.choice(headlines)
        body = [slots.fill(p) for p in rng.sample(paragraphs, rng.randint(3, len(paragraphs)))]
        return self._document(doc_id, outlet, day, headline,
                              self._render(outlet, [headline, *body]), outlet.native)

    def _document(self, doc_id: str, outlet: Outlet, day: date, headline: str, text: str,
                  language: str, **copy: str) -> Document:
        slug = _SLUG.sub("-", headline.lower()).strip("-")
        slug = "-".join(slug.split("-")[:8]) or "article"
        title = headline if self.rng.random() < TITLE_SHARE else ""
        return Document(doc_id=doc_id, title=title, published=day, source=outlet.name,
                        url=f"https://{outlet.domain}/{day:%Y/%m/%d}/{slug}-{doc_id[-8:]}",
                        country=outlet.country, language=language, text=text, **copy)

    def _render(self, outlet: Outlet, parts: list[str]) -> str:
        if outlet.layout == "lines":
            text = "\n".join(parts) + "\n"
        elif outlet.layout == "bullets":
            # Indented, with ► before most paragraphs and blank lines between (as seed 001).
            lines = [f"       {parts[0]}"] + [
                f"    ► {part}" if self.rng.random() < 0.7 else f"    {part}" for part in parts[1:]]
            text = "\n\n".join(lines) + "\n"
        else:
            text = "\n\n".join(parts) + "\n"
        return text.replace("\n", "\r\n") if outlet.crlf else text


class _Slots:
    """Fills ``{slot}`` placeholders for one article: names, places, numbers, dates."""

    def __init__(self, rng: random.Random, outlet: Outlet, day: date, event: Event | None
                 ) -> None:
        self.rng, self.outlet, self.day = rng, outlet, day
        self.event_day = event.day if event else day - timedelta(rng.randint(1, 20))
        self.dateline_city = rng.choice(DATELINE_CITIES[outlet.bloc])
        # One troop figure per article, so that its headline and lede agree.
        self.troops = f"{rng.choice((1, 5, 6, 10, 11, 12, 14, 15))},000"

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda match: getattr(self, match.group(1))(), template)

    def _name(self, bloc: str) -> str:
        first, last = NAMES[bloc]
        return f"{self.rng.choice(first)} {self.rng.choice(last)}"

    def _date(self, day: date, style: str) -> str:
        month = MONTH_NAMES[day.month - 1]
        if style == "gb":
            return f"{day.day} {month}"
        if style == "ap":
            return f"{month[:3]}. {day.day}" if len(month) > 5 else f"{month} {day.day}"
        if style == "short":
            return f"{month[:3]} {day.day}"
        return f"{month} {day.day}"

    def person(self) -> str:
        bloc = self.outlet.bloc
        return f"{self.rng.choice(TITLES[bloc])} {self._name(bloc)}"

    def reporter(self) -> str:
        return self._name("west" if self.outlet.bloc == "kp" else self.outlet.bloc)

    def editor(self) -> str:
        return self._name("west")

    def analyst(self) -> str:
        return f"{self._name('west')}, an analyst at the {self.rng.choice(THINK_TANKS)},"

    def quote(self) -> str:
        return self.rng.choice(QUOTES)

    def name(self) -> str:
        return self._name(self.outlet.bloc)

    def village(self) -> str:
        prefix, root, suffix = (self.rng.choice(parts) for parts in VILLAGE_PARTS)
        joined = prefix and not prefix.endswith(" ")  # "Novo" + "ivan" + "ovka"
        return f"{prefix}{root if joined else root.capitalize()}{suffix}"

    def university(self) -> str:
        return self.rng.choice(UNIVERSITIES)

    def brigade(self) -> str:
        return self.rng.choice(BRIGADES)

    def n(self) -> str:
        return str(self.rng.randint(3, 400))

    def n_small(self) -> str:
        return str(self.rng.randint(10, 15))

    def n_thousand(self) -> str:
        return self.troops

    def weekday(self) -> str:
        return WEEKDAY_NAMES[(self.day - timedelta(self.rng.randint(0, 4))).weekday()]

    def month(self) -> str:
        return MONTH_NAMES[self.event_day.month - 1]

    def event_date(self) -> str:
        return self._date(self.event_day, "gb" if self.outlet.british else "us")

    def pub_us(self) -> str:
        return self._date(self.day, "us")

    def pub_ap(self) -> str:
        return self._date(self.day, "ap")

    def pub_short(self) -> str:
        return self._date(self.day, "short")

    def city(self) -> str:
        return self.dateline_city

    def city_name(self) -> str:
        return self.dateline_city.title()

    def country_name(self) -> str:
        return COUNTRY_NAMES[self.dateline_city]


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?“\"‘'\n"


def _british(match: re.Match[str]) -> str:
    stem = match.group()
    british = BRITISH[stem.lower()]
    return british.capitalize() if stem[0].isupper() else british


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="empty or missing folder to write into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        path = write_corpus(args.n, args.out_dir, seed=args.seed, format=args.format)
    except FileExistsError as error:
        parser.error(str(error))
    seconds = time.perf_counter() - start
    with (args.out_dir / "duplicates.csv").open(encoding="utf-8") as handle:
        copies = sum(1 for _ in handle) - 1
    size = sum(file.stat().st_size for file in args.out_dir.iterdir()) / 1e6
    print(f"{args.n} articles ({copies} wire copies), {size:.1f} MB in {path}, "
          f"{seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
