"""Allocating pupils to placement periods from their ranked choices.

The objective, in order of priority:

1. Place as many pupils as possible on one of their own choices (maximum cardinality).
2. Among those allocations, give as many pupils as possible their 1st choice, then as many as
   possible their 2nd choice, and so on (a *rank-maximal* allocation). One more 1st choice
   always outweighs any number of lower choices.
3. Remaining ties go by lottery: every pupil gets a lottery number drawn from a recorded seed,
   and a pupil with a better number gets the better rank. Same seed and same choices give the
   same allocation.

It is solved exactly as a min-cost flow (successive shortest paths with Dijkstra and
potentials): source → pupil (capacity 1) → chosen period (capacity 1, cost by rank) → sink
(capacity = free places). The rank costs are digits of a number in base N+1, so the
lexicographic order above becomes one sum; the lottery term is scaled below one unit of it.
Pure Python: no database, easy to test by hand.
"""

import heapq
import random
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class AllocationResult:
    assignment: dict[Hashable, Hashable | None]  # pupil → slot (None: not placed)
    rank: dict[Hashable, int | None]  # pupil → 1-based rank of the slot they got
    lottery: dict[Hashable, int]  # pupil → lottery number (1 is the best)
    seed: int
    rank_counts: dict[int, int] = field(default_factory=dict)  # rank → number of pupils

    @property
    def placed(self) -> int:
        return sum(1 for slot in self.assignment.values() if slot is not None)


class _Graph:
    def __init__(self, size: int):
        self.adjacency: list[list[int]] = [[] for _ in range(size)]
        self.to: list[int] = []
        self.capacity: list[int] = []
        self.cost: list[int] = []

    def add_edge(self, source: int, target: int, capacity: int, cost: int) -> int:
        edge = len(self.to)
        for node, other, cap, price in (
            (source, target, capacity, cost),
            (target, source, 0, -cost),
        ):
            self.adjacency[node].append(len(self.to))
            self.to.append(other)
            self.capacity.append(cap)
            self.cost.append(price)
        return edge

    def shortest_path(
        self, source: int, sink: int, potential: list[int]
    ) -> tuple[list, list[int | None]]:
        """Dijkstra on reduced costs, stopped once the sink is settled.

        Returns distances (settled nodes only; the others None) and the edge reaching each node.
        """
        distance: list = [None] * len(self.adjacency)
        best: dict[int, int] = {source: 0}
        via: list[int | None] = [None] * len(self.adjacency)
        queue = [(0, source)]
        while queue:
            dist, node = heapq.heappop(queue)
            if distance[node] is not None:
                continue
            distance[node] = dist
            if node == sink:
                break
            for edge in self.adjacency[node]:
                target = self.to[edge]
                if self.capacity[edge] <= 0 or distance[target] is not None:
                    continue
                candidate = dist + self.cost[edge] + potential[node] - potential[target]
                if target not in best or candidate < best[target]:
                    best[target] = candidate
                    via[target] = edge
                    heapq.heappush(queue, (candidate, target))
        return distance, via

    def min_cost_max_flow(self, source: int, sink: int) -> int:
        potential = [0] * len(self.adjacency)  # every original cost is >= 0
        flow = 0
        while True:
            distance, via = self.shortest_path(source, sink, potential)
            if distance[sink] is None:
                return flow
            # Nodes not settled before the sink count as being as far away as the sink:
            # that keeps every reduced cost non-negative for the next round.
            reach = distance[sink]
            for node, dist in enumerate(distance):
                potential[node] += reach if dist is None else dist
            bottleneck, node = None, sink
            while node != source:
                edge = via[node]
                capacity = self.capacity[edge]
                bottleneck = capacity if bottleneck is None else min(bottleneck, capacity)
                node = self.to[edge ^ 1]
            node = sink
            while node != source:
                edge = via[node]
                self.capacity[edge] -= bottleneck
                self.capacity[edge ^ 1] += bottleneck
                node = self.to[edge ^ 1]
            flow += bottleneck


def draw_lottery(pupils: Sequence[Hashable], seed: int) -> dict[Hashable, int]:
    order = sorted(pupils, key=str)
    random.Random(seed).shuffle(order)
    return {pupil: position for position, pupil in enumerate(order, start=1)}


def allocate(
    *,
    preferences: Mapping[Hashable, Sequence[Hashable]],
    capacity: Mapping[Hashable, int],
    seed: int,
) -> AllocationResult:
    """Allocate pupils (keys of `preferences`, each with slots best first) to slots.

    Slots missing from `capacity` or with capacity <= 0 are never used.
    """
    pupils = sorted(preferences, key=str)
    slots = sorted({slot for prefs in preferences.values() for slot in prefs}, key=str)
    slots = [slot for slot in slots if capacity.get(slot, 0) > 0]
    max_rank = max((len(prefs) for prefs in preferences.values()), default=0)
    lottery = draw_lottery(pupils, seed)
    base = len(pupils) + 1
    unit = max_rank * len(pupils) ** 2 + 1  # larger than the whole lottery term

    def cost(pupil: Hashable, rank: int) -> int:
        preference = base ** (max_rank - 1) - base ** (max_rank - rank)
        # A better lottery number weighs more, so on a tie its holder gets the better rank.
        weight = len(pupils) + 1 - lottery[pupil]
        return unit * preference + rank * weight

    source, sink = 0, len(pupils) + len(slots) + 1
    graph = _Graph(sink + 1)
    slot_node = {slot: len(pupils) + 1 + index for index, slot in enumerate(slots)}
    choice_edges: list[tuple[Hashable, Hashable, int, int]] = []
    for index, pupil in enumerate(pupils, start=1):
        graph.add_edge(source, index, 1, 0)
        seen = set()
        for rank, slot in enumerate(preferences[pupil], start=1):
            if slot in slot_node and slot not in seen:
                seen.add(slot)
                edge = graph.add_edge(index, slot_node[slot], 1, cost(pupil, rank))
                choice_edges.append((pupil, slot, rank, edge))
    for slot in slots:
        graph.add_edge(slot_node[slot], sink, capacity[slot], 0)
    graph.min_cost_max_flow(source, sink)

    assignment: dict = dict.fromkeys(pupils)
    ranks: dict = dict.fromkeys(pupils)
    for pupil, slot, rank, edge in choice_edges:
        if graph.capacity[edge] == 0:
            assignment[pupil], ranks[pupil] = slot, rank
    counts: dict[int, int] = {}
    for rank in ranks.values():
        if rank is not None:
            counts[rank] = counts.get(rank, 0) + 1
    return AllocationResult(assignment, ranks, lottery, seed, dict(sorted(counts.items())))


def serial_dictatorship(
    *,
    preferences: Mapping[Hashable, Sequence[Hashable]],
    capacity: Mapping[Hashable, int],
    seed: int,
) -> dict[Hashable, Hashable | None]:
    """Baseline for benchmarks: pupils in lottery order each take their best free choice."""
    lottery = draw_lottery(list(preferences), seed)
    left = dict(capacity)
    assignment: dict = {}
    for pupil in sorted(preferences, key=lottery.__getitem__):
        assignment[pupil] = next((s for s in preferences[pupil] if left.get(s, 0) > 0), None)
        if assignment[pupil] is not None:
            left[assignment[pupil]] -= 1
    return assignment
