"""Number formats where Django's differ from the common usage (CLDR) of
the UN's languages (FORMAT_MODULE_PATH): Arabic and Chinese amounts are
grouped by thousands (11,870.00), as in UN documents; Django's own leave
them ungrouped (ar "11870,00", zh "11870.00"). Everything else, and the
other languages, fall back to Django's formats."""
