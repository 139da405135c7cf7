"""Stand-ins that let a YOLOv5 checkout be imported offline, shared by the tools in this folder.

YOLOv5 imports IPython and seaborn at module level (notebook display, plots) and train.py opens a
TensorBoard writer; none of that is used by our reference runs. Each stand-in is registered only
when the real package is missing.
"""
import sys
import types


def install_shims(tensorboard=False):
    try:
        import IPython  # noqa: F401
    except ImportError:
        ipy = types.ModuleType("IPython")
        ipy.get_ipython = lambda: None  # matplotlib asks this; None = not in IPython
        disp = types.ModuleType("IPython.display")
        disp.display = lambda *a, **k: None
        ipy.display = disp
        sys.modules["IPython"] = ipy
        sys.modules["IPython.display"] = disp
    try:
        import seaborn  # noqa: F401
    except ImportError:
        sys.modules["seaborn"] = types.ModuleType("seaborn")
    if tensorboard:
        try:
            import tensorboard as _tb  # noqa: F401
        except ImportError:
            tb = types.ModuleType("torch.utils.tensorboard")

            class SummaryWriter:
                """A writer that writes nothing."""

                def __init__(self, *a, **k):
                    pass

                def __getattr__(self, name):
                    return lambda *a, **k: None

            tb.SummaryWriter = SummaryWriter
            sys.modules["torch.utils.tensorboard"] = tb
