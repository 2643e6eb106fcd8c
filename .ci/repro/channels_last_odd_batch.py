"""Issue 43's crash, outside the library: PyTorch alone, one 1x1 stride-2 convolution (a ResNet's downsampling
shortcut) in channels_last on the CPU, an odd batch, two threads, the weight's gradient. glibc aborts ("corrupted
double-linked list", exit 134) or the process dies of SIGSEGV (exit 139) a few backward passes in.

    OMP_NUM_THREADS=2 python .ci/repro/channels_last_odd_batch.py           # crashes
    OMP_NUM_THREADS=2 BS=28 python .ci/repro/channels_last_odd_batch.py     # an even batch: finishes
    OMP_NUM_THREADS=2 CL=0 python .ci/repro/channels_last_odd_batch.py      # contiguous: finishes
    OMP_NUM_THREADS=2 MKLDNN=0 python .ci/repro/channels_last_odd_batch.py  # oneDNN off: finishes
    OMP_NUM_THREADS=1 python .ci/repro/channels_last_odd_batch.py           # one thread: finishes

Measured on an AMD EPYC (2 cores, AVX-512), three tries each (exit codes):
  torch 2.14.1 (CUDA build, oneDNN 3.12.0), batch 27, 2 threads: 139 134 139 (3 threads: 134; 1 thread: 0)
  torch 2.13.0 (CPU build, oneDNN 3.12.0),  batch 27, 2 threads: 139 134 134 139
  batches 3, 5, 7, 9, 13, 15, 27, 33, 63 at 32x32 crash; 2, 4, ..., 64 never (two tries each at 8, 16, 32 px)
  a 3x3 conv or stride 1, 16 -> 32 channels, forward only: finish.  The library's workaround: `train.fast_format`.
Not run by CI (it crashes by design); `nbs/10a_stress.ipynb` runs it as the control that shows a crash is seen."""
import faulthandler, os
import torch
faulthandler.enable()
torch.manual_seed(0)
torch.backends.mkldnn.enabled = os.environ.get('MKLDNN', '1') == '1'
bs, cl = int(os.environ.get('BS', 27)), os.environ.get('CL', '1') == '1'
fmt = torch.channels_last if cl else torch.contiguous_format
conv = torch.nn.Conv2d(4, 8, 1, stride=2, bias=False).to(memory_format=fmt)
for it in range(int(os.environ.get('ITERS', 50))):
    conv(torch.randn(bs, 4, 32, 32).to(memory_format=fmt)).sum().backward()
print('finished:', torch.__version__, torch.get_num_threads(), 'thread(s), batch', bs,
      'channels_last' if cl else 'contiguous', 'oneDNN on' if torch.backends.mkldnn.enabled else 'oneDNN off')
