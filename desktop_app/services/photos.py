"""The event's photos, kept inside the database as resized copies with thumbnails, so the database and bundles
stay self-contained; and which of them the 活动实施情况 shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from db import models

from .. import images, settings
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from . import audit
from .live import live_event

CHOSEN_KEY = "summary.implementation_photos"  # uuids of the photos the 活动实施情况 shows, in order
GONE = QT_TRANSLATE_NOOP("core", "The photo no longer exists; reload the list.")
TOO_MANY = QT_TRANSLATE_NOOP("core", "The event already has {limit} photos, as many as it can hold. Delete some "
                                     "before adding more.")


@dataclass(frozen=True)
class PhotoRow:
    id: int
    uuid: str
    caption: str
    taken_at: dt.datetime | None
    width: int
    height: int
    thumbnail: bytes
    chosen: bool


@dataclass(frozen=True)
class PhotoData:
    """A photo as documents and the package take it."""

    name: str  # a file name for the package: 01_caption.jpg
    caption: str
    data: bytes
    chosen: bool


def _live(event_id: int):
    P = models.Photo
    return P.select().where((P.event == event_id) & P.alive()).order_by(P.position, P.id)


def _chosen(event_id: int) -> list[str]:
    return list(settings.get(CHOSEN_KEY, event_id) or [])


def list_photos(event_id: int) -> list[PhotoRow]:
    chosen = set(_chosen(event_id))
    P = models.Photo
    query = _live(event_id).select(P.id, P.uuid, P.caption, P.taken_at, P.width, P.height, P.thumbnail)
    return [PhotoRow(p.id, p.uuid, p.caption, p.taken_at, p.width, p.height, bytes(p.thumbnail), p.uuid in chosen)
            for p in query]


def add_photo(event_id: int, prepared: images.PreparedImage, *, caption: str = "",
              taken_at: dt.datetime | None = None) -> PhotoRow:
    """Store a photo made ready by ``images.prepare`` (on a worker); a new photo is chosen for the 实施情况 while
    fewer than four are."""
    with models.database.atomic():
        live_event(event_id)
        if _live(event_id).count() >= images.MAX_PHOTOS:
            raise UserError(TOO_MANY, limit=images.MAX_PHOTOS)
        last = _live(event_id).order_by(models.Photo.position.desc()).first()
        photo = models.Photo.create(event=event_id, caption=caption.strip(), taken_at=taken_at,
                                    image=prepared.data, thumbnail=prepared.thumbnail, width=prepared.width,
                                    height=prepared.height, position=(last.position + 1) if last else 1)
        chosen = _chosen(event_id)
        if len(chosen) < 4:
            settings.set(CHOSEN_KEY, chosen + [photo.uuid], event_id)
        audit.record("photo.add", event_id=event_id, target="photo", target_uuid=photo.uuid,
                     summary=f"{prepared.width}×{prepared.height}")
    return next(r for r in list_photos(event_id) if r.id == photo.id)


def add_photo_file(event_id: int, path: Path | str, *, caption: str | None = None) -> PhotoRow:
    """``add_photo`` from a file; the caption defaults to the file name without its suffix."""
    path = Path(path)
    prepared = images.prepare(path)
    return add_photo(event_id, prepared, caption=path.stem if caption is None else caption,
                     taken_at=dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0))


def _get(photo_id: int) -> models.Photo:
    photo = models.Photo.get_or_none((models.Photo.id == photo_id) & models.Photo.alive())
    if photo is None:
        raise UserError(GONE)
    return photo


def set_caption(photo_id: int, caption: str) -> None:
    with models.database.atomic():
        photo = _get(photo_id)
        if photo.caption != caption.strip():
            photo.caption = caption.strip()
            photo.save()
            audit.record("photo.caption", event_id=photo.event_id, target="photo", target_uuid=photo.uuid,
                         field="caption", coalesce=True)


def set_chosen(photo_id: int, chosen: bool) -> None:
    with models.database.atomic():
        photo = _get(photo_id)
        current = _chosen(photo.event_id)
        wanted = [u for u in current if u != photo.uuid] + ([photo.uuid] if chosen else [])
        if wanted != current:
            settings.set(CHOSEN_KEY, wanted, photo.event_id)


def delete_photo(photo_id: int) -> None:
    """A soft delete (it travels to the venue laptop as one); ``restore_photo`` undoes it."""
    with models.database.atomic():
        photo = _get(photo_id)
        photo.deleted = True
        photo.save()
        audit.record("photo.delete", event_id=photo.event_id, target="photo", target_uuid=photo.uuid)


def restore_photo(photo_id: int) -> None:
    with models.database.atomic():
        photo = models.Photo.get_by_id(photo_id)
        photo.deleted = False
        photo.save()
        audit.record("photo.restore", event_id=photo.event_id, target="photo", target_uuid=photo.uuid)


def photo_data(event_id: int) -> list[PhotoData]:
    """Every photo with its full image, for documents and the package (names numbered in the list's order)."""
    from ..documents.export import safe_name

    chosen = set(_chosen(event_id))
    out = []
    for n, p in enumerate(_live(event_id), start=1):
        name = f"{n:02d}_{safe_name(p.caption)[:40]}.jpg" if p.caption else f"{n:02d}.jpg"
        out.append(PhotoData(name, p.caption, bytes(p.image), p.uuid in chosen))
    return out
