"""Circulation to Partners: the Secretariat sends a Partners-area page, a
news item or a restricted document to chosen organisations (or all), each
member hears of it once (an email, or the weekly digest they chose), and
the record says who received it and who opened it.

``models`` (the circulation, one delivery per recipient, the mail log, each
person's preference), ``recipients`` (who receives, and the refusal of an
item a recipient could not read), ``sending`` (the emails and the digest),
``views`` (the link in the email, the preference form), ``viewsets`` (the
Secretariat's screens), ``dashboard`` (the Partners' panel).
"""
