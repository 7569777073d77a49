from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chidao.core.backup import BackupError, build_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và thư mục tệp tải lên (MEDIA_ROOT) vào một tệp .tar.gz "
        "kèm manifest (docs/backup.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="Thư mục ghi tệp sao lưu.")

    def handle(self, *args, **options):
        try:
            archive, manifest = build_backup(output_dir=options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        megabytes = archive.stat().st_size / 1024 / 1024
        self.stdout.write(
            f"Đã sao lưu vào {archive} ({megabytes:.1f} MB): {len(manifest['tables'])} bảng, "
            f"{rows} dòng, {len(manifest['media'])} tệp."
        )
