"""The Secretariat's sealing key: a PKCS#12 file (key, certificate and its chain) named by
settings, and the certification authorities a verification trusts.

`make run` (the DEMO switch) uses a local demo authority that `demo_authority()` creates in
var/seal/ once: a CA, and a sealing certificate it issued. A real installation names the
Secretariat's own PKCS#12 file in SEAL_PKCS12 and its CA in SEAL_TRUST_ROOTS (README).
"""

import datetime
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings


class SealUnavailable(Exception):
    """The sealing key is configured but cannot be used (missing file, wrong password)."""


@dataclass(frozen=True)
class SealKey:
    signer: object  # pyhanko.sign.signers.SimpleSigner
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        x509.NameAttribute(NameOID.LOCALITY_NAME, "Astana"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CICA Secretariat (demo)"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _usage(*, sign_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not sign_certificates, content_commitment=not sign_certificates,
        key_encipherment=False, data_encipherment=False, key_agreement=False,
        key_cert_sign=sign_certificates, crl_sign=sign_certificates,
        encipher_only=False, decipher_only=False,
    )


def issue_certificate(ca_key, ca_certificate, common_name: str, *, days: int = 825,
                      not_before: datetime.datetime | None = None):
    """A sealing key and its certificate, issued by the given CA (the demo authority and
    the tests' second key use it)."""
    start = not_before or datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name)).issuer_name(ca_certificate.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign_certificates=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return key, certificate


def new_authority(common_name: str = "CICA Docs demo CA"):
    """A self-signed certification authority: (key, certificate)."""
    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name)).issuer_name(_name(common_name))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(sign_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def write_pkcs12(path: Path, key, certificate, chain, password: bytes) -> None:
    data = pkcs12.serialize_key_and_certificates(
        b"CICA seal", key, certificate, list(chain),
        serialization.BestAvailableEncryption(password),
    )
    _write_private(path, data)


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def demo_authority(directory: Path) -> tuple[Path, Path, bool]:
    """The demo CA and sealing key in `directory` (created once): the PKCS#12 path, the CA
    certificate's path, and whether they were created now. Its password is in the folder,
    beside the key: a demo authority protects nothing."""
    p12, ca_pem, password = (directory / "seal.p12", directory / "ca.pem",
                             directory / "seal.password")
    if p12.exists() and ca_pem.exists() and password.exists():
        return p12, ca_pem, False
    ca_key, ca = new_authority()
    key, certificate = issue_certificate(ca_key, ca, "CICA Secretariat seal (demo)")
    secret = secrets.token_urlsafe(18).encode()
    _write_private(password, secret)
    write_pkcs12(p12, key, certificate, [ca], secret)
    _write_private(ca_pem, ca.public_bytes(serialization.Encoding.PEM))
    return p12, ca_pem, True


def _password() -> bytes | None:
    if settings.SEAL_PKCS12_PASSWORD:
        return settings.SEAL_PKCS12_PASSWORD.encode()
    beside = Path(settings.SEAL_PKCS12).with_name("seal.password")
    return beside.read_bytes().strip() if beside.exists() else None


def configured() -> bool:
    return bool(settings.SEAL_PKCS12)


def current_key() -> SealKey | None:
    """The key new issues are sealed with; None where no seal is configured."""
    if not configured():
        return None
    path = Path(settings.SEAL_PKCS12)
    if settings.SEAL_DEMO_AUTHORITY and not path.exists():
        demo_authority(path.parent)
    try:
        stat = path.stat()
    except OSError as error:
        raise SealUnavailable(f"the sealing key {path} cannot be read: {error}") from error
    return _load(str(path), stat.st_mtime_ns, _password())


@lru_cache(maxsize=4)
def _load(path: str, mtime: int, password: bytes | None) -> SealKey:
    from pyhanko.sign import signers

    data = Path(path).read_bytes()
    try:
        _key, certificate, chain = pkcs12.load_key_and_certificates(data, password)
        signer = signers.SimpleSigner.load_pkcs12_data(data, [], passphrase=password)
    except ValueError as error:
        raise SealUnavailable(f"the sealing key {path} cannot be opened: {error}") from error
    if certificate is None:
        raise SealUnavailable(f"the sealing key {path} holds no certificate")
    return SealKey(signer=signer, certificate=certificate, chain=tuple(chain or ()))


def trust_roots() -> list:
    """The CAs a verification trusts (as pyHanko takes them): SEAL_TRUST_ROOTS, and the
    demo CA under DEMO."""
    from asn1crypto import x509 as asn1_x509

    paths = [Path(p) for p in settings.SEAL_TRUST_ROOTS]
    if settings.SEAL_DEMO_AUTHORITY and settings.SEAL_PKCS12:
        paths.append(Path(settings.SEAL_PKCS12).with_name("ca.pem"))
    roots = []
    for path in paths:
        if path.exists():
            roots.extend(
                asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
                for certificate in x509.load_pem_x509_certificates(path.read_bytes())
            )
    return roots
