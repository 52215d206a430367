"""Photos made ready for the database: read (JPEG or PNG, turned upright by their EXIF orientation), scaled so the
long side is at most 2000 px, re-encoded as JPEG, with a small thumbnail. QtGui only (no widgets), so the CLI and a
worker thread can use it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP

MAX_SIDE = 2000
THUMB_SIDE = 240
# What a photo the app made can take (a 2000 px JPEG at quality 88 is well under 4 MB; its thumbnail under 60 KB),
# and how many an event holds; a bundle's photos are held to the same limits.
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_THUMB_BYTES = 512 * 1024
MAX_PHOTOS = 300
SUFFIXES = (".jpg", ".jpeg", ".png")

NOT_AN_IMAGE = QT_TRANSLATE_NOOP("core", "{path} is not a JPEG or PNG photo that can be read: {reason}. "
                                         "Choose a .jpg or .png file.")
NOT_FOUND = QT_TRANSLATE_NOOP("core", "The file {path} does not exist. Check the path.")


@dataclass(frozen=True)
class PreparedImage:
    data: bytes  # JPEG
    thumbnail: bytes  # JPEG
    width: int
    height: int


# A chart's PNG: Qt reads the quality as the compression (100 none, 0 the most); flat charts compress well at a
# low level, several times faster than the default.
PNG_SPEED = 80


def encode(image, fmt: str = "PNG", quality: int = -1) -> bytes:
    """A QImage as the bytes of an image file (PNG by default; JPEG at ``quality``)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, quality)
    buffer.close()
    return bytes(array.data())


def _scaled(image, side: int):
    from PySide6.QtCore import Qt

    if max(image.width(), image.height()) <= side:
        return image
    return image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def prepare(path: Path | str) -> PreparedImage:
    """Read ``path`` and return the resized JPEG and its thumbnail; a file that is not a readable photo is refused
    with a ``UserError`` naming it."""
    from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

    path = Path(path)
    if not path.is_file():
        raise UserError(NOT_FOUND, path=str(path))
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone's portrait photo is stored on its side with an EXIF orientation
    if reader.format().data().decode().lower() not in ("jpeg", "jpg", "png"):
        raise UserError(NOT_AN_IMAGE, path=str(path), reason=reader.errorString() or "unknown format")
    image = reader.read()
    if image.isNull():
        raise UserError(NOT_AN_IMAGE, path=str(path), reason=reader.errorString())
    if image.hasAlphaChannel():  # JPEG has no transparency: put the picture on white, as it prints
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    big = _scaled(image, MAX_SIDE)
    return PreparedImage(encode(big, "JPEG", 88), encode(_scaled(big, THUMB_SIDE), "JPEG", 80), big.width(),
                         big.height())
