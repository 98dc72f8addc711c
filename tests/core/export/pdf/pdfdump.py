#!/usr/bin/env python3
"""Prints a PDF's objects as JSON, read with nothing but the Python standard library.

The PDF tests read what the export wrote through this rather than through qpdf, which wrote it:
{"objects": {"12 0": "<< /Type /Font ... >>", ...}, "streams": {"12 0": "decoded data", ...}}.
Objects inside object streams are listed like the others; stream data is inflated when FlateDecode
and given as Latin-1 text, so that bytes come back one to a character.
"""

import json
import re
import sys
import zlib

OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


def inflate(dictionary, data):
    if b"/FlateDecode" in dictionary:
        try:
            return zlib.decompress(data)
        except zlib.error:
            return zlib.decompressobj().decompress(data)
    return data


def stream_of(pdf, body_start, dictionary):
    """The raw bytes of the stream whose dictionary ends before `body_start`."""
    m = re.match(rb"\s*stream\r?\n", pdf[body_start:])
    if not m:
        return None
    start = body_start + m.end()
    length = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", dictionary)
    if length and not length.group(2):
        return pdf[start:start + int(length.group(1))]
    return pdf[start:pdf.index(b"endstream", start)]


def dictionary_end(pdf, start):
    """Where the dictionary (or other object) starting at `start` ends, by counting << and >>."""
    depth = 0
    i = start
    while i < len(pdf):
        if pdf.startswith(b"<<", i):
            depth += 1
            i += 2
        elif pdf.startswith(b">>", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        elif pdf.startswith(b"endobj", i) or pdf.startswith(b"stream", i):
            return i
        else:
            i += 1
    return i


def main(path):
    pdf = open(path, "rb").read()
    objects, streams = {}, {}
    for m in OBJ.finditer(pdf):
        key = "%s %s" % (int(m.group(1)), int(m.group(2)))
        end = dictionary_end(pdf, m.end())
        text = pdf[m.end():end].strip()
        objects[key] = text.decode("latin-1")
        data = stream_of(pdf, end, text)
        if data is None:
            continue
        decoded = inflate(text, data)
        streams[key] = decoded.decode("latin-1")
        if b"/ObjStm" in text:
            first = int(re.search(rb"/First\s+(\d+)", text).group(1))
            numbers = [int(n) for n in decoded[:first].split()]
            offsets = list(zip(numbers[0::2], numbers[1::2]))
            for i, (number, offset) in enumerate(offsets):
                stop = offsets[i + 1][1] if i + 1 < len(offsets) else len(decoded) - first
                objects["%d 0" % number] = decoded[first + offset:first + stop].strip().decode("latin-1")
    json.dump({"objects": objects, "streams": streams}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
