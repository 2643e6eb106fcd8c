"""Issue 43's crash, reduced: a channels_last CIFAR ResNet-20 (width 4, stride-2 stem, the library's `make_model`)
on CPU, two threads, an odd batch (27: CORAL's balanced batches are 3 domains x 9), twenty backward passes.

    OMP_NUM_THREADS=2 python .ci/repro/channels_last_odd_batch.py              # crashes (torch 2.14.1 CPU, AMD EPYC)
    OMP_NUM_THREADS=2 BS=28 python .ci/repro/channels_last_odd_batch.py        # an even batch: finishes
    OMP_NUM_THREADS=2 CL=0 python .ci/repro/channels_last_odd_batch.py         # contiguous: finishes
    OMP_NUM_THREADS=1 python .ci/repro/channels_last_odd_batch.py              # one thread: finishes

No optimizer, no fastai, no DG penalty is needed; a two-conv Sequential net does not crash. Not run by CI."""
import faulthandler, os
import torch
import torch.nn.functional as F
from dg_pruning.models import make_model
faulthandler.enable()
torch.manual_seed(0)
bs, cl = int(os.environ.get('BS', 27)), os.environ.get('CL', '1') == '1'
fmt = torch.channels_last if cl else torch.contiguous_format
m = make_model('resnet20', 3, 7, width=4, stem_stride=2).to(memory_format=fmt)
for it in range(int(os.environ.get('ITERS', 20))):
    x = torch.randn(bs, 3, 32, 32).to(memory_format=fmt)
    F.cross_entropy(m(x), torch.randint(0, 7, (bs,))).backward()
print('finished:', torch.__version__, torch.get_num_threads(), 'thread(s), batch', bs,
      'channels_last' if cl else 'contiguous')
