"""Chỉ Đạo: the system a steering committee uses to carry out a Party resolution."""
