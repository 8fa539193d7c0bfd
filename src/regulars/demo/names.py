"""Names, streets and cities for demo customers of a German and a Dutch shop."""

#: first names by the salutation they take: "ms" (Frau / mevrouw) or "mr" (Herr / de heer)
DE_FIRST = {
    "ms": ["Anna", "Käthe", "Lea", "Sophie", "Marie", "Emma", "Mia", "Hannah", "Lena", "Greta", "Ursula", "Claudia",
           "Sabine", "Stefanie", "Bärbel", "Mathilde", "Zoë", "Ingrid"],
    "mr": ["Jürgen", "Sören", "Björn", "Jörg", "Günther", "Jonas", "Maximilian", "Lukas", "Felix", "Paul", "Leon",
           "Till", "Uwe", "Thomas", "Michael", "Andreas", "Ömer", "Heinz"],
}  # fmt: skip
DE_LAST = [
    "Müller", "Mueller", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler",
    "Weiß", "Jäger", "Groß", "Böhm", "Gößling", "Straßburger", "Lüdenscheidt", "Özdemir", "Yılmaz", "Kowalski",
]  # fmt: skip
DE_STREETS = [
    "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße", "Lindenstraße",
    "Kirchweg", "Am Mühlbach", "Goethestraße", "Schillerplatz", "Rosenweg", "Königsallee", "Ehrenfeldgürtel",
]  # fmt: skip
DE_CITIES = [
    ("50667", "Köln"), ("50823", "Köln"), ("40213", "Düsseldorf"), ("53111", "Bonn"), ("52062", "Aachen"),
    ("45127", "Essen"), ("80331", "München"), ("10115", "Berlin"), ("20095", "Hamburg"), ("51465", "Bergisch Gladbach"),
]  # fmt: skip
NL_FIRST = {
    "ms": ["Sanne", "Femke", "Lotte", "Eva", "Anouk", "Fleur", "Iris", "Noor", "Maud", "Ilse", "Marieke", "Wilma",
           "Anneke"],
    "mr": ["Jan", "Daan", "Bram", "Sem", "Thijs", "Joris", "Ruben", "Lars", "Ties", "Sven", "Pieter", "Kees", "Geert"],
}  # fmt: skip
NL_LAST = [
    "de Vries", "Jansen", "de Jong", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dijkstra", "Dykstra", "van Dijk", "Brouwer",
    "Janssen", "Kuipers", "van der Meer", "Willemsen", "Hoekstra", "Verhoeven", "Gerritsen", "Maas",
]  # fmt: skip
NL_STREETS = [
    "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat", "Oudegracht",
    "Beatrixlaan", "Prinsengracht", "Nieuwe Gracht", "Lange Elisabethstraat", "Wilhelminapark",
]  # fmt: skip
NL_CITIES = [
    ("3511 AB", "Utrecht"), ("3581 KP", "Utrecht"), ("1012 JS", "Amsterdam"), ("2511 CV", "Den Haag"),
    ("3011 AD", "Rotterdam"), ("5611 AZ", "Eindhoven"), ("9711 LM", "Groningen"), ("3811 LE", "Amersfoort"),
]  # fmt: skip
COMPANIES_DE = ["Bäckerei Schmitz GmbH", "Blumen Köhler", "Praxis Dr. Weiß", "Autohaus Groß KG"]
COMPANIES_NL = ["Bloemen Bakker B.V.", "Fietsenmaker de Boer", "Tandartspraktijk Visser"]
MAIL_DOMAINS = ["web.de", "gmx.de", "t-online.de", "posteo.de", "ziggo.nl", "kpnmail.nl", "gmail.com", "outlook.com"]
