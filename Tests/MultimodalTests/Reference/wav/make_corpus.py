#!/usr/bin/env python3
"""Writes the WAV test corpus: small readable files in every supported layout, and hostile files that
each break one rule. The tests (WAVCorpusTests.swift) state what the reader must say about each.
    cd Tests/MultimodalTests/Reference/wav && python3 make_corpus.py
"""
import math
import struct


def riff(chunks, form=b"WAVE", size=None):
    body = form + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body) if size is None else size) + body


def chunk(cid, payload, declared=None):
    pad = b"\0" if len(payload) % 2 else b""
    return cid + struct.pack("<I", len(payload) if declared is None else declared) + payload + pad


def fmt(tag=1, channels=1, rate=8000, bits=16, align=None):
    align = channels * bits // 8 if align is None else align
    return chunk(b"fmt ", struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits))


def tone(n, rate, hz=440.0):
    return [math.sin(2 * math.pi * hz * i / rate) * 0.5 for i in range(n)]


def pcm16(values):
    return b"".join(struct.pack("<h", int(round(v * 32767))) for v in values)


files = {}
t = tone(80, 8000)
files["good-8k-mono16.wav"] = riff([fmt(), chunk(b"data", pcm16(t))])
stereo = b"".join(struct.pack("<hh", int(v * 32767), int(-v * 32767)) for v in tone(441, 44100))
files["good-44k-stereo16.wav"] = riff([fmt(channels=2, rate=44100), chunk(b"data", stereo)])
files["good-8bit.wav"] = riff([fmt(bits=8), chunk(b"data", bytes(int(128 + v * 127) for v in t))])
files["good-24bit.wav"] = riff([fmt(bits=24), chunk(b"data", b"".join(struct.pack("<i", int(v * 8388607))[:3] for v in t))])
files["good-32bit.wav"] = riff([fmt(bits=32), chunk(b"data", b"".join(struct.pack("<i", int(v * 2147483647)) for v in t))])
ext = struct.pack("<HHIIHHHHI", 0xFFFE, 1, 8000, 16000, 2, 16, 22, 16, 4) + struct.pack("<H", 1) + bytes.fromhex("000000001000800000aa00389b71")
files["good-extensible.wav"] = riff([chunk(b"fmt ", ext), chunk(b"data", pcm16(t))])
files["good-with-list.wav"] = riff([fmt(), chunk(b"LIST", b"INFOISFT\x05\0\0\0made\0"), chunk(b"data", pcm16(t))])

files["empty.wav"] = b""
files["not-riff.wav"] = b"\x89PNG\r\n\x1a\n" + bytes(40)
files["ogg-named-wav.wav"] = b"OggS" + bytes(60)
files["not-wave.wav"] = riff([chunk(b"avih", bytes(56))], form=b"AVI ")
files["header-only.wav"] = b"RIFF\x24\0\0\0WAV"
files["float32.wav"] = riff([fmt(tag=3, bits=32), chunk(b"data", b"".join(struct.pack("<f", v) for v in t))])
files["mulaw.wav"] = riff([fmt(tag=7, bits=8), chunk(b"data", bytes(80))])
files["no-fmt.wav"] = riff([chunk(b"data", pcm16(t))])
files["no-data.wav"] = riff([fmt(), chunk(b"LIST", b"INFO")])
files["short-fmt.wav"] = riff([chunk(b"fmt ", struct.pack("<HHIIH", 1, 1, 8000, 16000, 2)), chunk(b"data", pcm16(t))])
files["cut-in-fmt.wav"] = riff([fmt(), chunk(b"data", pcm16(t))])[:30]
files["zero-channels.wav"] = riff([fmt(channels=0, align=2), chunk(b"data", pcm16(t))])
files["rate-zero.wav"] = riff([fmt(rate=0), chunk(b"data", pcm16(t))])
files["rate-too-high.wav"] = riff([fmt(rate=1_000_000), chunk(b"data", pcm16(t))])
files["12-bit.wav"] = riff([fmt(bits=12, align=2), chunk(b"data", pcm16(t))])
files["bad-block-align.wav"] = riff([fmt(align=4), chunk(b"data", pcm16(t))])
files["truncated-data.wav"] = riff([fmt(), chunk(b"data", pcm16(t), declared=2000)])
files["partial-frame.wav"] = riff([fmt(channels=2, align=4), chunk(b"data", pcm16(t[:3]))])
files["no-samples.wav"] = riff([fmt(), chunk(b"data", b"")])
files["wrong-rate-16k.wav"] = riff([fmt(rate=16000), chunk(b"data", pcm16(t))])

for name, data in files.items():
    with open(name, "wb") as f:
        f.write(data)
print(len(files), "files")
