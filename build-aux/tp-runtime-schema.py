#!/usr/bin/env python3
"""Writes the grammar the loader compiles: data/touchpoint.rng without its facets.

    tp-runtime-schema.py IN.rng OUT.rng

The loader checks every faceted value in code, with messages a facilitator understands
(src/io/tp-loader-build.c, tp-loader.c: text lengths, ranges, real dates, the version),
while libxml2 2.9 checks each facet of each value by creating and freeing an XML Schema
parser context with its dictionary: that was 65 % of `--validate` at 10,000 notes (issue
19). So every <param> goes, and so does every datatype the loader parses itself: such a
<data> becomes <text/>, which libxml2 accepts without looking the type up by name for
each value and parsing it a second time; comments and the indentation go too, so that
each process parses less. Everything else (elements,
attributes, order, number, enumerations) stays as written.
tests/test-schema-facets.c proves the loader refuses what each of them refused.
"""

import sys
import xml.etree.ElementTree as ET

RNG = "http://relaxng.org/ns/structure/1.0"

# The datatypes whose every value the loader parses itself, as strictly as the schema
# (_tp_loader_parse_integer, _parse_real, _parse_date, parse_version, and check_name for
# the ids' and references' NCName, which libxml2 looked up by name for every id: 7 % of
# `--validate` at 10,000 notes): no datatype is left to the schema.
CODE_TYPES = ("string", "integer", "double", "date", "NCName")


def strip(element):
    for child in list(element):
        if child.tag == "{%s}param" % RNG:
            element.remove(child)
        else:
            strip(child)
    if element.tag == "{%s}data" % RNG and len(element) == 0 and element.get("type") in CODE_TYPES:
        element.tag = "{%s}text" % RNG
        del element.attrib["type"]
    # Only <value> (and <param>, gone) hold text that means something.
    if element.tag != "{%s}value" % RNG:
        element.text = None
    element.tail = None


def main():
    ET.register_namespace("", RNG)
    tree = ET.parse(sys.argv[1])
    strip(tree.getroot())
    tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main()
