#!/usr/bin/env python3
"""Writes the grammar the loader compiles: data/touchpoint.rng without its facets.

    tp-runtime-schema.py IN.rng OUT.rng

The loader checks every faceted value in code, with messages a facilitator understands
(src/io/tp-loader-build.c, tp-loader.c: text lengths, ranges, real dates, the version),
while libxml2 2.9 checks each facet of each value by creating and freeing an XML Schema
parser context with its dictionary: that was 65 % of `--validate` at 10,000 notes (issue
19). So every <param> goes; an <data type="string"> left without one becomes <text/>,
which accepts the same values without a type looked up by name for each; comments and
the indentation go too, so that each process parses less. Everything else (elements,
attributes, order, number, enumerations, the other datatypes) stays as written.
tests/test-schema-facets.c proves the loader refuses what each facet refused.
"""

import sys
import xml.etree.ElementTree as ET

RNG = "http://relaxng.org/ns/structure/1.0"


def strip(element):
    for child in list(element):
        if child.tag == "{%s}param" % RNG:
            element.remove(child)
        else:
            strip(child)
    if element.tag == "{%s}data" % RNG and len(element) == 0 and element.get("type") == "string":
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
