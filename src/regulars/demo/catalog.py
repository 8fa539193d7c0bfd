"""Demo catalog: about 50 brands with their articles (valid EAN-13), services, discounts and the tills.

Each shop sells its own goods at its country's VAT: the German salon German articles (EAN prefix 40-44, 19 % or
7 %) and services at 19 %; the Dutch shop Dutch articles (prefix 87, 21 % or 9 %) and hairdressing at 9 %
(art. 9 Wet OB, Tabel I b.19). Services and discounts are named in the shop's language. Everything is found again
by shop and EAN or name, so running it again adds nothing.
"""

import random
from dataclasses import dataclass

from regulars.catalog.models import Article, ArticleCategory, Brand, Discount, DiscountKind, DiscountScope, Service
from regulars.core.models import Shop
from regulars.core.vat import VatRate
from regulars.sales.models import Till

from .ownership import remember_created

# kind: (German name, Dutch name, German category, Dutch category, price in cents, reduced VAT)
PRODUCTS = {
    "care": [
        ("Shampoo 250 ml", "Shampoo 250 ml", "Haarpflege", "Haarverzorging", 1490, False),
        ("Conditioner 200 ml", "Conditioner 200 ml", "Haarpflege", "Haarverzorging", 1590, False),
        ("Haarmaske 200 ml", "Haarmasker 200 ml", "Haarpflege", "Haarverzorging", 2290, False),
        ("Haaröl 100 ml", "Haarolie 100 ml", "Haarpflege", "Haarverzorging", 2690, False),
    ],
    "styling": [
        ("Haarspray 300 ml", "Haarlak 300 ml", "Styling", "Stylingproducten", 1390, False),
        ("Wachs 75 ml", "Wax 75 ml", "Styling", "Stylingproducten", 1690, False),
        ("Pomade 100 g", "Pomade 100 g", "Styling", "Stylingproducten", 1890, False),
        ("Hitzeschutzspray 150 ml", "Hittebeschermingsspray 150 ml", "Styling", "Stylingproducten", 1990, False),
    ],
    "skin": [
        ("Gesichtscreme 50 ml", "Gezichtscrème 50 ml", "Hautpflege", "Huidverzorging", 3490, False),
        ("Serum 30 ml", "Serum 30 ml", "Hautpflege", "Huidverzorging", 4490, False),
        ("Handcreme 75 ml", "Handcrème 75 ml", "Hautpflege", "Huidverzorging", 990, False),
    ],
    "tools": [
        ("Haartrockner", "Föhn", "Geräte", "Apparaten", 8990, False),
        ("Glätteisen", "Stijltang", "Geräte", "Apparaten", 12990, False),
        ("Rundbürste", "Ronde borstel", "Zubehör", "Accessoires", 2490, False),
    ],
    "nails": [
        ("Nagellack 13,5 ml", "Nagellak 13,5 ml", "Nagelpflege", "Nagelverzorging", 1095, False),
        ("Nagelöl 15 ml", "Nagelolie 15 ml", "Nagelpflege", "Nagelverzorging", 1450, False),
    ],
    "beard": [
        ("Bartöl 30 ml", "Baardolie 30 ml", "Bartpflege", "Baardverzorging", 1990, False),
        ("Bartbalsam 50 ml", "Baardbalsem 50 ml", "Bartpflege", "Baardverzorging", 1790, False),
    ],
    "vitamins": [
        ("Haar-Vitamine 60 Kapseln", "Haarvitaminen 60 capsules", "Nahrungsergänzung", "Voedingssupplementen",
         2495, True),
    ],
}  # fmt: skip

BRANDS = [
    ("Wella Professionals", "care styling"), ("Schwarzkopf Professional", "care styling"),
    ("L'Oréal Professionnel", "care styling"), ("Kérastase", "care"), ("Redken", "care styling"),
    ("Paul Mitchell", "care styling"), ("Goldwell", "care styling"), ("Kadus", "care"), ("Keune", "care styling"),
    ("Davines", "care"), ("Olaplex", "care"), ("Moroccanoil", "care styling"), ("Aveda", "care skin"),
    ("Matrix", "care"), ("Joico", "care"), ("label.m", "styling"), ("TIGI Bed Head", "care styling"),
    ("American Crew", "styling beard"), ("Reuzel", "styling beard"), ("Layrite", "styling"),
    ("Sebastian Professional", "styling"), ("Alterna", "care"), ("Bumble and bumble", "care styling"),
    ("Nioxin", "care vitamins"), ("KMS", "styling"), ("Londa Professional", "care"), ("Revlon Professional", "care"),
    ("La Biosthétique", "care skin"), ("Alcina", "care skin"), ("Dr. Hauschka", "skin"), ("Weleda", "skin"),
    ("Lavera", "skin"), ("Annemarie Börlind", "skin"), ("Babor", "skin"), ("Dermalogica", "skin"),
    ("Clinique", "skin"), ("ghd", "tools"), ("Dyson", "tools"), ("BaByliss PRO", "tools"), ("Tangle Teezer", "tools"),
    ("Denman", "tools"), ("Mason Pearson", "tools"), ("essie", "nails"), ("OPI", "nails"), ("Catrice", "nails"),
    ("Proraso", "beard"), ("Beardbrand", "beard"), ("Priorin", "vitamins"), ("Pantovigar", "vitamins"),
    ("Hairburst", "vitamins care"), ("Maria Nila", "care styling"), ("Kevin.Murphy", "care styling"),
]  # fmt: skip

SERVICES = [
    # name, price in cents, duration in minutes, Dutch
    ("Waschen, Schneiden, Föhnen (Damen)", 5400, 60, False), ("Herrenhaarschnitt", 2900, 30, False),
    ("Kinderhaarschnitt", 1800, 20, False), ("Ansatzfarbe", 4900, 60, False), ("Strähnen", 7900, 90, False),
    ("Balayage", 12900, 150, False), ("Dauerwelle", 6900, 90, False), ("Bartpflege", 1900, 20, False),
    ("Hochsteckfrisur", 5500, 60, False), ("Knippen dames", 4500, 45, True), ("Knippen heren", 2750, 30, True),
    ("Kinderen knippen", 1750, 20, True), ("Kleuren", 6250, 75, True), ("Highlights", 8500, 90, True),
    ("Baard trimmen", 1800, 20, True), ("Föhnen en stylen", 2500, 30, True),
]  # fmt: skip
#: the shops' own discounts (C7), by Dutch: service discount, article discount
DISCOUNTS = {
    False: ("Stammkunden 10 % auf Dienstleistungen", "Produktrabatt 5 %"),
    True: ("Vaste klant 10% op behandelingen", "Productkorting 5%"),
}


def ean13(first12: str) -> str:
    """The EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


@dataclass
class DemoCatalog:
    tills: dict[int, Till]  # by shop id
    articles: dict[bool, list[Article]]  # by Dutch
    services: dict[bool, list[Service]]
    discounts: dict[int, tuple[Discount, Discount]]  # by shop id: service discount, article discount


def _article_rate(dutch: bool, reduced: bool) -> VatRate:
    if dutch:
        return VatRate.NL_REDUCED if reduced else VatRate.NL_STANDARD
    return VatRate.DE_REDUCED if reduced else VatRate.DE_STANDARD


def _articles(shops: dict[bool, Shop], rng: random.Random) -> dict[bool, list[Article]]:
    brands = dict(zip((name for name, _ in BRANDS), remember_created(Brand.objects.get_or_create(name=name)
                                                                     for name, _ in BRANDS), strict=True))  # fmt: skip
    categories: dict[str, ArticleCategory] = {}
    made = []
    for brand_name, kinds in BRANDS:
        for kind in kinds.split():
            for de_name, nl_name, de_cat, nl_cat, price, reduced in PRODUCTS[kind]:
                for dutch in (False, True):
                    prefix = "87" if dutch else rng.choice(["40", "41", "42", "43", "44"])
                    code = ean13(prefix + "".join(str(rng.randrange(10)) for _ in range(10)))
                    cat_name = nl_cat if dutch else de_cat
                    if cat_name not in categories:
                        (categories[cat_name],) = remember_created(
                            [ArticleCategory.objects.get_or_create(name=cat_name)]
                        )
                    # prices differ a little per brand and country
                    cents = price + rng.randrange(-3, 8) * 100 + (100 if dutch else 0)
                    made.append((dutch, Article.objects.get_or_create(
                        shop=shops[dutch], ean=code,
                        defaults={"name": nl_name if dutch else de_name, "brand": brands[brand_name],
                                  "category": categories[cat_name], "price": cents,
                                  "vat_rate": _article_rate(dutch, reduced)},
                    )))  # fmt: skip
    articles = {False: [], True: []}
    for (dutch, _pair), article in zip(made, remember_created(pair for _dutch, pair in made), strict=True):
        articles[dutch].append(article)
    return articles


def ensure_catalog(shops: list[Shop]) -> DemoCatalog:
    """The shops' articles, services, discounts and tills; what exists already is kept."""
    rng = random.Random(4711)
    by_dutch = {str(shop.country) == "NL": shop for shop in shops}
    articles = _articles(by_dutch, rng)
    services = {False: [], True: []}
    for name, price, minutes, dutch in SERVICES:
        rate = VatRate.NL_REDUCED if dutch else VatRate.DE_STANDARD  # hairdressing: 9 % in the Netherlands
        pair = Service.objects.get_or_create(
            shop=by_dutch[dutch], name=name, defaults={"price": price, "vat_rate": rate, "duration": minutes}
        )
        services[dutch].extend(remember_created([pair]))
    discounts = {}
    for dutch, (service_name, article_name) in DISCOUNTS.items():
        shop = by_dutch[dutch]
        discounts[shop.pk] = tuple(remember_created([
            Discount.objects.get_or_create(shop=shop, name=service_name, defaults={
                "kind": DiscountKind.PERCENT, "percent": 1000, "applies_to": DiscountScope.SERVICES}),
            Discount.objects.get_or_create(shop=shop, name=article_name, defaults={
                "kind": DiscountKind.PERCENT, "percent": 500, "applies_to": DiscountScope.ARTICLES}),
        ]))  # fmt: skip
    tills = {}
    for shop, name in zip(shops, ("Kasse 1", "Kassa 1"), strict=True):
        (tills[shop.pk],) = remember_created(
            [
                Till.objects.get_or_create(
                    shop=shop, name=name, defaults={"printer_host": "127.0.0.1", "printer_port": 9100}
                )
            ]
        )
    return DemoCatalog(tills, articles, services, discounts)
