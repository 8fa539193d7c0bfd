"""Demo catalog: about 50 brands with their articles (valid EAN-13), services, discounts and the tills.

The German salon sells German articles (EAN prefix 40-44, 19 % or 7 % VAT), the Dutch shop Dutch ones
(prefix 87, 21 % or 9 %); services are named in the shop's language. Everything is found again by its
EAN or name, so running it again adds nothing.
"""

import random
from dataclasses import dataclass

from regulars.catalog.models import (
    Article,
    ArticleCategory,
    Brand,
    Discount,
    DiscountKind,
    DiscountScope,
    Service,
    VatRate,
)
from regulars.core.models import Shop
from regulars.sales.models import Till

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

SERVICE_DISCOUNT = "Stammkunden 10 % auf Dienstleistungen"
ARTICLE_DISCOUNT = "Produktrabatt 5 %"


def ean13(first12: str) -> str:
    """The EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


@dataclass
class DemoCatalog:
    tills: dict[int, Till]  # by shop id
    articles: dict[bool, list[Article]]  # by Dutch
    services: dict[bool, list[Service]]
    service_discount: Discount
    article_discount: Discount


def ensure_catalog(shops: list[Shop]) -> DemoCatalog:
    rng = random.Random(4711)
    brands = {name: Brand.objects.get_or_create(name=name)[0] for name, _ in BRANDS}
    categories = {}
    articles = {False: [], True: []}
    for brand_name, kinds in BRANDS:
        for kind in kinds.split():
            for de_name, nl_name, de_cat, nl_cat, price, reduced in PRODUCTS[kind]:
                for dutch in (False, True):
                    prefix = "87" if dutch else rng.choice(["40", "41", "42", "43", "44"])
                    code = ean13(prefix + "".join(str(rng.randrange(10)) for _ in range(10)))
                    cat_name = nl_cat if dutch else de_cat
                    if cat_name not in categories:
                        categories[cat_name] = ArticleCategory.objects.get_or_create(name=cat_name)[0]
                    if dutch:
                        rate = VatRate.NL_REDUCED if reduced else VatRate.NL_STANDARD
                    else:
                        rate = VatRate.DE_REDUCED if reduced else VatRate.DE_STANDARD
                    # prices differ a little per brand and country
                    cents = price + rng.randrange(-3, 8) * 100 + (100 if dutch else 0)
                    article, _ = Article.objects.get_or_create(
                        ean=code,
                        defaults={"name": nl_name if dutch else de_name, "brand": brands[brand_name],
                                  "category": categories[cat_name], "price": cents, "vat_rate": rate},
                    )  # fmt: skip
                    articles[dutch].append(article)
    services = {False: [], True: []}
    for name, price, minutes, dutch in SERVICES:
        rate = VatRate.NL_STANDARD if dutch else VatRate.DE_STANDARD
        service, _ = Service.objects.get_or_create(
            name=name, defaults={"price": price, "vat_rate": rate, "duration": minutes}
        )
        services[dutch].append(service)
    service_discount, _ = Discount.objects.get_or_create(
        name=SERVICE_DISCOUNT,
        defaults={"kind": DiscountKind.PERCENT, "percent": 1000, "applies_to": DiscountScope.SERVICES},
    )
    article_discount, _ = Discount.objects.get_or_create(
        name=ARTICLE_DISCOUNT,
        defaults={"kind": DiscountKind.PERCENT, "percent": 500, "applies_to": DiscountScope.ARTICLES},
    )
    tills = {}
    for shop, name in zip(shops, ("Kasse 1", "Kassa 1"), strict=True):
        tills[shop.pk] = Till.objects.get_or_create(
            shop=shop, name=name, defaults={"printer_host": "127.0.0.1", "printer_port": 9100}
        )[0]
    return DemoCatalog(tills, articles, services, service_discount, article_discount)
