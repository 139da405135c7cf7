#!/usr/bin/python3
"""Runs YOLOv5's own train.py (a checkout given by $YOLOV5_DIR) offline, as the reference next to ours.

    YOLOV5_DIR=/work/yolov5 /usr/bin/python3 tools/run_yolov5_train.py --cfg yolov5n.yaml --img 320 \
        --batch-size 16 --epochs 50 --weights '' --data DIR/data.yaml --workers 2 --project OUT --name exp

Only the checks that need the network (git status, pip requirements, font download) are replaced
by no-ops; the training itself is YOLOv5's, untouched. Prints the wall time at the end.
"""
import os
import sys
import time
import types


def main():
    root = os.environ.get("YOLOV5_DIR", "/work/yolov5")
    sys.path.insert(0, root)
    os.chdir(root)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from yolov5_offline import install_shims
    install_shims(tensorboard=True)
    noop = lambda *a, **k: None  # noqa: E731
    from utils import general, plots
    general.check_requirements = noop  # it would pip-install; everything needed is installed
    general.check_font = noop
    try:
        import git  # noqa: F401
    except ImportError:
        # train.py records git info at import; a checkout without .git answers "not a repository".
        git = types.ModuleType("git")
        git.exc = types.SimpleNamespace(InvalidGitRepositoryError=type("InvalidGitRepositoryError", (Exception,), {}))

        def _no_repo(*a, **k):
            raise git.exc.InvalidGitRepositoryError()

        git.Repo = _no_repo
        sys.modules["git"] = git
    import train
    train.check_git_status = noop
    train.check_requirements = noop
    general.check_font = noop
    plots.check_font = noop
    opt = train.parse_opt()
    t0 = time.time()
    train.main(opt)
    print(f"yolov5 train.py wall time: {time.time() - t0:.1f} s", flush=True)


if __name__ == "__main__":
    main()
