"""Time the similarity index on a synthetic tree of N tasks (docs/overlap.md, Speed)."""

import random
import time

from django.core.management.base import BaseCommand

from chidao.overlap.index import (
    CANDIDATE_THRESHOLD,
    SimilarityIndex,
    get_background_texts,
    is_same_work,
)
from chidao.overlap.parts import compare_parts, read_parts
from chidao.overlap.rules import get_learned_abbreviations


class Command(BaseCommand):
    help = (
        "Build an index of N synthetic tasks (Appendix II wordings cut at random lengths, "
        "placed in 3,300 communes) and time fitting, searching and updating it."
    )

    def add_arguments(self, parser):
        parser.add_argument("tasks", type=int, help="how many tasks, e.g. 180000")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, tasks: int, seed: int, **options):
        rng = random.Random(seed)
        titles = [title.split() for title in get_background_texts()]
        texts = []
        for _ in range(tasks):
            words = rng.choice(titles)
            cut = rng.randint(min(6, len(words)), min(25, len(words)))
            texts.append(" ".join(words[:cut]) + f" tren dia ban xa {rng.randrange(3300)}")

        # Built as the finder builds a tree's index: short forms learned from the texts
        # (defined in parentheses, or initialisms spelled by their own words) and then fitted.
        started, cpu_started = time.perf_counter(), time.process_time()
        learned = get_learned_abbreviations(texts)
        learning = time.process_time() - cpu_started
        index = SimilarityIndex(list(range(tasks)), texts, abbreviations=learned)
        fitted = time.perf_counter() - started
        fitted_cpu = time.process_time() - cpu_started

        timings = []
        judged = []
        # CPU time of each query with its parts compared: on a shared machine the wall
        # clock says more about the neighbours than about the code.
        cpu = []
        for key in rng.sample(range(tasks), min(50, tasks)):
            started, cpu_started = time.perf_counter(), time.process_time()
            matches = index.search_key(key, threshold=CANDIDATE_THRESHOLD, limit=30)
            timings.append(time.perf_counter() - started)
            # As the finder then decides: each candidate read into its parts (the first
            # time it comes up; the tree keeps them) and compared with the task's.
            parts = read_parts(texts[key])
            for match in matches:
                is_same_work(match.score, compare_parts(parts, read_parts(texts[match.key])))
            judged.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
        timings.sort()
        judged.sort()
        cpu.sort()

        started = time.perf_counter()
        index.search_text("Xây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp")
        draft = time.perf_counter() - started

        started = time.perf_counter()
        index.updated({tasks: "Hỗ trợ DNNVV chuyển đổi số", 0: "Lắp đặt wifi công cộng"}, [1])
        update = time.perf_counter() - started

        def ms(seconds: float) -> str:
            return f"{seconds * 1000:.0f} ms"

        self.stdout.write(
            f"{tasks} tasks: fit {fitted:.1f} s (CPU {fitted_cpu:.1f} s, of which learning "
            f"short forms {learning:.2f} s); one task against all: median "
            f"{ms(timings[len(timings) // 2])}, p95 {ms(timings[int(len(timings) * 0.95) - 1])}; "
            f"with parts compared: median {ms(judged[len(judged) // 2])}, "
            f"p95 {ms(judged[int(len(judged) * 0.95) - 1])} "
            f"(CPU median {ms(cpu[len(cpu) // 2])}, p95 {ms(cpu[int(len(cpu) * 0.95) - 1])}); "
            f"a draft {ms(draft)}; update (2 changed, 1 removed) {ms(update)}"
        )
