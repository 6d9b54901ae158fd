"""NeuMF in PyTorch, the same network, data and protocol as recwb's neumf, for a side-by-side benchmark.

ML-100K fold u1 (u1.base / u1.test) with ratings >= 4 kept, every kept rating a 1; GMF embeddings of 8, MLP
embeddings of 16 per side, MLP layers 32 -> 16 -> 8 with ReLU, one sigmoid output over [GMF, MLP]; binary
cross-entropy on every training interaction plus 4 unseen items per interaction drawn afresh each epoch, shuffled;
Adam 1e-3, batch BATCH (256 in the paper), embeddings from N(0, 0.01^2) as in the paper, Xavier-normal layer weights, zero biases.
Evaluation: full ranking of every item but the user's training items, NDCG@10 and Recall@20 (as multvae.py).

Usage: python3 neumf.py ML100K_DIR EPOCHS THREADS BATCH
"""
import sys, time
import numpy as np
import torch

from ml100k import Fold

folder, epochs, threads, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(42)
rng = np.random.default_rng(42)


data = Fold(folder)
nu, ni, pu, pi = data.nu, data.ni, data.pu, data.pi
seen = np.unique(pu * ni + pi)


class NeuMf(torch.nn.Module):
    def __init__(self, factors=8, layers=(32, 16, 8)):
        super().__init__()
        self.gu, self.gi = torch.nn.Embedding(nu, factors), torch.nn.Embedding(ni, factors)
        self.mu, self.mi = torch.nn.Embedding(nu, layers[0] // 2), torch.nn.Embedding(ni, layers[0] // 2)
        self.mlp = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(layers, layers[1:]))
        self.out = torch.nn.Linear(factors + layers[-1], 1)
        for e in (self.gu, self.gi, self.mu, self.mi):
            torch.nn.init.normal_(e.weight, 0, 0.01)
        for layer in list(self.mlp) + [self.out]:
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)

    def forward(self, u, i):
        h = torch.cat([self.mu(u), self.mi(i)], 1)
        for layer in self.mlp:
            h = torch.relu(layer(h))
        return self.out(torch.cat([self.gu(u) * self.gi(i), h], 1)).squeeze(1)


def epoch_examples():
    n = len(pu) * 4
    nu_ = np.repeat(pu, 4)
    ni_ = rng.integers(0, ni, n)
    bad = np.isin(nu_ * ni + ni_, seen)
    while bad.any():
        ni_[bad] = rng.integers(0, ni, bad.sum())
        bad = np.isin(nu_ * ni + ni_, seen)
    u = np.concatenate([pu, nu_])
    i = np.concatenate([pi, ni_])
    y = np.concatenate([np.ones(len(pu)), np.zeros(n)]).astype(np.float32)
    order = rng.permutation(len(u))
    return torch.from_numpy(u[order]), torch.from_numpy(i[order]), torch.from_numpy(y[order])


model = NeuMf()
opt = torch.optim.Adam(model.parameters(), 1e-3)
loss_fn = torch.nn.BCEWithLogitsLoss()
start = time.time()
for epoch in range(epochs):
    model.train()
    u, i, y = epoch_examples()
    for s in range(0, len(u), batch):
        loss = loss_fn(model(u[s:s + batch], i[s:s + batch]), y[s:s + batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
seconds = time.time() - start

model.eval()
with torch.no_grad():
    all_items = torch.arange(ni)
    scores = torch.stack([model(torch.full((ni,), u, dtype=torch.long), all_items) for u in range(nu)])
data.report(scores, seconds, epochs, threads)
