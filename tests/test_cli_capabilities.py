"""``mani run``: sandboxed by default, ``--allow-*`` flags, script arguments
(``...`` and ``arg``), ``-`` for standard input, ``os.exit`` as the exit
status, ``warn`` to standard error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import mani

# the child imports the mani under test, also from another directory
_ENV = dict(os.environ, PYTHONPATH=str(Path(mani.__file__).resolve().parent.parent))


def mani_run(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mani", "run", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=_ENV)


def test_run_is_sandboxed_by_default(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("print(io, os, loadfile)")
    r = mani_run(str(f))
    assert r.returncode == 0 and r.stdout == "nil\tnil\tnil\n"


def test_allow_flags_grant_one_capability_each(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("print(type(io), type(os) == 'table' and type(os.getenv), type(loadfile))")
    assert mani_run("--allow-io", str(f)).stdout == "table\tfalse\tnil\n"
    assert mani_run("--allow-os", str(f)).stdout == "nil\tfunction\tnil\n"
    assert mani_run("--allow-require", str(f)).stdout == "nil\tfalse\tfunction\n"
    assert mani_run("-A", str(f)).stdout == "table\tfunction\tfunction\n"
    assert mani_run("--allow-all", str(f)).stdout == "table\tfunction\tfunction\n"


def test_print_and_io_write_come_out_in_order(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("io.write('a') print('b') io.write('c\\n') io.stdout:write('d') print() "
                 "io.stderr:write('to stderr\\n')")
    r = mani_run("--allow-io", str(f))
    assert r.returncode == 0 and r.stdout == "ab\nc\nd\n" and r.stderr == "to stderr\n"


def test_script_arguments_and_the_arg_table(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("print(select('#', ...), ...) for i = -4, #arg do io.write(tostring(arg[i]), ' ') end print()")
    r = mani_run("--allow-io", str(f), "x", "y z", "--", "--budget")
    assert r.returncode == 0
    assert r.stdout == f"3\tx\ty z\t--budget\nnil mani run --allow-io {f} x y z --budget \n"
    # mani's own options after the script name still count (as before)
    r = mani_run(str(f), "--budget", "100000", "--allow-io", "one")
    assert r.stdout.startswith("1\tone\n") and "--budget 100000 --allow-io" in r.stdout


def test_dash_reads_the_script_from_stdin():
    r = mani_run("-", "a", stdin="print('from stdin', ...) error('oops')")
    assert r.returncode == 1 and r.stdout == "from stdin\ta\n"
    assert r.stderr.startswith("mani: stdin:1: oops")


def test_os_exit_is_the_exit_status(tmp_path):
    f = tmp_path / "s.lua"
    for code, status in (("", 0), ("true", 0), ("false", 1), ("42", 42), ("256 + 3", 3)):
        f.write_text(f"print('before') pcall(os.exit{', ' if code else ''}{code}) print('after')")
        r = mani_run("--allow-os", str(f))
        assert (r.returncode, r.stdout, r.stderr) == (status, "before\n", "")


def test_os_execute_output_comes_after_what_was_printed(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("print('first') io.write('second ') os.execute('echo third') print('fourth')")
    r = mani_run("-A", str(f))
    assert r.returncode == 0 and r.stdout == "first\nsecond third\nfourth\n"


def test_require_and_dofile_from_the_working_directory(tmp_path):
    (tmp_path / "helper.lua").write_text("return {n = 7}")
    (tmp_path / "main.lua").write_text("print(require('helper').n, dofile('helper.lua').n)")
    r = mani_run("--allow-require", "main.lua", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == "7\t7\n"
    r = mani_run("main.lua", cwd=tmp_path)
    assert r.returncode == 1 and "module 'helper' not found" in r.stderr


def test_warnings_go_to_stderr(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("warn('not shown') warn('@on') warn('careful: ', 'x') print('out')")
    r = mani_run(str(f))
    assert r.returncode == 0 and r.stdout == "out\n" and r.stderr == "Lua warning: careful: x\n"


def test_bad_flags_give_a_message_not_a_traceback(tmp_path):
    f = tmp_path / "s.lua"
    f.write_text("print(1)")
    for args, words in ((["--allow-debug", str(f)], "debug library is not available"),
                        (["--allow-io=yes", str(f)], "--allow-io"),
                        (["--allow-everything", str(f)], "unrecognized arguments"),
                        ([], "required: file")):
        r = mani_run(*args)
        assert r.returncode == 2 and "Traceback" not in r.stderr and words in r.stderr, (args, r.stderr)
