"""Dependencies between tasks as a graph: the pure rules (no database).

``services.do_set_task_dependencies`` asks ``find_cycle`` before writing; the forecast
walks the graph in ``get_topological_order`` so a task is forecast after what it waits for.
"""

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

Node = TypeVar("Node", bound=Hashable)


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


# A finish that compares with others of its kind (a date; a number in the tests).
Finish = TypeVar("Finish", bound=_Ordered)


def find_cycle(
    edges: Mapping[Node, Iterable[Node]], task: Node, depends_on: Iterable[Node]
) -> list[Node] | None:
    """The cycle that giving ``task`` the prerequisites ``depends_on`` would close, if any.

    Args:
        edges: every other task's prerequisites (task → tasks it waits for); ``task``'s own
            current entry is ignored, since ``depends_on`` replaces it.
        task: the task being edited.
        depends_on: its new prerequisites.

    Returns:
        The tasks around the cycle, starting and ending with ``task``
        (``[A, B, C, A]`` when A would wait for B, B waits for C and C for A), or ``None``.
    """
    for first in depends_on:
        if first == task:
            return [task, task]
        # Depth-first search from each new prerequisite back to ``task``.
        stack = [(first, [task, first])]
        seen = set()
        while stack:
            node, path = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            for following in edges.get(node, ()) if node != task else ():
                if following == task:
                    return [*path, task]
                stack.append((following, [*path, following]))
    return None


def get_topological_order(edges: Mapping[Node, Iterable[Node]]) -> list[Node]:
    """Every task of ``edges`` (keys and values), each after the tasks it waits for.

    A cycle (which the services refuse, but old data or a direct database write could
    hold) does not loop: its tasks come in the order they were first met.
    """
    order: list[Node] = []
    state: dict[Node, str] = {}
    nodes = list(edges)
    for values in edges.values():
        nodes.extend(values)
    for start in nodes:
        if start in state:
            continue
        stack: list[tuple[Node, Iterator[Node]]] = [(start, iter(edges.get(start, ())))]
        state[start] = "open"
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                state[node] = "done"
                order.append(node)
            elif child not in state:
                state[child] = "open"
                stack.append((child, iter(edges.get(child, ()))))
    return order


def get_critical_path(
    edges: Mapping[Node, Iterable[Node]], finish: Mapping[Node, Finish | None]
) -> list[Node]:
    """The chain of prerequisites that ends last: from the task with the latest ``finish``
    back through, at each step, the prerequisite that finishes last.

    Args:
        edges: task → tasks it waits for.
        finish: each task's expected (or actual) finish, comparable; missing tasks are skipped.

    Returns:
        The path from its first task to its last.
    """
    known = {task: value for task, value in finish.items() if value is not None}
    if not known:
        return []
    waited_for = {before for values in edges.values() for before in values}
    # The latest finish; on a tie (a chain moved by its first task ends together), the
    # task nothing waits for, so the path runs to the end of the chain.
    node = max(known, key=lambda task: (known[task], task not in waited_for))
    path = [node]
    while True:
        before = [p for p in edges.get(node, ()) if p in known and p not in path]
        if not before:
            break
        node = max(before, key=lambda task: known[task])
        path.append(node)
    return path[::-1]
