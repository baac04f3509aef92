"""Reading pages the way a person does: text, links, and the message next to a field."""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.html import HtmlElement


def parse(text: str) -> HtmlElement:
    return lxml_html.fromstring(text)


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def page_text(text: str) -> str:
    main = parse(text).xpath("//main")
    return text_of(main[0]) if main else ""


def field_error(text: str, name: str) -> str | None:
    """The error shown in the same field block as the control `name`, or None.

    Checks that the control points at it with aria-describedby and is marked invalid, so a
    screen reader announces the message with the field.
    """
    doc = parse(text)
    controls = doc.xpath(f'//*[@name="{name}"][not(@type="hidden")]')
    assert controls, f"no field {name!r} on the page"
    block = controls[0].xpath('ancestor::*[contains(concat(" ", @class, " "), " field ")][1]')
    assert block, f"field {name!r} is not inside a .field block"
    errors = block[0].xpath('.//*[contains(@class, "field-error")]')
    if not errors:
        return None
    error_id = errors[0].get("id")
    described = controls[0].get("aria-describedby") or block[0].get("aria-describedby") or ""
    assert error_id in described.split(), f"{name!r} is not described by its error"
    return text_of(errors[0])


def links(text: str, prefix: str = "/") -> list[str]:
    return [href for href in parse(text).xpath("//a/@href") if href.startswith(prefix)]


def labelled_controls_missing(text: str) -> list[str]:
    """Visible form controls without a label (by `for`, by wrapping, or aria-label)."""
    doc = parse(text)
    label_targets = set(doc.xpath("//label/@for"))
    missing = []
    for control in doc.xpath("//input | //select | //textarea"):
        if control.get("type") in ("hidden", "submit"):
            continue
        wrapped = control.xpath("ancestor::label")
        if control.get("id") in label_targets or wrapped or control.get("aria-label"):
            continue
        missing.append(control.get("name") or "?")
    return missing
