"""The pages every page-level check runs on (axe, Lighthouse, the first-load budget), in both editions."""

# The five kinds of page issue 12 names, then the ones some checks add.
ISSUE_PAGES = [
    "",  # home
    "provinces/quang-ngai/",  # a current province
    "provinces/former/kon-tum/",  # a former province
    "indicators/commune-level-units/",
    "data/",
]
PAGES = ISSUE_PAGES + ["communes/", "communes/convert/", "communes/browse/"]  # Find your commune, bulk conversion, browsing
EDITIONS = {"en": "", "vi": "vi/"}
