"""W-CLIP and W-VQA (Tools/Benchmark/ClipWorkload.swift, VqaWorkload.swift) in PyTorch eager (CPU), to run beside the Swift benchmark.

The same models, sizes and optimizer as Tools/Benchmark/{Clip,Vqa}Workload.swift (the random values
differ: each side has its own generator). Two threads, median ms per step over 50 steps after 5 warm-up:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Tools/Benchmark/torch_reference.py [--only clip,vqa] [--threads 2]

Prints one JSON object: {"torch_clip_ms_per_step": ..., "torch_vqa_ms_per_step": ..., ...}, with the
version, the intra- and inter-op thread counts and OMP_WAIT_POLICY, which decide how it behaves beside
other programs. Needs `pip install torch` (a CPU wheel is enough; a CUDA wheel runs the same CPU code).

PyTorch's OpenMP threads spin while they wait for work. Alone on the cores that is its fastest setting;
beside another busy program on a two-core machine a step can take ten times as long (Docs/performance.md),
so compare against it only in quiet rounds, or rerun with OMP_WAIT_POLICY=PASSIVE to see the difference.
"""
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2)
WIDTH, HEADS, HIDDEN = 64, 4, 256


def patchify(images, patch=8):
    """[B, 32, 32, 3] -> [B, 16, 192]: patches row by row, channel-last inside a patch."""
    b, s, _, c = images.shape
    n = s // patch
    x = images.reshape(b, n, patch, n, patch, c).permute(0, 1, 3, 2, 4, 5)
    return x.reshape(b, n * n, patch * patch * c)


class Block(nn.Module):
    """Pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x)) with GELU (tanh form)."""

    def __init__(self):
        super().__init__()
        self.norm1 = nn.LayerNorm(WIDTH)
        self.attention = nn.MultiheadAttention(WIDTH, HEADS, batch_first=True)
        self.norm2 = nn.LayerNorm(WIDTH)
        self.mlp = nn.Sequential(nn.Linear(WIDTH, HIDDEN), nn.GELU(approximate="tanh"), nn.Linear(HIDDEN, WIDTH))

    def forward(self, x, pad=None):
        h = self.norm1(x)
        x = x + self.attention(h, h, h, key_padding_mask=pad, need_weights=True, average_attn_weights=False)[0]
        return x + self.mlp(self.norm2(x))


class Encoder(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.blocks = nn.ModuleList(Block() for _ in range(depth))
        self.norm = nn.LayerNorm(WIDTH)

    def forward(self, x, pad=None):
        for block in self.blocks:
            x = block(x, pad)
        return self.norm(x)


class Clip(nn.Module):
    def __init__(self):
        super().__init__()
        self.patch = nn.Linear(192, WIDTH)
        self.image_positions = nn.Parameter(torch.randn(16, WIDTH) * 0.02)
        self.image_encoder = Encoder(2)
        self.image_projection = nn.Linear(WIDTH, 32, bias=False)
        self.tokens = nn.Embedding(64, WIDTH)
        self.text_positions = nn.Parameter(torch.randn(8, WIDTH) * 0.02)
        self.text_encoder = Encoder(2)
        self.text_projection = nn.Linear(WIDTH, 32, bias=False)
        self.log_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def forward(self, images, captions):
        image = self.image_encoder(self.patch(patchify(images)) + self.image_positions).mean(dim=1)
        image = F.normalize(self.image_projection(image), dim=-1)
        pad = captions == 0
        keep = (~pad).float().unsqueeze(-1)
        text = self.text_encoder(self.tokens(captions) + self.text_positions, pad)
        text = (text * keep).sum(dim=1) / keep.sum(dim=1)
        text = F.normalize(self.text_projection(text), dim=-1)
        logits = self.log_scale.exp() * image @ text.t()
        target = torch.arange(images.shape[0])
        return (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target)) / 2


class Vqa(nn.Module):
    def __init__(self, question_length=10):
        super().__init__()
        self.patch = nn.Linear(192, WIDTH)
        self.tokens = nn.Embedding(64, WIDTH)
        self.positions = nn.Parameter(torch.randn(16 + question_length, WIDTH) * 0.02)
        self.types = nn.Embedding(2, WIDTH)
        self.encoder = Encoder(4)
        self.answer = nn.Linear(WIDTH, 32)
        self.register_buffer("type_ids", torch.tensor([0] * 16 + [1] * question_length))

    def forward(self, images, questions, answers):
        x = torch.cat([self.patch(patchify(images)), self.tokens(questions)], dim=1)
        x = self.encoder(x + self.positions + self.types(self.type_ids))
        return F.cross_entropy(self.answer(x[:, -1]), answers)


def time_steps(model, batch, warm_up=5, steps=50):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    losses, times = [], []
    for step in range(warm_up + steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = model(*batch)
        loss.backward()
        optimizer.step()
        elapsed = time.perf_counter() - start
        losses.append(loss.item())
        if step >= warm_up:
            times.append(elapsed)
    times.sort()
    return 1000 * times[len(times) // 2], losses[0], losses[-1]


def clip_batch(batch=64):
    images = torch.rand(batch, 32, 32, 3)
    lengths = torch.randint(4, 9, (batch,))
    captions = torch.randint(1, 64, (batch, 8)) * (torch.arange(8) < lengths[:, None])
    return images, captions


if __name__ == "__main__":
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else ["clip", "vqa"]
    torch.manual_seed(0)
    result = {}
    if "clip" in only:
        model = Clip()
        assert sum(p.numel() for p in model.parameters()) == 222_273, "W-CLIP parameter count"
        ms, first, last = time_steps(model, clip_batch())
        result.update(torch_clip_ms_per_step=round(ms, 3), torch_clip_loss_first=round(first, 3),
                      torch_clip_loss_last=round(last, 3))
    if "vqa" in only:
        model = Vqa()
        assert sum(p.numel() for p in model.parameters()) == 220_384, "W-VQA parameter count"
        batch = (torch.rand(64, 32, 32, 3), torch.randint(1, 64, (64, 10)), torch.randint(0, 32, (64,)))
        ms, first, last = time_steps(model, batch)
        result.update(torch_vqa_ms_per_step=round(ms, 3))
    result.update(torch_version=torch.__version__, threads=torch.get_num_threads(),
                  interop_threads=torch.get_num_interop_threads(),
                  omp_wait_policy=os.environ.get("OMP_WAIT_POLICY", "default"))
    print(json.dumps(result))
