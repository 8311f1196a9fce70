#!/usr/bin/env python3
"""Writes the tables of the loader's quick structural check from the runtime grammar.

    tp-schema-tables.py RUNTIME.rng OUT.h

src/io/tp-schema-quick.c proves a valid document valid in one walk of its tree, so that
libxml2's RelaxNG validator (a third of `--validate` at 10,000 notes, and its grammar's
compilation most of a small file's, issue 19) runs only on a document that may be
invalid, for its messages. The tables come from the grammar itself, so they cannot drift
from it: every element's attributes (required or optional, any text or a list of
values) and its content (empty, text, or a sequence of child elements each once, at most
once or any number of times). A construct this script does not know stops the build
instead of being guessed at: the quick check must never accept what the grammar refuses.
"""

import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"


def fail(message):
    sys.exit("tp-schema-tables.py: " + message)


class Tables:
    def __init__(self, grammar):
        self.defines = {d.get("name"): d for d in grammar.iter(RNG + "define")}
        self.ns = grammar.get("ns", "")
        self.elements = []      # (name, attributes, content, particles)
        self.index = {}         # id(<element>) → index
        self.value_lists = []   # tuples of values

    def deref(self, node):
        while node.tag == RNG + "ref":
            define = self.defines.get(node.get("name"))
            if define is None or len(define) != 1 or define.get("combine"):
                fail("define %s is not one plain pattern" % node.get("name"))
            node = define[0]
        return node

    def values(self, node):
        """None for any text, else the tuple of the allowed values."""
        node = self.deref(node)
        if node.tag == RNG + "text":
            return None
        if node.tag == RNG + "value" and not node.get("type") and not node.get("datatypeLibrary"):
            return (node.text or "",)
        if node.tag == RNG + "choice":
            out = ()
            for child in node:
                child_values = self.values(child)
                if child_values is None:
                    fail("a choice holds text")
                out += child_values
            return out
        fail("attribute content <%s> is not known" % node.tag)

    def attribute(self, node, required):
        if node.get("ns") or ":" in node.get("name", "") or len(node) != 1:
            fail("attribute %s is not a plain one" % node.get("name"))
        return (node.get("name"), required, self.values(node[0]))

    def element(self, node):
        key = id(node)
        if key in self.index:
            return self.index[key]
        if node.get("ns") not in (None, self.ns) or not node.get("name") or ":" in node.get("name"):
            fail("element %s is not a plain one of the grammar's namespace" % node.get("name"))
        index = len(self.elements)
        self.index[key] = index
        self.elements.append(None)
        attributes, particles, content = [], [], "EMPTY"
        for child in node:
            child = self.deref(child)
            tag = child.tag[len(RNG):]
            if tag == "attribute":
                attributes.append(self.attribute(child, True))
            elif tag in ("optional", "zeroOrMore", "oneOrMore"):
                if len(child) != 1:
                    fail("<%s> in %s holds more than one pattern" % (tag, node.get("name")))
                inner = self.deref(child[0])
                if inner.tag == RNG + "attribute" and tag == "optional":
                    attributes.append(self.attribute(inner, False))
                elif inner.tag == RNG + "element":
                    particles.append((self.element(inner), 1 if tag == "oneOrMore" else 0,
                                      tag != "optional"))
                else:
                    fail("<%s> in %s holds <%s>" % (tag, node.get("name"), inner.tag))
            elif tag == "element":
                particles.append((self.element(child), 1, False))
            elif tag == "text":
                content = "TEXT"
            elif tag == "empty":
                pass
            else:
                fail("<%s> in %s is not known" % (tag, node.get("name")))
        if particles:
            if content == "TEXT":
                fail("%s has mixed content" % node.get("name"))
            content = "ELEMENTS"
        if len(attributes) > 64:
            fail("%s has more attributes than the check's bit set holds" % node.get("name"))
        if len({a[0] for a in attributes}) != len(attributes):
            fail("%s names an attribute twice" % node.get("name"))
        self.elements[index] = (node.get("name"), attributes, content, particles)
        return index


def c_string(text):
    if any(c in text for c in '"\\\n') or not text.isprintable():
        fail("a name or value needs escaping: %r" % text)
    return '"%s"' % text


def main():
    grammar = ET.parse(sys.argv[1]).getroot()
    if grammar.tag != RNG + "grammar":
        fail("the root is not <grammar>")
    # A namespace is inherited from any ancestor: only the grammar's is understood.
    for node in grammar.iter():
        if node is not grammar and node.get("ns") not in (None, grammar.get("ns", "")):
            fail("<%s> names another namespace" % node.tag)
    tables = Tables(grammar)
    starts = list(grammar.iter(RNG + "start"))
    if len(starts) != 1 or len(starts[0]) != 1:
        fail("<start> is not one element")
    root = tables.element(tables.deref(starts[0][0]))

    out = ["/* Made by build-aux/tp-schema-tables.py from the runtime grammar: do not edit. */",
           "",
           "#define TP_SCHEMA_NS %s" % c_string(tables.ns),
           "#define TP_SCHEMA_ROOT %d" % root,
           ""]
    for i, (name, attributes, _content, particles) in enumerate(tables.elements):
        for j, (_a, _r, values) in enumerate(attributes):
            if values is not None:
                out.append("static const char * const values_%d_%d[] = { %s, NULL };" % (
                    i, j, ", ".join(c_string(v) for v in values)))
        if attributes:
            out.append("static const QuickAttribute attributes_%d[] = {" % i)
            for j, (a, required, values) in enumerate(attributes):
                out.append("  { %s, %s, %s }," % (c_string(a), "TRUE" if required else "FALSE",
                                                  "values_%d_%d" % (i, j) if values is not None else "NULL"))
            out.append("};")
        if particles:
            out.append("static const QuickParticle particles_%d[] = {" % i)
            for element, minimum, many in particles:
                out.append("  { %d, %d, %s }," % (element, minimum, "TRUE" if many else "FALSE"))
            out.append("};")
    out.append("")
    out.append("static const QuickElement quick_elements[] = {")
    for i, (name, attributes, content, particles) in enumerate(tables.elements):
        out.append("  { %s, %s, %d, QUICK_CONTENT_%s, %s, %d }," % (
            c_string(name), "attributes_%d" % i if attributes else "NULL", len(attributes),
            content, "particles_%d" % i if particles else "NULL", len(particles)))
    out.append("};")
    out.append("")

    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
