"""Template helpers of the partnership's pages."""

import hashlib

from django import template

from gci.home.visibility import document_visible_to

register = template.Library()

# {% if document|document_visible_to:request %}: a public page must not even
# name a restricted document (the rule is gci.home.visibility's).
register.filter("document_visible_to", document_visible_to)


# Monograms: a Partner without an uploaded logo is shown by its initials in a
# coloured circle. The colours carry white text at a contrast of at least
# 4.5:1 (tests/home/test_identity.py measures them); the colour is chosen from
# the organisation's translation key, so it is the same in every language
# and survives a change of name or acronym.
MONOGRAM_COLOURS = (
    "#14664a",  # green
    "#1f5f8b",  # blue
    "#7a3e9d",  # violet
    "#9c2f4e",  # wine
    "#8a4b00",  # ochre
    "#2f6f73",  # teal
    "#4b5a1e",  # olive
    "#3d4a8f",  # indigo
)
SMALL_WORDS = {"of", "the", "and", "on", "for", "in", "de", "la", "du", "des", "et", "le", "les"}


def monogram_initials(name, acronym=""):
    """A short acronym as it is (up to five letters); else the initials of the
    name's significant words (up to four); for a name in a script without
    capitals (Arabic, Chinese), its first letter, past an Arabic article."""
    acronym = (acronym or "").strip()
    if acronym and len(acronym) <= 5:
        return acronym
    words = [w for w in name.replace("-", " ").split() if w.lower() not in SMALL_WORDS]
    initials = [word[0] for word in words if word[:1].isalpha()]
    if initials and all(letter.isupper() for letter in initials):
        return "".join(initials[:4])
    first = words[0] if words else (acronym or name)
    if first.startswith("ال") and len(first) > 2:
        first = first[2:]
    return first[:1].upper()


def monogram_colour(key):
    digest = hashlib.sha256(str(key).encode()).digest()
    return MONOGRAM_COLOURS[digest[0] % len(MONOGRAM_COLOURS)]


@register.inclusion_tag("home/includes/organisation_mark.html")
def organisation_mark(organisation, size="medium"):
    """The organisation's logo where one was uploaded, else its monogram."""
    key = getattr(organisation, "translation_key", None) or organisation.name
    initials = monogram_initials(organisation.name, organisation.acronym)
    return {
        "organisation": organisation,
        "logo": organisation.logo,
        "initials": initials,
        "colour": monogram_colour(key),
        "size": size,
        "long": len(initials) > 3,
        "short": len(initials) == 1,
    }
