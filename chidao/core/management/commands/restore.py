import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chidao.core.backup import BackupError, check_archive, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và tệp tải lên từ một tệp sao lưu của lệnh backup, rồi "
        "đối chiếu số dòng từng bảng và sha256 từng tệp với manifest (docs/backup.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Tệp .tar.gz do lệnh backup tạo.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè cả khi cơ sở dữ liệu hoặc thư mục tệp đích đang có dữ liệu.",
        )
        parser.add_argument(
            "--check-only",
            action="store_true",
            help="Chỉ kiểm tra tệp sao lưu với manifest, không khôi phục gì.",
        )

    def handle(self, *args, **options):
        try:
            if options["check_only"]:
                self.check_only(options["archive"])
            else:
                self.restore(options["archive"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error

    def check_only(self, archive):
        with tempfile.TemporaryDirectory(prefix="chidao-check-") as staging:
            manifest, problems = check_archive(archive, Path(staging))
        if problems:
            raise CommandError("Tệp sao lưu không nguyên vẹn:\n" + "\n".join(problems))
        self.stdout.write(
            f"Tệp sao lưu nguyên vẹn: {manifest['database']['vendor']} lúc "
            f"{manifest['created_at']}, {len(manifest['tables'])} bảng, "
            f"{len(manifest['media'])} tệp."
        )

    def restore(self, archive, *, force):
        report = restore_backup(archive=archive, force=force)
        for note in report.notes:
            self.stdout.write(note)
        if report.problems:
            raise CommandError(
                "Đã khôi phục nhưng kết quả khác manifest:\n" + "\n".join(report.problems)
            )
        manifest = report.manifest
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {manifest['created_at']} (phiên bản "
            f"{manifest['app_version']}): {report.tables} bảng, {report.rows} dòng và "
            f"{report.files} tệp khớp manifest."
        )
