"""Print the error catalogue as Markdown: ``python -m spinscope.errordocs > docs/errors.md``."""

from spinscope.errors import catalogue_markdown

if __name__ == "__main__":
    print(catalogue_markdown(), end="")
