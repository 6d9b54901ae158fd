"""What benchmarks/neural/*.py share: ML-100K fold u1 with ratings >= 4 (every kept rating a 1) in dense indices,
and the full-ranking evaluation recwb's ranking metrics use, so that both sides are scored the same way."""
import math, resource

import numpy as np
import torch


def read(folder, name):
    rows = []
    for line in open(f"{folder}/{name}"):
        u, i, r, _ = line.split("\t")
        if float(r) >= 4:
            rows.append((int(u), int(i)))
    return rows


class Fold:
    """u1.base / u1.test over the users and items of either, indexed 0.. in id order."""

    def __init__(self, folder):
        self.train, self.test = read(folder, "u1.base"), read(folder, "u1.test")
        users = sorted({u for u, _ in self.train} | {u for u, _ in self.test})
        items = sorted({i for _, i in self.train} | {i for _, i in self.test})
        self.uix = {u: k for k, u in enumerate(users)}
        self.iix = {i: k for k, i in enumerate(items)}
        self.nu, self.ni = len(users), len(items)
        self.pu = np.array([self.uix[u] for u, _ in self.train], dtype=np.int64)
        self.pi = np.array([self.iix[i] for _, i in self.train], dtype=np.int64)

    def report(self, scores, seconds, epochs, threads):
        """Full ranking of every item but the user's training items: NDCG@10 (binary gains, ideal DCG over
        min(|relevant|, 10)) and Recall@20 (hits / |relevant|), averaged over the test users; with time and memory."""
        scores = scores.clone()
        scores[torch.from_numpy(self.pu), torch.from_numpy(self.pi)] = -math.inf
        relevant = {}
        for u, i in self.test:
            relevant.setdefault(self.uix[u], set()).add(self.iix[i])
        ndcg, recall = [], []
        for u, rel in relevant.items():
            top = torch.topk(scores[u], 20).indices.tolist()
            dcg = sum(1 / math.log2(r + 2) for r, i in enumerate(top[:10]) if i in rel)
            ideal = sum(1 / math.log2(r + 2) for r in range(min(len(rel), 10)))
            ndcg.append(dcg / ideal)
            recall.append(len(rel & set(top)) / len(rel))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"pytorch {torch.__version__} threads {threads}: {seconds / epochs:.3f} s/epoch over {epochs} epochs, "
              f"peak RSS {rss:.0f} MB, NDCG@10 {np.mean(ndcg):.4f}, Recall@20 {np.mean(recall):.4f}, "
              f"{len(relevant)} users")
