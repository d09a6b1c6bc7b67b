"""Reading the data files the site's structure and the demo are written in:
YAML, and Markdown with a YAML front matter for long prose (the demo Guide).

The files live beside the code that reads them (`home/structure.yaml`,
`<app>/demo/`), are read from the checkout and are not gettext catalogues:
their prose is content in six languages, never passed to `makemessages`.
"""

from pathlib import Path

import yaml

# libyaml's loader when PyYAML was built with it: the same result, faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """The plain data (dicts, lists, strings, numbers, dates) of a YAML file."""
    with open(path, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader)  # noqa: S506 (a safe loader)


def read_markdown(path: Path) -> tuple[dict, str]:
    """A Markdown file's front matter (between `---` lines) and its body."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text
    front, _sep, body = text[4:].partition("\n---\n")
    return yaml.load(front, Loader=_Loader) or {}, body  # noqa: S506
