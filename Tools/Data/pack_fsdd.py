#!/usr/bin/env python3
"""Packs the Free Spoken Digit Dataset's 3,000 WAV files into one WAV file and a CSV index.

    python3 Tools/Data/pack_fsdd.py RECORDINGS_DIR Lessons/Content/07-OneSpace/Data

The pack is itself a standard WAV file (RIFF/WAVE, PCM, mono, 16-bit, 8,000 Hz) whose data chunk holds
every recording's samples one after another, ordered by digit, speaker and take; fsdd-index.csv gives
each recording's first sample and sample count. Nothing is re-encoded: the samples are the original
bytes. The pack stays under the recordings' licence, CC BY-SA 4.0 (see the README beside it).
A recording comes back out as its own WAV file with `lesson07 --export-recording 7_theo_12 --out DIR`.
"""
import os
import struct
import sys


def chunks(data):
    """(id, payload) of every chunk after the 12-byte RIFF/WAVE header."""
    at = 12
    while at + 8 <= len(data):
        cid, size = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        yield cid, data[at + 8:at + 8 + size]
        at += 8 + size + (size & 1)


def main(source, target):
    names = [n for n in os.listdir(source) if n.endswith(".wav")]
    key = lambda n: (int(n.split("_")[0]), n.split("_")[1], int(n.split("_")[2][:-4]))
    names.sort(key=key)
    samples, rows, start = bytearray(), ["name,digit,speaker,take,start,count"], 0
    for name in names:
        data = open(os.path.join(source, name), "rb").read()
        assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", name
        parts = dict(chunks(data))
        assert struct.unpack("<HHIIHH", parts[b"fmt "][:16]) == (1, 1, 8000, 16000, 2, 16), name
        pcm = parts[b"data"]
        digit, speaker, take = key(name)
        rows.append(f"{name[:-4]},{digit},{speaker},{take},{start},{len(pcm) // 2}")
        samples += pcm
        start += len(pcm) // 2
    header = b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16)
    header += b"data" + struct.pack("<I", len(samples))
    with open(os.path.join(target, "fsdd-recordings.wav"), "wb") as f:
        f.write(header + samples)
    with open(os.path.join(target, "fsdd-index.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(names)} recordings, {start} samples ({start / 8000:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
