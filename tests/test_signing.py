"""Whose package it is: this installation's signing key (never silently replaced, a damaged file named), the keys
it trusts, and verify-package naming the signer — from the core, the CLI and the 归档 tab."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli


@pytest.fixture
def held(workspace):
    from desktop_app.demo import create_demo_event

    return create_demo_event(held=True)


def _package(event_id, out):
    from desktop_app import package
    from desktop_app.services import summary

    return package.write_package(summary.package_snapshot(event_id), out)


def _as_other_installation(monkeypatch, tmp_path, func):
    """``func()`` run with another data folder: another installation, with its own key."""
    other = tmp_path / "other-installation"
    other.mkdir(exist_ok=True)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(other))
    try:
        return func()
    finally:
        monkeypatch.undo()


def _resign_edited(folder: Path, data_dir: Path, monkeypatch) -> str:
    """The attack: 实施情况 edited, its checksum recomputed, the manifest signed again by another installation."""
    from docx import Document as Docx

    from desktop_app import signing

    path = next(folder.glob("*_活动实施情况*.docx"))
    doc = Docx(str(path))
    doc.add_paragraph("参加人数共计300人。")
    doc.save(str(path))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == path.name:
            entry["size"], entry["sha256"] = path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(data_dir))
    signed = signing.sign({k: v for k, v in manifest.items() if k != "signature"})
    (folder / "manifest.json").write_text(json.dumps(signed, ensure_ascii=False), encoding="utf-8")
    return signed["signature"]["fingerprint"]


def test_a_package_signed_again_by_another_key_is_not_ok_and_names_the_signer(held, tmp_path, data_dir,
                                                                                monkeypatch):
    from desktop_app import package, signing

    result = _package(held.id, tmp_path / "usb")
    own = signing.installation_fingerprint()
    report = package.verify_package(result.folder)
    assert report.ok and report.signer == "this-installation" and report.cover_fingerprint == own
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    stranger = _resign_edited(result.folder, other_dir, monkeypatch)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(data_dir))
    report = package.verify_package(result.folder)
    # unknown, and not the key its own 目录 prints: said as re-signed, not offered for trust
    assert not report.ok and report.signature == "cover-differs" and report.signer == "unknown"
    assert report.fingerprint == stranger != own and not report.mismatched
    cli = run_cli("verify-package", str(result.folder), "--json", env={"OPENDAY_DATA_DIR": str(data_dir)})
    assert cli.returncode == 1 and "Traceback" not in cli.stderr
    answer = json.loads(cli.stdout)
    assert answer["ok"] is False and answer["signer"] == "unknown" and answer["fingerprint"] == stranger
    # Named by --key, or trusted: the package's own 目录 still prints the office's key.
    assert package.verify_package(result.folder, key=stranger).signature == "cover-differs"
    signing.trust(stranger, "某人")
    report = package.verify_package(result.folder)
    assert not report.ok and report.signature == "cover-differs" and report.cover_fingerprint == own


def test_a_department_package_is_unknown_until_its_key_is_trusted_then_named(held, tmp_path, data_dir,
                                                                             monkeypatch):
    """The district office verifies a department's package: unknown key → not ok; trusted (by fingerprint or by
    the public key file the department exported) → ok, naming the department; --key names it too."""
    department = tmp_path / "department-data"
    department.mkdir()
    env = {"OPENDAY_DATA_DIR": str(department)}
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(department))
    result = _package(held.id, tmp_path / "usb")
    exported = run_cli("keys", "export", "--out", str(tmp_path / "department.pem"), env=env)
    assert exported.returncode == 0, exported.stderr
    theirs = json.loads(run_cli("keys", "list", "--json", env=env).stdout)[0]
    assert theirs["own"] is True
    district = {"OPENDAY_DATA_DIR": str(data_dir)}
    unknown = run_cli("verify-package", str(result.folder), env=district)
    assert unknown.returncode == 1 and "signer\tunknown" in unknown.stdout and "NOT OK" in unknown.stdout
    with_key = run_cli("verify-package", str(result.folder), "--key", theirs["fingerprint"], "--json", env=district)
    assert with_key.returncode == 0 and json.loads(with_key.stdout)["ok"] is True
    trusted = run_cli("keys", "trust", str(tmp_path / "department.pem"), "--name", "西吉县审批服务管理局", env=district)
    assert trusted.returncode == 0 and trusted.stdout.strip() == theirs["fingerprint"]
    ok = run_cli("verify-package", str(result.folder), "--json", env=district)
    answer = json.loads(ok.stdout)
    assert ok.returncode == 0 and answer["ok"] is True
    assert (answer["signer"], answer["signer_name"]) == ("trusted", "西吉县审批服务管理局")
    forgot = run_cli("keys", "forget", theirs["fingerprint"].replace(" ", ""), env=district)
    assert forgot.returncode == 0 and run_cli("verify-package", str(result.folder), env=district).returncode == 1
    by_fingerprint = run_cli("keys", "trust", theirs["fingerprint"], "--name", "审批局", env=district)
    assert by_fingerprint.returncode == 0
    assert run_cli("verify-package", str(result.folder), env=district).returncode == 0
    bad = run_cli("keys", "trust", "1234", "--name", "x", env=district)
    assert bad.returncode == 1 and "1234" in bad.stderr and "Traceback" not in bad.stderr


# -- the key of this installation (issue 28) -------------------------------------------------------------------------

def test_a_lost_key_is_never_replaced_silently(held, tmp_path, data_dir):
    from desktop_app import signing
    from desktop_app.errors import UserError

    assert signing.key_state() == "none"
    first = _package(held.id, tmp_path / "one")  # a data folder that never had a key: made without a question
    old = signing.installation_fingerprint()
    assert signing.key_state() == "present" and [m["fingerprint"] for m in signing.history()] == [old]
    key_file = data_dir / signing.KEY_FILE
    key_file.unlink()
    assert signing.key_state() == "missing"
    with pytest.raises(UserError) as refused:
        signing.installation_key()
    assert str(key_file) in str(refused.value) and old in str(refused.value)
    assert not key_file.exists()
    db = tmp_path / "openday.sqlite3"
    cli = run_cli("export", "package", "--db", str(db), "--event", str(held.id), "--out", str(tmp_path / "two"),
                  env={"OPENDAY_DATA_DIR": str(data_dir)})
    assert cli.returncode == 1 and str(key_file) in cli.stderr and "Traceback" not in cli.stderr
    assert not key_file.exists()
    assert not (tmp_path / "two").exists() or not list((tmp_path / "two").iterdir())
    # An earlier package of this installation still verifies as its own.
    new = run_cli("keys", "new", env={"OPENDAY_DATA_DIR": str(data_dir)})
    assert new.returncode == 0 and key_file.exists() and new.stdout.strip() != old
    from desktop_app import package

    assert package.verify_package(first.folder).signer == "this-installation"
    again = run_cli("keys", "new", env={"OPENDAY_DATA_DIR": str(data_dir)})
    assert again.returncode == 1 and "Traceback" not in again.stderr
    # The next package's 目录 prints the change, the one after does not.
    from docx import Document as Docx

    def cover_text(folder):
        return "\n".join(p.text for p in Docx(str(next(folder.glob("00_*.docx")))).paragraphs)

    second = _package(held.id, tmp_path / "three")
    assert f"原指纹 {old}" in cover_text(second.folder) and new.stdout.strip() in cover_text(second.folder)
    third = _package(held.id, tmp_path / "four")
    assert "原指纹" not in cover_text(third.folder)


@pytest.mark.parametrize("content", [b"garbage", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                                     b""])
def test_a_damaged_key_file_is_named_not_an_unexpected_error(workspace, tmp_path, data_dir, content):
    from desktop_app import signing
    from desktop_app.demo import create_demo_event
    from desktop_app.errors import UserError

    event = create_demo_event(held=True)
    key_file = data_dir / signing.KEY_FILE
    key_file.write_bytes(content)
    with pytest.raises(UserError, match=signing.KEY_FILE):
        signing.installation_fingerprint()
    cli = run_cli("export", "package", "--db", str(tmp_path / "openday.sqlite3"), "--event", str(event.id), "--out",
                  str(tmp_path / "usb"), env={"OPENDAY_DATA_DIR": str(data_dir)})
    assert cli.returncode == 1 and str(key_file) in cli.stderr
    assert "ValueError" not in cli.stderr and "Traceback" not in cli.stderr
    assert key_file.read_bytes() == content  # left for the user to restore, never overwritten


def test_a_key_of_another_type_is_named(workspace, data_dir):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from desktop_app import signing
    from desktop_app.errors import UserError

    other = ec.generate_private_key(ec.SECP256R1())
    (data_dir / signing.KEY_FILE).write_bytes(other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    with pytest.raises(UserError, match="Ed25519"):
        signing.installation_key()


# -- the window ------------------------------------------------------------------------------------------------------

def test_the_window_asks_before_a_new_key_and_records_it(qtbot, held, workspace, tmp_path, data_dir, dialogs,
                                                         monkeypatch):
    from db import models
    from desktop_app import signing
    from ui import early
    from ui.main_window import MainWindow

    monkeypatch.setattr(early.EarlyQuestion, "ask", staticmethod(lambda parent, **kw: early.FINAL))
    _package(held.id, tmp_path / "one")
    (data_dir / signing.KEY_FILE).unlink()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("summary")
    tab.interactive = False
    asked = []
    monkeypatch.setattr(tab, "ask_new_key", lambda path, lost: asked.append((path, lost)) or False)
    tab.write_package(tmp_path / "two")
    assert len(asked) == 1 and asked[0][0] == str(data_dir / signing.KEY_FILE)
    assert signing.key_state() == "missing" and not (tmp_path / "two").exists()
    monkeypatch.setattr(tab, "ask_new_key", lambda path, lost: asked.append((path, lost)) or True)
    with qtbot.waitSignal(tab.sig_packaged, timeout=60000):
        tab.write_package(tmp_path / "two")
    assert len(asked) == 2 and signing.key_state() == "present"
    entry = models.AuditEntry.get(models.AuditEntry.action == "signing.key.new")
    assert asked[0][1] in entry.summary and signing.installation_fingerprint() in entry.summary


def test_the_window_verifies_a_package_in_words(qtbot, chinese, held, workspace, tmp_path, data_dir, monkeypatch):
    from desktop_app import signing
    from ui.main_window import MainWindow

    result = _package(held.id, tmp_path / "usb")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("summary")
    tab.interactive = False
    window.tabs.setCurrentWidget(tab)
    assert tab.verify_button.isVisibleTo(window)
    monkeypatch.setattr(tab, "ask_package_folder", lambda: result.folder)
    with qtbot.waitSignal(tab.sig_verified, timeout=60000) as good:
        tab.verify_button.click()
    assert good.args[0].ok
    words = tab.verify_dialog.text()
    assert "校验通过" in words and "本机" in words and signing.installation_fingerprint() in words
    assert not tab.verify_dialog.trust_button.isVisibleTo(tab.verify_dialog)
    grab(tab.verify_dialog, tmp_path / "verify-ok.png")

    other_dir = tmp_path / "other"
    other_dir.mkdir()
    stranger = _resign_edited(result.folder, other_dir, monkeypatch)
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(data_dir))
    with qtbot.waitSignal(tab.sig_verified, timeout=60000) as bad:
        tab.verify_package()
    assert not bad.args[0].ok
    words = tab.verify_dialog.text()
    # signed by a key nobody knows, while its own 目录 prints the office's: said as signed again, not offered
    # for trust (trusting the stranger would not make it the office's package)
    assert "未通过" in words and "重新签名" in words and stranger in words
    assert not tab.verify_dialog.trust_button.isVisibleTo(tab.verify_dialog)
    grab(tab.verify_dialog, tmp_path / "verify-resigned.png")
    signing.trust(stranger, "某单位")
    with qtbot.waitSignal(tab.sig_verified, timeout=60000) as still:
        tab.verify_package()
    assert not still.args[0].ok and "归档目录" in tab.verify_dialog.text()


def test_the_window_names_a_trusted_signer(qtbot, chinese, held, workspace, tmp_path, data_dir, monkeypatch):
    from PySide6.QtCore import Qt

    from desktop_app import signing
    from ui.main_window import MainWindow

    department = tmp_path / "department-data"
    department.mkdir()
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(department))
    result = _package(held.id, tmp_path / "usb")
    theirs = signing.installation_fingerprint()
    monkeypatch.setenv("OPENDAY_DATA_DIR", str(data_dir))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    tab = window.tab("summary")
    tab.interactive = False
    with qtbot.waitSignal(tab.sig_verified, timeout=60000) as unknown:
        tab.verify_package(result.folder)
    assert not unknown.args[0].ok and "未知" in tab.verify_dialog.text() and theirs in tab.verify_dialog.text()
    assert tab.verify_dialog.trust_button.isVisibleTo(tab.verify_dialog)
    grab(tab.verify_dialog, tmp_path / "verify-unknown.png")
    monkeypatch.setattr(tab.verify_dialog, "ask_name", lambda fingerprint: "原州区科技局")
    qtbot.mouseClick(tab.verify_dialog.trust_button, Qt.MouseButton.LeftButton)  # compared with the paper: theirs
    assert [k.name for k in signing.known_keys() if not k.own] == ["原州区科技局"]
    done = tab.verify_dialog.report
    assert done.ok and done.signer_name == "原州区科技局"
    assert not tab.verify_dialog.trust_button.isVisibleTo(tab.verify_dialog)
    words = tab.verify_dialog.text()
    assert "校验通过" in words and "原州区科技局" in words and theirs in words
    grab(tab.verify_dialog, tmp_path / "verify-trusted.png")


@pytest.fixture
def chinese(qapp):
    from ui.i18n import install_translators

    install_translators(qapp, "zh_CN")  # the default language, as ui.app installs it


def grab(widget, path: Path) -> None:
    """A picture of the dialog (to look at: pytest --basetemp keeps it)."""
    widget.adjustSize()
    widget.show()
    assert widget.grab().save(str(path))
    widget.hide()
    if os.environ.get("OPENDAY_SCREENSHOTS"):
        shutil.copy(path, Path(os.environ["OPENDAY_SCREENSHOTS"]) / path.name)
