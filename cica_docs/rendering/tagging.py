"""The PDF's metadata and language tagging: the XMP packet lists every language, each
top-level structure element says its page's language, and dates are W3C strings."""

from datetime import datetime
from xml.etree import ElementTree

import pydyf

GENERATOR = "CICA Docs"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"


def w3c(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f"{offset[:3]}:{offset[3:]}"


def declare_languages(metadata, languages) -> None:
    """Make WeasyPrint's XMP packet of `metadata` list `languages` (dc:language, a bag of
    BCP 47 tags): WeasyPrint writes only the catalogue's /Lang, one tag."""
    generate = metadata.generate_rdf_metadata

    def with_languages(variant, version, conformance):
        # WeasyPrint's own packet, never outside input.
        rdf = ElementTree.fromstring(generate(variant, version, conformance))  # noqa: S314
        description = ElementTree.SubElement(rdf, f"{{{RDF}}}Description")
        description.set(f"{{{RDF}}}about", "")
        bag = ElementTree.SubElement(
            ElementTree.SubElement(description, f"{{{DC}}}language"), f"{{{RDF}}}Bag")
        for language in languages:
            ElementTree.SubElement(bag, f"{{{RDF}}}li").text = language
        return ElementTree.tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = with_languages


def language_of_each_page(page_languages):
    """A WeasyPrint finisher for the tagged PDF: each top-level structure element says the
    language of the copy its page belongs to, so that a screen reader reads the Russian
    copy of a package with a Russian voice (the catalogue holds only the package's first
    language). WeasyPrint gives every element the page it stands on (`Pg`)."""

    def finish(_document, pdf):
        page_index = {str(ref): i for i, ref in enumerate(pdf.page_references)}
        objects = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary)]
        roots = {str(o.reference) for o in objects if o.get("S") == "/Document"}
        for element in objects:
            if element.get("Type") != "/StructElem" or str(element.get("P")) not in roots:
                continue
            page = page_index.get(str(element.get("Pg")))
            if page is not None and page < len(page_languages) and page_languages[page]:
                element["Lang"] = pydyf.String(page_languages[page])

    return finish
