"""Mult-VAE in PyTorch, the same network, data and protocol as recwb's mult-vae, for a side-by-side benchmark.

ML-100K fold u1 (u1.base / u1.test) with ratings >= 4 kept, every kept rating a 1; encoder 600 tanh -> 200 (mean,
log-variance), decoder 200 -> 600 tanh -> items; multinomial likelihood, KL annealed to 0.2 over 200,000 updates;
Adam 1e-3, batch BATCH (100 in the paper), input dropout 0.5, Xavier-normal weights and zero biases. Evaluation: full ranking of every
item but the user's training items, NDCG@10 (binary gains, ideal DCG over min(|relevant|, 10)) and Recall@20
(hits / |relevant|), averaged over the test users.

Usage: python3 multvae.py ML100K_DIR EPOCHS THREADS BATCH
Prints: seconds per epoch, peak resident memory, NDCG@10, Recall@20.
"""
import sys, time
import numpy as np
import torch

from ml100k import Fold

folder, epochs, threads, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(42)
np.random.seed(42)


data = Fold(folder)
nu, ni = data.nu, data.ni
X = np.zeros((nu, ni), dtype=np.float32)
X[data.pu, data.pi] = 1
X = torch.from_numpy(X)


class MultVae(torch.nn.Module):
    def __init__(self, hidden=600, latent=200):
        super().__init__()
        self.e, self.mu, self.lv = torch.nn.Linear(ni, hidden), torch.nn.Linear(hidden, latent), torch.nn.Linear(hidden, latent)
        self.d1, self.d2 = torch.nn.Linear(latent, hidden), torch.nn.Linear(hidden, ni)
        for layer in (self.e, self.mu, self.lv, self.d1, self.d2):
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)

    def forward(self, x):
        n = x / torch.sqrt((x * x).sum(1, keepdim=True) + 1e-10)
        n = torch.nn.functional.dropout(n, 0.5, self.training)
        h = torch.tanh(self.e(n))
        mu, lv = self.mu(h), self.lv(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * lv) if self.training else mu
        return self.d2(torch.tanh(self.d1(z))), mu, lv


model = MultVae()
opt = torch.optim.Adam(model.parameters(), 1e-3)
trained = [k for k in range(nu) if X[k].sum() > 0]
updates = 0
start = time.time()
for epoch in range(epochs):
    model.train()
    order = np.random.permutation(trained)
    for s in range(0, len(order), batch):
        xb = X[order[s:s + batch]]
        logits, mu, lv = model(xb)
        nll = -(torch.log_softmax(logits, 1) * xb).sum(1).mean()
        kl = (0.5 * (-lv + lv.exp() + mu * mu - 1)).sum(1).mean()
        beta = min(0.2, 0.2 * updates / 200000)
        loss = nll + beta * kl
        opt.zero_grad()
        loss.backward()
        opt.step()
        updates += 1
seconds = time.time() - start

model.eval()
with torch.no_grad():
    scores = model(X)[0]
data.report(scores, seconds, epochs, threads)
