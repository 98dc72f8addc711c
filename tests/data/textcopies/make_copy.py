#!/usr/bin/env python3
"""Writes the plain-text copy of one document of a FRUS TEI volume as history.state.gov shows it
(see /work/shared/corpus/README.md, "How history.state.gov renders a document"):
blocks separated by blank lines, <lb/> a line break, inline notes a paragraph of their own without a
marker, every other note's @n glued where it stands, <pb/> as "[Page N]", and the footnote list at
the end numbered 1., 2., ... by the copy. Usage: make_copy.py VOLUME.xml DOC-ID > copy.txt"""
import re
import sys
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
FRUS = '{http://history.state.gov/frus/ns/1.0}'
XML_ID = '{http://www.w3.org/XML/1998/namespace}id'
BLOCKS = {'p', 'head', 'dateline', 'closer', 'item', 'postscript', 'opener', 'row', 'salute', 'trailer'}
CONTAINERS = {'list', 'quote', 'attachment', 'div', 'table', 'body'}


def local(tag):
    return tag.split('}', 1)[-1]


class Copy:
    def __init__(self):
        self.blocks, self.notes, self.current = [], [], None

    def flush(self):
        if self.current is not None:
            text = re.sub(r'[ \t\r\n]+', ' ', self.current).replace(' \x00 ', '\n').replace('\x00', '\n')
            text = '\n'.join(line.strip() for line in text.split('\n')).strip()
            if text:
                self.blocks.append(text)
        self.current = None

    def inline(self, s):
        if self.current is None:
            self.current = ''
        self.current += s

    def note_text(self, note):
        inner = Copy()
        inner.walk_children(note)
        inner.flush()
        self.notes.extend(inner.notes)
        return '\n'.join(inner.blocks)

    def walk_children(self, el):
        if el.text:
            self.inline(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.inline(child.tail)

    def walk(self, el):
        name = local(el.tag)
        if name == 'note' and el.get('rend') == 'inline':
            self.flush()
            self.walk_children(el)
            self.flush()
        elif name == 'note':
            self.inline(el.get('n', ''))
            index = len(self.notes)
            self.notes.append(None)
            self.notes[index] = self.note_text(el)
        elif name == 'pb':
            kind = {'facsimile': 'Facsimile Page', 'typeset': 'Typeset Page'}.get(el.get('type'), 'Page')
            self.inline('[%s %s]' % (kind, el.get('n')))
        elif name == 'lb':
            self.inline('\x00')
        elif name in BLOCKS or name in CONTAINERS:
            self.flush()
            self.walk_children(el)
            self.flush()
        else:
            self.walk_children(el)


def main():
    volume, doc_id = sys.argv[1], sys.argv[2]
    root = ET.parse(volume).getroot()
    div = next(d for d in root.iter(TEI + 'div') if d.get(XML_ID) == doc_id)
    copy = Copy()
    copy.walk_children(div)
    copy.flush()
    out = '\n\n'.join(copy.blocks) + '\n'
    for k, text in enumerate(copy.notes, 1):
        out += '  %d. %s\n' % (k, text.replace('\n', '\n     '))
    sys.stdout.write(out)


main()
