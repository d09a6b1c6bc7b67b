# Arabic with Western digits, as on the site (CLDR "ar" in latn digits).
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
