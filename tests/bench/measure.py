#!/usr/bin/python3
# Runs one command as a whole process and reports what it cost: wall time, CPU time (user + system, all threads
# and child processes waited for) and peak resident memory, from the kernel's rusage (os.wait4). Prints JSON.
#   /usr/bin/python3 tests/bench/measure.py [--stdout FILE] <command> [args…]   (stdout discarded unless kept)
import json, os, sys, time

args = sys.argv[1:]
keep = os.devnull
if args[0] == '--stdout':
    keep, args = args[1], args[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    out = os.open(keep, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    try:
        os.execvp(args[0], args)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'wall': wall, 'cpu': usage.ru_utime + usage.ru_stime,
                  'rssMb': usage.ru_maxrss / 1024}))
