"""Activity reporting: rounds of reports the Secretariat asks the Partner
organisations for, the mid-year summary built from them, and the report of
a Partners' meeting (issue 16, items 3 and 4)."""
