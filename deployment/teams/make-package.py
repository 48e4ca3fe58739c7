#!/usr/bin/env python3
"""Builds the Teams app package (manifest.json + icons, zipped) from manifest.template.json.

Usage: python3 make-package.py --app-id <MicrosoftAppId> --host bot.clinic.example \
           --clinic "Northgate Spine Clinic" --website https://clinic.example [--out triagebot-teams.zip]
Standard library only: the icons are plain PNGs drawn here (192x192 colour, 32x32 white outline on transparent).
"""
import argparse, json, struct, uuid, zipfile, zlib
from pathlib import Path


def png(size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def color(x, y, size):
    # A blue tile with a white vertical "spine" of three discs.
    cx = size // 2
    disc = abs(x - cx) < size // 8 and (y % (size // 4)) < size // 6 and size // 8 < y < size - size // 8
    return (255, 255, 255, 255) if disc else (0x1F, 0x5C, 0x99, 255)


def outline(x, y, size):
    cx = size // 2
    disc = abs(x - cx) < 4 and (y % 8) < 5 and 3 < y < size - 3
    return (255, 255, 255, 255) if disc else (0, 0, 0, 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-id", required=True, type=uuid.UUID)
    parser.add_argument("--host", required=True)
    parser.add_argument("--clinic", required=True)
    parser.add_argument("--website", required=True)
    parser.add_argument("--out", default="triagebot-teams.zip")
    args = parser.parse_args()

    here = Path(__file__).parent
    text = (here / "manifest.template.json").read_text(encoding="utf-8")
    for key, value in {"MICROSOFT_APP_ID": str(args.app_id), "BOT_HOST": args.host, "CLINIC_NAME": args.clinic,
                       "CLINIC_WEBSITE": args.website.rstrip("/")}.items():
        text = text.replace("{{" + key + "}}", value)
    manifest = json.loads(text)  # fails loudly if a value broke the JSON
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        package.writestr("color.png", png(192, color))
        package.writestr("outline.png", png(32, outline))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
