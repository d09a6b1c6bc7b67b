# CLDR "zh": grouped by thousands (Django's groups by ten thousands, with no separator).
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
