"""SASRec in PyTorch, the same network, data and protocol as recwb's sasrec, for a side-by-side benchmark.

ML-100K u.data, every rating an interaction, each user's items by timestamp (ties: file order); the last item is
the test item, the rest the history. Network as in recwb (and the paper's code): item embeddings x sqrt(d) plus
learned positions, BLOCKS pre-norm blocks of causal self-attention (queries layer-normalised) and a ReLU
feed-forward part, dropout 0.2, final layer norm, Xavier-normal init; BCE of the next item against one unseen item
drawn uniformly per position; Adam 1e-3, batch 128 users, d = 50, max length 200.
Evaluation: the test item ranked among 100 uniformly drawn items the user never had: NDCG@10 and HitRate@10.

Usage: python3 sasrec.py ML100K_DIR EPOCHS THREADS
"""
import math, resource, sys, time
import numpy as np
import torch

folder, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(42)
rng = np.random.default_rng(42)
D, L, BLOCKS, DROPOUT, BATCH = 50, 200, 2, 0.2, 128

rows = [tuple(map(int, line.split("\t"))) for line in open(f"{folder}/u.data")]
items = sorted({r[1] for r in rows})
iix = {i: k + 1 for k, i in enumerate(items)}  # 0 = padding
n_items = len(items)
by_user = {}
for k, (u, i, _, t) in enumerate(rows):
    by_user.setdefault(u, []).append((t, k, iix[i]))
seqs = {u: [i for _, _, i in sorted(v)] for u, v in by_user.items()}
history = {u: s[:-1] for u, s in seqs.items() if len(s) >= 2}
test = {u: s[-1] for u, s in seqs.items() if len(s) >= 2}
users = sorted(history)


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = torch.nn.LayerNorm(D), torch.nn.LayerNorm(D)
        self.attn = torch.nn.MultiheadAttention(D, 1, dropout=DROPOUT, batch_first=True)
        self.ff1, self.ff2 = torch.nn.Linear(D, D), torch.nn.Linear(D, D)
        self.drop = torch.nn.Dropout(DROPOUT)

    def forward(self, x, causal, keep):
        q = self.ln1(x)
        a, _ = self.attn(q, x, x, attn_mask=causal, need_weights=False)
        h = self.ln2(q + self.drop(a))
        return (h + self.drop(self.ff2(self.drop(torch.relu(self.ff1(h)))))) * keep


class SasRec(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.items = torch.nn.Embedding(n_items + 1, D, padding_idx=0)
        self.pos = torch.nn.Embedding(L, D)
        self.blocks = torch.nn.ModuleList(Block() for _ in range(BLOCKS))
        self.ln = torch.nn.LayerNorm(D)
        self.drop = torch.nn.Dropout(DROPOUT)
        for name, p in self.named_parameters():
            if p.dim() > 1:
                torch.nn.init.xavier_normal_(p)
        with torch.no_grad():
            self.items.weight[0].zero_()
        self.register_buffer("causal", ~torch.tril(torch.ones(L, L, dtype=torch.bool)))

    def forward(self, seq):
        keep = (seq != 0).unsqueeze(-1).float()
        x = self.items(seq) * math.sqrt(D) + self.pos.weight
        x = self.drop(x) * keep
        for b in self.blocks:
            x = b(x, self.causal, keep)
        return self.ln(x)


def window(s):
    s = s[-L:]
    return [0] * (L - len(s)) + s


seen_sorted = {u: np.array(sorted(set(s)), dtype=np.int64) for u, s in history.items()}


def negatives(batch, pos):
    """One unseen item per position with a target, drawn uniformly (vectorised rejection sampling)."""
    neg = rng.integers(1, n_items + 1, size=pos.shape)
    for r, u in enumerate(batch):
        s = seen_sorted[u]
        bad = np.isin(neg[r], s)
        while bad.any():
            neg[r, bad] = rng.integers(1, n_items + 1, size=int(bad.sum()))
            bad = np.isin(neg[r], s)
    return np.where(pos != 0, neg, 0)


model = SasRec()
opt = torch.optim.Adam(model.parameters(), 1e-3)
seen = {u: set(s) for u, s in history.items()}
start = time.time()
for epoch in range(epochs):
    model.train()
    order = rng.permutation(len(users))
    for b in range(0, len(order), BATCH):
        batch = [users[k] for k in order[b:b + BATCH]]
        seq = torch.tensor([window(history[u][:-1]) for u in batch])
        pos = torch.tensor([window(history[u][1:]) for u in batch])
        neg = torch.from_numpy(negatives(batch, pos.numpy()))
        h = model(seq)
        pl = (h * model.items(pos)).sum(-1)
        nl = (h * model.items(neg)).sum(-1)
        valid = (pos != 0).float()
        loss = ((torch.nn.functional.softplus(-pl) + torch.nn.functional.softplus(nl)) * valid).sum() / valid.sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
seconds = time.time() - start

model.eval()
ndcg, hr = [], []
with torch.no_grad():
    for b in range(0, len(users), 256):
        batch = users[b:b + 256]
        h = model(torch.tensor([window(history[u]) for u in batch]))[:, -1, :]
        for r, u in enumerate(batch):
            cands = [test[u]]
            while len(cands) < 101:
                j = int(rng.integers(1, n_items + 1))
                if j not in seen[u] and j != test[u] and j not in cands:
                    cands.append(j)
            s = model.items.weight[cands] @ h[r]
            rank = int((s > s[0]).sum())
            hr.append(1.0 if rank < 10 else 0.0)
            ndcg.append(1 / math.log2(rank + 2) if rank < 10 else 0.0)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"pytorch {torch.__version__} threads {threads}: {seconds / epochs:.3f} s/epoch over {epochs} epochs, "
      f"peak RSS {rss:.0f} MB, NDCG@10 {np.mean(ndcg):.4f}, HitRate@10 {np.mean(hr):.4f}, {len(users)} users")
