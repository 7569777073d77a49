from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """Synthetic data at provincial and national scale, for the benchmarks in ``bench/``."""

    name = "chidao.scale"
    verbose_name = "Dữ liệu quy mô lớn"
