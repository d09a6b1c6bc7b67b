"""What the partnership puts in: the Partners' in-kind contributions (their
own records, totalled, published by year) and the funding (donors,
commitments, spending: the Secretariat's alone)."""
